"""The interviewer's follow-up question, chosen from what the answer lacked.

Interviewers probe the weakest part of an answer: a wrongly expanded abbreviation or a claim that
sounds like a common mix-up gets challenged, a red flag ("salary is the main reason", "no need to
tell the team leader") gets asked about, a "tell me about a time" answered with what one would do
gets "tell me about a real time", a story with no ending gets "what was the outcome?", a
general answer gets "give me an example", a missing key point gets a probing question on it. A
good answer gets none. Pure: works on the feedback engine's result dict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bpoprep.content.schemas import Question
from bpoprep.feedback.terms import abbreviation
from bpoprep.feedback.text import clip_words

Reason = Literal["mix_up", "red_flag", "no_story", "no_result", "thin_action", "vague", "missed_point", "too_short"]

OUTCOME = "What was the outcome? How did it end, and what changed because of what you did?"
OWN_ACTION = "What exactly did you do yourself, step by step?"
EXAMPLE = "Can you give me a specific example - a real time when this happened?"
REAL_STORY = "That is what you would do. Tell me about a real time it happened: where were you, and what did you actually do?"
MORE = "Could you tell me a little more about that?"
CHALLENGE = "You said: “{said}” Are you sure about that? Take a moment and explain that part again."
TERM_CHALLENGE = "You said {abbr} is “{said}”. Are you sure? Tell me again what {abbr} stands for and what it measures."
PROBE_RED_FLAG = "You said “{said}”. Help me understand that: how would it work out in this job, day to day?"

KNOWLEDGE = ("industry", "metrics", "role")  # question categories with right and wrong facts
VAGUE_BELOW = 0.35  # specificity score under which an answer counts as general talk
RELATED_ABOVE = 0.35  # cosine similarity for an authored follow-up to count as about a point
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset("a an the and or of to in on for with by at from is are was be it its this that your you their they them how what why when who do does did not no".split())


@dataclass(frozen=True)
class FollowUp:
    text: str
    reason: Reason
    point: str = ""  # the talking point probed, for a missed point


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def lexical_similarity(point: str, candidates: Sequence[str]) -> list[float]:
    """Share of the point's content words found in each candidate (the fallback without a model)."""
    want = _content_words(point)
    return [len(want & _content_words(c)) / len(want) if want else 0.0 for c in candidates]


def _probe(question: Question, point: str, similar: Callable[[str, Sequence[str]], Sequence[float]]) -> str:
    """The question's own follow-up closest to the missed point, else a probe that names it."""
    scores = list(similar(point, question.follow_ups)) if question.follow_ups else []
    if scores and max(scores) >= RELATED_ABOVE:
        return question.follow_ups[scores.index(max(scores))]
    return f"One thing I was listening for and did not hear: {point[0].lower()}{point[1:].rstrip('.')}. Could you add that?"


def choose(
    question: Question,
    feedback: dict[str, Any],
    similar: Callable[[str, Sequence[str]], Sequence[float]] = lexical_similarity,
) -> FollowUp | None:
    """The most useful follow-up for this answer, or None when the answer needs none."""
    # A wrongly expanded abbreviation is the plainest slip of all; any interviewer stops on it.
    wrong_terms = [i for i in feedback.get("language_issues") or [] if i.get("type") == "wrong_term" and i.get("span")]
    if wrong_terms:
        abbr = abbreviation(str(wrong_terms[0].get("suggestion", ""))) or "that"
        return FollowUp(TERM_CHALLENGE.format(abbr=abbr, said=clip_words(str(wrong_terms[0]["span"]["text"]), 8)), "mix_up")
    # A wrong-sounding claim about how the work is done is what a real interviewer challenges
    # first; on personal questions a generic or red-flag line is better met with "an example?".
    mix_ups = [f for f in feedback.get("findings") or [] if f.get("kind") == "misconception" and f.get("span")]
    if mix_ups and question.category in KNOWLEDGE:
        return FollowUp(CHALLENGE.format(said=clip_words(str(mix_ups[0]["span"]["text"]), 14)), "mix_up")
    # An interviewer who hears a red flag asks about it at once, to see whether it was just words.
    red_flags = [i for i in feedback.get("language_issues") or [] if i.get("type") == "red_flag" and i.get("span")]
    if red_flags:
        return FollowUp(PROBE_RED_FLAG.format(said=clip_words(str(red_flags[0]["span"]["text"]), 14)), "red_flag")
    # "Tell me about a time" answered with what one would do, or with no event at all.
    kinds = {f.get("kind") for f in feedback.get("findings") or []}
    if question.star_expected and "hypothetical" in kinds:
        return FollowUp(REAL_STORY, "no_story")
    if question.star_expected and "no_story" in kinds:
        return FollowUp(EXAMPLE, "vague")
    star = feedback.get("star")
    if question.star_expected and star:
        if not star.get("result"):
            return FollowUp(OUTCOME, "no_result")
        if not star.get("action"):
            return FollowUp(OWN_ACTION, "thin_action")
    spec = feedback.get("specificity") or {}
    points = feedback.get("talking_points") or []
    on_topic = [p for p in points if p["status"] in ("covered", "partly")]
    missing = [p for p in points if p["status"] == "missing"]
    if spec.get("score", 1.0) < VAGUE_BELOW and not spec.get("numbers") and not spec.get("named") and (question.star_expected or question.category in ("hr", "behavioural")):
        return FollowUp(EXAMPLE, "vague")
    if on_topic and missing:  # on topic, but a key point is absent: probe the first one missed
        return FollowUp(_probe(question, missing[0]["point"], similar), "missed_point", missing[0]["point"])
    low = question.expected_words.min
    if feedback.get("word_count", 0) < low / 2:
        return FollowUp(EXAMPLE if question.star_expected else MORE, "too_short")
    if missing:
        return FollowUp(_probe(question, missing[0]["point"], similar), "missed_point", missing[0]["point"])
    return None
