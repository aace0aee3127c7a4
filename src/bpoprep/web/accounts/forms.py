from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UserCreationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bpoprep.web.curriculum.services import role_choices
from bpoprep.web.core.validators import plain_text

from .models import Profile, User

MAX_ROLES = 3
MAX_DAYS_AHEAD = 365


class SignupForm(UserCreationForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    display_name = forms.CharField(label=_("Your name"), max_length=80, required=False, validators=[plain_text])

    class Meta:
        model = User
        fields = ("email", "display_name")

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}))

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


class QueuedPasswordResetForm(PasswordResetForm):
    """Send the reset e-mail through the job queue, so a mail-server hiccup is retried."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None):  # type: ignore[override]
        from django.template import loader

        from bpoprep.web.jobs.services import enqueue

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        enqueue("send_email", {"subject": subject, "body": body, "to": [to_email], "from": from_email}, user=context.get("user"))


class ProfileForm(forms.ModelForm):
    target_roles = forms.MultipleChoiceField(
        label=_("Roles you are applying for"),
        choices=role_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Pick one to three."),
    )
    interview_date = forms.DateField(
        label=_("Interview date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty if you do not have a date yet; we plan for two weeks."),
    )

    class Meta:
        model = Profile
        fields = ("target_roles", "process", "market", "company", "interview_date", "ui_language")
        widgets = {
            "process": forms.RadioSelect,
            "market": forms.RadioSelect,
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name in ("process", "market"):
            field = self.fields[name]
            field.required = True
            field.choices = [c for c in field.choices if c[0]]
        self.fields["company"].validators.append(plain_text)
        self.fields["company"].help_text = _("The company you are interviewing with, if you know it.")

    def clean_target_roles(self) -> list[str]:
        roles = self.cleaned_data["target_roles"]
        if len(roles) > MAX_ROLES:
            raise forms.ValidationError(_("Choose at most three roles, so your plan stays focused."))
        return list(roles)

    def clean_company(self) -> str:
        return " ".join(self.cleaned_data["company"].split())

    def clean_interview_date(self) -> datetime.date | None:
        day = self.cleaned_data.get("interview_date")
        if day is None:
            return None
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("The interview date is in the past. Pick today or a later day, or leave it empty."))
        if day > today + datetime.timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(_("Pick a date within the next year."))
        return day


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    confirm = forms.BooleanField(label=_("I understand that everything I stored will be deleted and cannot be recovered."))

    def __init__(self, user: User, *args: object, **kwargs: object) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."))
        return password


def axes_username(request: object, credentials: dict | None) -> str | None:
    """The e-mail a log-in attempt was for, normalised like the login form does, for lockouts."""
    value = (credentials or {}).get("username") or getattr(request, "POST", {}).get("username", "")
    return str(value).strip().lower() or None
