"""The hand-labelled answers in tests/data/answers/: loading and writer-disjoint folds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

STAR_PARTS = ("situation", "task", "action", "result")


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    star: str  # situation | task | action | result | none


@dataclass(frozen=True)
class LabelledAnswer:
    id: str
    question_id: str
    quality: str  # strong | medium | weak
    writer: str
    sentences: tuple[LabelledSentence, ...]
    points: tuple[str, ...]  # covered | partly | missing, one per talking point
    brief: str = ""  # the file it came from: its writers wrote from one brief and answer alike

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def has(self, part: str) -> bool:
        return any(s.star == part for s in self.sentences)


def load(folder: Path) -> list[LabelledAnswer]:
    out: list[LabelledAnswer] = []
    for path in sorted(folder.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            out.append(
                LabelledAnswer(
                    id=item["id"],
                    question_id=item["question_id"],
                    quality=item["quality"],
                    writer=item["writer"],
                    sentences=tuple(LabelledSentence(str(s["text"]), s["star"]) for s in item["sentences"]),
                    points=tuple(item["points"]),
                    brief=path.stem,
                )
            )
    return out


def writer_groups(answers: list[LabelledAnswer], groups: int | None = None) -> list[tuple[str, ...]]:
    """The writers dealt into `groups` folds like cards, in number order (w7 before w10): a set's
    writers are numbered in a run, so they spread over the folds as they do when each writer is
    left out alone. None (or at least one group a writer): one writer a fold."""
    writers = sorted({a.writer for a in answers}, key=lambda w: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", w)])
    k = len(writers) if not groups or groups >= len(writers) else groups
    return [tuple(writers[i::k]) for i in range(k)]


def group_folds(answers: list[LabelledAnswer], groups: int | None = None, new_questions: bool = False) -> Iterator[tuple[tuple[str, ...], list[LabelledAnswer], list[LabelledAnswer]]]:
    """Leave one group of writers out (writer_groups): train on every other writer, test on the
    group's answers. With `new_questions`, training also leaves out every answer to a question the
    group answered, so the test is on questions the models have never seen, as for a new question
    in the bank."""
    for members in writer_groups(answers, groups):
        test = [a for a in answers if a.writer in members]
        asked = {a.question_id for a in test} if new_questions else set()
        yield members, [a for a in answers if a.writer not in members and a.question_id not in asked], test


def writer_folds(answers: list[LabelledAnswer], new_questions: bool = False) -> Iterator[tuple[str, list[LabelledAnswer], list[LabelledAnswer]]]:
    """Leave-one-writer-out: group_folds with one writer a fold."""
    for members, train, test in group_folds(answers, None, new_questions):
        yield members[0], train, test
