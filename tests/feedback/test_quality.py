"""The shipped feedback models, measured on the held-out labelled answers (writers never used for
fitting; their questions have training answers by other writers, as every bank question does).
Floors sit just under the figures reported in the issue note, so a change that makes the engine
worse fails here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bpoprep.content.catalogue import default_catalogue
from bpoprep.feedback import evaluate, exemplars, labelled, points, soundness, star
from bpoprep.feedback.engine import shipped_weights

ROOT = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def report() -> evaluate.Report:
    cat = default_catalogue()
    tally = evaluate._Tally()
    held = labelled.load(ROOT / "answers-holdout")
    models = evaluate.Models(star.shipped_model(), points.shipped_model(), star.shipped_presence(), soundness.shipped_model(), exemplars.shipped(), shipped_weights())
    for it in evaluate.embed_all(held, cat):
        tally.add(it, cat, models)
    return tally.report(held, "held-out")


def test_the_labelled_sets_are_big_enough_and_disjoint() -> None:
    dev = labelled.load(ROOT / "answers")
    held = labelled.load(ROOT / "answers-holdout")
    assert len(dev) >= 150 and len({a.question_id for a in dev}) >= 30
    assert len(held) >= 150 and len({a.question_id for a in held}) >= 20
    assert not {a.writer for a in dev} & {a.writer for a in held}  # speaker-disjoint
    assert not {a.id for a in dev} & {a.id for a in held}
    # Each file is one brief. Point likeness is fitted with the answer's brief left out, which
    # leaves out the writer's own answers to that question only if they all sit in that brief.
    assert all(a.brief for a in dev) and len({a.brief for a in dev}) >= 20
    briefs: dict[tuple[str, str], set[str]] = {}
    for a in dev:
        briefs.setdefault((a.writer, a.question_id), set()).add(a.brief)
    assert all(len(b) == 1 for b in briefs.values())
    # The next held-out set, not yet scored (README): its writers must be new to both.
    sealed = labelled.load(ROOT / "sealed-answers")
    assert len(sealed) >= 150 and not {a.writer for a in sealed} & ({a.writer for a in dev} | {a.writer for a in held})
    assert not {a.id for a in sealed} & ({a.id for a in dev} | {a.id for a in held})


def test_star_parts_are_detected(report: evaluate.Report) -> None:
    macro = np.mean([f for _, _, f, _ in report.star_presence.values()])
    assert macro >= 0.85, report.lines()
    assert report.star_presence["action"][2] >= 0.85 and report.star_presence["result"][2] >= 0.85


def test_talking_point_coverage_is_detected(report: evaluate.Report) -> None:
    # Set T measures 0.865; sets G-S, each scored blind before it joined the training files,
    # measured 0.784, 0.811, 0.789, 0.800, 0.793, 0.861, 0.811, 0.807, 0.819, 0.801, 0.843, 0.849
    # and 0.813 (mean over the fourteen sets 0.818).
    assert report.points_addressed[2] >= 0.83, report.lines()


def test_scores_order_strong_medium_weak(report: evaluate.Report) -> None:
    # A regression floor for held-out set T, which the models trained without it ordered at 97.5%
    # (230 of 236 triples, scored blind; 95% interval over questions 94.5% to 100.0%); with the
    # story check (story.py) and the red flags added since, it reads the same, which is not a blind
    # figure. The floor sits a few triples under the blind figure because a tie of one point can
    # go either way on another CPU.
    # Sets G-S, each scored blind before it joined the training files, measured 79.5%, 91.1%,
    # 83.5%, 80.4%, 92.9%, 88.4%, 83.9%, 93.8%, 92.9%, 85.7%, 95.5%, 91.1% and 88.4%: the mean
    # over the fourteen sets is 88.9%, short of the 90% the issue asks for. The figure depends on
    # the writers.
    good, total = report.ordering
    assert total >= 200 and good / total >= 0.95, report.lines()
    low, high = report.ordering_interval
    assert low <= good / total <= high and high - low < 0.3, report.lines()
    won, pairs = report.pairwise["strong > weak"]
    assert won / pairs >= 0.98, report.lines()  # set T: 114 of 114


def test_cross_validation_scores_every_answer_nested_or_not(tmp_path: Path) -> None:
    import shutil

    # A small labelled set (four writers, STAR and non-STAR questions) both ways, then the CLI.
    from typer.testing import CliRunner

    from bpoprep.cli import app

    small = [a for a in labelled.load(ROOT / "answers") if a.question_id in ("what-is-sop", "built-a-relationship", "what-is-kpo", "listening-solved-problem") and a.writer in ("w10", "w11", "w12", "w13")]
    folder = tmp_path / "set"
    folder.mkdir()
    src = ROOT / "answers"
    for name in ("writers-w10-w11.yaml", "writers-w12-w13.yaml"):
        shutil.copy(src / name, folder / name)
    cat = default_catalogue()
    quick, nested = evaluate.run(small, cat), evaluate.run(small, cat, nested=True)
    for r in (quick, nested):
        assert r.answers == len(small) == 20 and r.writers == 4
        assert r.ordering[1] > 0 and 0 <= r.ordering[0] <= r.ordering[1]
        assert sum(n for *_, n in r.points_labels.values()) == sum(len(a.points) for a in small)
    assert quick.points_labels == nested.points_labels  # the classifiers are the same; only the weights' inputs differ
    unseen = evaluate.run(small, cat, new_questions=True)
    assert unseen.answers == 20 and "or any answer to their questions" in unseen.title
    for writer, train, test in labelled.writer_folds(small, new_questions=True):
        assert not {a.question_id for a in train} & {a.question_id for a in test} and all(a.writer != writer for a in train)
    out = CliRunner().invoke(app, ["feedback", "evaluate", "--folder", str(folder), "--holdout", str(tmp_path / "none")])
    assert out.exit_code == 0, out.output
    assert "answers across 16 questions, 4 writers" in out.output and "Overall score orders" in out.output
