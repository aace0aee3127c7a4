"""Company research workspace and thank-you e-mail in the app."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from bpoprep.web.plans.services import plan_for
from bpoprep.web.prep.models import CompanyResearch, ThankYouNote
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

NOTES = {
    "company": "Acme Services",
    "services_clients": "UK retail and travel clients",
    "mission_values": "customers first",
    "recent_news": "won a contract with a UK airline",
    "differentiators": "an in-house voice and accent academy",
    "process_applied": "international chat for a UK retailer",
    "strength": "fast, accurate typing",
}


def test_research_notes_become_questions_a_pitch_and_a_plan_tick(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    page = c.get(reverse("prep:research")).content.decode()
    assert 'value="Acme Services"' in page  # the company from the profile
    r = c.post(reverse("prep:research"), NOTES)
    notes = CompanyResearch.objects.get(user=user)
    assert r.status_code == 302 and r["Location"] == reverse("prep:research_notes", args=[notes.pk])
    html = c.get(r["Location"]).content.decode()
    assert "won a contract with a UK airline" in html and "in-house voice and accent academy" in html and "Practise saying it" in html
    assert {s.step.id: s.done_how for s in plan_for(user).steps}["research-company"] == "auto"
    c.post(reverse("prep:research"), {**NOTES, "culture": "friendly team leads"})  # the same company again updates it
    assert CompanyResearch.objects.filter(user=user).count() == 1 and CompanyResearch.objects.get(user=user).culture == "friendly team leads"


def test_research_input_is_checked_and_private(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    r = c.post(reverse("prep:research"), {**NOTES, "company": ""})
    assert r.status_code == 200 and "This field is required" in r.content.decode() and not CompanyResearch.objects.exists()
    r = c.post(reverse("prep:research"), {**NOTES, "recent_news": "x" * 3000})
    assert r.status_code == 200 and not CompanyResearch.objects.exists()
    c.post(reverse("prep:research"), {**NOTES, "culture": "<script>alert(1)</script>"})
    notes = CompanyResearch.objects.get(user=user)
    assert "<script>alert(1)" not in c.get(reverse("prep:research_notes", args=[notes.pk])).content.decode()
    other = client_for(make_user("b@example.com"))
    assert other.get(reverse("prep:research_notes", args=[notes.pk])).status_code == 404


def test_thank_you_draft_check_save_and_send(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    details = {"interviewer": "Mr Rao", "interviewer_email": "rao@example.com", "role": "Chat Support Agent", "company": "Acme Services", "point_discussed": "the weekend rota", "fit": "My fast typing"}
    drafted = c.post(reverse("prep:thank_you"), {**details, "draft": "1"}).content.decode()
    assert "Dear Mr Rao" in drafted and "the weekend rota" in drafted and not ThankYouNote.objects.exists()
    assert "Send it by" in c.get(reverse("prep:thank_you")).content.decode()
    body = "Dear Mr Rao,\n\nThank you for meeting me about the Chat Support Agent role at Acme Services. I enjoyed hearing about the weekend rota. I am keen to join; my fast typing will help.\n\nWarm regards,\nAsha"
    r = c.post(reverse("prep:thank_you"), {**details, "subject": "Thank you for the interview", "body": body, "save": "1"})
    html = r.content.decode()
    assert ThankYouNote.objects.filter(user=user).count() == 1 and "mailto:rao%40example.com" in html and "Copy the text" in html
    export = json.loads(c.get(reverse("accounts:export")).content)
    assert export["thank_you_emails"][0]["interviewer"] == "Mr Rao"
    assert {s.step.id: s.done_how for s in plan_for(user).steps}["thank-you-email"] == "auto"
