"""Red flags and unproven self-praise a recruiter would notice, found as phrases with their spans."""

from __future__ import annotations

import pytest

from bpoprep.feedback import impression
from bpoprep.feedback.engine import analyse
from tests.feedback.test_engine import CAT


@pytest.mark.parametrize(
    ("text", "found", "message"),
    [
        ("Honestly I prefer to work alone because teams slow me down.", "prefer to work alone", impression.NOT_KEEN),
        ("After two weeks I got bored and kept my phone next to the keyboard.", "got bored", impression.NOT_KEEN),
        ("Our sir gave us a B grade because of them only.", "because of them only", impression.BLAME),
        ("There is no need to disturb the team leader for twenty minutes.", "no need to disturb the ", impression.SKIPS_PROCESS),
        ("If he keeps shouting I will cut the call.", "I will cut the call", impression.SKIPS_PROCESS),
        ("Salary is the main reason I want this job.", "Salary is the main reason", impression.STOP_GAP),
        ("I just need a job right now, any job is fine.", "just need a job", impression.STOP_GAP),
        ("BPO is an easy job for freshers.", "easy job", impression.STOP_GAP),
        ("Typing fast matters more, the QC team will anyway catch the errors.", "will anyway catch", impression.SKIPS_PROCESS),
        ("Small mistakes are not a big problem in data entry.", "Small mistakes are not a big problem", impression.SKIPS_PROCESS),
        ("I told the manager clearly that this is not my job.", "this is not my job", impression.BLAME),
        ("If call volume is high, it is not my responsibility.", "it is not my responsibility", impression.BLAME),
        ("The stock count got delayed, but it was their planning mistake, not mine.", "their planning mistake, not mine", impression.BLAME),
        ("I would prefer a fixed day shift only, nine to six.", "fixed day shift only", impression.FIXED_TERMS),
        ("Honestly I will not do night shifts.", "will not do night shifts", impression.FIXED_TERMS),
        ("I really need Sundays off for my family.", "need Sundays off", impression.FIXED_TERMS),
    ],
)
def test_red_flags_are_found_with_the_span_and_what_to_do(text: str, found: str, message: str) -> None:
    flags = impression.red_flags(text)
    assert [(f.type, f.span.text, f.message) for f in flags][:1] == [("red_flag", found, message)]
    assert text[flags[0].span.start : flags[0].span.end] == found


@pytest.mark.parametrize(
    "text",
    [
        "I will not get bored; I track my own numbers every two hours.",
        "I never get bored when there is a target to chase.",
        "I would not cut the call; I would apologise and offer a callback.",
        "The customer does not care about our staffing problems, so I do not mention them.",
        "I would never lie to a customer about a refund date.",
        "Routine is part of the job, and I try to say the script with energy so it does not sound too boring.",
        "I reached 110 percent of my target last quarter.",
        "The QC team will catch it if I do not follow the checklist, so I follow it every time.",
        "Even small mistakes are a big problem in billing, so I check every field twice.",
        "I would rate myself ten out of fifteen and I want to get better.",
        "If it is not my department, I transfer the call to the right team with a short summary.",
        "I help a colleague even if it is not my job, once my own queue is clear.",
        "I do not need Sundays off, and I don't need a fixed day shift either.",
        "",
    ],
)
def test_the_same_words_in_a_good_answer_are_not_flagged(text: str) -> None:
    assert impression.red_flags(text) == [] and impression.overclaims(text) == []


def test_overclaims_are_found_in_order_and_one_is_enough_to_cost_the_part() -> None:
    text = "I am a born leader and I always give 110 percent. My weakness is that I'm a perfectionist."
    found = impression.overclaims(text)
    assert [f.span.text for f in found] == ["born leader", "give 110 percent", "I'm a perfectionist"]
    assert all(f.type == "overclaim" and f.message == impression.UNPROVEN for f in found)
    assert (impression.score([]), impression.score(found[:1]), impression.score(found)) == (1.0, 0.5, 0.0)
    assert [f.span.text for f in impression.overclaims("My English? I would rate myself 10/10, no doubt.")] == ["rate myself 10/10"]


def test_a_red_flag_shows_a_tip_and_a_mark_and_costs_the_impression_part_not_language() -> None:
    q = CAT.questions["late-for-shift"]
    good = (
        "First, the moment I know the cab is delayed, I would call my team leader before my login time and give an honest time, like 9:20. "
        "Then I would inform the transport desk so the delay is recorded, and log in the moment I reach. "
        "Next time I would keep a backup like the metro during the rainy season."
    )
    flagged = good.replace("First, the moment I know the cab is delayed, I would call my team leader before my login time and give an honest time, like 9:20.", "First, there is no need to disturb the team leader for twenty minutes.")
    a, b = analyse(good, q), analyse(flagged, q)
    assert [i.type for i in a.language_issues if i.type == "red_flag"] == []
    assert a.parts["impression"] == 1.0 and b.parts["impression"] == 0.5
    assert [i.span.text for i in b.language_issues if i.type == "red_flag"] == ["no need to disturb the "]
    assert any(t.startswith("A recruiter would note this as a red flag") and "no need to disturb the" in t for t in b.tips[:3]), b.tips
    assert b.parts["language"] == pytest.approx(a.parts["language"], abs=0.1)
    assert b.overall < a.overall  # it also no longer says that the team leader is called
    assert {"type": "red_flag", "suggestion": ""}.items() <= next(i for i in b.to_dict()["language_issues"] if i["type"] == "red_flag").items()
