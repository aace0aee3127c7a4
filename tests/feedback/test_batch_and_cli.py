"""`bpoprep score answers` and `bpoprep practice` as a user (or an evaluation script) runs them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bpoprep.cli import app

runner = CliRunner()


def test_score_answers_keeps_order_and_turns_bad_lines_into_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps({"question_id": "why-bpo", "answer": "I enjoy helping customers solve problems, and the training and growth to team leader attract me."}),
        "this is not json",
        json.dumps({"question": "Tell me about a time you helped a friend", "answer": "Last year my friend failed a test. I helped him study every evening. He passed with 78 percent."}),
        json.dumps({"question_id": "no-such-question", "answer": "hello there"}),
        json.dumps({"question_id": "why-bpo", "answer": ""}),
        json.dumps(["a", "list"]),
        "",
    ]
    path = tmp_path / "in.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b'{"question_id": "why-bpo", "answer": "Caf\xe9 work is fine"}\n')
    result = runner.invoke(app, ["score", "answers", str(path)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == list(range(1, 9))
    assert 0 <= out[0]["overall"] <= 100 and out[0]["star"] is None and out[0]["talking_points"]
    assert "not valid JSON" in out[1]["error"]
    assert set(out[2]["star"]) == {"situation", "task", "action", "result"}
    assert "unknown question_id" in out[3]["error"] and "empty" in out[4]["error"] and "JSON object" in out[5]["error"]
    assert out[6]["error"] == "empty line"
    assert "overall" in out[7]  # an undecodable byte spoils one character, not the line


def test_score_answers_reports_a_missing_file() -> None:
    result = runner.invoke(app, ["score", "answers", "/no/such/file.jsonl"])
    assert result.exit_code == 2 and "No such file" in result.output


def test_practice_in_the_terminal_shows_feedback() -> None:
    answer = "I want to join a BPO because I enjoy talking to customers and solving their problems.\nThe training and growth to team leader attract me.\n\n"
    result = runner.invoke(app, ["practice", "--question", "why-bpo"], input=answer)
    assert result.exit_code == 0, result.output
    assert "Why do you want to work in a BPO?" in result.output and "/100" in result.output and "Next 1" in result.output


def test_practice_rejects_an_unknown_question() -> None:
    result = runner.invoke(app, ["practice", "--question", "nope"])
    assert result.exit_code == 2 and "No question" in result.output
