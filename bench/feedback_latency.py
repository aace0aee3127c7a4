"""Feedback engine: model load time, per-answer latency on one core, and memory it adds.

Scores every hand-labelled answer (tests/data/answers*) after a warm-up pass, pinned to one CPU
core, and prints load time, latency percentiles, throughput and resident memory. The first
answer to each question also embeds that question's texts (talking points, model answer,
mix-ups), which are then kept; that cost is printed on its own line, measured in the warm-up
pass, and the main pass is what a running server sees.

    python bench/feedback_latency.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from stats import percentile, rss_mb  # bench/stats.py

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from bpoprep.content.catalogue import default_catalogue
    from bpoprep.feedback import labelled

    cat = default_catalogue()
    answers = [a for folder in sorted((ROOT / "tests" / "data").glob("answers*")) for a in labelled.load(folder)]
    before = rss_mb()
    started = time.perf_counter()
    from bpoprep.feedback import engine, exemplars, points, soundness, star
    from bpoprep.feedback.embedding import encoder

    encoder()
    star.shipped_model(), points.shipped_model(), soundness.shipped_model(), exemplars.shipped(), engine.shipped_weights()
    load_s = time.perf_counter() - started
    for a in answers[:20]:  # warm-up: spell checker, first ONNX runs
        engine.analyse(a.text, cat.questions[a.question_id])
    first: list[float] = []  # the first answer to each question not seen yet
    seen = {a.question_id for a in answers[:20]}
    for a in answers:
        if a.question_id not in seen:
            seen.add(a.question_id)
            t = time.perf_counter()
            engine.analyse(a.text, cat.questions[a.question_id])
            first.append((time.perf_counter() - t) * 1000)
    latencies = []
    words = []
    t0 = time.perf_counter()
    for a in answers:
        t = time.perf_counter()
        fb = engine.analyse(a.text, cat.questions[a.question_id])
        latencies.append((time.perf_counter() - t) * 1000)
        words.append(fb.word_count)
    total = time.perf_counter() - t0
    print(f"feedback engine: {len(answers)} answers ({statistics.mean(words):.0f} words on average, max {max(words)}), one core, after warm-up")
    print(f"  model load      {load_s:.2f} s (weights hash check + ONNX graph build + the small models and rated answers)")
    print(f"  latency ms      p50 {percentile(latencies, 50):.1f}  p95 {percentile(latencies, 95):.1f}  p99 {percentile(latencies, 99):.1f}  max {max(latencies):.1f}")
    print(f"  first answer to a question ({len(first)}): p50 {percentile(first, 50):.1f}  p95 {percentile(first, 95):.1f} ms (its texts embedded once, then cached)")
    print(f"  throughput      {len(answers) / total:.1f} answers/s")
    print(f"  memory          {rss_mb() - before:.0f} MB added by the engine (RSS {rss_mb():.0f} MB)")
    print(f"  torch imported  {'yes' if 'torch' in sys.modules else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
