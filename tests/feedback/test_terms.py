"""Wrongly expanded abbreviations ("FCR stands for final customer rating") are found and corrected."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpoprep.feedback import labelled, terms
from bpoprep.feedback.engine import analyse
from bpoprep.feedback.text import Span
from tests.feedback.test_engine import CAT


@pytest.mark.parametrize(
    ("text", "said", "suggestion"),
    [
        ("FCR stands for Final Customer Rating, the survey score.", "Final Customer Rating", "FCR: first call resolution"),
        ("We track Average Hold Time (AHT) every hour.", "Average Hold Time", "AHT: average handle time"),
        ("KPO means key process outsourcing.", "key process outsourcing", "KPO: knowledge process outsourcing"),
        ("LPO is logistics process outsourcing, like shipping work.", "logistics process outsourcing", "LPO: legal process outsourcing"),
        ("SOP, which means statement of purpose, is what you follow.", "statement of purpose", "SOP: standard operating procedure"),
        ("SLA: service level average, the daily average of calls.", "service level average", "SLA: service level agreement"),
        ("My friend said BPO is business-phone-operations work.", "business-phone-operations", "BPO: business process outsourcing"),
    ],
)
def test_a_wrong_expansion_is_found_with_its_span_and_the_right_one(text: str, said: str, suggestion: str) -> None:
    found = terms.wrong_expansions(text)
    assert [(i.type, i.span.text, i.suggestion) for i in found] == [("wrong_term", said, suggestion)]
    assert text[found[0].span.start : found[0].span.end] == said
    assert said in found[0].message and suggestion.split(": ")[1] in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "FCR means first call resolution: the customer does not need to call again.",
        "FCR is first contact resolution in chat processes.",
        "AHT is average handling time, talk plus hold plus after-call work.",
        "SLA means the service level agreed with the client, like 80 percent in 20 seconds.",
        "GST is goods and services tax, and TDS is tax deducted at source.",
        "The goods and services tax (GST) is charged on the invoice.",
        "FCR is important because customers hate calling twice.",
        "KPH is keystrokes per hour; mine is 9,000.",
        "KPH means key per hour, the number of keys typed in one hour.",  # a slip of number only
        "A QA is the quality analyst who audits calls; the TL is the team lead.",
        "ABC stands for anything but customers.",  # not in the glossary: nothing to check it against
        "",
    ],
)
def test_right_expansions_variants_and_other_sentences_are_not_flagged(text: str) -> None:
    assert terms.wrong_expansions(text) == []


def test_hostile_and_huge_input_is_handled() -> None:
    assert terms.wrong_expansions("<script>FCR stands for</script> (FCR) ((( SLA is") == []
    huge = "FCR is " + "very " * 50_000 + "(AHT)"
    assert terms.wrong_expansions(huge) == []
    assert [i.span.text for i in terms.wrong_expansions("ok. " * 20_000 + "CES is customer experience score.")] == ["customer experience score"]


def test_no_answer_rated_strong_or_medium_in_the_labelled_set_is_flagged() -> None:
    data = Path(__file__).parents[1] / "data"
    answers = labelled.load(data / "answers") + labelled.load(data / "answers-holdout")
    flagged = {a.quality for a in answers if terms.wrong_expansions(a.text)}
    assert flagged == {"weak"}


def test_a_wrong_expansion_costs_the_impression_part_and_leads_the_tips() -> None:
    q = CAT.questions["what-is-fcr"]
    right = "FCR stands for first call resolution. It is the share of customer issues solved on the first contact, without a repeat call. If 800 of 1,000 callers never call back about the same issue, FCR is 80 percent. It matters because repeat calls cost money and annoy customers."
    wrong = right.replace("first call resolution", "final customer rating")
    a, b = analyse(right, q), analyse(wrong, q)
    assert not [i for i in a.language_issues if i.type == "wrong_term"]
    flagged = [i for i in b.language_issues if i.type == "wrong_term"]
    assert [i.span.text for i in flagged] == ["final customer rating"]
    assert (a.parts["impression"], b.parts["impression"]) == (1.0, 0.5)
    assert b.tips[0].startswith("Get the term right") and "first call resolution" in b.tips[0], b.tips
    assert b.overall < a.overall
    # The point that says what FCR stands for is not credited to the sentence that gets it wrong.
    rank = {"covered": 2, "partly": 1, "missing": 0}
    assert rank[a.talking_points[0].status] == 2 and rank[b.talking_points[0].status] < 2
    assert b.talking_points[0].evidence is None or "final customer rating" not in b.talking_points[0].evidence.text
    assert {"type": "wrong_term", "suggestion": "FCR: first call resolution"}.items() <= next(i for i in b.to_dict()["language_issues"] if i["type"] == "wrong_term").items()
    # Nor does the wrong sentence stand for the definition step of the outline.
    for part in b.structure:
        assert part.evidence is None or "final customer rating" not in part.evidence.text, part
    assert sum(p.present for p in b.structure) < sum(p.present for p in a.structure)
    assert not b.structure[0].present and a.structure[0].present


def test_misnames_needs_the_wrong_term_inside_the_sentence_and_the_point_about_it() -> None:
    text = "SLA means service level average. We met our targets."
    wrong = terms.wrong_expansions(text)
    first, second = Span(0, 33, text[:33]), Span(34, len(text), text[34:])
    assert terms.misnames("SLA is the service level agreement with the client.", first, wrong)
    assert not terms.misnames("SLA is the service level agreement with the client.", second, wrong)
    assert not terms.misnames("Give an example of a target you met.", first, wrong)
