from __future__ import annotations

from typing import Any

import yaml
from django import forms
from django.contrib import admin

from bpoprep.content.catalogue import ContentError
from bpoprep.content.records import KINDS, Record, from_records, validate

from . import services
from .models import ContentItem


class ContentItemForm(forms.ModelForm):
    """Staff edit an item as YAML; it is checked against its schema and the whole curriculum."""

    kind = forms.ChoiceField(choices=[(k, k) for k in KINDS])
    yaml_text = forms.CharField(label="Content (YAML)", widget=forms.Textarea(attrs={"rows": 30, "cols": 100, "style": "font-family: monospace"}))

    class Meta:
        model = ContentItem
        fields = ("kind", "language")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["yaml_text"].initial = yaml.safe_dump(self.instance.data, allow_unicode=True, sort_keys=False, width=100)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        text = cleaned.get("yaml_text", "")
        kind = cleaned.get("kind", "")
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise forms.ValidationError(f"Not valid YAML: {exc}") from None
        try:
            obj = validate(kind, data)
        except ContentError as exc:
            raise forms.ValidationError([str(p) for p in exc.problems]) from None
        language = getattr(obj, "language", "en")
        cleaned["language"] = language
        clash = ContentItem.objects.filter(kind=kind, item_id=obj.id, language=language).exclude(pk=self.instance.pk)  # type: ignore[attr-defined]
        if clash.exists():
            raise forms.ValidationError(f"Another {kind} already has the id '{obj.id}'.")  # type: ignore[attr-defined]
        others = [Record(i.kind, i.item_id, i.language, i.data) for i in ContentItem.objects.exclude(pk=self.instance.pk)]
        try:
            from_records([*others, Record(kind, obj.id, language, data)])  # type: ignore[attr-defined]
        except ContentError as exc:
            raise forms.ValidationError([str(p) for p in exc.problems[:20]]) from None
        self.instance.item_id = obj.id  # type: ignore[attr-defined]
        self.instance.data = obj.model_dump(mode="json", exclude_defaults=True)
        return cleaned


@admin.register(ContentItem)
class ContentItemAdmin(admin.ModelAdmin):
    form = ContentItemForm
    list_display = ("item_id", "kind", "language", "title", "edited", "updated", "updated_by")
    list_filter = ("kind", "language", "edited")
    search_fields = ("item_id", "data")
    readonly_fields = ("edited", "updated", "updated_by", "source_hash")

    @admin.display(description="title / text")
    def title(self, obj: ContentItem) -> str:
        return str(obj.data.get("title") or obj.data.get("text") or "")[:80]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        obj.edited = True
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        services.forget_cache()

    def delete_model(self, request, obj):  # type: ignore[no-untyped-def]
        super().delete_model(request, obj)
        services.forget_cache()
