"""Resume upload to match report in the app; bad files refused with nothing stored."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bpoprep.web.plans.services import plan_for
from bpoprep.web.prep.models import ResumeCheck
from tests.conftest import make_user
from tests.documents.fixtures import JD, RESUME_LINES, docx_with_macros, pdf

pytestmark = pytest.mark.django_db


def test_upload_gives_a_report_with_a_todo_list(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    r = c.post(reverse("prep:resume"), {"resume": SimpleUploadedFile("asha.pdf", pdf(RESUME_LINES), "application/pdf"), "job_description": JD})
    check = ResumeCheck.objects.get(user=user)
    assert r.status_code == 302 and r["Location"] == reverse("prep:resume_report", args=[check.pk])
    html = c.get(r["Location"]).content.decode()
    assert f"{check.percent}<span>%</span>" in html and "To do" in html and "flexibility with shifts" in html
    assert {s.step.id: s.done_how for s in plan_for(user).steps}["resume"] == "auto"
    assert json.loads(c.get(reverse("accounts:export")).content)["resume_checks"][0]["filename"] == "asha.pdf"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("evil.docm", docx_with_macros(), "macros"),
        ("fake.pdf", b"<html><script>alert(1)</script></html>", "Only PDF and Word"),
        ("big.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024), "under 5 MB"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(client_for, user, name: str, data: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    r = client_for(user).post(reverse("prep:resume"), {"resume": SimpleUploadedFile(name, data), "job_description": JD})
    assert r.status_code == 200 and message in r.content.decode() and not ResumeCheck.objects.exists()


def test_the_job_description_is_required_and_reports_are_private(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    r = c.post(reverse("prep:resume"), {"resume": SimpleUploadedFile("a.pdf", pdf(RESUME_LINES)), "job_description": ""})
    assert "Paste the job description" in r.content.decode() and not ResumeCheck.objects.exists()
    r = c.post(reverse("prep:resume"), {"resume": SimpleUploadedFile("a.pdf", pdf(RESUME_LINES)), "job_description": JD})
    other = client_for(make_user("b@example.com"))
    assert other.get(r["Location"]).status_code == 404
