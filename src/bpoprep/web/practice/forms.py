from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bpoprep.feedback.engine import MAX_ANSWER_CHARS
from bpoprep.web.core.validators import plain_text


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_ANSWER_CHARS,
        widget=forms.Textarea(attrs={"rows": 10, "data-wordcount": "true", "autocomplete": "off", "spellcheck": "false"}),
        validators=[plain_text],
        error_messages={"required": _("Write your answer first: at least one sentence."), "max_length": _("That is too long to be an interview answer (the limit is %(limit_value)d characters). Cut it down to the main points.")},
    )
    seconds = forms.IntegerField(required=False, min_value=0, max_value=4 * 3600, widget=forms.HiddenInput(attrs={"data-timer-field": "true"}))

    def clean_answer(self) -> str:
        answer = self.cleaned_data["answer"].strip()
        if not any(c.isalpha() for c in answer):
            raise forms.ValidationError(_("Write your answer in words: at least one sentence."))
        return answer
