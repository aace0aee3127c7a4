"""Marking the evidence in an answer: specific marks win overlaps, a flagged sentence keeps the rest."""

from __future__ import annotations

from bpoprep.feedback.highlight import segments


def test_a_word_mark_inside_a_flagged_sentence_keeps_both() -> None:
    text = "Adherence means attendance, um, every day. Next sentence."
    out = segments(text, [(0, 42, "misconception", "mix-up"), (28, 30, "filler", "um")])
    assert "".join(s.text for s in out) == text
    assert [(s.text, s.kind) for s in out if s.kind] == [("Adherence means attendance, ", "misconception"), ("um", "filler"), (", every day.", "misconception")]
    assert out[-1] == segments(text, [])[0].__class__(" Next sentence.")


def test_marks_outside_the_text_or_empty_are_ignored() -> None:
    text = "Short answer."
    out = segments(text, [(5, 5, "filler", ""), (50, 60, "vague", ""), (-3, 5, "hedging", "x")])
    assert "".join(s.text for s in out) == text
    assert [(s.text, s.kind) for s in out if s.kind] == [("Short", "hedging")]
