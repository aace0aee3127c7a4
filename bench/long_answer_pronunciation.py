"""Pronunciation of one-minute answers: does scoring a long recording piece by piece agree with
the experts? Each speechocean762 speaker's sentences are joined into one long recording and
scored with a model trained only on the other speakers (5 speaker-disjoint folds); the score is
compared with the mean of the experts' sentence totals for that speaker. Needs ../shared.

    python bench/long_answer_pronunciation.py [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "speechocean762"


def long_answer(args: tuple[list[dict], dict, str]) -> tuple[float, float, float] | None:
    """(predicted total, expert mean total, seconds) for one speaker's joined sentences."""
    import soundfile as sf

    from bpoprep.speech import delivery, pronunciation, recognize
    from bpoprep.speech.analyse import sentence_scores
    from bpoprep.speech.audio import load

    utts, model_json, folder = args
    model = pronunciation.Ridge(np.array(model_json["mean"]), np.array(model_json["scale"]), {t: np.array(w) for t, w in model_json["weights"].items()})
    pieces = [sf.read(CORPUS / "train" / f"{u['utt']}.flac", dtype="float32")[0] for u in utts]
    gap = np.zeros(4000, dtype="float32")  # a quarter second between sentences
    path = Path(folder) / f"{utts[0]['speaker']}.wav"
    sf.write(path, np.concatenate([x for p in pieces for x in (p, gap)]), 16000)
    text = " ".join(u["text"] for u in utts)
    pcm = load(path).pcm
    try:
        words, _ = recognize.align(pcm, text, phones=False)
    except recognize.AlignmentFailed:
        return None
    d = delivery.measure(pcm, words)
    total = sentence_scores(pcm, words, len(recognize.normalise_text(text)), delivery.PACE_BAND, d, model)[0]["total"]
    return total, float(np.mean([u["total"] for u in utts])), len(pcm) / 16000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found")
        return 0
    from bpoprep.speech import pronunciation
    from bpoprep.speech.train import extract, speaker_folds

    cache = Path(tempfile.gettempdir()) / "bpoprep-speechocean-features.json"  # the sentence features take minutes
    if cache.exists():
        meta, rows = json.loads(cache.read_text())
    else:
        meta, rows = extract(CORPUS, jobs=args.jobs)
        cache.write_text(json.dumps([meta, rows]))
    by_speaker: dict[str, list[dict]] = {}
    for m in meta:
        by_speaker.setdefault(m["speaker"], []).append(m)
    tasks = []
    folder = tempfile.mkdtemp(prefix="bpoprep-long-")
    for train_idx, test_idx in speaker_folds(meta):
        model = pronunciation.fit([rows[i] for i in train_idx], {t: [meta[i][t] for i in train_idx] for t in pronunciation.TARGETS})
        for speaker in sorted({meta[i]["speaker"] for i in test_idx}):
            tasks.append((by_speaker[speaker], model.to_json(), folder))
    with ProcessPoolExecutor(args.jobs) as pool:
        results = [r for r in pool.map(long_answer, tasks) if r is not None]
    pred, human, secs = (np.array(x) for x in zip(*results, strict=True))
    print(f"{len(results)} speakers of {len(tasks)} aligned; joined recordings {secs.mean():.0f} s on average ({secs.min():.0f}-{secs.max():.0f} s)")
    print(f"long-answer total vs expert mean of sentence totals: Pearson {np.corrcoef(pred, human)[0, 1]:.3f}, mean error {np.mean(pred - human):+.2f}, mean absolute error {np.mean(np.abs(pred - human)):.2f} (0-10 scale)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
