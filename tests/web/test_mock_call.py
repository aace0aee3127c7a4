"""The mock customer call in the app (typed answers)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from bpoprep.web.drills.models import CallAttempt
from bpoprep.web.plans.services import plan_for
from tests.conftest import make_user
from tests.drills.test_call import GOOD

pytestmark = pytest.mark.django_db


def test_take_a_call_and_see_the_scorecard(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    page = c.get(reverse("drills:call_session", args=["broadband-outage-complaint"])).content.decode()
    assert 'id="call-script"' in page and "Kothrud" in page
    r = c.post(reverse("drills:call_session", args=["broadband-outage-complaint"]), {"turns": json.dumps(GOOD)})
    attempt = CallAttempt.objects.get(user=user)
    assert r.status_code == 302 and attempt.score == 100
    html = c.get(r["Location"]).content.decode()
    assert "QA scorecard" in html and "Check these yourself" in html
    assert {s.step.id: s.done_how for s in plan_for(user).steps}["mock-call"] == "auto"


@pytest.mark.parametrize("raw", ["", "[]", "{oops", json.dumps(["x" * 4000]), "x" * 300_000])
def test_bad_call_records_are_refused(client_for, user, raw: str) -> None:  # type: ignore[no-untyped-def]
    r = client_for(user).post(reverse("drills:call_session", args=["broadband-outage-complaint"]), {"turns": raw})
    assert r.status_code == 200 and 'role="alert"' in r.content.decode() and not CallAttempt.objects.exists()


def test_calls_are_private(client_for, user) -> None:  # type: ignore[no-untyped-def]
    r = client_for(user).post(reverse("drills:call_session", args=["broadband-outage-complaint"]), {"turns": json.dumps(GOOD[:2])})
    other = client_for(make_user("b@example.com"))
    assert other.get(r["Location"]).status_code == 404 and other.get(reverse("drills:call_session", args=["nope"])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_turn_answered_by_voice_comes_back_as_text_and_delivery(client_for, user) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    clip = Path(__file__).resolve().parents[1] / "data" / "speech" / "029810158.flac"
    c = client_for(user)
    page = c.get(reverse("drills:call_session", args=["broadband-outage-complaint"])).content.decode()
    assert 'data-mode="turn"' in page and reverse("speaking:call_turn", args=["broadband-outage-complaint"]) in page
    r = c.post(reverse("speaking:call_turn", args=["broadband-outage-complaint"]), {"audio": SimpleUploadedFile("t.flac", clip.read_bytes(), "audio/flac")})
    reply = json.loads(r.content)
    assert r.status_code == 200 and reply["transcript"] and reply["delivery"]["wpm"] > 0
    bad = c.post(reverse("speaking:call_turn", args=["broadband-outage-complaint"]), {"audio": SimpleUploadedFile("t.txt", b"hello", "text/plain")})
    assert bad.status_code == 400
    r = c.post(reverse("drills:call_session", args=["broadband-outage-complaint"]), {"turns": json.dumps(GOOD), "delivery": json.dumps([reply["delivery"]])})
    attempt = CallAttempt.objects.get(user=user)
    assert attempt.result["delivery"]["voiced_turns"] == 1
    assert "How you sounded" in c.get(r["Location"]).content.decode()
    c.post(reverse("drills:call_session", args=["broadband-outage-complaint"]), {"turns": json.dumps(GOOD), "delivery": "{broken"})
    assert CallAttempt.objects.filter(user=user).order_by("-pk").first().result["delivery"] is None
