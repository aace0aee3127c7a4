from __future__ import annotations

from django.conf import settings
from django.db import models


class ContentItem(models.Model):
    """One curriculum item (a lesson, question, role, drill ...) as validated data.

    The packaged YAML is synced in on start-up; items staff edit in the admin are marked
    `edited` and are never overwritten by a later sync.
    """

    kind = models.CharField(max_length=20, db_index=True)
    item_id = models.CharField(max_length=80)
    language = models.CharField(max_length=5, default="en")
    data = models.JSONField()
    source_hash = models.CharField(max_length=64, blank=True, help_text="hash of the packaged version this came from")
    edited = models.BooleanField(default=False, help_text="changed by staff; package updates leave it alone")
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "item_id", "language"], name="one_item_per_kind_id_language")]
        ordering = ["kind", "item_id", "language"]

    def __str__(self) -> str:
        title = self.data.get("title") or self.data.get("text") or ""
        return f"{self.kind} {self.item_id} [{self.language}] {str(title)[:60]}"
