"""STAR: which sentences of an answer are Situation, Task, Action and Result.

A small softmax classifier over each sentence's embedding plus cues a trainer listens for
(position in the answer, "my job was", "I + past-tense verb", "as a result", numbers). Its weights
are trained on the hand-labelled answers by `bpoprep feedback train` and shipped in
`data/star_model.npz`; `bpoprep feedback evaluate` reports accuracy on writers held out.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import softmax
from .softmax import SoftmaxModel

CLASSES = ("situation", "task", "action", "result", "none")
MODEL_PATH = Path(__file__).parent / "data" / "star_model.npz"
PRESENCE_PATH = Path(__file__).parent / "data" / "star_presence.json"
PARTS = CLASSES[:4]

_CUES: dict[str, re.Pattern[str]] = {
    "situation": re.compile(r"\b(when i was|while i was|during (?:my|our|the)|last (?:year|summer|month|week|semester)|at my|in my (?:last|previous|first|final)|there was|once,|one day|we had|it was (?:a|the)|i was working|i worked (?:at|in|as)|in (?:college|my college)|a customer (?:called|came|walked))\b", re.I),
    "task": re.compile(r"\b(my (?:job|task|role|responsibility|goal|aim) was|i (?:had|needed|was asked|was supposed|was expected) to|i was responsible|it was my|my target was|the goal was|i wanted to make sure|the challenge was|i had been asked)\b", re.I),
    "action": re.compile(r"\b(i (?:first|then|also|immediately|quickly|calmly|personally)?\s?(?:listened|apologi[sz]ed|explained|checked|called|asked|decided|created|made|set up|spoke|offered|arranged|organi[sz]ed|took|started|contacted|escalated|followed up|prepared|trained|divided|split|wrote|used|kept|stayed|informed|told|went|focused|planned|practised|practiced|learned|learnt|suggested|reviewed|raised|assured|requested|built|designed|shared|tracked|verified|confirmed)|first,|then,|next,|after that|so i|i made sure)\b", re.I),
    "result": re.compile(r"\b(as a result|in the end|finally|because of this|resulted|result was|the outcome|thanks to|ended up|by the end|we (?:won|got|reached|met|achieved|finished|raised)|he (?:thanked|was happy|calmed)|she (?:thanked|was happy|calmed)|they (?:thanked|were happy)|(?:increased|reduced|improved|saved|cut|grew|doubled|achieved|exceeded|met|completed)\b|feedback|learned that|learnt that|taught me|i learned|i learnt|since then|\d+ ?%|percent)\b", re.I),
}
_I_PAST = re.compile(r"^\s*(?:then |so |first |next |after that,? )?i \w+ed\b", re.I)
_WE = re.compile(r"\bwe\b", re.I)
_I = re.compile(r"\bi\b", re.I)
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|lakh|half)\b", re.I)


def cue_features(sentences: list[str]) -> np.ndarray:
    n = len(sentences)
    rows = []
    for i, s in enumerate(sentences):
        pos = i / (n - 1) if n > 1 else 0.0
        rows.append(
            [pos, pos * pos, float(i == 0), float(i == n - 1)]
            + [float(bool(_CUES[c].search(s))) for c in CLASSES[:4]]
            + [float(bool(_I_PAST.search(s))), float(bool(_WE.search(s))), float(bool(_I.search(s))), float(bool(_NUMBER.search(s)))]
        )
    return np.array(rows, dtype=np.float32).reshape(n, -1)


def features(sentences: list[str], embeddings: np.ndarray) -> np.ndarray:
    return np.hstack([embeddings, cue_features(sentences)]) if sentences else np.zeros((0, embeddings.shape[1] + 12), np.float32)


def train(x: np.ndarray, labels: list[str]) -> SoftmaxModel:
    return softmax.train(x, labels, CLASSES)


@lru_cache(maxsize=1)
def shipped_model() -> SoftmaxModel:
    return SoftmaxModel.load(MODEL_PATH)


@lru_cache(maxsize=1)
def shipped_presence() -> dict[str, float]:
    return dict(json.loads(PRESENCE_PATH.read_text(encoding="utf-8")))


def probabilities(sentences: list[str], embeddings: np.ndarray, model: SoftmaxModel | None = None) -> np.ndarray:
    if not sentences:
        return np.zeros((0, len(CLASSES)), np.float32)
    return (model or shipped_model()).probabilities(features(sentences, embeddings))


def label(probs: np.ndarray, presence: dict[str, float] | None = None) -> list[str]:
    """The most likely label per sentence; then a part no sentence won still gets the sentence
    most likely to be it, when that is likely enough (a short Task often hides in a Situation
    sentence) and the move leaves the sentence's own part with another sentence."""
    presence = presence or shipped_presence()
    labels = [CLASSES[int(i)] for i in probs.argmax(1)] if len(probs) else []
    for part in PARTS:
        if part in labels or not labels:
            continue
        col = probs[:, CLASSES.index(part)]
        j = int(col.argmax())
        if col[j] >= presence[part] and (labels[j] == "none" or labels.count(labels[j]) > 1):
            labels[j] = part
    return labels


def classify(sentences: list[str], embeddings: np.ndarray, model: SoftmaxModel | None = None, presence: dict[str, float] | None = None) -> list[str]:
    return label(probabilities(sentences, embeddings, model), presence)


def fit_presence(answers: list[tuple[np.ndarray, set[str]]]) -> dict[str, float]:
    """Per part, the probability floor that best decides "this answer has the part", from (sentence
    probabilities, parts the answer really has) of answers the model did not train on. Best means
    the mean F1 of "has it" and "lacks it": most labelled stories have every part, so the F1 of
    "has it" alone is flat down to a 10% floor, which credits a last Action with a Result it
    never gives; saying what is missing is the point of the feedback."""
    out = {}
    for part in PARTS:
        best = (-1.0, 0.5)
        for t in np.arange(0.05, 0.96, 0.05):
            tp = fp = fn = 0
            for probs, gold in answers:
                predicted = part in label(probs, {**dict.fromkeys(PARTS, 1.1), part: float(t)})
                tp += predicted and part in gold
                fp += predicted and part not in gold
                fn += (not predicted) and part in gold
            tn = len(answers) - tp - fp - fn
            f1 = (2 * tp / (2 * tp + fp + fn) if tp else 0.0) + (2 * tn / (2 * tn + fn + fp) if tn else 0.0)
            if f1 > best[0]:
                best = (f1, round(float(t), 2))
        out[part] = best[1]
    return out


MEASURABLE = re.compile(r"\d|\b(?:percent|per cent|doubled|halved|twice|from \w+ to \w+|zero|every|all (?:of )?the|no more|within)\b", re.I)


def ownership(sentences: list[str], labels: list[str]) -> tuple[int, int]:
    """How many action sentences speak of "I" and how many only of "we"."""
    mine = ours = 0
    for s, label in zip(sentences, labels, strict=True):
        if label != "action":
            continue
        if _I.search(s):
            mine += 1
        elif _WE.search(s):
            ours += 1
    return mine, ours
