"""Cut an answer into segments with the findings that apply, so a page can mark the evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bpoprep.wording import fill, gettext_noop

FILLER = gettext_noop("Filler: “{word}”")


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = ""  # "" for plain text, else the finding's kind (filler, spelling, vague, ...)
    note: str = ""


def marks_from(feedback: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, note) for every finding in a stored feedback dict, most specific first."""
    marks: list[tuple[int, int, str, str]] = []
    for issue in feedback.get("language_issues", []):
        span = issue.get("span") or {}
        if "start" in span:
            marks.append((span["start"], span["end"], issue["type"], issue.get("message", "")))
    for filler in feedback.get("fillers", []):
        for span in filler.get("spans", []):
            marks.append((span["start"], span["end"], "filler", fill(FILLER, word=filler["text"])))
    for finding in feedback.get("findings", []):
        span = finding.get("span")
        if span and finding["kind"] in ("vague", "off_topic", "rambling", "misconception", "hypothetical"):
            marks.append((span["start"], span["end"], finding["kind"], finding["message"]))
    return marks


def segments(text: str, marks: list[tuple[int, int, str, str]]) -> list[Segment]:
    """Non-overlapping segments covering `text`. Where marks overlap, the shorter (more specific)
    one keeps the overlap and a longer one (a whole flagged sentence) still marks the rest."""
    chosen: list[tuple[int, int, str, str]] = []
    for mark in sorted(marks, key=lambda m: (m[1] - m[0], m[0])):
        start, end = max(0, mark[0]), min(len(text), mark[1])
        for s, e in _uncovered(start, end, [(c[0], c[1]) for c in chosen]):
            if text[s:e].strip():
                chosen.append((s, e, mark[2], mark[3]))
    out: list[Segment] = []
    at = 0
    for start, end, kind, note in sorted(chosen):
        if at < start:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], kind, note))
        at = end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


def _uncovered(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces, at = [], start
    for s, e in sorted(taken):
        if e <= at or s >= end:
            continue
        if s > at:
            pieces.append((at, s))
        at = max(at, e)
    if at < end:
        pieces.append((at, end))
    return pieces
