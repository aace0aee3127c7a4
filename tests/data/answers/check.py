"""Check a labelled answer file against the question bank: `python3 tests/data/answers/check.py FILE...`."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
QUESTIONS = ROOT / "src" / "bpoprep" / "content" / "data" / "questions"
STAR = {"situation", "task", "action", "result", "none"}
STATUS = {"covered", "partly", "missing"}


def bank() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in QUESTIONS.glob("*.yaml"):
        for q in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            out[q["id"]] = q
    return out


def problems(path: Path, questions: dict[str, dict]) -> list[str]:
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    found: list[str] = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        where = f"{path.name} [{item.get('id', n)}]"
        if set(item) != {"id", "question_id", "quality", "writer", "sentences", "points"}:
            found.append(f"{where}: keys must be id, question_id, quality, writer, sentences, points")
            continue
        if item["id"] in seen:
            found.append(f"{where}: duplicate id")
        seen.add(item["id"])
        q = questions.get(item["question_id"])
        if q is None:
            found.append(f"{where}: unknown question {item['question_id']}")
            continue
        if item["quality"] not in {"strong", "medium", "weak"}:
            found.append(f"{where}: quality must be strong, medium or weak")
        if len(item["points"]) != len(q["talking_points"]) or not set(item["points"]) <= STATUS:
            found.append(f"{where}: points needs {len(q['talking_points'])} of covered/partly/missing")
        for s in item["sentences"]:
            if not isinstance(s, dict) or set(s) != {"text", "star"} or s["star"] not in STAR or not str(s["text"]).strip():
                found.append(f"{where}: each sentence needs text and star ({'/'.join(sorted(STAR))})")
                break
            if not q["star_expected"] and s["star"] != "none":
                found.append(f"{where}: STAR labels only on questions that expect STAR")
                break
    return found


def main(argv: list[str]) -> int:
    questions = bank()
    bad = 0
    for arg in argv:
        found = problems(Path(arg), questions)
        for p in found:
            print(p, file=sys.stderr)
        bad += len(found)
        items = yaml.safe_load(Path(arg).read_text(encoding="utf-8")) or []
        print(f"{arg}: {len(items)} answers, {len({i['question_id'] for i in items})} questions, {len(found)} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
