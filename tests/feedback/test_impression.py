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
        ("If the training is in night shift then it will be difficult for me to come.", "difficult for me to come", impression.FIXED_TERMS),
        ("Night shift would be a problem for me.", "Night shift would be a problem for me", impression.FIXED_TERMS),
        ("For night shift I don't know yet, I will see after joining.", "night shift I don't know", impression.FIXED_TERMS),
        ("I do not think my calls would ever need checking.", "calls would ever need checking", impression.NOT_KEEN),
        ("Honestly I don't like being monitored all day.", "don't like being monitored", impression.NOT_KEEN),
        ("I did B.Sc because my parents forced me.", "my parents forced me", impression.NOT_KEEN),
        ("If I am not selected, the panel did not give me a fair chance.", "did not give me a fair chance", impression.BLAME),
        ("These companies have already selected their own references.", "already selected their own", impression.BLAME),
        ("The salary came late, so I left without serving notice.", "without serving notice", impression.STOP_GAP),
        ("I will do this job till then only, for some experience.", "do this job till", impression.STOP_GAP),
        ("My cousin said the work is easy, you just sit and take calls.", "the work is easy", impression.STOP_GAP),
        ("If a trusted teammate needs to cover for me, I would share my login with him.", "share my login", impression.SKIPS_PROCESS),
        ("In data entry speed matters more than accuracy at first.", "speed matters more than accuracy", impression.SKIPS_PROCESS),
        ("I believe rules are guidelines when the client is in a hurry.", "rules are guidelines", impression.SKIPS_PROCESS),
        ("I did not say anything to her because there is no use talking to such people.", "no use talking to such people", impression.BLAME),
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
        "Night shift is not a problem for me; I worked nights at the hospital for a year.",
        "It was not difficult for me to come at six, and it will not be difficult for me to manage nights.",
        "I do not mind my calls being monitored; the feedback helps me improve.",
        "The work is easy to learn but hard to do well, so I practise the script every day.",
        "I served my full notice period of thirty days before I left.",
        "They had already selected someone for that role, so I applied for this one.",
        "I would never share my password with anyone, not even my team leader.",
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


def test_running_down_a_past_employer_costs_both_language_and_impression() -> None:
    q = CAT.questions["why-leave-last-job"]
    calm = "I left the showroom job to finish my B.Com exams, and now I want a full-time role where I can grow with a team."
    bitter = "I left the showroom job because my last manager was very rude, and now I want a full-time role where I can grow with a team."
    a, b = analyse(calm, q), analyse(bitter, q)
    assert [i.span.text for i in b.language_issues if i.type == "negative_talk"] == ["my last manager was very rude"]
    assert a.parts["impression"] == 1.0 and b.parts["impression"] == 0.5
    assert b.parts["language"] < a.parts["language"] and b.overall < a.overall
