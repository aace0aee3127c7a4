"""The cover letter editor: draft from the profile and research, edit, check, save."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bpoprep.web.plans.services import plan_for
from bpoprep.web.prep.models import CompanyResearch, CoverLetter

pytestmark = pytest.mark.django_db


def test_draft_uses_the_research_then_check_and_save(client_for, user) -> None:  # type: ignore[no-untyped-def]
    CompanyResearch.objects.create(user=user, company="Acme Services", differentiators="an in-house voice and accent academy")
    c = client_for(user)
    page = c.get(reverse("prep:cover_letter")).content.decode()
    assert "an in-house voice and accent academy" in page and 'value="Acme Services"' in page
    fields = {"role": "Customer Service Representative", "company": "Acme Services", "hiring_manager": "", "strengths": "I handled 40 calls a day at a phone shop", "why_company": "an in-house voice and accent academy"}
    drafted = c.post(reverse("prep:cover_letter"), {**fields, "draft": "1"}).content.decode()
    assert "Dear Hiring Manager," in drafted and "I handled 40 calls a day" in drafted and not CoverLetter.objects.exists()
    r = c.post(reverse("prep:cover_letter"), {**fields, "text": "Dear Hiring Manager,\n\nI want the job.", "save": "1"})
    assert r.status_code == 200 and CoverLetter.objects.filter(user=user).count() == 1 and "badge failed" in r.content.decode()
    assert {s.step.id: s.done_how for s in plan_for(user).steps}["cover-letter"] == "auto"


def test_html_and_oversized_letters(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    fields = {"role": "Agent", "company": "Acme", "save": "1"}
    r = c.post(reverse("prep:cover_letter"), {**fields, "text": "x" * 7000})
    assert r.status_code == 200 and not CoverLetter.objects.exists()
    r = c.post(reverse("prep:cover_letter"), {**fields, "text": "<script>alert(1)</script> Dear team"})
    assert "<script>alert(1)" not in r.content.decode() and CoverLetter.objects.exists()
