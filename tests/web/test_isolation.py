"""User B never sees user A's things: every object URL answers 404 or B's own data."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from bpoprep.web.jobs.models import Job
from bpoprep.web.plans.services import set_tick
from bpoprep.web.progress.services import record
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_and_b():  # type: ignore[no-untyped-def]
    a = make_user("a@example.com", company="Alpha Secret Corp")
    b = make_user("b@example.com", company="Beta Ltd")
    record(a, "lesson_passed", "what-is-bpo")
    set_tick(a, "body-language", True)
    return a, b


def test_pages_show_only_your_own_profile_plan_and_export(client_for, a_and_b) -> None:  # type: ignore[no-untyped-def]
    a, b = a_and_b
    c = client_for(b)
    for name in ("accounts:onboarding", "plans:plan", "accounts:settings", "core:home"):
        page = c.get(reverse(name)).content.decode()
        assert "Alpha Secret Corp" not in page and "a@example.com" not in page, name
    export = json.loads(c.get(reverse("accounts:export")).content)
    assert export["account"]["email"] == "b@example.com"
    assert export["activities"] == [] and export["plan_ticks"] == []


def test_object_urls_of_another_user_are_404(client_for, a_and_b) -> None:  # type: ignore[no-untyped-def]
    a, b = a_and_b
    job = Job.objects.create(user=a, kind="send_email", payload={}, status=Job.FAILED, run_after="2026-01-01T00:00Z")
    c = client_for(b)
    assert c.post(reverse("jobs:retry", args=[job.pk])).status_code == 404
    job.refresh_from_db()
    assert job.status == Job.FAILED
    assert "send_email" not in c.get(reverse("jobs:list")).content.decode()
