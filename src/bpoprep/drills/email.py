"""E-mail writing test: a reply to a customer scenario, scored the way BPO assessors mark it.

Five parts, each finding with the span of the reply it is about:
- structure: subject with the ticket number, greeting by name, acknowledgement, apology where
  the scenario warrants one, the answer first, clear steps, next steps with a timeline, a closing
  offer of help and a sign-off with a name;
- coverage: the scenario's rubric points (their key terms);
- tone: no blame, no capitals for emphasis, no exclamation runs, courtesy;
- language: spelling, grammar, office Indianisms, hedging (shared with answer feedback);
- readability and length: sentence length, Flesch reading ease, word count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bpoprep.content.schemas import EmailScenario
from bpoprep.feedback import language
from bpoprep.feedback.points import terms_in
from bpoprep.feedback.text import Span, normalise, sentences, word_count

MAX_CHARS = 20_000
WORDS = (80, 250)
WEIGHTS = {"structure": 0.35, "coverage": 0.30, "tone": 0.10, "language": 0.15, "readability": 0.10}

_SUBJECT = re.compile(r"^\s*subject\s*:\s*(.+)$", re.I | re.M)
_GREETING = re.compile(r"^\s*(dear|hi|hello|good (?:morning|afternoon|evening))\b[^\n]*", re.I | re.M)
_ACK = re.compile(r"\b(thank you for|thanks for|i (?:understand|can see|see that|was (?:sorry|glad) to)|i am (?:sorry|glad) to (?:hear|read|see)|i'm (?:sorry|glad) to|we have received|i have (?:checked|looked into|reviewed|read)|you are right|you're right)", re.I)
_APOLOGY = re.compile(r"\b(sorry|apologi[sz]e|apologies)\b", re.I)
_STEPS = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+\S", re.M)
_SEQUENCE = re.compile(r"\b(first|then|next|after that|finally|step \d)\b", re.I)
_TIMELINE = re.compile(r"\b(within \d+|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|\d{1,2}(?:st|nd|rd|th)? \w+|end of)|\d+\s*(?:to\s*\d+\s*)?(?:working |business )?(?:days?|hours?|minutes?)|today|tomorrow|this week|next week|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)", re.I)
_CLOSING = re.compile(r"\b(please (?:let us know|let me know|feel free|reply|contact|call|write)|if you (?:have|need|would)|happy to help|here to help|do not hesitate|don't hesitate|i will keep you updated|reply to this (?:e-?mail|message)|by replying|just reply|we look forward|good luck|have a (?:great|good|nice|lovely))", re.I)
_SIGNOFF = re.compile(r"^\s*(?:warm |best |kind |with )?(regards|sincerely|thanks|thank you|best wishes|yours (?:sincerely|truly|faithfully))\s*,?\s*$", re.I | re.M)
_BLAME = re.compile(r"\b(not our fault|your (?:own )?fault|you should have|you failed to|you did not read|as already (?:told|informed)|the (?:other|billing|delivery|courier|warehouse|technical|payments?) (?:team|department|people) (?:made|did|caused|messed|is responsible))", re.I)
_SHOUT = re.compile(r"\b[A-Z]{4,}\b")
_EXCLAIM = re.compile(r"!{2,}")
_ACRONYMS = frozenset({"ASAP", "INR", "UPI", "NEFT", "IMPS", "RTGS", "EMI", "OTP", "KYC", "GSTIN", "IFSC", "CCTV", "HTML", "PDF", "ARN", "UTR", "COD", "NACH"})


@dataclass(frozen=True)
class Check:
    id: str
    label: str
    passed: bool
    evidence: Span | None = None
    note: str = ""


@dataclass
class EmailResult:
    overall: int
    parts: dict[str, float]
    structure: list[Check]
    coverage: list[Check]
    tone: list[Check]
    language_issues: list[language.LanguageIssue]
    word_count: int
    reading_ease: float
    long_sentences: list[Span]
    tips: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def span(s: Span | None) -> dict[str, Any] | None:
            return None if s is None else {"start": s.start, "end": s.end, "text": s.text}

        def checks(items: list[Check]) -> list[dict[str, Any]]:
            return [{"id": c.id, "label": c.label, "passed": c.passed, "evidence": span(c.evidence), "note": c.note} for c in items]

        return {
            "overall": self.overall,
            "parts": {k: round(v, 3) for k, v in self.parts.items()},
            "structure": checks(self.structure),
            "coverage": checks(self.coverage),
            "tone": checks(self.tone),
            "language_issues": [{"type": i.type, "span": span(i.span), "suggestion": i.suggestion, "message": i.message} for i in self.language_issues],
            "word_count": self.word_count,
            "reading_ease": round(self.reading_ease, 1),
            "long_sentences": [span(s) for s in self.long_sentences],
            "tips": self.tips,
        }


class WritingError(ValueError):
    """The reply cannot be scored; the message says why."""


def _first(regex: re.Pattern[str], text: str, start: int = 0) -> Span | None:
    m = regex.search(text, start)
    return Span(m.start(), m.end(), m.group(0).strip()) if m else None


def _syllables(word: str) -> int:
    groups = re.findall(r"[aeiouy]+", word.lower())
    n = len(groups) - (1 if word.lower().endswith("e") and len(groups) > 1 else 0)
    return max(1, n)


def reading_ease(text: str) -> float:
    """Flesch reading ease: higher is easier; 50-80 suits customer e-mail."""
    words = re.findall(r"[A-Za-z]+", text)
    n_sent = max(1, len(sentences(text)))
    if not words:
        return 0.0
    syllables = sum(_syllables(w) for w in words)
    return 206.835 - 1.015 * (len(words) / n_sent) - 84.6 * (syllables / len(words))


def score(scenario: EmailScenario, reply: str) -> EmailResult:
    if not isinstance(reply, str):
        raise WritingError("The reply must be text.")
    text = normalise(reply)[:MAX_CHARS]
    n = word_count(text)
    if n == 0:
        raise WritingError("The reply is empty: write the e-mail first.")
    first_name = scenario.customer_name.split()[0].lower()
    last_name = scenario.customer_name.split()[-1].lower()

    subject = _first(_SUBJECT, text)
    greeting = _first(_GREETING, text)
    body_start = greeting.end if greeting else (subject.end if subject else 0)
    signoff = _first(_SIGNOFF, text, body_start)
    body = text[body_start : signoff.start if signoff else len(text)]
    body_sents = sentences(body)
    opening = " ".join(s.text for s in body_sents[:3])
    answer_terms = [t for r in scenario.rubric for t in r.key_terms if r.id not in ("greet-by-name", "subject-ticket", "sign-off", "apology")]
    after_sign = text[signoff.end:].strip() if signoff else ""
    steps = _first(_STEPS, body) or _first(_SEQUENCE, body)

    structure = [
        Check("subject", "Subject line with the ticket number", bool(subject and scenario.ticket_id.lower() in subject.text.lower()), subject, "" if subject else "missing"),
        Check("greeting", "Greets the customer by name", bool(greeting and (first_name in greeting.text.lower() or last_name in greeting.text.lower())), greeting),
        Check("acknowledge", "Acknowledges the customer's message", bool(_ACK.search(body)), _first(_ACK, text)),
        Check("apology", "Apologises, since we were at fault" if scenario.apology_warranted else "No apology needed here; explains instead", bool(_APOLOGY.search(body)) == scenario.apology_warranted or not scenario.apology_warranted, _first(_APOLOGY, text)),
        Check("answer-first", "Gives the answer early", any(terms_in(opening, [t]) for t in answer_terms)),
        Check("steps", "Sets out clear steps", steps is not None, steps),
        Check("timeline", "Next steps with a timeline", bool(_TIMELINE.search(body)), _first(_TIMELINE, text, body_start)),
        Check("closing", "Closes with an offer of further help", bool(_CLOSING.search(body)), _first(_CLOSING, text, body_start)),
        Check("signature", "Signs off with a name", bool(signoff and after_sign), signoff),
    ]
    coverage = []
    for point in scenario.rubric:
        found = terms_in(text, point.key_terms)
        coverage.append(Check(point.id, point.text, bool(found), found[0] if found else None))

    known = " ".join([scenario.ticket_id, scenario.customer_email.subject, scenario.customer_email.body, *scenario.facts])  # names like ICICI
    shouting = [Span(m.start(), m.end(), m.group(0)) for m in _SHOUT.finditer(text) if m.group(0) not in _ACRONYMS and m.group(0) not in known]
    blame = _first(_BLAME, text)
    exclaim = _first(_EXCLAIM, text)
    tone = [
        Check("no-blame", "No blame on the customer or other teams", blame is None, blame),
        Check("no-shouting", "No capitals for emphasis", not shouting, shouting[0] if shouting else None),
        Check("no-exclamations", "No strings of exclamation marks", exclaim is None, exclaim),
        Check("courtesy", "Polite words (please, thank you, sorry, glad)", bool(re.search(r"\b(please|thank you|thanks|sorry|glad|happy to|appreciate)\b", text, re.I))),
    ]
    issues = language.all_issues(text, extra_words={w.lower() for w in re.findall(r"[A-Za-z]+", scenario.customer_name + " " + " ".join(scenario.facts))})

    sents = sentences(text)
    long_sents = [s for s in sents if word_count(s.text) > 30]
    ease = reading_ease(body or text)
    low, high = WORDS
    length_fit = 1.0 if low <= n <= high else max(0.0, n / low) if n < low else max(0.0, 1 - (n - high) / high)
    readable = 1.0 if ease >= 50 else max(0.0, ease / 50)
    per_100 = 100 / max(n, 50)
    parts = {
        "structure": sum(c.passed for c in structure) / len(structure),
        "coverage": sum(c.passed for c in coverage) / len(coverage),
        "tone": sum(c.passed for c in tone) / len(tone),
        "language": max(0.0, 1 - len(issues) * per_100 * 0.1),
        "readability": 0.5 * length_fit + 0.5 * readable * (0.8 if long_sents else 1.0),
    }
    overall = round(100 * sum(WEIGHTS[k] * v for k, v in parts.items()))
    return EmailResult(overall, parts, structure, coverage, tone, issues, n, ease, long_sents, _tips(structure, coverage, tone, issues, n, long_sents))


def _tips(structure: list[Check], coverage: list[Check], tone: list[Check], issues: list[language.LanguageIssue], n: int, long_sents: list[Span]) -> list[str]:
    tips = [f"Add: {c.label.lower()}." for c in structure if not c.passed][:3]
    tips += [f"Cover this point: {c.label}" for c in coverage if not c.passed][:2]
    tips += [f"Tone: {c.label.lower()} (“{c.evidence.text}”)." if c.evidence else f"Tone: {c.label.lower()}." for c in tone if not c.passed]
    indianisms = [i for i in issues if i.type == "indianism"]
    if indianisms:
        tips.append("Replace office Indianisms: " + ", ".join(f"“{i.span.text}” → “{i.suggestion}”" for i in indianisms[:3]) + ".")
    if n < WORDS[0]:
        tips.append(f"Too short ({n} words): explain what happened and what happens next ({WORDS[0]}-{WORDS[1]} words).")
    elif n > WORDS[1]:
        tips.append(f"Too long ({n} words): keep to what the customer needs ({WORDS[0]}-{WORDS[1]} words).")
    if long_sents:
        tips.append("Split sentences longer than 30 words.")
    return tips
