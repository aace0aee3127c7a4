"""Training the feedback models: writer-group folds and `feedback train` end to end on a small set."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from bpoprep.cli import app
from bpoprep.content.catalogue import default_catalogue
from bpoprep.feedback import evaluate, labelled, softmax, star

ROOT = Path(__file__).resolve().parents[1] / "data"


def test_writer_groups_deal_every_writer_once_and_spread_each_set() -> None:
    answers = labelled.load(ROOT / "answers")
    writers = {a.writer for a in answers}
    groups = labelled.writer_groups(answers, 10)
    assert len(groups) == 10
    dealt = [w for g in groups for w in g]
    assert sorted(dealt) == sorted(writers)  # each writer in exactly one group
    sizes = [len(g) for g in groups]
    assert max(sizes) - min(sizes) <= 1
    # A set's writers wrote from one brief and answer alike; dealt in name order they land in
    # different groups, so a held-out group still has brief-mates in training, as with one writer out.
    group_of = {w: i for i, g in enumerate(groups) for w in g}
    for brief in {a.brief for a in answers}:
        members = {a.writer for a in answers if a.brief == brief}
        assert len({group_of[w] for w in members}) == len(members), brief
    # None, zero or more groups than writers: one writer a group.
    for n in (None, 0, len(writers), len(writers) + 5):
        assert sorted(labelled.writer_groups(answers, n)) == sorted((w,) for w in writers)


def test_group_folds_test_each_answer_once_and_never_train_on_it() -> None:
    answers = [a for a in labelled.load(ROOT / "answers") if a.brief in ("writers-w10-w11", "writers-w12-w13", "set-a-w7-w9")]
    seen: Counter[str] = Counter()
    for members, train, test in labelled.group_folds(answers, 3):
        assert test and {a.writer for a in test} == set(members)
        assert not {a.writer for a in train} & set(members)
        assert len(train) + len(test) == len(answers)
        seen.update(a.id for a in test)
    assert seen == Counter(a.id for a in answers)
    for members, train, test in labelled.group_folds(answers, 3, new_questions=True):
        assert not {a.question_id for a in train} & {a.question_id for a in test}
        assert not {a.writer for a in train} & set(members)


def test_train_saves_models_weights_and_parts_from_group_folds(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    for name in ("writers-w10-w11.yaml", "writers-w12-w13.yaml"):
        shutil.copy(ROOT / "answers" / name, folder / name)
    answers, cat = labelled.load(folder), default_catalogue()
    out = tmp_path / "models"
    out.mkdir()
    parts_path = tmp_path / "parts.jsonl"
    models = evaluate.train_and_save(answers, cat, folder=out, parts_path=parts_path, folds=2)
    saved = {p.name for p in out.iterdir()}
    assert {"star_model.npz", "points_model.npz", "soundness_model.npz", "exemplars.npz", "star_presence.json", "score_weights.json"} <= saved
    presence = json.loads((out / "star_presence.json").read_text(encoding="utf-8"))
    assert presence == models.presence and set(presence) == set(star.PARTS) and all(0 < v < 1 for v in presence.values())
    weights = json.loads((out / "score_weights.json").read_text(encoding="utf-8"))
    assert set(weights) == {"star", "bank"} and all(abs(sum(w.values()) - 1) < 0.01 for w in weights.values())
    assert softmax.SoftmaxModel.load(out / "star_model.npz").classes == star.CLASSES
    parts = evaluate.load_parts(parts_path, answers)  # one row per answer, all parts in 0-1
    assert set(parts) == {a.id for a in answers}
    assert all(0 <= v <= 1 for row in parts.values() for v in row.values())
    # `feedback weights` refits from the saved parts; a parts file for other answers is refused.
    result = CliRunner().invoke(app, ["feedback", "weights", str(parts_path), "--folder", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("star: content") and "Leave-one-writer-out ordering" in result.output
    (folder / "writers-w12-w13.yaml").unlink()
    stale = CliRunner().invoke(app, ["feedback", "weights", str(parts_path), "--folder", str(folder)])
    assert stale.exit_code == 1 and "retrain with --parts" in stale.output
