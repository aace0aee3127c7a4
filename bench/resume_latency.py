"""Resume match report: time to read an uploaded PDF/DOCX (sandboxed parse) and to build the report.

    python bench/resume_latency.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from stats import percentile  # bench/stats.py

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))



def main() -> int:
    from bpoprep.documents.resume_file import read
    from bpoprep.documents.resume_match import match
    from tests.documents.fixtures import JD, RESUME_LINES, docx_with_table, pdf

    files = [("one-column.pdf", pdf(RESUME_LINES * 3)), ("two-column.pdf", pdf(RESUME_LINES * 3, two_columns=True)), ("table.docx", docx_with_table(RESUME_LINES * 3))]
    read(files[0][1], files[0][0])  # warm-up: starts the parser's process server
    reads: list[float] = []
    matches: list[float] = []
    for _ in range(10):
        for name, data in files:
            t = time.perf_counter()
            parsed = read(data, name)
            reads.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            match(parsed.text, JD, parsed.tables, parsed.images, parsed.columns)
            matches.append((time.perf_counter() - t) * 1000)
    print(f"resume match report: {len(reads)} uploads (one- and two-column PDF, DOCX with a table)")
    print(f"  read file ms     p50 {percentile(reads, 50):.0f}  p95 {percentile(reads, 95):.0f}  (separate process, time and memory limits)")
    print(f"  match report ms  p50 {percentile(matches, 50):.1f}  p95 {percentile(matches, 95):.1f}")
    print(f"  upload to report p95 {percentile([a + b for a, b in zip(reads, matches, strict=True)], 95):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
