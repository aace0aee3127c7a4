"""Mock customer call: the agent's turns marked against the scenario's QA scorecard.

Each checklist item (greeting, verification, probing, empathy, hold, resolution, recap, closing)
is met when one of its key phrases is said; the score is the sum of the weights met (they add up
to 100 per scenario). Fatal errors zero the call, as in real QA: the ones a transcript can show
are detected (account talk before verification, rudeness, threats, asking for secrets, action
without consent, promises the facts do not allow); the rest are listed for the candidate to
check against the recording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bpoprep.content.schemas import CallScenario
from bpoprep.feedback.points import terms_in

MAX_TURNS = 60
MAX_TURN_CHARS = 3_000

_RUDE = re.compile(r"\b(shut up|stupid|idiot|nonsense|not my problem|not my job|whatever|calm down|stop shouting|you people|listen to me|are you deaf)\b", re.I)
_THREAT = re.compile(r"\b(police|legal action|court|seize|seizure|tell your (?:family|employer|boss)|blacklist|jail)\b", re.I)
_SECRETS = re.compile(r"\b(?:tell|give|share|read out|confirm)\b[^.?!]{0,30}\b(otp|password|pin|cvv|full card number)\b", re.I)
_CONSENT = re.compile(r"\b(do i have your (?:consent|permission)|may i go ahead|shall i (?:go ahead|proceed|process)|can i go ahead|would you like me to|is it (?:ok|okay) if i|with your permission)\b", re.I)
_PROMISE = re.compile(r"\b(i (?:promise|guarantee)|guaranteed|100 ?%|definitely (?:be )?(?:paid|approved|refunded|today)|today itself|right now itself)\b", re.I)
_FEE = re.compile(r"\b(fee|charge|rs\.?\s?\d|₹\s?\d|\d+\s?rupees)\b", re.I)
_BLAME = re.compile(r"\b(your fault|you must have|you did not|you didn't (?:check|read)|are you sure you|you are lying)\b", re.I)
_BLOCK = re.compile(r"\b(cannot cancel|can't cancel|not possible to cancel|you have to stay|we will not cancel)\b", re.I)


class CallError(ValueError):
    """The call cannot be scored; the message says why."""


@dataclass(frozen=True)
class Item:
    id: str
    stage: str
    text: str
    weight: int
    met: bool
    evidence: str = ""
    turn: int | None = None


@dataclass
class CallResult:
    score: int  # 0 when a fatal error was made
    raw_score: int  # before fatal errors
    items: list[Item]
    fatal: list[dict[str, str]]
    unchecked: list[str]  # fatal errors only a listener can judge
    tips: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "raw_score": self.raw_score, "items": [i.__dict__ for i in self.items], "fatal": self.fatal, "unchecked": self.unchecked, "tips": self.tips}


def parse(raw: Any) -> list[str]:
    if not isinstance(raw, list) or not any(isinstance(t, str) and t.strip() for t in raw):
        raise CallError("You did not say anything on the call.")
    if len(raw) > MAX_TURNS:
        raise CallError("The call has too many turns.")
    if not all(isinstance(t, str) for t in raw):
        raise CallError("Each turn of the call must be text.")
    if any(len(t) > MAX_TURN_CHARS for t in raw):
        raise CallError("One of your turns is far too long.")
    return raw


def _first_turn(turns: list[str], phrases: list[str], after: int = -1) -> tuple[int | None, str]:
    for i, turn in enumerate(turns):
        if i <= after:
            continue
        found = terms_in(turn, phrases)
        if found:
            return i, found[0].text
    return None, ""


def _turn_matching(turns: list[str], regex: re.Pattern[str]) -> tuple[int | None, str]:
    for i, turn in enumerate(turns):
        m = regex.search(turn)
        if m:
            return i, m.group(0)
    return None, ""


def score(scenario: CallScenario, turns: list[str]) -> CallResult:
    items = []
    resolved_at = next((at for check in scenario.checklist if check.stage == "resolution" for at in [_first_turn(turns, check.key_phrases)[0]] if at is not None), -1)
    greeted_at = next((at for check in scenario.checklist if check.stage == "greeting" for at in [_first_turn(turns, check.key_phrases)[0]] if at is not None), -1)
    for check in scenario.checklist:
        # A recap restates the resolution and a closing ends the call, so each only counts in a
        # later turn (a greeting's "thank you for calling" is not a closing).
        after = {"recap": resolved_at, "closing": max(greeted_at, resolved_at)}.get(check.stage, -1)
        at, evidence = _first_turn(turns, check.key_phrases, after=after)
        items.append(Item(check.id, check.stage, check.text, check.weight, at is not None, evidence, at))
    by_stage = {i.stage: i for i in items}
    fatal: list[dict[str, str]] = []
    unchecked: list[str] = []
    for error in scenario.fatal_errors:
        found = _detect(error.id, scenario, turns, by_stage)
        if found is None:
            unchecked.append(error.text)
        elif found:
            fatal.append({"id": error.id, "text": error.text, "evidence": found})
    raw = sum(i.weight for i in items if i.met)
    tips = [f"Fatal: {f['text']} (“{f['evidence']}”)." for f in fatal]
    tips += [f"Missed ({i.weight} points): {i.text}." for i in sorted((i for i in items if not i.met), key=lambda i: -i.weight)][:3]
    return CallResult(0 if fatal else raw, raw, items, fatal, unchecked, tips)


def _detect(error_id: str, scenario: CallScenario, turns: list[str], by_stage: dict[str, Item]) -> str | None:
    """Evidence of the fatal error, "" when it did not happen, None when a transcript cannot tell."""
    if error_id == "privacy-breach":
        verified = by_stage.get("verification")
        resolved = by_stage.get("resolution")
        if verified is None or resolved is None or resolved.turn is None:
            return ""
        if verified.turn is None or resolved.turn < verified.turn:
            return resolved.evidence  # account details discussed before (or without) verification
        return ""
    regex = {"rudeness": _RUDE, "abuses-back": _RUDE, "argues-back": _RUDE, "threat": _THREAT, "false-promise": _PROMISE, "guarantees-payment": _PROMISE, "blames-customer": _BLAME, "blocks-cancellation": _BLOCK, "unsafe-instruction": _SECRETS}.get(error_id)
    if regex is not None:
        return _turn_matching(turns, regex)[1]
    if error_id == "no-consent":
        resolved = by_stage.get("resolution")
        if resolved is None or not resolved.met:
            return ""
        return "" if _CONSENT.search(" ".join(turns)) else resolved.evidence
    if error_id == "hidden-fee":
        return "" if _FEE.search(" ".join(turns)) else "the fee was never mentioned"
    return None  # e.g. wrong information: needs a listener who knows the facts
