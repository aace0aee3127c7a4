"""Fit how much each part (content, structure, specificity, length, language) counts in the score.

A grid search over weights that sum to one, maximising how often answers labelled strong score
above medium and medium above weak for the same question. The parts it learns from must come
from classifiers that did not see those answers (out-of-fold), or content looks better than it
is. Language keeps a fixed share and content a floor: the labels mostly judge content, but a
candidate should still see fillers and slips cost points.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

QUALITY_RANK = {"weak": 0, "medium": 1, "strong": 2}
PARTS = ("content", "structure", "specificity", "length", "language")
LANGUAGE_FLOOR = 0.10
CONTENT_FLOOR = 0.25  # what the answer says must always count for a good share of the score
STEP = 0.05

Sample = tuple[str, str, dict[str, float]]  # (question id, quality, parts)


def _grid() -> Iterator[dict[str, float]]:
    units = round((1 - LANGUAGE_FLOOR) / STEP)
    for c, s, p in itertools.product(range(units + 1), repeat=3):
        rest = units - c - s - p
        if rest < 0 or c * STEP < CONTENT_FLOOR - 1e-9:
            continue
        yield {"content": c * STEP, "structure": s * STEP, "specificity": p * STEP, "length": rest * STEP, "language": LANGUAGE_FLOOR}


def ordering(samples: list[Sample], weights: dict[str, float]) -> tuple[float, float]:
    """(share of same-question strong > medium > weak triples in order, share of ordered pairs)."""
    by_question: dict[str, dict[str, list[float]]] = {}
    for qid, quality, parts in samples:
        score = sum(weights[k] * parts.get(k, 0.0) for k in PARTS)
        by_question.setdefault(qid, {}).setdefault(quality, []).append(score)
    triples = good = pairs = good_pairs = 0
    for groups in by_question.values():
        for s, m, w in itertools.product(groups.get("strong", []), groups.get("medium", []), groups.get("weak", [])):
            triples += 1
            good += s > m > w
        for hi, lo in (("strong", "medium"), ("medium", "weak"), ("strong", "weak")):
            for x, y in itertools.product(groups.get(hi, []), groups.get(lo, [])):
                pairs += 1
                good_pairs += x > y
    return good / max(triples, 1), good_pairs / max(pairs, 1)


def fit(samples: list[Sample]) -> dict[str, float]:
    best = max(_grid(), key=lambda w: ordering(samples, w))
    return {k: round(v, 2) for k, v in best.items()}
