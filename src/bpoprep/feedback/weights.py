"""Fit how much each part of the score counts, per question type.

A logistic model on pairs of answers to the same question (strong vs medium, medium vs weak,
strong vs weak) learns non-negative weights that put the better answer higher; it is smoother,
and generalises better to new writers, than searching weights for the best ordering directly.
The parts it learns from must come from classifiers that did not see those answers (out of fold),
or content looks better than it is. Language keeps a fixed share and content a floor: the labels
mostly judge substance, but a candidate should still see fillers and slips cost points.
"""

from __future__ import annotations

import itertools

import numpy as np

from . import softmax

PARTS = ("content", "structure", "specificity", "length", "focus", "language", "impression", "soundness", "likeness")
LANGUAGE_SHARE = 0.10
# Red flags and overclaims (impression.py) are rare and worded differently by every writer: as a
# learned weight they pulled weight off content and hurt new writers, so they get a fixed share,
# which only moves an answer that has one.
IMPRESSION_SHARE = 0.10
# Soundness (soundness.py) is itself fitted to the quality labels: as a learned weight it would take
# most of the score and leave a number the candidate cannot act on, so it too has a fixed share
# (15%: on one set of out-of-fold part scores of the training files, leave-one-writer-out ordering
# was 92.1% at 15%, 92.2% at 20% and 91.5% at 10%).
SOUNDNESS_SHARE = 0.15
# Likeness to rated answers (exemplars.py) is the ratings themselves, so the same holds for it.
LIKENESS_SHARE = 0.10
FIXED = {"language": LANGUAGE_SHARE, "impression": IMPRESSION_SHARE, "soundness": SOUNDNESS_SHARE, "likeness": LIKENESS_SHARE}
CONTENT_FLOOR = 0.25
L2 = 0.3  # chosen by leave-one-writer-out on the labelled set (400 answers; 10 suited the first 200)

Sample = tuple[str, str, dict[str, float]]  # (question id, quality, parts)
_BETTER = (("strong", "medium"), ("medium", "weak"), ("strong", "weak"))


def fit(samples: list[Sample]) -> dict[str, float]:
    learnt = [p for p in PARTS if p not in FIXED]
    by_question: dict[str, dict[str, list[np.ndarray]]] = {}
    for qid, quality, parts in samples:
        by_question.setdefault(qid, {}).setdefault(quality, []).append(np.array([parts.get(k, 0.0) for k in learnt]))
    diffs = [x - y for groups in by_question.values() for hi, lo in _BETTER for x, y in itertools.product(groups.get(hi, []), groups.get(lo, []))]
    if not diffs:
        raise ValueError("no strong/medium/weak pairs to learn score weights from")
    w = np.maximum(softmax.pairwise(np.array(diffs), L2, 2000), 0.0)
    w = w / w.sum() if w.sum() > 0 else np.full(len(learnt), 1 / len(learnt))
    free = 1 - sum(FIXED.values())
    share = dict(zip(learnt, w * free, strict=True))
    if share["content"] < CONTENT_FLOOR:
        others = free - share["content"]
        scale = (free - CONTENT_FLOOR) / others if others > 0 else 0.0
        share = {k: (CONTENT_FLOOR if k == "content" else v * scale) for k, v in share.items()}
    return {**{k: round(float(v), 3) for k, v in share.items()}, **FIXED}
