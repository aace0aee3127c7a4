"""Batch scoring: JSON lines in, one JSON result per line out, in order (the evaluation contract).

`score answers`: lines `{"question_id": "...", "answer": "..."}` for a question in the bank, or
`{"question": "...", "answer": "..."}` for any other question.
`score writing`: lines `{"scenario_id": "...", "text": "..."}` for an e-mail scenario.
A line that cannot be scored yields `{"line": n, "error": "..."}` and scoring goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from bpoprep.content.catalogue import Catalogue

from .engine import AnswerError, analyse

MAX_LINE_CHARS = 200_000
Scorer = Callable[[dict[str, Any], Catalogue], dict[str, Any]]


class LineError(ValueError):
    """This line cannot be scored; the message says why."""


def _line(raw: str, number: int, cat: Catalogue, scorer: Scorer) -> dict[str, Any]:
    if not raw.strip():
        return {"line": number, "error": "empty line"}
    if len(raw) > MAX_LINE_CHARS:
        return {"line": number, "error": f"line is longer than {MAX_LINE_CHARS} characters"}
    try:
        item = json.loads(raw)
    except json.JSONDecodeError as exc:
        return {"line": number, "error": f"not valid JSON: {exc.msg} at column {exc.colno}"}
    if not isinstance(item, dict):
        return {"line": number, "error": "each line must be a JSON object"}
    try:
        return {"line": number, **scorer(item, cat)}
    except (LineError, AnswerError, ValueError) as exc:
        return {"line": number, "error": str(exc)}


def run(lines: Iterable[str], cat: Catalogue, scorer: Scorer) -> Iterator[dict[str, Any]]:
    # Every input line gets exactly one output line, so output line n always answers input line n.
    for number, raw in enumerate(lines, start=1):
        yield _line(raw, number, cat, scorer)


def answer_scorer(item: dict[str, Any], cat: Catalogue) -> dict[str, Any]:
    answer = item.get("answer")
    if not isinstance(answer, str):
        raise LineError("'answer' must be a string")
    if "question_id" in item:
        question = cat.questions.get(str(item["question_id"]))
        if question is None:
            raise LineError(f"unknown question_id '{item['question_id']}'")
        return {"question_id": question.id, **analyse(answer, question).to_dict()}
    if isinstance(item.get("question"), str) and item["question"].strip():
        return analyse(answer, question_text=item["question"]).to_dict()
    raise LineError("give 'question_id' (from the bank) or 'question' (text)")


def writing_scorer(item: dict[str, Any], cat: Catalogue) -> dict[str, Any]:
    from bpoprep.drills.email import score

    text = item.get("text")
    if not isinstance(text, str):
        raise LineError("'text' must be a string")
    scenario = cat.emails.get(str(item.get("scenario_id", "")))
    if scenario is None:
        raise LineError(f"unknown scenario_id '{item.get('scenario_id')}'")
    return {"scenario_id": scenario.id, **score(scenario, text).to_dict()}
