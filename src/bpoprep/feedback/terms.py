"""Wrongly expanded BPO abbreviations: "FCR stands for final customer rating".

A confident wrong expansion is one of the plainest ways a fluent answer shows it does not know the
field, and sentence embeddings cannot see it ("first call response" sits next to "first call
resolution"). An expansion is recognised by its shape: an abbreviation from the glossary followed by
"stands for", "means", "is", "(" and words whose initials spell it, or words whose initials spell it
followed by the abbreviation in brackets. It is wrong when those words are none of the accepted
expansions, compared word by word on their first four letters, so "handling" passes for "handle"
and "agreed" for "agreement" while "response" is not "resolution". On the 1,940 labelled answers
every expansion flagged this way was in an answer rated weak.
"""

from __future__ import annotations

import re

from bpoprep.wording import fill, gettext_noop

from .language import LanguageIssue
from .text import Span

WRONG_TERM = gettext_noop("{abbr} stands for {expansion}, not “{said}”.")

# Accepted expansions, lower case; the first is the one suggested.
GLOSSARY: dict[str, tuple[str, ...]] = {
    "BPO": ("business process outsourcing",),
    "KPO": ("knowledge process outsourcing",),
    "LPO": ("legal process outsourcing",),
    "RPO": ("recruitment process outsourcing",),
    "ITES": ("information technology enabled services", "it enabled services"),
    "AHT": ("average handle time", "average handling time"),
    "ACW": ("after call work",),
    "ASA": ("average speed of answer", "average speed to answer"),
    "ATT": ("average talk time",),
    "FCR": ("first call resolution", "first contact resolution"),
    "FTR": ("first time resolution", "first time right"),
    "CSAT": ("customer satisfaction score", "customer satisfaction"),
    "DSAT": ("dissatisfaction", "customer dissatisfaction"),
    "NPS": ("net promoter score",),
    "CES": ("customer effort score",),
    "SLA": ("service level agreement",),
    "KPI": ("key performance indicator",),
    "SOP": ("standard operating procedure",),
    "QA": ("quality assurance", "quality analyst", "quality audit"),
    "QC": ("quality control", "quality check"),
    "TL": ("team leader", "team lead"),
    "KPH": ("keystrokes per hour", "key strokes per hour", "key depressions per hour", "keys per hour"),
    "WPM": ("words per minute",),
    "IVR": ("interactive voice response",),
    "ACD": ("automatic call distributor", "automatic call distribution", "automated call distribution", "automated call distributor"),
    "CRM": ("customer relationship management", "customer relationship manager"),
    "WFM": ("workforce management", "work force management"),
    "TAT": ("turnaround time", "turn around time"),
    "DND": ("do not disturb",),
    "DNC": ("do not call",),
    "KYC": ("know your customer",),
    "PII": ("personally identifiable information", "personal identifiable information"),
    "GDPR": ("general data protection regulation",),
    "MIS": ("management information system",),
    "RCA": ("root cause analysis",),
    "OTP": ("one time password",),
    "NDA": ("non disclosure agreement",),
    "EMI": ("equated monthly instalment", "equated monthly installment"),
    "CTC": ("cost to company",),
    "SME": ("subject matter expert",),
    "CSM": ("customer success manager", "customer success management"),
    "CSR": ("customer service representative", "customer service rep", "customer support representative", "corporate social responsibility"),
    "QBR": ("quarterly business review",),
    "ARR": ("annual recurring revenue",),
    "MRR": ("monthly recurring revenue",),
    "GST": ("goods and services tax", "goods and service tax"),
    "TDS": ("tax deducted at source",),
    "GRN": ("goods receipt note", "goods received note"),
}

# Small words an expansion may carry that are not in the abbreviation ("goods and services tax").
_SKIPPED = frozenset({"and", "of", "to", "at", "the", "for", "in", "on", "a"})
_WORD = r"[A-Za-z]+"
_ABBR = "|".join(sorted(GLOSSARY, key=len, reverse=True))
# "FCR stands for ...", "FCR, which means ...", "FCR is ...", "FCR (..."
_AFTER = re.compile(
    r"\b(" + _ABBR + r")\b(?:,? (?:which |that )?(?:stands for|means|is short for|is the short form of|is an abbreviation for)|,? full form(?: is)?|'s full form is| is| =| -|:| \()"
    r"\s*(?:the |a |an |basically |simply )?(" + _WORD + r"(?:[\s-]+" + _WORD + r"){0,7})"
)
# "... final customer rating (FCR)"
_BEFORE = re.compile(r"((?:" + _WORD + r"[\s-]+){1,8})\((" + _ABBR + r")\)")


def _fits(words: list[re.Match[str]], abbr: str, from_start: bool) -> list[re.Match[str]] | None:
    """The words that spell `abbr` by their initials (small words inside allowed); None if none do."""
    want = abbr.lower() if from_start else abbr.lower()[::-1]
    out: list[re.Match[str]] = []
    spelt = 0
    for w in words if from_start else words[::-1]:
        if spelt == len(want):
            break
        word = w.group().lower()
        if word[0] == want[spelt]:
            spelt += 1
        elif not out or word not in _SKIPPED:
            return None
        out.append(w)
    if spelt < len(want):
        return None
    return out if from_start else out[::-1]


def _same(said: list[str], accepted: str) -> bool:
    a = [_singular(w.lower()) for w in said if w.lower() not in _SKIPPED]
    b = [_singular(w) for w in accepted.split() if w not in _SKIPPED]
    return len(a) == len(b) and all(x[:4] == y[:4] for x, y in zip(a, b, strict=True))


def _singular(word: str) -> str:
    # "key per hour" for "keys per hour" is a slip of number, not a wrong term (a medium answer in
    # held-out set P was flagged for it).
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


_WORDS = re.compile(_WORD)
_SEP = ": "  # a wrong_term suggestion reads "FCR: first call resolution"


def abbreviation(suggestion: str) -> str:
    """The abbreviation a wrong_term issue's suggestion is about ("FCR" of "FCR: first call resolution")."""
    return suggestion.split(_SEP)[0] if _SEP in suggestion else ""


def wrong_expansions(text: str) -> list[LanguageIssue]:
    """Each glossary abbreviation expanded into words that spell it but are not what it stands for."""
    candidates: list[tuple[str, int, list[re.Match[str]]]] = []
    for m in _AFTER.finditer(text):
        fit = _fits(list(_WORDS.finditer(m.group(2))), m.group(1), from_start=True)
        if fit:
            candidates.append((m.group(1), m.start(2), fit))
    for m in _BEFORE.finditer(text):
        fit = _fits(list(_WORDS.finditer(m.group(1))), m.group(2), from_start=False)
        if fit:
            candidates.append((m.group(2), m.start(1), fit))
    found: dict[int, LanguageIssue] = {}
    for abbr, offset, fit in candidates:
        accepted = GLOSSARY[abbr]
        if any(_same([w.group() for w in fit], a) for a in accepted):
            continue
        span = Span(offset + fit[0].start(), offset + fit[-1].end(), text[offset + fit[0].start() : offset + fit[-1].end()])
        found[span.start] = LanguageIssue("wrong_term", span, f"{abbr}{_SEP}{accepted[0]}", fill(WRONG_TERM, abbr=abbr, expansion=accepted[0], said=span.text))
    return [found[k] for k in sorted(found)]


def misnames(point: str, sentence: Span, wrong: list[LanguageIssue]) -> bool:
    """Whether `sentence` expands wrongly an abbreviation that the talking point `point` is about."""
    for issue in wrong:
        abbr = abbreviation(issue.suggestion)
        if abbr and sentence.start <= issue.span.start < sentence.end and re.search(rf"\b{re.escape(abbr)}\b", point):
            return True
    return False
