"""Likeness: how reviewers rated the answers to the same question that an answer reads most like."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from bpoprep.feedback import exemplars, labelled, points
from bpoprep.feedback.embedding import encoder
from bpoprep.feedback.engine import analyse, shipped_weights, weighted
from bpoprep.feedback.text import Span, sentences
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


def _rated_points() -> exemplars.Exemplars:
    # Question q has two points: answers along axis 0 made the first, along axis 1 the second.
    rows = [("q", "strong", 0, ("covered", "missing"), "brief-a"), ("q", "medium", 0, ("covered", "partly"), "brief-b"), ("q", "weak", 1, ("missing", "covered"), "brief-b"), ("r", "weak", 2, ("missing",), "brief-a")]
    return exemplars.build([r[0] for r in rows], [r[1] for r in rows], [_axis(r[2])[None] for r in rows], [r[3] for r in rows], [r[4] for r in rows])


def test_per_point_the_nearest_rated_answers_say_whether_it_was_made() -> None:
    rated = _rated_points()
    near_first = rated.point_likeness("q", np.vstack([_axis(0), _axis(0) + 0.05 * _axis(5)]), 2)
    assert near_first is not None and near_first.tolist() == pytest.approx([1.0, 0.25], abs=0.01)
    near_second = rated.point_likeness("q", _axis(1)[None], 2)
    assert near_second is not None and near_second.tolist() == pytest.approx([0.0, 1.0], abs=0.01)
    # Leaving a brief out (as training does) leaves its answers out; nothing left means no signal.
    without_b = rated.point_likeness("q", _axis(1)[None], 2, leave_out="brief-b")
    assert without_b is not None and without_b.tolist() == pytest.approx([1.0, 0.0], abs=0.01)
    assert rated.point_likeness("r", _axis(2)[None], 1, leave_out="brief-a") is None


def test_no_point_signal_without_matching_labels() -> None:
    rated = _rated_points()
    assert rated.point_likeness("unknown-question", _axis(0)[None], 2) is None
    assert rated.point_likeness("q", np.zeros((0, 6), np.float32), 2) is None
    # The question's points changed since the labels were made (three now, or one): nothing to go by.
    assert rated.point_likeness("q", _axis(0)[None], 3) is None
    assert rated.point_likeness("q", _axis(0)[None], 1) is None
    with pytest.raises(ValueError):
        exemplars.build(["q"], ["strong"], [_axis(0)[None]], [("covered",), ("missing",)])
    with pytest.raises(ValueError, match="covered, partly or missing"):
        exemplars.build(["q"], ["strong"], [_axis(0)[None]], [("made",)])


def test_point_labels_survive_saving(tmp_path: Path) -> None:
    rated = _rated_points()
    rated.save(tmp_path / "x.npz")
    loaded = exemplars.Exemplars.load(tmp_path / "x.npz")
    for v in (_axis(0), _axis(1), _axis(0) + _axis(1)):
        assert loaded.point_likeness("q", v[None], 2).tolist() == pytest.approx(rated.point_likeness("q", v[None], 2).tolist(), abs=0.01)
    assert loaded.briefs is None  # where the rated answers came from is only used while fitting


def _point(likeness: float = float("nan"), owned: bool = True, terms: tuple[Span, ...] = ()) -> points.PointMatch:
    return points.PointMatch(0, 0.55, 0.45, 0, terms, 3, 0.3, 0, 0.4, -0.1, -0.2, likeness, owned)


def test_a_missing_point_signal_moves_no_classifier_decision() -> None:
    model = points.shipped_model()
    assert points.classify([_point()], model) == points.classify([_point(float(model.mean[-1]))], model)
    # And the signal counts when it is there: rated answers that made the point lift its credit.
    assert points.classify([_point(1.0)], model)[0][1] > points.classify([_point(0.0)], model)[0][1] + 0.1


def test_rated_answers_tip_only_points_the_answer_says_something_about() -> None:
    model = points.shipped_model()
    # No sentence is more about this point than another one, and none of its key terms is used:
    # how the rated answers fared on it must not count, or a short answer that reads like full
    # ones would be credited with points it never made.
    assert points.classify([_point(1.0, owned=False)], model) == points.classify([_point(0.0, owned=False)], model)
    # One of its key terms is enough to let them count.
    term = (Span(0, 5, "sorry"),)
    assert points.classify([_point(1.0, owned=False, terms=term)], model)[0][1] > points.classify([_point(0.0, owned=False, terms=term)], model)[0][1]


def test_points_the_answer_never_touches_get_the_same_status_however_rated_answers_fared() -> None:
    q = CAT.questions["irate-customer"]
    enc = encoder()
    n = len(q.talking_points)
    full = ["I let the caller finish without interrupting, then said I understood why he was upset.", "I apologised for the trouble, asked what had happened and offered two options.", "I stayed calm, confirmed the fix and noted the call."]
    short = "I would listen to the customer without interrupting and let them vent. Then I would tell them I understand how frustrating this is."
    made = exemplars.build([q.id, q.id], ["strong", "weak"], [enc.encode(full)] * 2, [("covered",) * n] * 2)
    missed = exemplars.build([q.id, q.id], ["strong", "weak"], [enc.encode(full)] * 2, [("missing",) * n] * 2)
    spans = sentences(short)
    matches = points.match(enc.encode([tp.text for tp in q.talking_points]), [tp.key_terms for tp in q.talking_points], enc.encode([s.text for s in spans]), spans)
    untouched = [i for i, m in enumerate(matches) if not m.owned and not m.terms]
    assert untouched  # apologising, asking questions, confirming the fix...
    with_made, with_missed = analyse(short, q, rated=made), analyse(short, q, rated=missed)
    for i in untouched:
        assert with_made.talking_points[i].status == with_missed.talking_points[i].status
        assert with_made.talking_points[i].credit == pytest.approx(with_missed.talking_points[i].credit)
    # ...while the point it does make is tipped by them.
    assert any(with_made.talking_points[i].credit > with_missed.talking_points[i].credit for i in range(n) if i not in untouched)


def test_the_page_shows_a_point_as_made_more_readily_when_similar_rated_answers_made_it() -> None:
    q = CAT.questions["what-is-kpo"]
    enc = encoder()
    rated_text = ["KPO is knowledge process outsourcing, work that needs expert judgement such as research and analytics."]
    answer = "KPO is knowledge process outsourcing, where the work needs expert judgement, for example research or analytics."
    n = len(q.talking_points)
    made = exemplars.build([q.id, q.id], ["strong", "weak"], [enc.encode(rated_text)] * 2, [("covered",) * n] * 2)
    missed = exemplars.build([q.id, q.id], ["strong", "weak"], [enc.encode(rated_text)] * 2, [("missing",) * n] * 2)
    with_made, with_missed = analyse(answer, q, rated=made), analyse(answer, q, rated=missed)
    assert [p.point for p in with_made.talking_points] == [p.point for p in with_missed.talking_points]
    # Points the answer speaks to gain credit; none loses any.
    assert any(a.credit > b.credit for a, b in zip(with_made.talking_points, with_missed.talking_points, strict=True))
    assert all(a.credit >= b.credit - 1e-9 for a, b in zip(with_made.talking_points, with_missed.talking_points, strict=True))
    # The likeness part reads the ratings only, so it is the same either way.
    assert with_made.parts["likeness"] == pytest.approx(with_missed.parts["likeness"])


def test_the_shipped_file_holds_every_labelled_training_answer() -> None:
    # Retraining (`bpoprep feedback train`) rewrites it; this fails if the labelled files changed without it.
    answers = labelled.load(LABELLED)
    shipped = exemplars.shipped()
    assert len(shipped) == len(answers)
    assert Counter(zip(shipped.question_ids.tolist(), shipped.ratings.tolist(), strict=True)) == Counter((a.question_id, exemplars.RATING[a.quality]) for a in answers)
    shipped_points = Counter((q, tuple(v[~np.isnan(v)].tolist())) for q, v in zip(shipped.question_ids.tolist(), shipped.point_values, strict=True))
    assert shipped_points == Counter((a.question_id, tuple(exemplars.POINT_VALUE[p] for p in a.points)) for a in answers)
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
