"""Typing-test scoring by the standard definitions.

- A "word" is 5 keystrokes (spaces and punctuation included).
- Gross WPM = characters typed / 5 / minutes, where characters typed are all character
  keystrokes (entries), including ones later corrected with backspace.
- Net WPM = gross WPM - uncorrected errors / minutes (never below 0).
- Accuracy = correct entries / all entries x 100, judged per keystroke against the character the
  passage expected at that point.
- KPH (keystrokes per hour) = entries / hours, the unit data-entry employers use.

Without a keystroke log (a plain text box, the CLI), entries are the characters of the final text
and accuracy compares the final text with the passage.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

BURST_CHARS = 15  # this many characters arriving within ...
BURST_MS = 60  # ... this many milliseconds cannot be typed by hand
MAX_HUMAN_WPM = 220
MAX_EVENTS = 50_000


class TypingError(ValueError):
    """The run cannot be scored; the message says why."""


@dataclass(frozen=True)
class Keystroke:
    t: float  # milliseconds since the run started
    key: str  # one character, or "Backspace"


@dataclass
class TypingResult:
    seconds: float
    entries: int
    correct_entries: int
    corrected: int  # backspaces
    uncorrected_errors: int
    gross_wpm: float
    net_wpm: float
    accuracy: float  # percent
    kph: int
    chars_typed: int  # length of the final text
    key_errors: dict[str, int] = field(default_factory=dict)
    bigram_errors: dict[str, int] = field(default_factory=dict)
    missed_words: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: (round(v, 1) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def parse_keystrokes(raw: Any) -> list[Keystroke]:
    """Validate a keystroke log sent by the browser: a list of [ms, key] pairs."""
    if not isinstance(raw, list):
        raise TypingError("The keystroke log must be a list.")
    if len(raw) > MAX_EVENTS:
        raise TypingError("The keystroke log is too long.")
    out = []
    last = -1.0
    for item in raw:
        if not (isinstance(item, list | tuple) and len(item) == 2 and isinstance(item[0], int | float) and isinstance(item[1], str)):
            raise TypingError("Each keystroke must be [milliseconds, key].")
        t, key = float(item[0]), item[1]
        if t < last or t < 0:
            raise TypingError("Keystrokes must be in time order.")
        if key != "Backspace" and len(key) != 1:
            raise TypingError(f"Unknown key {key[:20]!r}.")
        out.append(Keystroke(t, key))
        last = t
    return out


def uncorrected_errors(target: str, typed: str) -> int:
    """Characters of the final text that do not match the passage (wrong, extra or skipped),
    aligned so that one slip does not make every later character wrong."""
    reference = target[: len(typed) + 10]  # the run may stop mid-passage; allow for skipped letters
    errors = 0
    matcher = difflib.SequenceMatcher(None, reference, typed, autojunk=False)
    last_typed = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            last_typed = j2
            continue
        if j1 >= len(typed) and tag == "delete":
            continue  # the passage simply goes on past where the typist stopped
        errors += max(i2 - i1, j2 - j1)
        last_typed = j2
    return errors


def _replay(target: str, keys: list[Keystroke]) -> tuple[int, int, int, Counter[str], Counter[str], str]:
    """Entries, correct entries, backspaces, per-key and per-bigram errors, and the final text."""
    buffer: list[str] = []
    entries = correct = backspaces = 0
    key_errors: Counter[str] = Counter()
    bigram_errors: Counter[str] = Counter()
    for k in keys:
        if k.key == "Backspace":
            if buffer:
                buffer.pop()
            backspaces += 1
            continue
        pos = len(buffer)
        expected = target[pos] if pos < len(target) else ""
        entries += 1
        if k.key == expected:
            correct += 1
        else:
            label = expected if expected and expected != " " else "space" if expected == " " else "extra"
            key_errors[label] += 1
            if pos > 0 and expected:
                bigram_errors[(target[pos - 1] + expected).replace(" ", "␣")] += 1
        buffer.append(k.key)
    return entries, correct, backspaces, key_errors, bigram_errors, "".join(buffer)


def _bursts(keys: list[Keystroke]) -> bool:
    times = [k.t for k in keys if k.key != "Backspace"]
    return any(times[i + BURST_CHARS - 1] - times[i] < BURST_MS for i in range(len(times) - BURST_CHARS + 1))


def _missed_words(target: str, typed: str) -> list[str]:
    want = re.findall(r"\S+", target)
    got = re.findall(r"\S+", typed)
    if typed and not typed[-1].isspace() and got:
        got = got[:-1]  # the word being typed when time ran out is not a mistake
    missed: list[str] = []
    matcher = difflib.SequenceMatcher(None, want[: len(got) + 1], got, autojunk=False)
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if tag == "delete" and j1 == len(got):
            continue  # the passage goes on past the last finished word
        if tag in ("replace", "delete"):
            for w in want[i1:i2]:
                clean = w.strip(".,;:!?\"'()")
                if clean and clean not in missed:
                    missed.append(clean)
    return missed[:20]


def score(target: str, seconds: float, typed: str | None = None, keystrokes: list[Keystroke] | None = None) -> TypingResult:
    if not target:
        raise TypingError("There is no passage to compare with.")
    if seconds <= 0:
        raise TypingError("The run took no time.")
    minutes = seconds / 60
    flags: list[str] = []
    if keystrokes:
        entries, correct, backspaces, key_errors, bigram_errors, replayed = _replay(target, keystrokes)
        if typed is not None and typed != replayed:
            flags.append("text_differs_from_keystrokes")  # pasted or edited outside the typing box
        final = replayed
        if _bursts(keystrokes):
            flags.append("impossible_burst")
    else:
        final = typed or ""
        entries = len(final)
        backspaces = 0
        key_errors, bigram_errors = Counter(), Counter()
        matcher = difflib.SequenceMatcher(None, target[: len(final) + 10], final, autojunk=False)
        correct = sum(b.size for b in matcher.get_matching_blocks())
    if entries == 0:
        raise TypingError("Nothing was typed.")
    errors = uncorrected_errors(target, final)
    gross = entries / 5 / minutes
    net = max(0.0, gross - errors / minutes)
    if gross > MAX_HUMAN_WPM:
        flags.append("faster_than_humanly_possible")
    return TypingResult(
        seconds=seconds,
        entries=entries,
        correct_entries=correct,
        corrected=backspaces,
        uncorrected_errors=errors,
        gross_wpm=gross,
        net_wpm=net,
        accuracy=100 * correct / entries,
        kph=round(entries / (seconds / 3600)),
        chars_typed=len(final),
        key_errors=dict(key_errors.most_common(15)),
        bigram_errors=dict(bigram_errors.most_common(15)),
        missed_words=_missed_words(target, final),
        flags=flags,
    )


def meets(result: TypingResult, net_wpm: int, accuracy: float, kph: int | None = None) -> bool:
    return result.net_wpm >= net_wpm and result.accuracy >= accuracy and (kph is None or result.kph >= kph) and not result.flags
