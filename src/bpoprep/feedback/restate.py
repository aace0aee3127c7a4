"""Does a sentence restate one of the question's misconceptions, word order included?

Sentence embeddings barely see word order: "inbound is when we call the customer" and "inbound is
when the customer calls us" are almost the same vector, so a swapped definition looks as good as
the right one. For a sentence already close in meaning to a misconception, this compares the order
of its content words with the misconception's and with each right statement's (the longest common
subsequence, as a share of the sentence): a sentence that follows the misconception's order more
closely than any right statement's is restating the misconception.
"""

from __future__ import annotations

import re

import numpy as np

from .text import words

# How close in meaning (cosine) a sentence must be to a misconception before its word order is
# compared, and how much more of it must follow the misconception. On the dev set a gap of 0.10
# marks no strong answer, 2% of medium ones and 11% of weak ones.
CLOSE = 0.75
ORDER_GAP = 0.10
MAX_WORDS = 60  # a restatement is short; this bounds the work on a run-on "sentence"
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|but|while|whereas|because|so)\b", re.I)
_FUNCTION_WORDS = frozenset(
    "a an the of to and or is are was were be been being it its this that these those with as at by for on in into "
    "i we you he she they me us them my our your his her their do does did so if then than but also very can will "
    "would should could have has had which what who whom when where how there here just only some any all each one "
    "means mean meaning like such".split()
)


def content_words(text: str) -> list[str]:
    """Lower-case words without function words or pronouns, with plain endings cut ("calls" -> "call")."""
    out = []
    for word in (w.text.lower().rstrip("%") for w in words(text)):
        if word in _FUNCTION_WORDS:
            continue
        for ending in ("ing", "ed", "es", "s"):
            if len(word) > 4 and word.endswith(ending):
                word = word[: -len(ending)]
                break
        out.append(word)
    return out


def _common_subsequence(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def clauses(text: str) -> list[list[str]]:
    """Content words per clause: a definition often comes as two halves ("inbound is ..., and
    outbound is ..."), while each right statement may give only one of them."""
    return [found for part in _CLAUSE_BREAK.split(text) if len(found := content_words(part)) >= 2]


def _lean(said: list[str], wrong: list[list[str]], right: list[list[str]]) -> float:
    # How much more of `said` follows some wrong statement's order than any right one's.
    follows_wrong = max(_common_subsequence(said, w) for w in wrong)
    follows_right = max((_common_subsequence(said, r) for r in right), default=0)
    return (follows_wrong - follows_right) / len(said)


def order_gap(sentence: str, wrong: list[str], right: list[str]) -> float:
    """How much more the sentence follows a misconception's word order than any right statement's,
    both as a whole and in its most leaning clause (the smaller of the two, so that a sentence
    joining two right halves, or quoting one wrong phrase to reject it, is not taken as wrong)."""
    said = content_words(sentence)[:MAX_WORDS]
    if len(said) < 3 or not wrong:
        return 0.0
    whole = _lean(said, [content_words(w) for w in wrong], [content_words(r) for r in right])
    wrong_clauses = [c for w in wrong for c in clauses(w)]
    right_clauses = [c for r in right for c in clauses(r)]
    parts = [_lean(c[:MAX_WORDS], wrong_clauses, right_clauses) for c in clauses(sentence)[:MAX_WORDS] if len(c) >= 3] if wrong_clauses else []
    return max(0.0, min(whole, max(parts, default=whole)))


def gaps(sentences: list[str], sentence_embeddings: np.ndarray, wrong: list[str], wrong_embeddings: np.ndarray, right: list[str]) -> np.ndarray:
    """order_gap() per sentence against the misconceptions it is close to in meaning (0 where none is)."""
    out = np.zeros(len(sentences))
    if not len(wrong) or not len(sentences):
        return out
    close = wrong_embeddings @ sentence_embeddings.T
    for i, text in enumerate(sentences):
        near = [w for k, w in enumerate(wrong) if close[k, i] >= CLOSE]
        if near:
            out[i] = order_gap(text, near, right)
    return out
