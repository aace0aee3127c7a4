"""Sentences and words with their character offsets, so every finding can point at its evidence."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_CHARS = 20_000  # an answer longer than this is cut before analysis (about 3,000 words)

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "no", "approx", "dept", "inc", "ltd", "co", "b.com", "b.sc", "b.a", "m.com", "b.tech", "m.b.a", "rs"}
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+|$)|\n\s*\n|\n(?=\s*[-*•\d]+[.)]?\s)")
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u0900-\u097F]+(?:['’][A-Za-z]+)*|\d+(?:[.,:/]\d+)*%?")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def normalise(text: str) -> str:
    """NFC, no control characters (tabs and newlines kept), capped length."""
    text = unicodedata.normalize("NFC", text)[:MAX_CHARS]
    return "".join(c if c in "\n\t" or unicodedata.category(c) != "Cc" else " " for c in text)


def sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        candidate = text[start:end]
        last = re.search(r"([A-Za-z.]+)\.\s*$", candidate)
        if last and last.group(1).lower().rstrip(".") in _ABBREVIATIONS and m.group(0).strip() == ".":
            continue  # "Mr." or "e.g." does not end a sentence
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not _WORD.search(stripped):
        return
    offset = start + (len(piece) - len(piece.lstrip()))
    spans.append(Span(offset, offset + len(stripped), stripped))


def words(text: str, base: int = 0) -> list[Span]:
    return [Span(base + m.start(), base + m.end(), m.group(0)) for m in _WORD.finditer(text)]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def clip_words(text: str, limit: int) -> str:
    """The first `limit` words, with an ellipsis when there were more (for quoting an answer)."""
    parts = text.split()
    return " ".join(parts[:limit]) + (" …" if len(parts) > limit else "")
