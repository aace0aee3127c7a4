"""Talking points: is each of a question's points covered, partly covered or missing, and where.

Signals per point: meaning (the best and second-best cosine similarity between the point and the
answer's sentences, and the best once the question's own topic is projected out of both, so that
restating the question does not look like making the point) and words (how many of the point's
key terms the answer uses, and how many of those the question does not already contain), plus how
closely the answer as a whole follows the question's model answer, and how reviewers labelled the
point in the rated answers this one reads most like (exemplars.point_likeness). A small
classifier over them is trained on the hand-labelled answers by `bpoprep feedback train` and
shipped in `data/points_model.npz`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import softmax
from .softmax import SoftmaxModel
from .text import Span

STATUSES = ("covered", "partly", "missing")
MODEL_PATH = Path(__file__).parent / "data" / "points_model.npz"
SECTION_FLOOR = 0.35
# contrast() from which a sentence is flagged to the candidate (unless the point it is nearest to
# is covered). With restate.py's word-order check this marks 1% of strong answers in the dev set,
# 9% of medium and 39% of weak ones; on the held-out sets 3%, 9% and 28%.
MISCONCEPTION_MARGIN = 0.20


@lru_cache(maxsize=4096)
def _term_regex(term: str) -> re.Pattern[str]:
    # A term matches as whole words, allowing simple endings: "apologise" finds "apologised".
    parts = [re.escape(p) for p in term.lower().split()]
    return re.compile(r"(?<![\w])" + r"\s+".join(parts) + r"(?:s|es|ed|d|ing|ly)?(?![\w])", re.I)


def prepare_terms(terms: Iterable[str]) -> None:
    """Compile the patterns for these key terms now (a server at start), not on the first answer
    that needs them: a question's dozen terms cost its first answer about 5 ms otherwise."""
    for term in terms:
        _term_regex(term)


def terms_in(text: str, terms: list[str] | tuple[str, ...]) -> list[Span]:
    found = []
    for term in terms:
        m = _term_regex(term).search(text)
        if m:
            found.append(Span(m.start(), m.end(), m.group(0)))
    return found


@dataclass(frozen=True)
class PointMatch:
    index: int
    similarity: float
    second: float
    best_sentence: int  # index into the answer's sentences, -1 if the answer is empty
    terms: tuple[Span, ...]
    term_total: int
    beyond: float = 0.0  # best similarity once the question's own topic is taken out of both sides
    new_terms: int = 0  # found terms that the question itself does not already say
    agreement: float = 0.0  # how closely the whole answer follows the model answer, beyond the topic
    misled: float = 0.0  # the answer's strongest lean towards a known misconception (see contrast())
    wrong_at_best: float = 0.0  # the same for the sentence that best matches this point
    likeness: float = float("nan")  # how the nearest rated answers were labelled on it; NaN without them
    owned: bool = False  # its best sentence is closer to this point than to any other point

    @property
    def likeness_counted(self) -> float:
        # The rated answers may tip a point only where the answer says something about it: a
        # sentence that is about this point more than any other, or one of its key terms. Without
        # the gate a short answer that reads like full ones was credited with points it never made
        # (leave-one-brief-out on 1,940 answers: coverage F1 0.827 -> 0.842, precision 0.851 ->
        # 0.864, on answers of three sentences or fewer 0.801 -> 0.811; ungated 0.859 but 0.785).
        return self.likeness if self.owned or self.terms else float("nan")

    def features(self) -> list[float]:
        # Answer length is left out on purpose: long answers cover more points in the labelled
        # set, but a long answer that misses a point has not made it.
        found = len(self.terms)
        return [self.similarity, (self.similarity + self.second) / 2, float(found > 0), found / max(self.term_total, 1), float(min(found, 4)), self.beyond, float(min(self.new_terms, 4)), self.agreement, self.misled, self.wrong_at_best, self.likeness_counted]


def _without(vectors: np.ndarray, direction: np.ndarray) -> np.ndarray:
    # Remove the component along the question: what is left is what a text says beyond the topic.
    rest = vectors - np.outer(vectors @ direction, direction)
    return rest / np.maximum(np.linalg.norm(rest, axis=1, keepdims=True), 1e-6)


def contrast(sentence_embeddings: np.ndarray, question_embedding: np.ndarray, right: np.ndarray, wrong: np.ndarray) -> np.ndarray:
    """Per sentence: how much closer it is to a known misconception than to anything right. Both
    sides have the question's topic projected out, so what counts is what the sentence claims:
    "adherence means attendance" sits nearer the misconception than the point."""
    if not len(wrong) or not len(sentence_embeddings):
        return np.full(len(sentence_embeddings), -1.0)
    q = question_embedding / max(float(np.linalg.norm(question_embedding)), 1e-6)
    sent = _without(sentence_embeddings, q)
    return (_without(wrong, q) @ sent.T).max(0) - (_without(right, q) @ sent.T).max(0)


def match(point_embeddings: np.ndarray, point_terms: list[list[str]], sentence_embeddings: np.ndarray, sentences: list[Span], question_embedding: np.ndarray | None = None, question_text: str = "", reference_embeddings: np.ndarray | None = None, margins: np.ndarray | None = None, likeness: np.ndarray | None = None) -> list[PointMatch]:
    """Signals for each talking point; `margins` is contrast() per sentence, when the question has
    misconceptions; `likeness` is exemplars.point_likeness(), when it has rated answers."""
    out = []
    agreement = 0.0
    sims = point_embeddings @ sentence_embeddings.T if len(sentences) else np.zeros((len(point_embeddings), 0))
    beyond = np.zeros_like(sims)
    if question_embedding is not None and sims.shape[1]:
        q = question_embedding / max(float(np.linalg.norm(question_embedding)), 1e-6)
        sentence_rest = _without(sentence_embeddings, q)
        beyond = _without(point_embeddings, q) @ sentence_rest.T
        if reference_embeddings is not None:
            # An answer that is on topic but wrong (a swapped or mistaken definition) drifts away
            # from the model answer as a whole, even where one sentence resembles a point.
            agreement = float((_without(reference_embeddings, q) @ sentence_rest.T).max(1).mean())
    if margins is None or not sims.shape[1]:
        margins = np.zeros(sims.shape[1])
    misled = float(margins.max()) if len(margins) else 0.0
    for i, terms in enumerate(point_terms):
        found = tuple(Span(t.start + s.start, t.end + s.start, t.text) for s in sentences for t in terms_in(s.text, terms))
        new = sum(1 for t in terms if _term_regex(t).search(question_text) is None and any(_term_regex(t).search(s.text) for s in sentences))
        row = np.sort(sims[i])[::-1] if sims.shape[1] else np.zeros(0)
        best = int(sims[i].argmax()) if sims.shape[1] else -1
        wrong_at_best = float(margins[int(beyond[i].argmax())]) if sims.shape[1] else 0.0
        like = float(likeness[i]) if likeness is not None else float("nan")
        owned = best >= 0 and int(sims[:, best].argmax()) == i
        out.append(PointMatch(i, float(row[0]) if len(row) else 0.0, float(row[1]) if len(row) > 1 else float(row[0]) if len(row) else 0.0, best, found, len(terms), float(beyond[i].max()) if sims.shape[1] else 0.0, new, agreement, misled, wrong_at_best, like, owned))
    return out


def train(rows: list[list[float]], labels: list[str]) -> SoftmaxModel:
    x = np.array(rows, dtype=np.float32)
    with warnings.catch_warnings():  # a column with no value at all (a tiny training set) gets 0.5
        warnings.simplefilter("ignore", RuntimeWarning)
        fill = np.nan_to_num(np.nanmean(x, 0) if len(x) else np.zeros(x.shape[1:]), nan=0.5)
    x = np.where(np.isnan(x), fill, x)  # as classify() treats a missing signal
    return softmax.train(x, labels, STATUSES, l2=0.5)


@lru_cache(maxsize=1)
def shipped_model() -> SoftmaxModel:
    return SoftmaxModel.load(MODEL_PATH)


def classify(matches: list[PointMatch], model: SoftmaxModel | None = None) -> list[tuple[str, float]]:
    """(status, credit) per point; credit = P(covered) + P(partly) / 2, a smooth 0-1 for scoring."""
    if not matches:
        return []
    model = model or shipped_model()
    x = np.array([m.features() for m in matches], dtype=np.float32)
    # A signal that is not there (no rated answers) takes the training mean, which moves no logit.
    x = np.where(np.isnan(x), model.mean, x)
    probs = model.probabilities(x)
    covered, partly = model.classes.index("covered"), model.classes.index("partly")
    return [(model.classes[int(p.argmax())], float(p[covered] + p[partly] / 2)) for p in probs]


def addressed_f1(predicted: list[str], gold: list[str]) -> float:
    tp = sum(p != "missing" and g != "missing" for p, g in zip(predicted, gold, strict=True))
    fp = sum(p != "missing" and g == "missing" for p, g in zip(predicted, gold, strict=True))
    fn = sum(p == "missing" and g != "missing" for p, g in zip(predicted, gold, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
