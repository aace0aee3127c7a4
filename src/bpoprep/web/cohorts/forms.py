from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bpoprep.web.core.validators import plain_text

from .models import Cohort


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ("name",)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].validators.append(plain_text)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Give the cohort a name."))
        return name


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Invite code"), max_length=12, min_length=4)

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().upper().replace(" ", "").replace("-", "")
        try:
            self.cohort = Cohort.objects.get(code=code)
        except Cohort.DoesNotExist:
            raise forms.ValidationError(_("No cohort has that code. Check it with your trainer.")) from None
        return code
