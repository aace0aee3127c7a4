"""Build a resume in the app, download it, and check it against a job."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bpoprep.web.prep.models import Certification, ResumeCheck, ResumeDraft
from tests.documents.fixtures import JD

pytestmark = pytest.mark.django_db
FORM = {"action": "save", "name": "Asha", "email": "asha@example.com", "phone": "+91 98765 43210", "city": "Pune", "summary": "Graduate applying for chat support.",
        "experience": "Support intern, ShopKart, 2024\nHandled 40 chats a day", "education": "B.Com, 2024", "skills": "typing 40 WPM, Excel", "references": "Available on request."}


def test_build_download_and_check(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    Certification.objects.create(user=user, name="Typing 40 WPM", issuer="ITI", year=2024)
    assert c.post(reverse("prep:resume_builder"), FORM).status_code == 302 and ResumeDraft.objects.filter(user=user).exists()
    page = c.get(reverse("prep:resume_builder")).content.decode()
    assert "Typing 40 WPM, ITI (2024)" in page  # certificates come from the list
    pdf = c.get(reverse("prep:resume_download", args=["pdf"]))
    docx = c.get(reverse("prep:resume_download", args=["docx"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content[:5] == b"%PDF-" and 'filename="Asha-resume.pdf"' in pdf["Content-Disposition"]
    assert docx.content[:2] == b"PK"
    r = c.post(reverse("prep:resume_builder"), {"action": "check", "job_description": JD})
    check = ResumeCheck.objects.get(user=user)
    assert r["Location"] == reverse("prep:resume_report", args=[check.pk]) and check.filename == "resume built in bpoprep"


def test_bad_builder_input_and_no_draft(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    assert c.get(reverse("prep:resume_download", args=["pdf"])).status_code == 404
    r = c.post(reverse("prep:resume_builder"), {**FORM, "phone": "ring me", "email": "not-an-email"})
    html = r.content.decode()
    assert "digits only" in html and "valid email" in html and not ResumeDraft.objects.exists()


def test_pdf_export_of_another_script_explains_and_offers_word(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    c.post(reverse("prep:resume_builder"), {**FORM, "name": "आशा"})
    r = c.get(reverse("prep:resume_download", args=["pdf"]), follow=True)
    assert "Download the Word file instead" in r.content.decode()
    assert c.get(reverse("prep:resume_download", args=["docx"])).status_code == 200
