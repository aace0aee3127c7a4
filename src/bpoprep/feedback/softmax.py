"""A small multinomial logistic regression in NumPy, for the STAR and talking-point classifiers.

Full-batch gradient descent with L2 and rarity-weighted classes; a few hundred labelled rows
train in well under a second, and the fitted weights are saved next to the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class SoftmaxModel:
    classes: tuple[str, ...]
    weights: np.ndarray  # (features + 1, classes)
    mean: np.ndarray
    scale: np.ndarray

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = (x - self.mean) / self.scale
        logits = np.hstack([z, np.ones((len(z), 1), np.float32)]) @ self.weights
        logits -= logits.max(1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(1, keepdims=True)

    def predict(self, x: np.ndarray) -> list[tuple[str, float]]:
        probs = self.probabilities(x)
        return [(self.classes[int(i)], float(p[i])) for p, i in zip(probs, probs.argmax(1), strict=True)]

    def save(self, path: Path) -> None:
        np.savez_compressed(path, classes=np.array(self.classes), weights=self.weights, mean=self.mean, scale=self.scale)

    @classmethod
    def load(cls, path: Path) -> SoftmaxModel:
        data = np.load(path)
        return cls(tuple(str(c) for c in data["classes"]), data["weights"], data["mean"], data["scale"])


def train(x: np.ndarray, labels: list[str], classes: tuple[str, ...], l2: float = 1.0, steps: int = 400, rate: float = 0.5) -> SoftmaxModel:
    # The penalty is divided by the number of rows; past twice that, the gradient step on it
    # overshoots and diverges, so a small training set (a test, a quick fold) gets less of it.
    l2 = min(l2, len(x) / 2)
    mean = x.mean(0)
    scale = x.std(0) + 1e-6
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1), np.float32)])
    y = np.zeros((len(x), len(classes)), np.float32)
    y[np.arange(len(x)), [classes.index(label) for label in labels]] = 1.0
    counts = y.sum(0)
    class_weight = np.where(counts > 0, len(x) / (len(classes) * np.maximum(counts, 1)), 0.0)
    sample_weight = (y * class_weight).sum(1, keepdims=True)
    w = np.zeros((z.shape[1], len(classes)), np.float32)
    for _ in range(steps):
        logits = z @ w
        logits -= logits.max(1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(1, keepdims=True)
        w -= rate * (z.T @ ((p - y) * sample_weight) / len(x) + l2 * w / len(x))
    return SoftmaxModel(classes, w.astype(np.float32), mean.astype(np.float32), scale.astype(np.float32))


def pairwise(diffs: np.ndarray, l2: float, steps: int) -> np.ndarray:
    """Weights w of a logistic model that puts the first of each pair above the second, from rows
    of (better - worse) features: each row is learnt as 1 and its negation as 0, with no intercept."""
    x = np.vstack([diffs, -diffs])
    y = np.concatenate([np.ones(len(diffs)), np.zeros(len(diffs))])
    w = np.zeros(diffs.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= 0.5 * (x.T @ (p - y) / len(x) + l2 * w / len(x))
    return w
