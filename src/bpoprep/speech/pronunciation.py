"""Sentence pronunciation scores (accuracy, fluency, prosody, total; 0-10) from alignment
goodness, pace, pauses and pitch. A ridge regression per score, trained on speechocean762's
expert-scored utterances (`bpoprep speech train`), shipped in `data/pronunciation.json`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .delivery import Delivery
from .recognize import Word

TARGETS = ("accuracy", "fluency", "prosodic", "total")
MODEL_PATH = Path(__file__).parent / "data" / "pronunciation.json"
FEATURES = (
    "gop_mean", "gop_p10", "gop_p25", "gop_word_min", "gop_word_mean", "bad_phone_share", "completeness", "duration", "n_words",
    "wpm", "articulation", "pause_count", "pause_total", "longest_pause", "silence_ratio", "start_latency", "pitch_spread", "loudness_var",
)
BAD_PHONE = -25.0  # goodness below this (log score per frame) is a doubtful sound


def features(words: list[Word], expected_words: int, d: Delivery) -> dict[str, float]:
    phones = np.array([g for w in words for _, _, g in w.phones]) if words else np.zeros(0)
    word_good = np.array([w.goodness for w in words]) if words else np.zeros(0)
    pause_total = sum(p["end"] - p["start"] for p in d.pauses)
    return {
        "gop_mean": float(phones.mean()) if len(phones) else -60.0,
        "gop_p10": float(np.percentile(phones, 10)) if len(phones) else -60.0,
        "gop_p25": float(np.percentile(phones, 25)) if len(phones) else -60.0,
        "gop_word_min": float(word_good.min()) if len(word_good) else -60.0,
        "gop_word_mean": float(word_good.mean()) if len(word_good) else -60.0,
        "bad_phone_share": float((phones < BAD_PHONE).mean()) if len(phones) else 1.0,
        "completeness": len(words) / max(expected_words, 1),
        "duration": d.duration_s,
        "n_words": float(len(words)),
        "wpm": d.wpm,
        "articulation": d.articulation_rate,
        "pause_count": float(len(d.pauses)),
        "pause_total": pause_total,
        "longest_pause": d.longest_pause_s,
        "silence_ratio": d.silence_ratio,
        "start_latency": d.start_latency_s,
        "pitch_spread": d.pitch_variation_st if d.pitch_variation_st is not None else 0.0,
        "loudness_var": d.loudness_variation_db,
    }


@dataclass(frozen=True)
class Ridge:
    mean: np.ndarray
    scale: np.ndarray
    weights: dict[str, np.ndarray]  # per target, with the intercept last

    def predict(self, row: dict[str, float]) -> dict[str, float]:
        x = (np.array([row[f] for f in FEATURES]) - self.mean) / self.scale
        x = np.append(x, 1.0)
        return {t: float(np.clip(x @ w, 0, 10)) for t, w in self.weights.items()}

    def to_json(self) -> dict[str, Any]:
        return {"features": list(FEATURES), "mean": self.mean.tolist(), "scale": self.scale.tolist(), "weights": {t: w.tolist() for t, w in self.weights.items()}}


def fit(rows: list[dict[str, float]], targets: dict[str, list[float]], alpha: float = 10.0) -> Ridge:
    x = np.array([[r[f] for f in FEATURES] for r in rows])
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    penalty = alpha * np.eye(z.shape[1])
    penalty[-1, -1] = 0.0  # no shrinkage on the intercept
    weights = {t: np.linalg.solve(z.T @ z + penalty, z.T @ np.array(y)) for t, y in targets.items()}
    return Ridge(mean, scale, weights)


@lru_cache(maxsize=1)
def shipped_model() -> Ridge:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return Ridge(np.array(data["mean"]), np.array(data["scale"]), {t: np.array(w) for t, w in data["weights"].items()})
