"""Batch scoring: JSON lines in, one JSON result per line out, in order (the evaluation contract).

Input lines are `{"question_id": "...", "answer": "..."}` for a question in the bank, or
`{"question": "...", "answer": "..."}` for any other question. A line that cannot be scored
yields `{"line": n, "error": "..."}` and scoring goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from bpoprep.content.catalogue import Catalogue

from .engine import AnswerError, analyse

MAX_LINE_CHARS = 200_000


def score_line(raw: str, number: int, cat: Catalogue) -> dict[str, Any]:
    def error(message: str) -> dict[str, Any]:
        return {"line": number, "error": message}

    if len(raw) > MAX_LINE_CHARS:
        return error(f"line is longer than {MAX_LINE_CHARS} characters")
    try:
        item = json.loads(raw)
    except json.JSONDecodeError as exc:
        return error(f"not valid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(item, dict):
        return error("each line must be a JSON object")
    answer = item.get("answer")
    if not isinstance(answer, str):
        return error("'answer' must be a string")
    question = None
    question_text = ""
    if "question_id" in item:
        question = cat.questions.get(str(item["question_id"]))
        if question is None:
            return error(f"unknown question_id '{item['question_id']}'")
    elif isinstance(item.get("question"), str) and item["question"].strip():
        question_text = item["question"]
    else:
        return error("give 'question_id' (from the bank) or 'question' (text)")
    try:
        result = analyse(answer, question, question_text).to_dict()
    except AnswerError as exc:
        return error(str(exc))
    result = {"line": number, **({"question_id": question.id} if question else {}), **result}
    return result


def score_lines(lines: Iterable[str], cat: Catalogue) -> Iterator[dict[str, Any]]:
    for number, raw in enumerate(lines, start=1):
        # A blank line still gets its (error) line, so output line n always answers input line n.
        yield score_line(raw, number, cat) if raw.strip() else {"line": number, "error": "empty line"}
