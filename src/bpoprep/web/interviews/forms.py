from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bpoprep.web.accounts.models import MARKET_CHOICES, PROCESS_CHOICES
from bpoprep.web.core.validators import plain_text
from bpoprep.web.curriculum.services import role_choices

LENGTH_CHOICES = [(5, _("About 5 minutes (5 questions)")), (10, _("About 10 minutes (8 questions)")), (15, _("About 15 minutes (12 questions)"))]
MODE_CHOICES = [("typed", _("Typed answers")), ("spoken", _("Spoken answers (microphone)"))]


class SetupForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=role_choices)
    process = forms.ChoiceField(label=_("Process"), choices=PROCESS_CHOICES)
    market = forms.ChoiceField(label=_("Market"), choices=MARKET_CHOICES)
    minutes = forms.TypedChoiceField(label=_("Length"), choices=LENGTH_CHOICES, coerce=int, initial=10)
    mode = forms.ChoiceField(label=_("How you answer"), choices=MODE_CHOICES, initial="typed", widget=forms.RadioSelect)
    allow_repeats = forms.BooleanField(label=_("Include questions I practised in the last week"), required=False)


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Who is interviewing you? (optional)"), max_length=80, required=False, validators=[plain_text])


SCORE_CHOICES = [("", "—")] + [(str(n), str(n)) for n in range(1, 6)]


class ReviewForm(forms.Form):
    """The interviewer's rubric: 1-5 on three points a question, a comment, and an overall note."""

    reviewer = forms.CharField(label=_("Your name"), max_length=80, validators=[plain_text])
    comment = forms.CharField(label=_("Overall comments for the candidate"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 4}), validators=[plain_text])

    def __init__(self, *args: object, positions: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.positions = positions
        for p in positions:
            for part in ("content", "structure", "delivery"):
                self.fields[f"{part}_{p}"] = forms.TypedChoiceField(choices=SCORE_CHOICES, coerce=int, empty_value=None, required=False)
            self.fields[f"comment_{p}"] = forms.CharField(max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2}), validators=[plain_text])

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if self.positions and not any(data.get(f"{part}_{p}") for p in self.positions for part in ("content", "structure", "delivery")) and not data.get("comment"):
            raise forms.ValidationError(_("Give at least one score or an overall comment before saving."))
        return data

    def scores(self) -> dict[str, dict[str, object]]:
        out: dict[str, dict[str, object]] = {}
        for p in self.positions:
            row = {part: self.cleaned_data.get(f"{part}_{p}") for part in ("content", "structure", "delivery")}
            row["comment"] = self.cleaned_data.get(f"comment_{p}", "")
            if any(v for v in row.values()):
                out[str(p)] = row
        return out
