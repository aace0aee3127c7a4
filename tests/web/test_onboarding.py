"""Onboarding: the profile that shapes the plan, and every kind of bad input to it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bpoprep.web.accounts.models import Profile, User
from bpoprep.web.plans.services import plan_for
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def valid(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "target_roles": ["chat-support-agent"],
        "process": "chat",
        "market": "domestic",
        "company": "Navtara Services",
        "interview_date": (timezone.localdate() + dt.timedelta(days=7)).isoformat(),
        "ui_language": "en",
    }
    data.update(overrides)
    return data


@pytest.fixture
def newcomer(db) -> User:  # type: ignore[no-untyped-def]
    return make_user("new@example.com", onboarded=False)


def test_onboarding_builds_a_dated_plan(client_for, newcomer: User) -> None:  # type: ignore[no-untyped-def]
    c = client_for(newcomer)
    assert c.get(reverse("plans:plan")).status_code == 302  # no plan before onboarding
    response = c.post(reverse("accounts:onboarding"), valid())
    assert response.status_code == 302 and response["Location"] == reverse("plans:plan")
    profile = Profile.objects.get(user=newcomer)
    assert profile.is_complete and profile.plan_start == timezone.localdate()
    plan = plan_for(newcomer)
    ids = [s.step.id for s in plan.steps]
    assert "typing-test" in ids and "chat-simulation" in ids and "mock-call" not in ids  # chat process: no calls
    assert next(s for s in plan.steps if s.step.id == "complete-profile").done_how == "auto"
    page = c.get(reverse("plans:plan")).content.decode()
    assert "Your preparation plan" in page and "7 days to go" in page


def test_every_step_links_to_its_page_or_says_it_is_coming(client_for, newcomer: User) -> None:  # type: ignore[no-untyped-def]
    c = client_for(newcomer)
    c.post(reverse("accounts:onboarding"), valid(process="voice_inbound", market="international"))
    page = c.get(reverse("plans:plan")).content.decode()
    plan = plan_for(newcomer)
    for item in plan.steps:
        if not item.step.available:
            assert item.step.coming_in in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"target_roles": []}, "target_roles", "This field is required"),
        ({"target_roles": ["astronaut"]}, "target_roles", "Select a valid choice"),
        ({"target_roles": ["chat-support-agent", "bookkeeper", "data-collector", "outbound-telecaller"]}, "target_roles", "at most three"),
        ({"process": "telepathy"}, "process", "Select a valid choice"),
        ({"process": ""}, "process", "This field is required"),
        ({"interview_date": "2001-01-01"}, "interview_date", "in the past"),
        ({"interview_date": "not-a-date"}, "interview_date", "Enter a valid date"),
        ({"interview_date": (dt.date.today() + dt.timedelta(days=800)).isoformat()}, "interview_date", "within the next year"),
        ({"company": "x" * 121}, "company", "at most 120 characters"),
        ({"company": "Acme\x00Corp"}, "company", "control characters"),
        ({"company": "Caf\ufffd Services"}, "company", "could not be read"),
        ({"ui_language": "xx"}, "ui_language", "Select a valid choice"),
    ],
)
def test_bad_profile_input_gets_a_clear_message_and_saves_nothing(client_for, user: User, overrides, field, message) -> None:  # type: ignore[no-untyped-def]
    before = Profile.objects.get(user=user)
    c = client_for(user)
    response = c.post(reverse("accounts:onboarding"), valid(**overrides))
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message in " ".join(form.errors[field])
    after = Profile.objects.get(user=user)
    assert (after.company, after.process, after.interview_date, after.target_roles) == (before.company, before.process, before.interview_date, before.target_roles)


def test_non_utf8_bytes_in_a_form_are_refused_not_stored(client_for, user: User) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    body = b"target_roles=chat-support-agent&process=chat&market=domestic&ui_language=en&company=Caf\xe9+Corp"
    response = c.post(reverse("accounts:onboarding"), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "could not be read" in response.content.decode()
    assert Profile.objects.get(user=user).company == "Acme Services"


def test_html_in_text_fields_is_stored_as_text_and_escaped_on_output(client_for, user: User) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    c.post(reverse("accounts:onboarding"), valid(company=hostile))
    assert Profile.objects.get(user=user).company == hostile
    page = c.get(reverse("accounts:onboarding")).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    user.display_name = hostile
    user.save()
    home = c.get("/").content.decode()
    assert "<img src=x" not in home and "&lt;img src=x" in home


def test_oversized_post_is_refused(client_for, user: User) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    response = c.post(reverse("accounts:onboarding"), valid(company="x" * (3 * 1024 * 1024)))
    assert response.status_code == 400
    assert Profile.objects.get(user=user).company == "Acme Services"


def test_changing_the_interview_date_restarts_the_schedule(client_for, user: User) -> None:  # type: ignore[no-untyped-def]
    Profile.objects.filter(user=user).update(plan_start=timezone.localdate() - dt.timedelta(days=5))
    c = client_for(user)
    c.post(reverse("accounts:onboarding"), valid(company="Same"))
    assert Profile.objects.get(user=user).plan_start == timezone.localdate()


def test_choosing_hindi_translates_the_interface(client_for, user: User) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    c.post(reverse("accounts:onboarding"), valid(ui_language="hi"))
    page = c.get(reverse("plans:plan")).content.decode()
    assert 'lang="hi"' in page
    assert "Your preparation plan" not in page
