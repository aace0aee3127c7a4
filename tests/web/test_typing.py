"""The typing test in the app: runs scored by the standard formulas, bad input refused."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from bpoprep.web.curriculum.services import current
from bpoprep.web.drills.models import TypingRun
from bpoprep.web.plans.services import plan_for
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def run_of(text: str, gap_ms: int = 200) -> list[list[object]]:
    return [[i * gap_ms, ch] for i, ch in enumerate(text)]


def post(c, passage_id: str, typed: str, keys: object, seconds: float = 60, minutes: int = 1):  # type: ignore[no-untyped-def]
    return c.post(reverse("drills:typing_run", args=[passage_id]), {"typed": typed, "keystrokes": json.dumps(keys), "seconds": seconds, "minutes": minutes})


def test_a_run_is_scored_saved_and_shown(client_for) -> None:  # type: ignore[no-untyped-def]
    user = make_user("chat@example.com", target_roles=["chat-support-agent"], process="chat")
    c = client_for(user)
    passage = current().typing["ty-prose-01"]
    page = c.get(reverse("drills:typing_run", args=["ty-prose-01"]) + "?minutes=2").content.decode()
    assert passage.text[:40] in page and "data-typing" in page
    typed = passage.text[:100]
    r = post(c, "ty-prose-01", typed, run_of(typed), seconds=60, minutes=2)
    saved = TypingRun.objects.get(user=user)
    assert r.status_code == 302 and r["Location"] == reverse("drills:typing_result", args=[saved.pk])
    assert saved.net_wpm == pytest.approx(20.0) and saved.accuracy == 100 and saved.kph == 6000
    html = c.get(r["Location"]).content.decode()
    assert "Not yet" in html and "target 35 WPM at 95.0%" in html  # the chat-support target


def test_errors_feed_the_heatmap_missed_words_and_a_retry(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    passage = current().typing["ty-prose-01"].text[:60]
    typed = passage.replace("e", "r", 2)
    r = post(c, "ty-prose-01", typed, run_of(typed))
    run = TypingRun.objects.get(user=user)
    assert run.result["uncorrected_errors"] == 2 and run.result["key_errors"].get("e") == 2 and run.result["missed_words"]
    html = c.get(r["Location"]).content.decode()
    assert "Practise these words" in html and 'class="key heat' in html
    drill = c.get(reverse("drills:typing_run", args=["missed-words"]) + f"?from={run.pk}").content.decode()
    assert run.result["missed_words"][0] in drill
    retry = c.get(reverse("drills:typing_run", args=["ty-prose-01"]) + f"?retry={run.pk}").content.decode()
    assert passage in retry


@pytest.mark.parametrize(
    ("typed", "keys", "message"),
    [
        ("", [], "Nothing was typed"),
        ("abc", "not json", "damaged"),
        ("abc", [[0, "abc"]], "Unknown key"),
        ("abc", [[5, "a"], [1, "b"]], "time order"),
    ],
)
def test_bad_runs_get_a_clear_message_and_nothing_is_saved(client_for, user, typed: str, keys: object, message: str) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    raw = keys if isinstance(keys, str) else json.dumps(keys)
    r = c.post(reverse("drills:typing_run", args=["ty-prose-01"]), {"typed": typed, "keystrokes": raw, "seconds": 30, "minutes": 1})
    assert r.status_code == 200 and message in r.content.decode()
    assert not TypingRun.objects.exists()


def test_huge_and_pasted_text_is_handled(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    r = c.post(reverse("drills:typing_run", args=["ty-prose-01"]), {"typed": "x" * 50_000, "keystrokes": "[]", "seconds": 30, "minutes": 1})
    assert r.status_code == 200 and "could not be saved" in r.content.decode() and not TypingRun.objects.exists()
    text = current().typing["ty-prose-01"].text
    post(c, "ty-prose-01", "<b>" + text, run_of(text[:40], gap_ms=1))
    run = TypingRun.objects.get(user=user)
    assert set(run.result["flags"]) >= {"impossible_burst", "text_differs_from_keystrokes"}
    html = c.get(reverse("drills:typing_result", args=[run.pk])).content.decode()
    assert "not counted towards your target" in html


def test_runs_are_private_and_tick_the_plan(client_for) -> None:  # type: ignore[no-untyped-def]
    user = make_user("chat@example.com", target_roles=["chat-support-agent"], process="chat")
    c = client_for(user)
    text = current().typing["ty-data-01"].text[:50]
    for _ in range(5):
        post(c, "ty-data-01", text, run_of(text))
    assert {s.step.id: s.done_how for s in plan_for(user).steps}["typing-test"] == "auto"
    other = client_for(make_user("b@example.com"))
    run = TypingRun.objects.filter(user=user).first()
    assert other.get(reverse("drills:typing_result", args=[run.pk])).status_code == 404
    assert other.get(reverse("drills:typing_run", args=["ty-data-01"]) + f"?retry={run.pk}").status_code == 404
    assert other.get(reverse("drills:typing_run", args=["no-such-passage"])).status_code == 404
    index = c.get(reverse("drills:typing")).content.decode()
    assert "<polyline" in index and "ty-data-01" in index
