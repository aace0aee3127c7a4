"""Specificity: concrete examples, numbers and named tools versus vague generalities."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import Span

_NUMBER = re.compile(r"(?:rs\.?\s?|inr\s?|₹\s?)?\d[\d,.]*\s?(?:%|percent|per cent|lakh|lakhs|k|minutes?|mins?|hours?|days?|weeks?|months?|years?|calls?|customers?|tickets?|wpm|people|members)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred)\s(?:minutes?|hours?|days?|weeks?|months?|years?|calls?|customers?|people|members|times)\b", re.I)
_NAMED = re.compile(
    r"\b(?:excel|vlookup|pivot|tally|sap|oracle|zendesk|freshdesk|salesforce|hubspot|crm|ticketing|erp|ms office|word|powerpoint|google sheets|"
    r"aht|fcr|csat|nps|sla|asa|qa|kpi|star|sop|escalation matrix|knowledge base|ivr|dialler|dialer|versant|svar|"
    r"inbound|outbound|chat process|email process|voice process|back office|upi|gst|invoice|purchase order|reconciliation)\b",
    re.I,
)
_EXAMPLE = re.compile(r"\b(?:for example|for instance|once|one day|last (?:year|month|week|summer|semester)|when i was|in my (?:internship|college|previous|last)|at my)\b", re.I)
_VAGUE = re.compile(
    r"\b(?:many things|a lot of things|various things|etc\.?|and so on|and all|something like that|hard[- ]?working|very good|good communication skills|"
    r"i am a quick learner|team player|always|never|everything|anything|somehow|some kind of|it went well|things like that|stuff)\b",
    re.I,
)


@dataclass(frozen=True)
class Specificity:
    score: float  # 0..1
    numbers: tuple[Span, ...]
    named: tuple[Span, ...]
    examples: tuple[Span, ...]
    vague: tuple[Span, ...]


def _spans(regex: re.Pattern[str], text: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end(), m.group(0)) for m in regex.finditer(text) if m.group(0).strip())


def assess(text: str, word_count: int) -> Specificity:
    numbers, named, examples, vague = (_spans(r, text) for r in (_NUMBER, _NAMED, _EXAMPLE, _VAGUE))
    concrete = min(len(numbers), 3) * 0.15 + min(len(named), 3) * 0.1 + min(len(examples), 2) * 0.15
    per_100 = 100 / max(word_count, 50)
    penalty = min(len(vague) * per_100 * 0.15, 0.5)
    return Specificity(max(0.0, min(1.0, 0.25 + concrete - penalty)), numbers, named, examples, vague)
