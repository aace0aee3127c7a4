"""Which questions a mock interview asks, in which order, with how long for each answer.

A real BPO HR round runs in a fixed shape: an opening, why this work, a story or two, what you
would do with a difficult customer, some industry knowledge, something about the role itself,
"any questions for us?", and the practical closing questions. The blueprint fills that shape from
the question bank for the candidate's role, process and market. Pure: no Django.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

from bpoprep.content.schemas import Question

Stage = Literal["opening", "motivation", "behavioural", "situational", "knowledge", "role", "your_questions", "closing"]
STAGES: tuple[Stage, ...] = ("opening", "motivation", "behavioural", "situational", "knowledge", "role", "your_questions", "closing")
LENGTHS = (5, 10, 15)
VOICE_PROCESSES = ("voice_inbound", "voice_outbound")

OPENING = "tell-me-about-yourself"
YOUR_QUESTIONS = "questions-to-ask-the-interviewer"
MOTIVATION = (
    "why-bpo", "why-should-we-hire-you", "what-do-you-know-about-this-role", "why-this-company",
    "voice-or-non-voice", "where-in-five-years", "what-motivates-you", "no-experience-why-you",
    "strengths-and-weaknesses", "what-do-you-expect-from-us",
)
CLOSING = (
    "notice-period-and-joining", "salary-expectations", "how-long-will-you-stay", "can-you-work-weekends",
    "what-if-not-selected", "willing-to-relocate", "documents-and-background-check", "other-offers",
)
# Asked of every international and every voice candidate: the shift question decides offers.
SHIFTS = "are-you-ok-with-night-shifts"

# How many questions of each stage, by length in minutes; spoken answers run 1-2 minutes each.
MIX: dict[int, dict[Stage, int]] = {
    5: {"opening": 1, "motivation": 0, "behavioural": 1, "situational": 1, "knowledge": 0, "role": 1, "your_questions": 1, "closing": 0},
    10: {"opening": 1, "motivation": 1, "behavioural": 1, "situational": 1, "knowledge": 1, "role": 1, "your_questions": 1, "closing": 1},
    15: {"opening": 1, "motivation": 2, "behavioural": 2, "situational": 2, "knowledge": 2, "role": 1, "your_questions": 1, "closing": 1},
}
# Follow-up questions the interviewer may add, by length.
FOLLOW_UPS = {5: 1, 10: 2, 15: 3}

SPOKEN_WPM = 130  # a calm interview pace
TYPED_WPM = 30  # a fresher's composing speed, thinking included


class BlueprintError(ValueError):
    """The choices cannot make an interview (unknown length, no questions for the role)."""


@dataclass(frozen=True)
class Slot:
    stage: Stage
    question_id: str
    seconds: int  # time allowed for the answer


@dataclass(frozen=True)
class Blueprint:
    slots: list[Slot]
    follow_ups: int  # how many follow-up questions the interviewer may add
    reused: list[str]  # recently practised questions used because nothing fresher was left

    @property
    def minutes(self) -> int:
        return round(sum(s.seconds for s in self.slots) / 60)


def answer_seconds(question: Question, mode: str) -> int:
    """Time for one answer: the longest expected answer at a calm pace, in 15-second steps."""
    wpm = TYPED_WPM if mode == "typed" else SPOKEN_WPM
    raw = question.expected_words.max / wpm * 60
    low, high = (90, 480) if mode == "typed" else (45, 180)
    return int(min(high, max(low, round(raw / 15) * 15)))


_CALL_WORDS = ("call", "caller", "phone")
_WRITTEN_WORDS = ("chat", "e-mail", "email", "data entry")


def _other_channel(q: Question, process: str) -> bool:
    """A question set on the other channel: calls for a non-voice candidate, or the reverse."""
    text = q.text.lower()
    words = _WRITTEN_WORDS if process in VOICE_PROCESSES else _CALL_WORDS
    return any(w in text for w in words)


def _fits(q: Question, role: str, market: str) -> bool:
    if "all" not in q.roles and role not in q.roles:
        return False
    return market == "international" or "international" not in q.id


def build(
    questions: Mapping[str, Question],
    *,
    role: str,
    process: str,
    market: str,
    minutes: int,
    mode: str = "typed",
    recent: Collection[str] = (),
    seed: int = 0,
) -> Blueprint:
    """recent: question ids the candidate practised lately; they are left out while others are
    left (pass an empty collection to allow repeats)."""
    if minutes not in MIX:
        raise BlueprintError(f"Choose a length of {', '.join(map(str, LENGTHS))} minutes.")
    if mode not in ("typed", "spoken"):
        raise BlueprintError("Choose typed or spoken answers.")
    rng = random.Random(seed)
    fitting = {qid: q for qid, q in questions.items() if _fits(q, role, market)}
    if not any(role in q.roles for q in questions.values()):
        raise BlueprintError(f"There are no questions for the role {role!r}.")
    used: set[str] = set()
    reused: list[str] = []

    def pick(pool: list[Question], n: int, prefer_role: bool = False) -> list[Question]:
        fresh = [q for q in pool if q.id not in used and q.id not in recent]
        stale = [q for q in pool if q.id not in used and q.id in recent]
        rng.shuffle(fresh)
        rng.shuffle(stale)
        # Questions in the candidate's own channel (calls or writing) first; with prefer_role,
        # questions written for this role before the general ones.
        fresh.sort(key=lambda q: (prefer_role and role not in q.roles, _other_channel(q, process)))
        chosen = (fresh + stale)[:n]
        for q in chosen:
            used.add(q.id)
            if q.id in recent:
                reused.append(q.id)
        return chosen

    def by_ids(ids: tuple[str, ...]) -> list[Question]:
        return [fitting[i] for i in ids if i in fitting]

    def in_category(*categories: str) -> list[Question]:
        return [q for q in fitting.values() if q.category in categories]

    mix = MIX[minutes]
    slots: list[tuple[Stage, Question]] = []
    for stage in STAGES:
        n = mix[stage]
        if n == 0:
            continue
        if stage == "opening":
            chosen = by_ids((OPENING,))  # every interview opens this way, practised or not
            used.update(q.id for q in chosen)
        elif stage == "motivation":
            chosen = pick(by_ids(MOTIVATION), n)
        elif stage == "behavioural":
            chosen = pick(in_category("behavioural"), n, prefer_role=True)
        elif stage == "situational":
            chosen = pick(in_category("situational"), n, prefer_role=True)
        elif stage == "knowledge":
            chosen = pick(in_category("industry", "metrics"), n, prefer_role=True)
        elif stage == "role":
            own = [q for q in in_category("role") if role in q.roles]
            chosen = pick(own or in_category("industry", "metrics"), n)
        elif stage == "your_questions":
            chosen = by_ids((YOUR_QUESTIONS,))
            used.update(q.id for q in chosen)
        else:
            shifts = by_ids((SHIFTS,)) if (market == "international" or process in VOICE_PROCESSES) and SHIFTS not in used else []
            chosen = (shifts + pick(by_ids(CLOSING), n))[:n] if shifts else pick(by_ids(CLOSING), n)
            used.update(q.id for q in chosen)
        slots.extend((stage, q) for q in chosen)
    return Blueprint(
        slots=[Slot(stage, q.id, answer_seconds(q, mode)) for stage, q in slots],
        follow_ups=FOLLOW_UPS[minutes],
        reused=reused,
    )
