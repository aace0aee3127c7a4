from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from bpoprep.web.core.validators import plain_text

from .models import CompanyResearch, ThankYouNote

PHONE = re.compile(r"[+\d][\d\s-]{7,18}")


class PlainTextFields:
    """Every text field refuses non-UTF-8 input and control characters."""

    fields: dict[str, forms.Field]

    def _plain_text_fields(self) -> None:
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(plain_text)


def clean_phone_number(value: str, required: bool = True) -> str:
    phone = value.strip()
    if (phone or required) and not PHONE.fullmatch(phone):
        raise forms.ValidationError(_("Write the phone number with digits only, e.g. +91 98765 43210."))
    return phone

HINTS = {
    "services_clients": _("What they do and for whom: industries, well-known clients, countries served. Look at the website's 'Clients' or 'Industries' page."),
    "mission_values": _("Their mission and values in their own words (About us page, careers page)."),
    "culture": _("What employees say: AmbitionBox, Glassdoor, LinkedIn posts. Training, shifts, transport, growth."),
    "recent_news": _("Something from the last year: a new centre, a client win, an award, a merger."),
    "competitors": _("Two or three similar companies and how this one compares."),
    "differentiators": _("What sets it apart: a speciality, a training academy, a certification, a famous client."),
    "process_applied": _("The process you applied for: voice or non-voice, inbound or outbound, domestic or international, the client if known."),
    "strength": _("One strength of yours that fits this company (used in your pitch)."),
}


class ResearchForm(PlainTextFields, forms.ModelForm):
    class Meta:
        model = CompanyResearch
        fields = ("company", "services_clients", "mission_values", "culture", "recent_news", "competitors", "differentiators", "process_applied", "strength")
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in ("services_clients", "mission_values", "culture", "recent_news", "competitors", "differentiators", "process_applied")}
        labels = {
            "services_clients": _("Services and clients"), "mission_values": _("Mission and values"), "culture": _("Culture and reviews"),
            "recent_news": _("Recent news"), "competitors": _("Competitors"), "differentiators": _("What sets it apart"),
            "process_applied": _("The process you applied for"), "strength": _("Your matching strength"), "company": _("Company"),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._plain_text_fields()
        for name, field in self.fields.items():
            if name in HINTS:
                field.help_text = HINTS[name]

    def clean_company(self) -> str:
        return " ".join(self.cleaned_data["company"].split())


class ThankYouForm(PlainTextFields, forms.ModelForm):
    class Meta:
        model = ThankYouNote
        fields = ("interviewer", "interviewer_email", "role", "company", "point_discussed", "fit", "subject", "body")
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        labels = {
            "interviewer": _("Interviewer's name"), "interviewer_email": _("Interviewer's e-mail (optional)"), "role": _("Role"), "company": _("Company"),
            "point_discussed": _("One thing you talked about"), "fit": _("Why you fit, in a phrase"), "subject": _("Subject"), "body": _("E-mail"),
        }
        help_texts = {"point_discussed": _("e.g. the night-shift training programme, the new Indore centre"), "fit": _("e.g. my year of part-time customer support")}

    def __init__(self, *args: object, drafting: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._plain_text_fields()
        if drafting:  # the draft button fills subject and body, so they may be empty
            self.fields["subject"].required = False
            self.fields["body"].required = False


class ResumeForm(forms.Form):
    from bpoprep.documents.resume_file import MAX_BYTES

    resume = forms.FileField(label=_("Your resume (PDF or Word .docx, up to 5 MB)"))
    job_description = forms.CharField(
        label=_("The job description"), max_length=20_000, validators=[plain_text], widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Paste the whole advert: title, duties, requirements."),
        error_messages={"required": _("Paste the job description to compare your resume with.")},
    )

    def clean_resume(self) -> object:
        upload = self.cleaned_data["resume"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is %(mb).1f MB; resumes must be under 5 MB.") % {"mb": upload.size / 1_048_576})
        return upload


class CoverLetterForm(PlainTextFields, forms.ModelForm):
    class Meta:
        from .models import CoverLetter

        model = CoverLetter
        fields = ("role", "company", "hiring_manager", "strengths", "why_company", "job_description", "text")
        widgets = {"text": forms.Textarea(attrs={"rows": 14}), "strengths": forms.Textarea(attrs={"rows": 2}), "why_company": forms.Textarea(attrs={"rows": 2}), "job_description": forms.Textarea(attrs={"rows": 4})}
        labels = {"role": _("Role"), "company": _("Company"), "hiring_manager": _("Hiring manager's name (if known)"), "strengths": _("Your strengths, with proof"), "why_company": _("Why this company"), "job_description": _("The job description"), "text": _("Letter")}
        help_texts = {"strengths": _("e.g. For a year I handled 40 customer calls a day at a telecom store and type at 40 WPM"), "why_company": _("Filled from your company research when you have it."), "job_description": _("Filled from your latest resume check; the draft names what the advert asks for.")}

    def __init__(self, *args: object, drafting: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._plain_text_fields()
        if drafting:
            self.fields["text"].required = False


class ReferenceForm(PlainTextFields, forms.ModelForm):
    class Meta:
        from .models import Reference

        model = Reference
        fields = ("name", "relation", "phone", "email", "agreed")
        labels = {"name": _("Name"), "relation": _("How they know you"), "phone": _("Phone"), "email": _("E-mail"), "agreed": _("They agreed to be called")}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._plain_text_fields()

    def clean_phone(self) -> str:
        return clean_phone_number(self.cleaned_data["phone"], required=False)


class CertificationForm(forms.ModelForm):
    class Meta:
        from .models import Certification

        model = Certification
        fields = ("name", "issuer", "year", "copies_ready")
        labels = {"name": _("Certificate"), "issuer": _("Issued by"), "year": _("Year"), "copies_ready": _("Original and two copies ready")}

    def clean_year(self) -> int | None:
        year = self.cleaned_data.get("year")
        if year is not None and not 1980 <= year <= 2100:
            raise forms.ValidationError(_("Enter the year as four digits, e.g. 2024."))
        return year


class ResumeDraftForm(PlainTextFields, forms.ModelForm):
    class Meta:
        from .models import ResumeDraft

        model = ResumeDraft
        fields = ("name", "email", "phone", "city", "summary", "experience", "education", "skills", "references")
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "experience": forms.Textarea(attrs={"rows": 10}), "education": forms.Textarea(attrs={"rows": 3}), "skills": forms.Textarea(attrs={"rows": 2})}
        labels = {"name": _("Full name"), "email": _("E-mail"), "phone": _("Mobile"), "city": _("City"), "summary": _("Summary"), "experience": _("Experience"), "education": _("Education"), "skills": _("Skills"), "references": _("References")}
        help_texts = {
            "summary": _("Two lines: who you are and the role you want, e.g. “B.Com graduate with a year of part-time customer support, applying for chat support.”"),
            "experience": _("For each job, internship or project: first line “Role, Organisation, Dates”, then one achievement per line, starting with a verb and with a number where you can. Leave a blank line between jobs."),
            "education": _("One line each, e.g. “B.Com, Pune University, 2024, 68%”."),
            "skills": _("Separated by commas: typing 40 WPM, MS Excel, English, Hindi, Zendesk."),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._plain_text_fields()

    def clean_phone(self) -> str:
        return clean_phone_number(self.cleaned_data["phone"])
