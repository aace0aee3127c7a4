"""Feedback engine: model load time, per-answer latency on one core, and memory it adds.

Scores every hand-labelled answer (tests/data/answers*) after a warm-up pass, pinned to one CPU
core, and prints load time (the first start, which builds the sentence model's graph, and a later
one, which reads it from the cache), latency percentiles, throughput and resident memory. Like a server
at start (`bpoprep serve` does it in the background), it first embeds the bank's own texts
(questions, talking points, model answers, mix-ups) with engine.prepare; that time is printed on
its own line, and every answer after it, the first to a question included, is what users see.

    python bench/feedback_latency.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from stats import percentile, rss_mb  # bench/stats.py

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]


def load() -> None:
    """What a process does to be ready to score: the sentence model and the small models."""
    from bpoprep.feedback import engine, exemplars, points, soundness, star
    from bpoprep.feedback.embedding import encoder

    encoder()
    star.shipped_model(), points.shipped_model(), soundness.shipped_model(), exemplars.shipped(), engine.shipped_weights()


def _pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _time_a_restart(cache: str) -> float:
    """The same load in a new process that finds the graph cached (best of three, imports included)."""
    env = {**os.environ, "BPOPREP_MODEL_CACHE": cache}
    command = [sys.executable, __file__, "--load-only"]
    return min(float(subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout) for _ in range(3))


def main() -> int:
    _pin_to_one_core()
    from bpoprep.content.catalogue import default_catalogue
    from bpoprep.feedback import labelled

    cat = default_catalogue()
    answers = [a for folder in sorted((ROOT / "tests" / "data").glob("answers*")) for a in labelled.load(folder)]
    before = rss_mb()
    cache = tempfile.mkdtemp(prefix="bpoprep-bench-models-")
    os.environ["BPOPREP_MODEL_CACHE"] = cache  # empty: the first start, which builds the graph
    started = time.perf_counter()
    load()
    load_s = time.perf_counter() - started
    restart_s = _time_a_restart(cache)
    from bpoprep.feedback import engine
    from bpoprep.feedback.text import normalise, sentences

    for a in answers[:20]:  # warm-up: spell checker, first ONNX runs
        engine.analyse(a.text, cat.questions[a.question_id])
    engine._embed_cached.cache_clear()  # the warm-up's questions too, so prepare does all of them
    engine.recent_sentences.clear()  # and its sentences: every answer below is scored as new
    t = time.perf_counter()
    prepared = engine.prepare(cat.questions.values())
    prepare_s = time.perf_counter() - t
    latencies = []
    words = []
    t0 = time.perf_counter()
    for a in answers:
        t = time.perf_counter()
        fb = engine.analyse(a.text, cat.questions[a.question_id])
        latencies.append((time.perf_counter() - t) * 1000)
        words.append(fb.word_count)
    total = time.perf_counter() - t0
    reused = engine.recent_sentences.hits / max(engine.recent_sentences.hits + engine.recent_sentences.misses, 1)
    # A retry: the candidate rewrites the last sentence of an answer just scored and submits again.
    retries = []
    for i, a in enumerate(answers[::4]):
        engine.analyse(a.text, cat.questions[a.question_id])
        text = normalise(a.text)
        spans = sentences(text)
        if len(spans) < 3:
            continue
        rewritten = text[: spans[-1].start] + f"Looking back, I would check the result with my team leader after the first {i + 2} calls."
        t = time.perf_counter()
        engine.analyse(rewritten, cat.questions[a.question_id])
        retries.append((time.perf_counter() - t) * 1000)
    print(f"feedback engine: {len(answers)} answers ({statistics.mean(words):.0f} words on average, max {max(words)}), one core, after warm-up")
    print(f"  model load      {load_s:.2f} s first start (weights hash check, ONNX graph built and cached, the small models and rated answers)")
    print(f"                  {restart_s:.2f} s later starts (graph read back from the cache and its hash checked; a new process, imports included)")
    print(f"  latency ms      p50 {percentile(latencies, 50):.1f}  p95 {percentile(latencies, 95):.1f}  p99 {percentile(latencies, 99):.1f}  max {max(latencies):.1f}")
    print(f"                  ({reused:.1%} of sentences met before, in another answer: their vectors were reused)")
    print(f"  retry ms        p50 {percentile(retries, 50):.1f}  p95 {percentile(retries, 95):.1f}  ({len(retries)} answers scored again with the last sentence rewritten)")
    print(f"  bank prepared   {prepare_s:.1f} s ({prepared} questions' texts embedded; a server does it in the background at start)")
    print(f"  throughput      {len(answers) / total:.1f} answers/s")
    print(f"  memory          {rss_mb() - before:.0f} MB added by the engine (RSS {rss_mb():.0f} MB)")
    print(f"  torch imported  {'yes' if 'torch' in sys.modules else 'no'}")
    shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--load-only"]:
        _pin_to_one_core()
        started = time.perf_counter()
        load()
        print(time.perf_counter() - started)
        sys.exit(0)
    sys.exit(main())
