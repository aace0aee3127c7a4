"""Train and evaluate the pronunciation model on speechocean762 (speaker-disjoint folds)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from . import delivery, pronunciation, recognize
from .audio import load


def _row(args: tuple[str, str]) -> dict[str, float] | None:
    path, text = args
    try:
        audio = load(path)
        words, _ = recognize.align(audio.pcm, text)
        return pronunciation.features(words, len(recognize.normalise_text(text)), delivery.measure(audio.pcm, words))
    except Exception:  # noqa: BLE001 - a clip that fails (incl. AlignmentFailed) is left out, and counted
        return None


def extract(corpus: Path, jobs: int = 2, limit: int | None = None) -> tuple[list[dict[str, Any]], list[dict[str, float]]]:
    meta = [json.loads(line) for line in (corpus / "train.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    with ProcessPoolExecutor(jobs) as pool:
        rows = list(pool.map(_row, [(str(corpus / "train" / f"{m['utt']}.flac"), m["text"]) for m in meta], chunksize=8))
    kept = [(m, r) for m, r in zip(meta, rows, strict=True) if r is not None]
    return [m for m, _ in kept], [r for _, r in kept]


def speaker_folds(meta: list[dict[str, Any]], k: int = 5) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    speakers = sorted({m["speaker"] for m in meta})
    fold_of = {s: i % k for i, s in enumerate(speakers)}
    folds = np.array([fold_of[m["speaker"]] for m in meta])
    for f in range(k):
        yield np.where(folds != f)[0], np.where(folds == f)[0]


def evaluate(meta: list[dict[str, Any]], rows: list[dict[str, float]], alpha: float = 10.0) -> dict[str, float]:
    predictions = {t: np.zeros(len(rows)) for t in pronunciation.TARGETS}
    for train_idx, test_idx in speaker_folds(meta):
        model = pronunciation.fit([rows[i] for i in train_idx], {t: [meta[i][t] for i in train_idx] for t in pronunciation.TARGETS}, alpha)
        for i in test_idx:
            for t, v in model.predict(rows[i]).items():
                predictions[t][i] = v
    return {t: float(np.corrcoef(predictions[t], [m[t] for m in meta])[0, 1]) for t in pronunciation.TARGETS}


def train(meta: list[dict[str, Any]], rows: list[dict[str, float]], alpha: float = 10.0) -> pronunciation.Ridge:
    model = pronunciation.fit(rows, {t: [m[t] for m in meta] for t in pronunciation.TARGETS}, alpha)
    pronunciation.MODEL_PATH.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
    return model
