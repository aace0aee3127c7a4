"""Likeness: how reviewers rated the answers to the same question that this one reads most like.

Every bank question has labelled answers by several writers, rated strong, medium or weak. An
answer's mean sentence embedding is compared with theirs; the ratings of the nearest (a softmax
over cosine similarity, so two or three neighbours carry most of the weight) give a number from 0
(reads like the weak ones) to 1 (like the strong ones). Talking points judge what an answer covers;
this judges it against whole answers, which catches a fluent answer whose claims are the ones weak
answers make. Leaving each writer out (the part then compares only with other writers' answers),
it lifted strong > medium > weak ordering on the 1,604 labelled answers from 87.2% to 90.1%; but
two writers who wrote from the same brief answer alike, and with the whole brief's writers left
out the gain is 1.5 points, about what blind set I measured (81.7% to 83.5%).

The same neighbours also say, per talking point, how the reviewers labelled it (covered 1, partly
0.5, missing 0): an answer that reads like the ones that made a point has probably made it. That
number is one of the talking-point classifier's signals (points.py), counted only for points the
answer says something about. Fitted with every writer of the answer's brief left out (writers of
one brief answer alike, and a user's answer shares no brief), it lifted talking-point coverage F1
on the 1,940 answers of sets up to J, each brief held out in turn, from 0.827 to 0.842.

Only the embeddings, ratings and point labels ship (data/exemplars.npz), not the answers' text. A
question with no rated answers, or rated answers of one rating only, gets no part (the score's
other parts share its weight).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).parent / "data" / "exemplars.npz"
RATING = {"strong": 1.0, "medium": 0.5, "weak": 0.0}
POINT_VALUE = {"covered": 1.0, "partly": 0.5, "missing": 0.0}
# Softmax temperature over cosine similarity; leave-one-writer-out ordering was within a point
# from 0.02 to 0.1.
TEMPERATURE = 0.05


def _unit(v: np.ndarray) -> np.ndarray:
    return v / max(float(np.linalg.norm(v)), 1e-9)


@dataclass(frozen=True)
class Exemplars:
    question_ids: np.ndarray  # one per rated answer
    ratings: np.ndarray  # 0-1, see RATING
    embeddings: np.ndarray  # unit mean sentence embedding of each rated answer
    # Per rated answer, its talking-point labels as POINT_VALUE, NaN-padded to the widest question.
    point_values: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    # Per rated answer, the brief it was written from; only while fitting, never saved.
    briefs: np.ndarray | None = None
    _rows: dict[str, np.ndarray] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rows: dict[str, list[int]] = {}
        for i, qid in enumerate(self.question_ids):
            rows.setdefault(str(qid), []).append(i)
        object.__setattr__(self, "_rows", {q: np.array(r) for q, r in rows.items()})

    def __len__(self) -> int:
        return len(self.ratings)

    def _nearest(self, rows: np.ndarray, sentence_embeddings: np.ndarray) -> np.ndarray:
        """Softmax weights over `rows` by cosine similarity to the answer (sums to 1)."""
        sims = self.embeddings[rows] @ _unit(sentence_embeddings.mean(0))
        weights = np.exp((sims - sims.max()) / TEMPERATURE)
        return weights / weights.sum()

    def likeness(self, question_id: str, sentence_embeddings: np.ndarray) -> float | None:
        """0-1: the similarity-weighted rating of this question's rated answers; None without them."""
        rows = self._rows.get(question_id)
        if rows is None or len(set(self.ratings[rows].tolist())) < 2 or not len(sentence_embeddings):
            return None
        return float(self._nearest(rows, sentence_embeddings) @ self.ratings[rows])

    def point_likeness(self, question_id: str, sentence_embeddings: np.ndarray, points: int, leave_out: str | None = None) -> np.ndarray | None:
        """Per talking point, 0-1: how the nearest rated answers were labelled on it; None when the
        question has no rated answers (outside `leave_out`'s brief) labelled on `points` points."""
        rows = self._rows.get(question_id)
        if rows is None or not len(sentence_embeddings) or self.point_values.shape[1] < points:
            return None
        if leave_out is not None and self.briefs is not None:
            rows = rows[self.briefs[rows] != leave_out]
        values = self.point_values[rows]
        # A question whose points changed since the labels were made has nothing to go by.
        rows = rows[(~np.isnan(values)).sum(1) == points]
        if not len(rows):
            return None
        return self._nearest(rows, sentence_embeddings) @ self.point_values[rows][:, :points]

    def save(self, path: Path) -> None:
        np.savez_compressed(path, question_ids=self.question_ids.astype(str), ratings=self.ratings.astype(np.float16), embeddings=self.embeddings.astype(np.float16), point_values=self.point_values.astype(np.float16))

    @classmethod
    def load(cls, path: Path) -> Exemplars:
        with np.load(path, allow_pickle=False) as f:
            return cls(f["question_ids"], f["ratings"].astype(np.float32), f["embeddings"].astype(np.float32), f["point_values"].astype(np.float32))


def build(question_ids: Sequence[str], qualities: Sequence[str], answer_embeddings: Sequence[np.ndarray], point_labels: Sequence[Sequence[str]] | None = None, briefs: Sequence[str] | None = None) -> Exemplars:
    """answer_embeddings: the sentence embeddings of each rated answer, one array per answer;
    point_labels: its talking-point labels (covered | partly | missing); briefs: where it came from."""
    labels = point_labels if point_labels is not None else [()] * len(question_ids)
    if not len(question_ids) == len(qualities) == len(answer_embeddings) == len(labels) or (briefs is not None and len(briefs) != len(question_ids)):
        raise ValueError("one question id, quality and embedding array per answer")
    if any(p not in POINT_VALUE for row in labels for p in row):
        raise ValueError("talking-point labels are covered, partly or missing")
    emb = np.array([_unit(e.mean(0)) for e in answer_embeddings], np.float32)
    values = np.full((len(labels), max((len(p) for p in labels), default=0)), np.nan, np.float32)
    for i, row in enumerate(labels):
        values[i, : len(row)] = [POINT_VALUE[p] for p in row]
    return Exemplars(np.array(question_ids, dtype=str), np.array([RATING[q] for q in qualities], np.float32), emb, values, None if briefs is None else np.array(briefs, dtype=str))


@lru_cache(maxsize=1)
def shipped() -> Exemplars:
    return Exemplars.load(MODEL_PATH)
