"""Recently embedded sentences are reused: a retry embeds only what the candidate rewrote."""

from __future__ import annotations

import numpy as np
import pytest

from bpoprep.content.catalogue import default_catalogue
from bpoprep.feedback import engine
from bpoprep.feedback.recent import RecentVectors


class CountingEncoder:
    """Stands in for the sentence model: a vector from the text, and a log of what it was asked."""

    def __init__(self) -> None:
        self.asked: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.asked.append(list(texts))
        return np.array([[len(t), sum(map(ord, t)) % 97, 1.0] for t in texts], dtype=np.float32).reshape(len(texts), 3)


def test_only_sentences_not_seen_lately_are_encoded_and_rows_keep_their_order() -> None:
    enc = CountingEncoder()
    recent = RecentVectors(enc)
    first = recent.encode(["I stayed calm.", "I apologised.", "I fixed it."])
    again = recent.encode(["I fixed it.", "I stayed calm.", "The customer thanked me.", "I fixed it."])
    assert enc.asked == [["I stayed calm.", "I apologised.", "I fixed it."], ["The customer thanked me."]]
    np.testing.assert_array_equal(again, enc(["I fixed it.", "I stayed calm.", "The customer thanked me.", "I fixed it."]))
    np.testing.assert_array_equal(first, enc(["I stayed calm.", "I apologised.", "I fixed it."]))
    assert (recent.hits, recent.misses) == (3, 4)


def test_a_repeated_sentence_is_encoded_once_and_nothing_is_asked_for_nothing() -> None:
    enc = CountingEncoder()
    recent = RecentVectors(enc)
    assert recent.encode(["Thank you.", "Thank you."]).shape == (2, 3)
    assert enc.asked == [["Thank you."]]
    assert recent.encode([]).shape == (0, 3)
    assert len(recent) == 1


def test_the_least_recently_used_go_first() -> None:
    enc = CountingEncoder()
    recent = RecentVectors(enc, capacity=2)
    recent.encode(["a one", "b two"])
    recent.encode(["a one"])  # now "b two" is the oldest
    recent.encode(["c three"])
    assert len(recent) == 2
    enc.asked.clear()
    recent.encode(["a one", "b two", "c three"])
    assert enc.asked == [["b two"]]
    with pytest.raises(ValueError):
        RecentVectors(enc, capacity=0)


def test_a_caller_changing_its_rows_does_not_change_what_is_kept() -> None:
    recent = RecentVectors(CountingEncoder())
    rows = recent.encode(["kept as it was"])
    rows[:] = 0
    assert recent.encode(["kept as it was"])[0, 2] == 1.0


def test_a_retry_gets_the_same_feedback_and_embeds_only_the_rewritten_sentence() -> None:
    question = default_catalogue().questions["what-is-fcr"]
    answer = "FCR means first call resolution. It is the share of issues solved in the first contact. A repeat call costs the company money."
    retry = answer.replace("A repeat call costs the company money.", "For example, 410 of 500 calls solved first time is 82 percent.")
    engine.recent_sentences.clear()
    first = engine.analyse(answer, question).to_dict()
    assert engine.recent_sentences.misses == 3
    assert engine.analyse(answer, question).to_dict() == first
    assert engine.recent_sentences.misses == 3  # nothing embedded again
    engine.analyse(retry, question)
    assert engine.recent_sentences.misses == 4
    # The reused vectors are the ones the model gives: a fresh start scores the retry the same.
    again = engine.analyse(retry, question).to_dict()
    engine.recent_sentences.clear()
    assert engine.analyse(retry, question).to_dict() == again
