"""Chat simulation: a transcript of scripted customer messages and the agent's replies, marked on
speed, message length, etiquette, the scenario's rubric points and language.

The transcript is a list of events `{"who": "customer"|"agent", "text": ..., "t": seconds since
the chat opened}` for one conversation. Times are what the browser measured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bpoprep.content.schemas import ChatScenario
from bpoprep.feedback import language
from bpoprep.feedback.points import terms_in
from bpoprep.feedback.text import sentences, word_count

FIRST_REPLY_TARGET_S = 30  # a first response within about 30 seconds
REPLY_TARGET_S = 60
MAX_WORDS_PER_MESSAGE = 60  # and at most three sentences: chat messages stay short
MAX_SENTENCES = 3
MAX_EVENTS = 200
MAX_MESSAGE_CHARS = 2_000
WEIGHTS = {"speed": 0.2, "etiquette": 0.25, "coverage": 0.3, "brevity": 0.1, "language": 0.15}

_EMPATHY = re.compile(r"\b(sorry|apologi[sz]e|i understand|i can imagine|that must be|i hear you|frustrating|i know how)\b", re.I)
_EXPECTATION = re.compile(r"\b(let me check|i(?:'m| am) checking|checking (?:this|that|it|now)|give me (?:a|one|two|\d+) (?:minute|moment|min)|(?:one|a|1|2|two) (?:minute|moment|min)|please (?:hold|wait|bear with)|bear with me|this (?:will|may) take)\b", re.I)
_CONFIRM = re.compile(r"\b(anything else|does (?:that|this) help|did (?:that|this) (?:work|help)|is (?:that|this) (?:ok|okay|fine|clear)|can you (?:check|try|confirm)|has (?:it|that) worked|let me know if)\b", re.I)
_CLOSING = re.compile(r"\b(thanks? (?:you )?for (?:chatting|contacting|reaching|your patience|waiting)|have a (?:great|good|nice|lovely)|take care|to sum up|to summari[sz]e)\b", re.I)
_SENSITIVE = re.compile(r"\b(?:share|send|give|tell|type|provide|confirm)\b[^.?!]{0,30}\b(otp|password|pin|cvv|full card number|card number|card details)\b", re.I)
_SHOUT = re.compile(r"\b[A-Z]{4,}\b")
_NEGATED = re.compile(r"\b(?:don't|do not|never|not|no need to|without)\b[^.?!]{0,25}$", re.I)


def _asks_for_secrets(text: str) -> str:
    """The request for a secret, unless the sentence tells the customer NOT to share it."""
    for m in _SENSITIVE.finditer(text):
        if not _NEGATED.search(text[max(0, m.start() - 40) : m.start() + len(m.group(0).split()[0])]):
            return m.group(0)
    return ""


class ChatError(ValueError):
    """The transcript cannot be scored; the message says why."""


@dataclass(frozen=True)
class Message:
    who: str
    text: str
    t: float


@dataclass(frozen=True)
class Check:
    id: str
    label: str
    passed: bool
    evidence: str = ""


@dataclass
class ChatResult:
    overall: int
    parts: dict[str, float]
    first_response_s: float | None
    reply_times_s: list[float]
    words_per_message: float
    long_messages: list[str]
    etiquette: list[Check]
    coverage: list[Check]
    fatal: list[str]
    language_issues: list[language.LanguageIssue]
    tips: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall,
            "parts": {k: round(v, 3) for k, v in self.parts.items()},
            "first_response_s": None if self.first_response_s is None else round(self.first_response_s, 1),
            "reply_times_s": [round(t, 1) for t in self.reply_times_s],
            "words_per_message": round(self.words_per_message, 1),
            "long_messages": self.long_messages,
            "etiquette": [c.__dict__ for c in self.etiquette],
            "coverage": [c.__dict__ for c in self.coverage],
            "fatal": self.fatal,
            "language_issues": [{"type": i.type, "text": i.span.text, "suggestion": i.suggestion, "message": i.message} for i in self.language_issues],
            "tips": self.tips,
        }


def parse(raw: Any) -> list[Message]:
    if not isinstance(raw, list) or not raw:
        raise ChatError("The chat transcript is empty.")
    if len(raw) > MAX_EVENTS:
        raise ChatError("The chat transcript is too long.")
    out: list[Message] = []
    last = 0.0
    for item in raw:
        if not isinstance(item, dict) or item.get("who") not in ("customer", "agent") or not isinstance(item.get("text"), str) or not isinstance(item.get("t"), int | float):
            raise ChatError("Each chat event needs who (customer or agent), text and t (seconds).")
        t = float(item["t"])
        if t < last or t < 0:
            raise ChatError("Chat events must be in time order.")
        if len(item["text"]) > MAX_MESSAGE_CHARS:
            raise ChatError("A chat message is far too long.")
        out.append(Message(item["who"], item["text"], t))
        last = t
    return out


def _first(regex: re.Pattern[str], texts: list[str]) -> str:
    for text in texts:
        m = regex.search(text)
        if m:
            return m.group(0)
    return ""


def score(scenario: ChatScenario, transcript: list[Message]) -> ChatResult:
    agent = [m for m in transcript if m.who == "agent" and m.text.strip()]
    if not agent:
        raise ChatError("You did not reply to the customer.")
    texts = [m.text for m in agent]
    everything = "\n".join(texts)

    # Speed: each customer message until the agent's next reply.
    waits: list[float] = []
    pending: float | None = None
    for m in transcript:
        if m.who == "customer" and pending is None:
            pending = m.t
        elif m.who == "agent" and pending is not None:
            waits.append(m.t - pending)
            pending = None
    first = waits[0] if waits else None
    speed = 0.0
    if waits:
        first_ok = 1.0 if first is not None and first <= FIRST_REPLY_TARGET_S else max(0.0, 1 - ((first or 0) - FIRST_REPLY_TARGET_S) / 90)
        rest_ok = sum(1.0 if w <= REPLY_TARGET_S else max(0.0, 1 - (w - REPLY_TARGET_S) / 120) for w in waits) / len(waits)
        speed = 0.5 * first_ok + 0.5 * rest_ok

    lengths = [word_count(t) for t in texts]
    long_messages = [t for t, n in zip(texts, lengths, strict=True) if n > MAX_WORDS_PER_MESSAGE or len(sentences(t)) > MAX_SENTENCES]
    first_name = scenario.customer_name.split()[0]
    known = " ".join([*scenario.facts, *(t.text for t in scenario.customer_turns), "OTP UPI EMI KYC COD PNR CVV GSTIN UTR ARN"])
    etiquette = [
        Check("name", f"Uses the customer's name ({first_name})", bool(re.search(rf"\b{re.escape(first_name)}\b", everything, re.I)), first_name if re.search(rf"\b{re.escape(first_name)}\b", everything, re.I) else ""),
        Check("empathy", "Shows empathy", bool(_EMPATHY.search(everything)), _first(_EMPATHY, texts)),
        Check("expectation", "Sets expectations while checking", bool(_EXPECTATION.search(everything)), _first(_EXPECTATION, texts)),
        Check("confirm", "Confirms the fix or asks if anything else is needed", bool(_CONFIRM.search(everything)), _first(_CONFIRM, texts)),
        Check("closing", "Closes the chat politely", bool(_CLOSING.search(texts[-1]) or _CLOSING.search(everything)), _first(_CLOSING, texts)),
        Check("no-shouting", "No capitals for emphasis", not [w for w in _SHOUT.findall(everything) if w not in known]),
    ]
    coverage = []
    for point in scenario.rubric:
        found = terms_in(everything, point.key_terms)
        coverage.append(Check(point.id, point.text, bool(found), found[0].text if found else ""))
    fatal = [f"Asked for “{asked}”: never ask for OTPs, passwords, PINs or full card numbers." for asked in map(_asks_for_secrets, texts) if asked]
    issues = language.all_issues(everything)
    n_words = max(sum(lengths), 1)
    parts = {
        "speed": speed,
        "etiquette": sum(c.passed for c in etiquette) / len(etiquette),
        "coverage": sum(c.passed for c in coverage) / len(coverage),
        "brevity": 1 - len(long_messages) / len(texts),
        "language": max(0.0, 1 - len(issues) * (100 / max(n_words, 50)) * 0.1),
    }
    overall = 0 if fatal else round(100 * sum(WEIGHTS[k] * v for k, v in parts.items()))
    tips = list(fatal)
    if first is not None and first > FIRST_REPLY_TARGET_S:
        tips.append(f"Your first reply took {first:.0f} s: greet the customer within {FIRST_REPLY_TARGET_S} s, even before you have the answer.")
    tips += [f"{c.label}." for c in etiquette if not c.passed][:2]
    tips += [f"Cover: {c.label}" for c in coverage if not c.passed][:2]
    if long_messages:
        tips.append(f"Keep each message to one to three short sentences (under {MAX_WORDS_PER_MESSAGE} words).")
    return ChatResult(overall, parts, first, waits, sum(lengths) / len(lengths), long_messages, etiquette, coverage, fatal, issues, tips)


def model_transcript(scenario: ChatScenario, reply_after_s: float = 15) -> list[Message]:
    """The scenario played with its model replies, each sent `reply_after_s` after the customer."""
    out: list[Message] = []
    t = 0.0
    replies = list(scenario.model_replies)
    for i, turn in enumerate(scenario.customer_turns):
        t += turn.delay_s
        out.append(Message("customer", turn.text, t))
        if i < len(replies):
            t += reply_after_s
            out.append(Message("agent", replies[i], t))
    for extra in replies[len(scenario.customer_turns):]:
        t += reply_after_s
        out.append(Message("agent", extra, t))
    return out
