"""A "Tell me about a time…" answer must tell something that happened, not what one would do."""

from __future__ import annotations

import pytest

from bpoprep.content.catalogue import default_catalogue
from bpoprep.feedback import engine, highlight, story
from bpoprep.feedback.text import sentences

TOLD = (
    "Last Diwali I was working at my uncle's mobile shop in Lucknow. A customer came back angry because his new phone was not charging. "
    "I checked the charger and found the cable was faulty, so I replaced it from our stock and showed him the phone charging. "
    "It took me ten minutes in all. He calmed down, thanked me and later bought a cover from us."
)
WOULD = (
    "I have not got a chance to handle an angry customer yet. But if I get an angry customer, I would first listen to him calmly. "
    "I would apologise and I will solve his problem quickly. In this way he will become happy."
)
DESCRIBES = "I am a very calm and patient person by nature. Customers always like talking to me and my friends say I am a good listener. Anger is never a problem for me."


def test_a_story_told_in_the_past_counts_as_told() -> None:
    tale = story.assess(sentences(TOLD))
    assert tale.past >= story.TOLD and tale.told == 1.0
    assert not tale.is_hypothetical and not tale.is_missing


def test_what_one_would_do_is_hypothetical_with_its_first_sentence_as_evidence() -> None:
    tale = story.assess(sentences(WOULD))
    assert tale.is_hypothetical and not tale.is_missing
    assert tale.hypothetical[0].text.startswith("I have not got a chance")
    assert tale.told < 0.5


def test_a_description_of_oneself_is_no_story() -> None:
    tale = story.assess(sentences(DESCRIBES))
    assert tale.is_missing and tale.told == 0.0 and not tale.hypothetical


def test_a_past_event_told_in_the_present_tense_is_still_a_story() -> None:
    tale = story.assess(sentences("Last month one customer is calling me and he is very angry about his bill. I am listening to him fully and checking his account."))
    assert tale.past == 1 and not tale.is_missing and not tale.is_hypothetical


@pytest.mark.parametrize("text", ["I need a job near home.", "We proceed to the next step.", "It is a busy shop."])
def test_present_tense_is_not_the_past(text: str) -> None:
    assert story.assess(sentences(text)).past == 0


def test_empty_answer_has_no_story() -> None:
    tale = story.assess([])
    assert tale.past == 0 and tale.is_missing and tale.told == 0.0


QUESTIONS = default_catalogue().questions


def test_a_hypothetical_answer_to_a_star_question_is_flagged_marked_and_scored_lower() -> None:
    q = QUESTIONS["handled-angry-customer"]
    assert q.star_expected
    would, told = engine.analyse(WOULD, q), engine.analyse(TOLD, q)
    assert [f.kind for f in would.findings if f.kind in ("hypothetical", "no_story")] == ["hypothetical"]
    assert would.tips[0] == engine.HYPOTHETICAL  # before "your answer has no Situation"
    assert would.parts["structure"] < told.parts["structure"] and would.overall < told.overall
    assert not [f for f in told.findings if f.kind in ("hypothetical", "no_story")]
    marks = highlight.marks_from(would.to_dict())
    assert any(kind == "hypothetical" and WOULD[start:end].startswith("I have not got a chance") for start, end, kind, _ in marks)


def test_a_self_description_gets_the_no_story_tip() -> None:
    fb = engine.analyse(DESCRIBES, QUESTIONS["handled-angry-customer"])
    assert [f.kind for f in fb.findings if f.kind in ("hypothetical", "no_story")] == ["no_story"]
    assert fb.tips[0] == engine.NO_STORY and fb.parts["structure"] == 0.0


def test_questions_that_ask_what_one_would_do_are_not_flagged() -> None:
    q = QUESTIONS["aht-too-high"]
    assert not q.star_expected
    fb = engine.analyse("I would listen to my own call recordings and find where I take extra time. I will learn the process better so I put fewer customers on hold.", q)
    assert not [f for f in fb.findings if f.kind in ("hypothetical", "no_story")]
