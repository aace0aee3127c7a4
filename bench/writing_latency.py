"""E-mail writing scorer: per-reply latency after warm-up, on one core.

Scores every scenario's model reply plus two degraded versions of it (cut in half; with office
Indianisms and capitals added) ten times each, and prints latency percentiles and throughput.

    python bench/writing_latency.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from stats import percentile  # bench/stats.py



def main() -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from bpoprep.content.catalogue import default_catalogue
    from bpoprep.drills.email import score

    cat = default_catalogue()
    cases = []
    for s in cat.emails.values():
        cases += [(s, s.model_reply), (s, s.model_reply[: len(s.model_reply) // 2]), (s, s.model_reply.replace(".", ". Kindly do the needful, I will revert back ASAP. PLEASE NOTE.", 2))]
    for s, text in cases[:10]:
        score(s, text)  # warm-up: spell checker, regexes
    latencies = []
    started = time.perf_counter()
    for _ in range(10):
        for s, text in cases:
            t = time.perf_counter()
            score(s, text)
            latencies.append((time.perf_counter() - t) * 1000)
    total = time.perf_counter() - started
    words = statistics.mean(len(text.split()) for _, text in cases)
    print(f"e-mail scorer: {len(latencies)} scorings of {len(cases)} replies ({words:.0f} words on average), one core")
    print(f"  latency ms  p50 {percentile(latencies, 50):.2f}  p95 {percentile(latencies, 95):.2f}  p99 {percentile(latencies, 99):.2f}  max {max(latencies):.2f}")
    print(f"  throughput  {len(latencies) / total:.0f} replies/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
