"""The chat simulation in the app: one chat, or two at once at the harder levels."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from bpoprep.web.drills.models import ChatSession
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def transcript(name: str) -> list[dict[str, object]]:
    return [{"who": "customer", "text": "Where is my order?", "t": 0}, {"who": "agent", "text": f"Hi {name}, let me check that for you; one minute.", "t": 9}]


def test_an_easy_chat_is_one_conversation_and_is_marked(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    page = c.get(reverse("drills:chat_session", args=["ch-order-tracking"])).content.decode()
    assert page.count("data-chat-id=") == 1 and 'id="chat-script"' in page
    r = c.post(reverse("drills:chat_session", args=["ch-order-tracking"]), {"transcripts": json.dumps({"ch-order-tracking": transcript("Neha")})})
    s = ChatSession.objects.get(user=user)
    assert r.status_code == 302 and s.results["ch-order-tracking"]["first_response_s"] == 9
    html = c.get(r["Location"]).content.decode()
    assert "First response" in html and "9.0 s" in html and "See model replies" in html


def test_a_hard_chat_runs_two_conversations(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    page = c.get(reverse("drills:chat_session", args=["ch-multi-issue"])).content.decode()
    assert page.count("data-chat-id=") == 2
    ids = [part.split('"')[0] for part in page.split('data-chat-id="')[1:]]
    missing_second = {ids[0]: transcript("Sam")}
    r = c.post(reverse("drills:chat_session", args=["ch-multi-issue"]), {"transcripts": json.dumps(missing_second)})
    assert r.status_code == 200 and "empty" in r.content.decode() and not ChatSession.objects.exists()
    both = {i: transcript("Sam") for i in ids}
    r = c.post(reverse("drills:chat_session", args=["ch-multi-issue"]), {"transcripts": json.dumps(both)})
    assert r.status_code == 302 and ChatSession.objects.get(user=user).scenario_ids == ids


@pytest.mark.parametrize("raw", ["{not json", json.dumps(["a"]), "x" * 600_000])
def test_damaged_records_are_refused(client_for, user, raw: str) -> None:  # type: ignore[no-untyped-def]
    r = client_for(user).post(reverse("drills:chat_session", args=["ch-order-tracking"]), {"transcripts": raw})
    assert r.status_code == 200 and "role=\"alert\"" in r.content.decode() and not ChatSession.objects.exists()


def test_sessions_are_private(client_for, user) -> None:  # type: ignore[no-untyped-def]
    r = client_for(user).post(reverse("drills:chat_session", args=["ch-order-tracking"]), {"transcripts": json.dumps({"ch-order-tracking": transcript("Neha")})})
    other = client_for(make_user("b@example.com"))
    assert other.get(r["Location"]).status_code == 404
    assert other.get(reverse("drills:chat_session", args=["nope"])).status_code == 404
