"""Chat transcripts marked on speed, brevity, etiquette, rubric points and safety."""

from __future__ import annotations

import pytest

from bpoprep.content.catalogue import default_catalogue
from bpoprep.drills.chat import ChatError, Message, model_transcript, parse, score

CAT = default_catalogue()
ORDER = CAT.chats["ch-order-tracking"]


def test_model_chats_score_high() -> None:
    for scenario in CAT.chats.values():
        r = score(scenario, model_transcript(scenario))
        assert r.overall >= 85 and not r.fatal, (scenario.id, r.tips)


def test_speed_is_measured_from_each_customer_message() -> None:
    t = [Message("customer", "Where is my order?", 0), Message("agent", "Hi Neha, let me check that for you, one minute.", 12), Message("customer", "ok", 40), Message("agent", "It arrives tomorrow between 9 am and 1 pm. Anything else?", 130)]
    r = score(ORDER, t)
    assert r.first_response_s == 12 and r.reply_times_s == [12, 90]
    assert 0 < r.parts["speed"] < 1  # the second reply was slow


def test_a_slow_curt_reply_without_name_is_marked_down() -> None:
    r = score(ORDER, [Message("customer", "Where is my order?", 0), Message("agent", "WAIT. checking", 95)])
    assert r.overall < 40 and r.first_response_s == 95
    assert not {c.id: c.passed for c in r.etiquette}["name"] and any("first reply took 95 s" in t for t in r.tips)


def test_asking_for_secrets_is_fatal_but_warning_against_it_is_not() -> None:
    asks = score(ORDER, [Message("customer", "hi", 0), Message("agent", "Hi Neha, please share your OTP so I can check.", 5)])
    assert asks.overall == 0 and asks.fatal
    warns = score(ORDER, [Message("customer", "hi", 0), Message("agent", "Hi Neha, please don't share your OTP or card number in chat.", 5)])
    assert not warns.fatal and warns.overall > 0


@pytest.mark.parametrize(
    ("raw", "message"),
    [([], "empty"), ("x", "empty"), ([{"who": "bot", "text": "hi", "t": 0}], "who"), ([{"who": "agent", "text": "a", "t": 5}, {"who": "agent", "text": "b", "t": 1}], "time order"), ([{"who": "agent", "text": "x" * 3000, "t": 1}], "too long")],
)
def test_bad_transcripts_are_refused(raw: object, message: str) -> None:
    with pytest.raises(ChatError, match=message):
        parse(raw)


def test_no_agent_reply_is_refused() -> None:
    with pytest.raises(ChatError, match="did not reply"):
        score(ORDER, [Message("customer", "hello?", 0)])
