"""Soundness: how far an answer reads like the answers interviewers rate weak.

The talking points judge what an answer is about, but sentence embeddings hardly see whether a
claim is right, so a fluent answer that confidently says the wrong thing, or rationalises a
shortcut ("the QC team will catch it anyway"), can cover as many points as an honest one. Across
the labelled answers, weak ones lean the same way in embedding space whatever the question: a
linear model on the mean of an answer's sentence embeddings, trained with each writer left out
(or each writer's questions too), puts a weak answer below another answer to the same question
about five times in six. That is a ranking signal over many answers, not a verdict on one: left
out of training, 7% of strong answers still get a probability of 0.95 or more. So it is a fixed
share of the score (weights.py) and is not used to mark any sentence.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from . import softmax
from .softmax import SoftmaxModel

MODEL_PATH = Path(__file__).parent / "data" / "soundness_model.npz"
CLASSES = ("sound", "weak")
L2 = 100.0  # chosen by leave-one-writer-out on the labelled set (30-300 within a point of ordering)


def train(answer_embeddings: list[np.ndarray], weak: list[bool]) -> SoftmaxModel:
    """answer_embeddings: the sentence embeddings of each labelled answer, one array per answer."""
    x = np.vstack([e.mean(0) for e in answer_embeddings])
    return softmax.train(x, [CLASSES[int(w)] for w in weak], CLASSES, l2=L2)


@lru_cache(maxsize=1)
def shipped_model() -> SoftmaxModel:
    return SoftmaxModel.load(MODEL_PATH)


def weak_probability(sentence_embeddings: np.ndarray, model: SoftmaxModel | None = None) -> float:
    """Probability that the answer with these sentence embeddings is one rated weak."""
    model = model or shipped_model()
    probs = model.probabilities(sentence_embeddings.mean(0, keepdims=True))
    return float(probs[0, CLASSES.index("weak")])
