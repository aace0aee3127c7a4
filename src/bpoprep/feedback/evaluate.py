"""Train the STAR and talking-point classifiers and the score weights; measure them on held-out writers.

Every figure printed by `report()` comes from leave-one-writer-out folds: the models that score a
writer's answers were fitted without any of that writer's answers.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from bpoprep.content.catalogue import Catalogue
from bpoprep.content.schemas import Question

from . import engine, exemplars, points, soundness, star, weights
from .embedding import encoder
from .labelled import STAR_PARTS, LabelledAnswer, group_folds, writer_folds
from .softmax import SoftmaxModel
from .text import sentences


@dataclass
class _Embedded:
    answer: LabelledAnswer
    sentence_emb: np.ndarray  # of the labelled sentences
    point_matches: list[points.PointMatch]  # one per talking point, without the likeness signal
    point_gold: list[str]
    span_emb: np.ndarray  # of the sentences as the engine splits them


def embed_all(answers: list[LabelledAnswer], cat: Catalogue) -> list[_Embedded]:
    enc = encoder()
    out = []
    for a in answers:
        q = cat.questions[a.question_id]
        texts = [s.text for s in a.sentences]
        emb = enc.encode(texts)
        spans = sentences(a.text)
        span_emb = enc.encode([s.text for s in spans])
        point_emb, model_emb, wrong_emb = engine.question_embeddings(q)  # once per question, as the engine does
        q_emb = enc.encode([q.text])[0]
        margins = points.contrast(span_emb, q_emb, np.vstack([point_emb, model_emb]), wrong_emb) if wrong_emb is not None else None
        matches = points.match(point_emb, [tp.key_terms for tp in q.talking_points], span_emb, spans, q_emb, q.text, model_emb, margins)
        out.append(_Embedded(a, emb, matches, list(a.points), span_emb))
    return out


@dataclass(frozen=True)
class Models:
    star: SoftmaxModel
    points: SoftmaxModel
    presence: dict[str, float]
    soundness: SoftmaxModel
    rated: exemplars.Exemplars
    weights: dict[str, dict[str, float]] | None = None

    def analyse(self, text: str, q: Question) -> engine.Feedback:
        return engine.analyse(text, q, star_model=self.star, points_model=self.points, weights=self.weights, star_presence=self.presence, soundness_model=self.soundness, rated=self.rated)


# Writer groups for the fits that only feed other fits (the score weights' part scores, the STAR
# presence floors). One fold a writer costs a fit per writer inside a fit per writer, which grew
# with the square of the writers (131 minutes at 137 writers); ten groups cost ten.
FOLDS = 10


def fit(items: list[_Embedded], cat: Catalogue, folds: int | None = FOLDS) -> Models:
    """The classifiers (and the STAR presence floors, from their own inner writer-group folds)."""
    star_items = {it.answer.id: it for it in items if cat.questions[it.answer.question_id].star_expected}
    # Sentence features once per answer, not again in each of the inner folds below.
    star_x = {key: star.features([s.text for s in it.answer.sentences], it.sentence_emb) for key, it in star_items.items()}
    model = star.train(np.vstack(list(star_x.values())), [s.star for it in star_items.values() for s in it.answer.sentences])
    rated = exemplars.build([it.answer.question_id for it in items], [it.answer.quality for it in items], [it.span_emb for it in items], [it.answer.points for it in items], [it.answer.brief for it in items])
    point_model = points.train([r for it in items for r in _with_point_likeness(it, rated)], [g for it in items for g in it.point_gold])
    held_out: list[tuple[np.ndarray, set[str]]] = []
    for _, inner_train, inner_test in group_folds([it.answer for it in star_items.values()], folds):
        inner = star.train(np.vstack([star_x[a.id] for a in inner_train]), [s.star for a in inner_train for s in a.sentences])
        for a in inner_test:
            probs = star.probabilities([s.text for s in a.sentences], star_items[a.id].sentence_emb, inner)
            held_out.append((probs, {p for p in STAR_PARTS if a.has(p)}))
    sound = soundness.train([it.span_emb for it in items], [it.answer.quality for it in items], [it.answer.question_id for it in items])
    return Models(model, point_model, star.fit_presence(held_out), sound, rated)


def _with_point_likeness(it: _Embedded, rated: exemplars.Exemplars) -> list[list[float]]:
    """The item's point rows with the point-likeness signal from rated answers of other briefs
    only: a user's answer shares no brief with the rated ones, so training must not either."""
    like = rated.point_likeness(it.answer.question_id, it.span_emb, len(it.point_matches), leave_out=it.answer.brief)
    return [replace(m, likeness=float(like[i]) if like is not None else float("nan")).features() for i, m in enumerate(it.point_matches)]


def writer_models(items: list[_Embedded], cat: Catalogue, new_questions: bool = False, workers: int | None = None, folds: int | None = FOLDS) -> dict[str, Models]:
    """For each writer, the classifiers fitted without their group's answers (see group_folds;
    `folds` None: without just theirs), the fits shared out over `workers` processes (default: one
    per CPU core; they are spawned, so a script that calls this needs the usual
    `if __name__ == "__main__":` guard)."""
    jobs = [(members, [a.id for a in train], folds) for members, train, _ in group_folds([it.answer for it in items], folds, new_questions)]
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    state = {"items": {it.answer.id: it for it in items}, "cat": cat}
    if workers <= 1:
        _set_fold_state(state)
        try:
            return _by_writer(map(_fit_fold, jobs))
        finally:
            _fold_state.clear()
    # A fit on the full labelled set takes about a minute of NumPy and the folds are independent.
    # Workers start fresh (spawn: no forked ONNX or BLAS threads), each with BLAS on one thread.
    env = {"OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1"), "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_set_fold_state, initargs=(state,)) as pool:
            return _by_writer(pool.map(_fit_fold, jobs))
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


_fold_state: dict[str, Any] = {}  # what a writer_models worker fits from, set once per process


def _set_fold_state(state: dict[str, Any]) -> None:
    _fold_state.update(state)


def _fit_fold(job: tuple[tuple[str, ...], list[str], int | None]) -> tuple[tuple[str, ...], Models]:
    members, train_ids, folds = job
    return members, fit([_fold_state["items"][i] for i in train_ids], _fold_state["cat"], folds)


def _by_writer(fitted: Iterable[tuple[tuple[str, ...], Models]]) -> dict[str, Models]:
    return {writer: models for members, models in fitted for writer in members}


def out_of_fold_parts(items: list[_Embedded], cat: Catalogue, models: dict[str, Models] | None = None, folds: int | None = FOLDS) -> dict[str, dict[str, float]]:
    """Each answer's part scores from classifiers fitted without its writer's answers."""
    models = models or writer_models(items, cat, folds=folds)
    return {it.answer.id: models[it.answer.writer].analyse(it.answer.text, cat.questions[it.answer.question_id]).parts for it in items}


def fit_weights(answers: list[LabelledAnswer], parts: dict[str, dict[str, float]], cat: Catalogue) -> dict[str, dict[str, float]]:
    samples: dict[str, list[weights.Sample]] = {"star": [], "bank": []}
    for a in answers:
        samples["star" if cat.questions[a.question_id].star_expected else "bank"].append((a.question_id, a.quality, parts[a.id]))
    return {kind: weights.fit(rows) for kind, rows in samples.items()}


def prf(gold: list[bool], predicted: list[bool]) -> tuple[float, float, float, int]:
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, sum(gold)


@dataclass
class Report:
    title: str
    star_presence: dict[str, tuple[float, float, float, int]]
    star_sentences: dict[str, tuple[float, float, float, int]]
    star_sentence_accuracy: float
    points_labels: dict[str, tuple[float, float, float, int]]
    points_addressed: tuple[float, float, float, int]
    points_accuracy: float
    ordering: tuple[int, int]  # triples ordered strong > medium > weak, all triples
    ordering_interval: tuple[float, float]  # 95% bootstrap interval over questions (ordering_interval)
    pairwise: dict[str, tuple[int, int]]
    answers: int
    questions: int
    writers: int

    def lines(self) -> list[str]:
        out = [f"{self.title}.", f"{self.answers} answers across {self.questions} questions, {self.writers} writers.", "", "STAR component present in the answer (per answer, STAR questions):", f"  {'part':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}"]
        for name, (p, r, f, n) in self.star_presence.items():
            out.append(f"  {name:<12}{p:>10.3f}{r:>8.3f}{f:>7.3f}{n:>9}")
        macro = np.mean([v[2] for v in self.star_presence.values()])
        out.append(f"  {'macro F1':<12}{'':>10}{'':>8}{macro:>7.3f}")
        out += ["", f"STAR label per sentence (accuracy {self.star_sentence_accuracy:.3f}):"]
        for name, (p, r, f, n) in self.star_sentences.items():
            out.append(f"  {name:<12}{p:>10.3f}{r:>8.3f}{f:>7.3f}{n:>9}")
        out += ["", f"Talking points (per answer and point; 3-way accuracy {self.points_accuracy:.3f}):"]
        for name, (p, r, f, n) in self.points_labels.items():
            out.append(f"  {name:<12}{p:>10.3f}{r:>8.3f}{f:>7.3f}{n:>9}")
        p, r, f, n = self.points_addressed
        out.append(f"  {'addressed':<12}{p:>10.3f}{r:>8.3f}{f:>7.3f}{n:>9}   (covered or partly, vs missing)")
        good, total = self.ordering
        low, high = self.ordering_interval
        out += ["", f"Overall score orders strong > medium > weak in {good}/{total} same-question triples ({good / max(total, 1):.1%}; 95% interval over questions {low:.1%} to {high:.1%})."]
        for pair, (g, t) in self.pairwise.items():
            out.append(f"  {pair}: {g}/{t} ({g / max(t, 1):.1%})")
        return out


class _Tally:
    """Predictions and gold labels gathered over test answers, then turned into a Report."""

    def __init__(self) -> None:
        self.presence_gold: dict[str, list[bool]] = {p: [] for p in STAR_PARTS}
        self.presence_pred: dict[str, list[bool]] = {p: [] for p in STAR_PARTS}
        self.sent_gold: list[str] = []
        self.sent_pred: list[str] = []
        self.pts_gold: list[str] = []
        self.pts_pred: list[str] = []
        self.scores: dict[str, int] = {}

    def add(self, it: _Embedded, cat: Catalogue, models: Models) -> None:
        a = it.answer
        q = cat.questions[a.question_id]
        if q.star_expected:
            labels = star.classify([s.text for s in a.sentences], it.sentence_emb, models.star, models.presence)
            self.sent_gold.extend(s.star for s in a.sentences)
            self.sent_pred.extend(labels)
            for part in STAR_PARTS:
                self.presence_gold[part].append(a.has(part))
                self.presence_pred[part].append(part in labels)
        feedback = models.analyse(a.text, q)  # what the candidate is shown
        self.pts_gold.extend(it.point_gold)
        self.pts_pred.extend(p.status for p in feedback.talking_points)
        self.scores[a.id] = feedback.overall

    def report(self, answers: list[LabelledAnswer], title: str) -> Report:
        triples = good = 0
        pairwise: Counter[str] = Counter()
        pair_total: Counter[str] = Counter()
        by_question: dict[str, dict[str, list[int]]] = {}
        for a in answers:
            by_question.setdefault(a.question_id, {}).setdefault(a.quality, []).append(self.scores[a.id])
        per_question = []
        for groups in by_question.values():
            ordered, n = _ordered_triples(groups)
            good, triples = good + ordered, triples + n
            per_question.append((ordered, n))
            for hi, lo in (("strong", "medium"), ("medium", "weak"), ("strong", "weak")):
                for x, y in itertools.product(groups.get(hi, []), groups.get(lo, [])):
                    pair_total[f"{hi} > {lo}"] += 1
                    pairwise[f"{hi} > {lo}"] += x > y
        sg, sp, pg, pp = self.sent_gold, self.sent_pred, self.pts_gold, self.pts_pred
        return Report(
            title=title,
            star_presence={p: prf(self.presence_gold[p], self.presence_pred[p]) for p in STAR_PARTS},
            star_sentences={c: prf([g == c for g in sg], [p == c for p in sp]) for c in star.CLASSES},
            star_sentence_accuracy=sum(g == p for g, p in zip(sg, sp, strict=True)) / max(len(sg), 1),
            points_labels={c: prf([g == c for g in pg], [p == c for p in pp]) for c in ("covered", "partly", "missing")},
            points_addressed=prf([g != "missing" for g in pg], [p != "missing" for p in pp]),
            points_accuracy=sum(g == p for g, p in zip(pg, pp, strict=True)) / max(len(pg), 1),
            ordering=(good, triples),
            ordering_interval=ordering_interval(per_question),
            pairwise={k: (pairwise[k], pair_total[k]) for k in pair_total},
            answers=len(answers),
            questions=len({a.question_id for a in answers}),
            writers=len({a.writer for a in answers}),
        )


def run(answers: list[LabelledAnswer], cat: Catalogue, nested: bool = False, new_questions: bool = False) -> Report:
    """Leave-one-writer-out over the labelled set, for the classifiers and the score weights.

    Each writer is always scored by classifiers and weights fitted without their answers. The
    weights learn from the other writers' out-of-fold part scores; by default those come from the
    writer-group classifiers (FOLDS fits), whose training included the scored writer for the other
    groups' answers. `nested` refits them without the scored writer too: strictly clean, but a
    writer-group fit inside each writer's fold; on the labelled set both agreed within about one
    point of ordering. `new_questions` also keeps each writer's questions out of the
    training (writer_folds), the closer match to a question added to the bank.
    """
    items = embed_all(answers, cat)
    by_id = {it.answer.id: it for it in items}
    per_writer = writer_models(items, cat, new_questions)
    shared = None if nested else out_of_fold_parts(items, cat, per_writer)
    tally = _Tally()
    for writer, train_answers, test_answers in writer_folds(answers, new_questions):
        parts = out_of_fold_parts([by_id[a.id] for a in train_answers], cat) if shared is None else shared
        models = replace(per_writer[writer], weights=fit_weights(train_answers, parts, cat))
        for a in test_answers:
            tally.add(by_id[a.id], cat, models)
    how = "nested" if nested else "weights from writer-group part scores"
    unseen = " or any answer to their questions" if new_questions else ""
    return tally.report(answers, f"Labelled set, leave-one-writer-out ({how}): each writer scored by models and weights fitted without their answers{unseen}")


def save_parts(path: Path, answers: list[LabelledAnswer], parts: dict[str, dict[str, float]]) -> None:
    """Write each answer's out-of-fold part scores, one JSON object a line: with them, a change to
    how the parts combine (`ordering_from_parts`) is measured in about a minute, not in another hour of fits."""
    with path.open("w", encoding="utf-8") as out:
        for a in answers:
            out.write(json.dumps({"id": a.id, "writer": a.writer, "question_id": a.question_id, "quality": a.quality, "parts": parts[a.id]}) + "\n")


def load_parts(path: Path, answers: list[LabelledAnswer]) -> dict[str, dict[str, float]]:
    """Read `save_parts`' file back; it must cover exactly these answers (a stale file is refused)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    parts = {r["id"]: {k: float(v) for k, v in r["parts"].items()} for r in rows}
    expected = {a.id: (a.writer, a.question_id, a.quality) for a in answers}
    found = {r["id"]: (r["writer"], r["question_id"], r["quality"]) for r in rows}
    if found != expected:
        raise ValueError(f"{path} was written for other labelled answers ({len(found)} rows, {len(expected)} answers); retrain with --parts")
    return parts


def ordering_from_parts(answers: list[LabelledAnswer], parts: dict[str, dict[str, float]], cat: Catalogue) -> tuple[int, int]:
    """Triples ordered strong > medium > weak, leave-one-writer-out as in `run`: each writer's
    out-of-fold parts combined with weights fitted on every other writer's."""
    good = total = 0
    for _, train_answers, test_answers in writer_folds(answers):
        fitted = fit_weights(train_answers, parts, cat)
        scores: dict[str, dict[str, list[int]]] = {}
        for a in test_answers:
            kind = "star" if cat.questions[a.question_id].star_expected else "bank"
            scores.setdefault(a.question_id, {}).setdefault(a.quality, []).append(engine.weighted(parts[a.id], fitted[kind]))
        for groups in scores.values():
            ordered, n = _ordered_triples(groups)
            good, total = good + ordered, total + n
    return good, total


def _ordered_triples(groups: dict[str, list[int]]) -> tuple[int, int]:
    """Of one question's (strong, medium, weak) score triples: how many are ordered, and how many."""
    triples = list(itertools.product(groups.get("strong", []), groups.get("medium", []), groups.get("weak", [])))
    return sum(s > m > w for s, m, w in triples), len(triples)


def ordering_interval(per_question: list[tuple[int, int]], draws: int = 2000, seed: int = 0) -> tuple[float, float]:
    """95% bootstrap interval of the ordered share, resampling questions (a question's triples
    share answers, so they are not independent). On set P's 28 questions, when it was held out, it
    ran from 75.9% to 93.8%: one held-out set cannot settle a goal a few points away."""
    counts = np.array([c for c in per_question if c[1] > 0], dtype=float).reshape(-1, 2)
    if not len(counts):
        return 0.0, 0.0
    picks = np.random.default_rng(seed).integers(0, len(counts), (draws, len(counts)))
    shares = counts[picks, 0].sum(1) / np.maximum(counts[picks, 1].sum(1), 1)
    low, high = np.percentile(shares, [2.5, 97.5])
    return float(low), float(high)


def holdout(train_answers: list[LabelledAnswer], test_answers: list[LabelledAnswer], cat: Catalogue) -> Report:
    """Fit on the labelled set, score the held-out set (other writers, other questions)."""
    items = embed_all(train_answers, cat)
    models = replace(fit(items, cat), weights=fit_weights(train_answers, out_of_fold_parts(items, cat), cat))
    tally = _Tally()
    for it in embed_all(test_answers, cat):
        tally.add(it, cat, models)
    return tally.report(test_answers, "Held-out set: new writers and questions, never used for fitting or for setting the score weights")


def train_and_save(answers: list[LabelledAnswer], cat: Catalogue, folder: Path = star.MODEL_PATH.parent, parts_path: Path | None = None, folds: int | None = FOLDS) -> Models:
    items = embed_all(answers, cat)
    parts = out_of_fold_parts(items, cat, folds=folds)
    if parts_path is not None:
        save_parts(parts_path, answers, parts)
    models = replace(fit(items, cat, folds), weights=fit_weights(answers, parts, cat))
    models.star.save(folder / star.MODEL_PATH.name)
    models.points.save(folder / points.MODEL_PATH.name)
    models.soundness.save(folder / soundness.MODEL_PATH.name)
    models.rated.save(folder / exemplars.MODEL_PATH.name)
    (folder / star.PRESENCE_PATH.name).write_text(json.dumps(models.presence, indent=2) + "\n", encoding="utf-8")
    (folder / engine.WEIGHTS_PATH.name).write_text(json.dumps(models.weights, indent=2) + "\n", encoding="utf-8")
    return models
