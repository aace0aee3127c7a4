"""Saved out-of-fold part scores: how a change to the score's make-up is measured without refitting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from bpoprep.cli import app
from bpoprep.content.catalogue import default_catalogue
from bpoprep.feedback import evaluate, labelled

CAT = default_catalogue()
QUESTIONS = {"why-bpo": 4, "handled-angry-customer": 5}  # one of each kind, with its number of points
WRITERS = ("w1", "w2", "w3")
runner = CliRunner()


def labelled_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "answers"
    folder.mkdir()
    items = [
        {"id": f"{w}-{q}-{quality}", "question_id": q, "quality": quality, "writer": w, "sentences": [{"text": "I helped the customer.", "star": "action" if q == "handled-angry-customer" else "none"}], "points": ["covered"] * n}
        for w in WRITERS
        for q, n in QUESTIONS.items()
        for quality in ("strong", "medium", "weak")
    ]
    (folder / "set.yaml").write_text(yaml.safe_dump(items), encoding="utf-8")
    return folder


def parts_by_quality(answers: list[labelled.LabelledAnswer], flipped: str = "") -> dict[str, dict[str, float]]:
    """Content and specificity follow the label; `flipped` swaps one answer's medium and weak values."""
    value = {"strong": 0.9, "medium": 0.5, "weak": 0.1}
    out = {}
    for a in answers:
        quality = {"medium": "weak", "weak": "medium"}.get(a.quality, a.quality) if a.id.startswith(flipped) and flipped else a.quality
        v = value[quality]
        out[a.id] = {"content": v, "structure": 0.5, "specificity": v, "length": 1.0, "focus": 0.5, "language": 1.0, "impression": 1.0, "soundness": 0.5, "likeness": 0.5}
    return out


def test_saved_parts_read_back_the_same(tmp_path: Path) -> None:
    answers = labelled.load(labelled_folder(tmp_path))
    parts = parts_by_quality(answers)
    path = tmp_path / "parts.jsonl"
    evaluate.save_parts(path, answers, parts)
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(answers) == 18
    assert evaluate.load_parts(path, answers) == parts


def test_a_parts_file_from_other_answers_is_refused(tmp_path: Path) -> None:
    answers = labelled.load(labelled_folder(tmp_path))
    path = tmp_path / "parts.jsonl"
    evaluate.save_parts(path, answers[:-1], parts_by_quality(answers))
    with pytest.raises(ValueError, match="other labelled answers"):
        evaluate.load_parts(path, answers)
    relabelled = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    relabelled.append({"id": answers[-1].id, "writer": answers[-1].writer, "question_id": answers[-1].question_id, "quality": "strong", "parts": {}})
    path.write_text("\n".join(json.dumps(r) for r in relabelled), encoding="utf-8")
    with pytest.raises(ValueError, match="other labelled answers"):  # same ids, a changed label
        evaluate.load_parts(path, answers)


def test_ordering_from_parts_counts_each_writers_triples_with_weights_fitted_on_the_others(tmp_path: Path) -> None:
    answers = labelled.load(labelled_folder(tmp_path))
    assert evaluate.ordering_from_parts(answers, parts_by_quality(answers), CAT) == (6, 6)
    # One writer's medium and weak answers to one question trade places: that triple, and only it, fails.
    assert evaluate.ordering_from_parts(answers, parts_by_quality(answers, flipped="w2-why-bpo"), CAT) == (5, 6)


def test_feedback_weights_prints_the_refitted_shares_and_the_ordering(tmp_path: Path) -> None:
    folder = labelled_folder(tmp_path)
    answers = labelled.load(folder)
    path = tmp_path / "parts.jsonl"
    evaluate.save_parts(path, answers, parts_by_quality(answers, flipped="w3-handled-angry-customer"))
    result = runner.invoke(app, ["feedback", "weights", str(path), "--folder", str(folder)])
    assert result.exit_code == 0, result.output
    assert "5/6 (83.3%)" in result.stdout
    shares = {line.split(":")[0]: line for line in result.stdout.splitlines() if line.startswith(("star:", "bank:"))}
    assert set(shares) == {"star", "bank"} and "language 0.100" in shares["bank"]


@pytest.mark.parametrize("content", [None, "not json\n", '{"id": "x"}\n'])
def test_feedback_weights_reports_a_missing_or_broken_file(tmp_path: Path, content: str | None) -> None:
    folder = labelled_folder(tmp_path)
    path = tmp_path / "parts.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["feedback", "weights", str(path), "--folder", str(folder)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.output.strip()


def test_the_ordering_interval_resamples_questions_and_narrows_with_more_of_them() -> None:
    assert evaluate.ordering_interval([(8, 8)] * 28) == (1.0, 1.0)
    assert evaluate.ordering_interval([]) == (0.0, 0.0) == evaluate.ordering_interval([(0, 0)])
    # Seven in eight triples ordered, spread unevenly over the questions, as on a held-out set.
    few = [(8, 8), (6, 8), (7, 8), (8, 8)] * 7
    low, high = evaluate.ordering_interval(few)
    assert low < 203 / 224 < high and evaluate.ordering_interval(few) == (low, high)  # repeatable
    wide = high - low
    low4, high4 = evaluate.ordering_interval(few * 4)
    assert low4 < 203 / 224 < high4 and high4 - low4 < wide * 0.7  # four times the questions: about half as wide
