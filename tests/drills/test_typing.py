"""Typing scores checked against hand-computed cases."""

from __future__ import annotations

import pytest

from bpoprep.drills.typing import Keystroke, TypingError, meets, parse_keystrokes, score, uncorrected_errors

TARGET = "the cat sat on the mat"  # 22 characters


def keys(text: str, gap_ms: float = 200.0) -> list[Keystroke]:
    out = []
    for i, ch in enumerate(text):
        out.append(Keystroke(i * gap_ms, "Backspace" if ch == "\b" else ch))
    return out


def test_perfect_run() -> None:
    r = score(TARGET, 60, keystrokes=keys(TARGET))
    # 22 entries / 5 / 1 minute = 4.4 WPM; no errors; 22 keystrokes in a minute = 1,320 an hour
    assert (r.entries, r.correct_entries, r.uncorrected_errors) == (22, 22, 0)
    assert r.gross_wpm == pytest.approx(4.4) and r.net_wpm == pytest.approx(4.4)
    assert r.accuracy == 100 and r.kph == 1320 and r.flags == []


def test_one_uncorrected_error_costs_one_word_per_minute() -> None:
    typed = "the cot sat on the mat"
    r = score(TARGET, 30, keystrokes=keys(typed))
    # gross = 22 / 5 / 0.5 = 8.8; net = 8.8 - 1 / 0.5 = 6.8; accuracy = 21 / 22
    assert r.gross_wpm == pytest.approx(8.8) and r.net_wpm == pytest.approx(6.8)
    assert r.accuracy == pytest.approx(100 * 21 / 22) and r.uncorrected_errors == 1
    assert r.key_errors == {"a": 1} and r.bigram_errors == {"ca": 1} and r.missed_words == ["cat"]


def test_a_backspaced_error_costs_accuracy_but_not_net_speed() -> None:
    typed = "the co\bat sat on the mat"
    r = score(TARGET, 60, keystrokes=keys(typed))
    # 23 entries (the wrong "o" counts), 22 correct, 1 backspace, nothing left uncorrected
    assert (r.entries, r.correct_entries, r.corrected, r.uncorrected_errors) == (23, 22, 1, 0)
    assert r.gross_wpm == pytest.approx(4.6) and r.net_wpm == pytest.approx(4.6)
    assert r.accuracy == pytest.approx(100 * 22 / 23)


def test_skips_and_extras_count_once_and_do_not_shift_the_rest() -> None:
    assert uncorrected_errors("abcdef", "abdef") == 1
    assert uncorrected_errors("abcdef", "abccdef") == 1
    assert uncorrected_errors("hello world again", "hello wo") == 0  # time ran out mid-passage
    assert uncorrected_errors("the cat sat", "teh cat sat") == 2


def test_without_a_keystroke_log_the_final_text_is_scored() -> None:
    r = score(TARGET, 60, typed="the cot sat on the mat")
    assert r.entries == 22 and r.uncorrected_errors == 1 and r.accuracy == pytest.approx(100 * 21 / 22)


def test_numeric_drill_keystrokes_per_hour() -> None:
    text = "4521 7730 1189 " * 8  # 120 characters
    r = score(text, 60, keystrokes=keys(text, gap_ms=400))
    assert r.kph == 7200 and meets(r, 20, 98, kph=7000) and not meets(r, 20, 98, kph=9000)


def test_bursts_and_pasted_text_are_flagged() -> None:
    r = score(TARGET, 60, keystrokes=keys(TARGET, gap_ms=1))
    assert "impossible_burst" in r.flags and not meets(r, 1, 50)
    r = score(TARGET, 60, typed=TARGET + " and more pasted", keystrokes=keys(TARGET))
    assert "text_differs_from_keystrokes" in r.flags


@pytest.mark.parametrize("raw", ["nope", [[1]], [[0, "ab"]], [[5, "a"], [1, "b"]], [[-1, "a"]], [["x", "a"]]])
def test_bad_keystroke_logs_are_refused(raw: object) -> None:
    with pytest.raises(TypingError):
        parse_keystrokes(raw)


def test_empty_runs_are_refused() -> None:
    with pytest.raises(TypingError, match="Nothing was typed"):
        score(TARGET, 60, typed="")
    with pytest.raises(TypingError, match="no time"):
        score(TARGET, 0, typed="the")


def test_the_word_cut_off_by_the_clock_is_not_a_missed_word() -> None:
    r = score("please share your order number with me", 30, typed="please share yo")
    assert r.missed_words == [] and r.uncorrected_errors == 0
    r = score("please share your order number with me", 30, typed="plese share your ord")
    assert r.missed_words == ["please"]
