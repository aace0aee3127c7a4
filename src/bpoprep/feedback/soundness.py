"""Soundness: how far an answer reads like the answers interviewers rate weak.

The talking points judge what an answer is about, but sentence embeddings hardly see whether a
claim is right, so a fluent answer that confidently says the wrong thing, or rationalises a
shortcut ("the QC team will catch it anyway"), can cover as many points as an honest one. Across
the labelled answers, weak ones lean the same way in embedding space whatever the question. The
model is a direction in the space of an answer's mean sentence embedding, fitted on pairs of
answers to the same question (medium over weak, strong over weak) so that the question's topic,
which a pair shares, cannot stand in for quality; then a logistic curve on the position along it
gives the probability of "weak". Strong-over-medium pairs are left out: that difference is mostly
how much is covered, which the talking points already judge, and with them the direction told
medium from weak worse.

Out of fold on the 3,116 training answers of the cycle that adopted it (ten writer groups), it
puts the medium answer above the weak one in 82.2% of same-question pairs and the strong above
the weak in 92.9%; the model trained to tell weak answers from the rest, which it replaced,
managed 77.9% and 90.2% on the same folds. It is a ranking signal over many answers, not a
verdict on one, so it is a fixed share of the score (weights.py) and is not used to mark any
sentence.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import softmax
from .softmax import SoftmaxModel

MODEL_PATH = Path(__file__).parent / "data" / "soundness_model.npz"
CLASSES = ("sound", "weak")
RATING = {"strong": 2, "medium": 1, "weak": 0}
# Pairs number in the tens of thousands, so the penalty hardly matters: 1 and 3 ranked the pairs alike.
L2 = 3.0
STEPS = 300


def train(answer_embeddings: list[np.ndarray], qualities: list[str], question_ids: list[str]) -> SoftmaxModel:
    """answer_embeddings: the sentence embeddings of each labelled answer, one array per answer;
    qualities: strong | medium | weak; question_ids: which question each answers."""
    x = np.vstack([e.mean(0) for e in answer_embeddings]).astype(np.float64)
    mean, scale = x.mean(0), x.std(0) + 1e-6
    z = (x - mean) / scale
    by_question: dict[str, list[int]] = {}
    for i, qid in enumerate(question_ids):
        by_question.setdefault(qid, []).append(i)
    # Better minus worse, for every pair of one question's answers where the worse is weak.
    diffs = [z[i] - z[j] for rows in by_question.values() for i, j in itertools.permutations(rows, 2) if RATING[qualities[j]] == 0 < RATING[qualities[i]]]
    direction = softmax.pairwise(np.vstack(diffs), L2, STEPS) if diffs else np.zeros(x.shape[1])
    # How the position along the direction maps to "not weak", fitted on the answers themselves
    # (on the position in units of its spread, where these steps converge).
    spread = float((z @ direction).std()) or 1.0
    direction /= spread
    position = z @ direction
    sound = np.array([q != "weak" for q in qualities], np.float64)
    slope, bias = 1.0, 0.0
    for _ in range(500):
        p = 1 / (1 + np.exp(-(slope * position + bias)))
        slope -= 0.5 * float(np.mean((p - sound) * position))
        bias -= 0.5 * float(np.mean(p - sound))
    # As a two-class softmax: "sound" scores slope * position + bias, "weak" scores 0.
    weights = np.zeros((x.shape[1] + 1, len(CLASSES)), np.float32)
    weights[:-1, CLASSES.index("sound")] = slope * direction
    weights[-1, CLASSES.index("sound")] = bias
    return SoftmaxModel(CLASSES, weights, mean.astype(np.float32), scale.astype(np.float32))


@lru_cache(maxsize=1)
def shipped_model() -> SoftmaxModel:
    return SoftmaxModel.load(MODEL_PATH)


def weak_probability(sentence_embeddings: np.ndarray, model: SoftmaxModel | None = None) -> float:
    """Probability that the answer with these sentence embeddings is one rated weak."""
    model = model or shipped_model()
    probs = model.probabilities(sentence_embeddings.mean(0, keepdims=True))
    return float(probs[0, CLASSES.index("weak")])
