"""Likeness: how reviewers rated the answers to the same question that an answer reads most like."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from bpoprep.feedback import exemplars, labelled
from bpoprep.feedback.embedding import encoder
from bpoprep.feedback.engine import analyse, shipped_weights, weighted
from tests.feedback.test_engine import CAT

LABELLED = Path(__file__).resolve().parents[1] / "data" / "answers"


def _axis(i: int, dim: int = 6) -> np.ndarray:
    v = np.zeros(dim, np.float32)
    v[i] = 1.0
    return v


def _rated() -> exemplars.Exemplars:
    # Question q: strong answers lean along axis 0, medium along 1, weak along 2; question r has weak ones only.
    rows = [("q", "strong", 0), ("q", "strong", 0), ("q", "medium", 1), ("q", "weak", 2), ("q", "weak", 2), ("r", "weak", 2), ("r", "weak", 3)]
    return exemplars.build([q for q, _, _ in rows], [k for _, k, _ in rows], [np.vstack([_axis(a), _axis(a) + 0.1 * _axis(5)]) for _, _, a in rows])


def test_an_answer_is_rated_like_the_answers_it_reads_like() -> None:
    rated = _rated()
    assert len(rated) == 7
    assert rated.likeness("q", np.vstack([_axis(0), _axis(0)])) == pytest.approx(1.0, abs=0.01)
    assert rated.likeness("q", _axis(2)[None]) == pytest.approx(0.0, abs=0.01)
    assert rated.likeness("q", _axis(1)[None]) == pytest.approx(0.5, abs=0.01)
    # Halfway between the strong and the weak ones: in between, and the order holds as it moves.
    values = [rated.likeness("q", (t * _axis(0) + (1 - t) * _axis(2))[None]) for t in (0.2, 0.5, 0.8)]
    assert values[0] < values[1] < values[2]


def test_no_part_without_rated_answers_of_more_than_one_rating() -> None:
    rated = _rated()
    assert rated.likeness("unknown-question", _axis(0)[None]) is None
    assert rated.likeness("r", _axis(2)[None]) is None  # weak answers only: says nothing about this one
    assert rated.likeness("q", np.zeros((0, 6), np.float32)) is None
    with pytest.raises(ValueError):
        exemplars.build(["q", "q"], ["strong"], [_axis(0)[None], _axis(1)[None]])


def test_saved_and_loaded_they_rate_alike(tmp_path: Path) -> None:
    rated = _rated()
    rated.save(tmp_path / "x.npz")
    loaded = exemplars.Exemplars.load(tmp_path / "x.npz")
    for v in (_axis(0), _axis(1), 0.3 * _axis(0) + _axis(2)):
        assert loaded.likeness("q", v[None]) == pytest.approx(rated.likeness("q", v[None]), abs=0.01)


def test_the_shipped_file_holds_every_labelled_training_answer() -> None:
    # Retraining (`bpoprep feedback train`) rewrites it; this fails if the labelled files changed without it.
    answers = labelled.load(LABELLED)
    shipped = exemplars.shipped()
    assert len(shipped) == len(answers)
    assert Counter(zip(shipped.question_ids.tolist(), shipped.ratings.tolist(), strict=True)) == Counter((a.question_id, exemplars.RATING[a.quality]) for a in answers)
    assert set(shipped.question_ids.tolist()) == set(CAT.questions)  # every bank question has rated answers
    assert np.allclose(np.linalg.norm(shipped.embeddings, axis=1), 1.0, atol=0.01)


def test_an_answer_like_the_rated_strong_ones_scores_higher() -> None:
    q = CAT.questions["what-is-kpo"]
    strong = ["KPO means knowledge process outsourcing, where the outsourced work needs expertise and judgement, like research, analytics or legal work.", "Unlike BPO, which runs rule-based processes such as calls and data entry, KPO staff are analysts with domain knowledge."]
    weak = ["KPO is the same as a call centre, it is just a different name the companies use.", "You take calls and chats, and there is not much difference from BPO."]
    enc = encoder()
    rated = exemplars.build([q.id, q.id], ["strong", "weak"], [enc.encode(strong), enc.encode(weak)])
    good = analyse("KPO is knowledge process outsourcing: the work needs expert judgement, for example market research or financial analysis, not scripted calls.", q, rated=rated)
    bad = analyse("Honestly KPO and BPO are basically the same, both are call centre jobs with a different name.", q, rated=rated)
    assert good.parts["likeness"] > 0.6 > 0.4 > bad.parts["likeness"]
    # Shipped: a bank question has the part; a question typed by the candidate has none.
    assert 0.0 <= analyse(strong[0], q).parts["likeness"] <= 1.0
    assert "likeness" not in analyse(strong[0], question_text="What do you know about KPO?").parts
    # No rated answers at all (an empty set, not the shipped one): no part.
    assert "likeness" not in analyse(strong[0], q, rated=exemplars.build([], [], [])).parts


def test_likeness_costs_a_fixed_share_of_the_score() -> None:
    q = CAT.questions["what-is-kpo"]
    fb = analyse("KPO means knowledge process outsourcing, like research and analytics work.", q)
    for kind in ("star", "bank"):
        assert shipped_weights()[kind]["likeness"] == pytest.approx(0.10)
    w = shipped_weights()["bank"]
    assert weighted(dict(fb.parts, likeness=1.0), w) - weighted(dict(fb.parts, likeness=0.0), w) == pytest.approx(10, abs=1)
