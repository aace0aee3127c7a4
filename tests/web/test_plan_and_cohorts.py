"""Plan ticking, trainer cohorts, and that nobody sees what is not theirs."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from bpoprep.web.cohorts.models import Cohort, Membership
from bpoprep.web.plans.models import PlanTick
from bpoprep.web.plans.services import plan_for
from bpoprep.web.progress.services import record
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_ticking_a_step_by_hand_and_with_htmx(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    before = plan_for(user).readiness
    response = c.post(reverse("plans:tick", args=["body-language"]), {"done": "1"})
    assert response.status_code == 302
    assert PlanTick.objects.filter(user=user, step_id="body-language").exists()
    assert plan_for(user).readiness > before
    partial = c.post(reverse("plans:tick", args=["body-language"]), {"done": "0"}, HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert 'id="step-body-language"' in html and 'hx-swap-oob="true"' in html and "Mark done" in html
    assert not PlanTick.objects.filter(user=user).exists()


def test_ticking_an_unknown_step_is_404_and_stores_nothing(client_for, user) -> None:  # type: ignore[no-untyped-def]
    response = client_for(user).post(reverse("plans:tick", args=["no-such-step"]), {"done": "1"})
    assert response.status_code == 404
    assert not PlanTick.objects.exists()


def test_activities_tick_steps_automatically(client_for, user) -> None:  # type: ignore[no-untyped-def]
    record(user, "checklist_done", "interview-day")
    for _ in range(10):
        record(user, "question_viewed", "why-bpo")
    done = {s.step.id: s.done_how for s in plan_for(user).steps}
    assert done["interview-day"] == "auto" and done["browse-questions"] == "auto"
    page = client_for(user).get(reverse("plans:plan")).content.decode()
    assert "checked automatically" in page


def test_candidate_joins_a_cohort_and_trainer_sees_only_their_cohort(client_for) -> None:  # type: ignore[no-untyped-def]
    trainer = make_user("trainer@example.com", trainer=True)
    other_trainer = make_user("other@example.com", trainer=True)
    candidate = make_user("cand@example.com")
    outsider = make_user("outsider@example.com")
    t = client_for(trainer)
    t.post(reverse("cohorts:trainer"), {"name": "Batch 12 – Pune"})
    cohort = Cohort.objects.get(trainer=trainer)
    other = Cohort.objects.create(name="Other batch", trainer=other_trainer)
    Membership.objects.create(cohort=other, user=outsider)

    response = client_for(candidate).post(reverse("cohorts:join"), {"code": cohort.code.lower()})
    assert response.status_code == 302
    assert Membership.objects.filter(cohort=cohort, user=candidate).exists()

    page = t.get(reverse("cohorts:detail", args=[cohort.pk])).content.decode()
    assert "Cand" in page and "Outsider" not in page
    assert t.get(reverse("cohorts:member_plan", args=[cohort.pk, candidate.pk])).status_code == 200
    # Not in this trainer's cohort; another trainer's cohort; a candidate posing as a trainer.
    assert t.get(reverse("cohorts:member_plan", args=[cohort.pk, outsider.pk])).status_code == 404
    assert t.get(reverse("cohorts:detail", args=[other.pk])).status_code == 404
    assert t.get(reverse("cohorts:member_plan", args=[other.pk, outsider.pk])).status_code == 404
    assert client_for(candidate).get(reverse("cohorts:trainer")).status_code == 404
    assert client_for(candidate).get(reverse("cohorts:detail", args=[cohort.pk])).status_code == 404


def test_wrong_invite_code_is_refused_clearly(client_for, user) -> None:  # type: ignore[no-untyped-def]
    response = client_for(user).post(reverse("cohorts:join"), {"code": "NOPE1234"})
    assert "No cohort has that code" in response.content.decode()
    assert not Membership.objects.exists()


def test_leaving_a_cohort_hides_the_plan_from_the_trainer(client_for) -> None:  # type: ignore[no-untyped-def]
    trainer = make_user("trainer@example.com", trainer=True)
    candidate = make_user("cand@example.com")
    cohort = Cohort.objects.create(name="B1", trainer=trainer)
    Membership.objects.create(cohort=cohort, user=candidate)
    client_for(candidate).post(reverse("cohorts:leave", args=[cohort.pk]))
    assert client_for(trainer).get(reverse("cohorts:member_plan", args=[cohort.pk, candidate.pk])).status_code == 404


def test_anonymous_users_are_sent_to_log_in(client: Client, db) -> None:  # type: ignore[no-untyped-def]
    for name in ("plans:plan", "accounts:onboarding", "accounts:export", "accounts:delete", "cohorts:join", "jobs:list"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")), name
