"""The hand-labelled answers in tests/data/answers/: loading and writer-disjoint folds."""

from __future__ import annotations

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


def writer_folds(answers: list[LabelledAnswer], new_questions: bool = False) -> Iterator[tuple[str, list[LabelledAnswer], list[LabelledAnswer]]]:
    """Leave-one-writer-out: train on every other writer, test on this one's answers. With
    `new_questions`, training also leaves out every answer to a question this writer answered,
    so the test is on questions the models have never seen, as for a new question in the bank."""
    for writer in sorted({a.writer for a in answers}):
        test = [a for a in answers if a.writer == writer]
        asked = {a.question_id for a in test} if new_questions else set()
        yield writer, [a for a in answers if a.writer != writer and a.question_id not in asked], test
