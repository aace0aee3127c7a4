"""Grading a lesson quiz: pure, so the page, the CLI and tests agree on a score."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .schemas import Lesson


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    chosen: tuple[int, ...]
    correct: tuple[int, ...]

    @property
    def right(self) -> bool:
        return self.chosen == self.correct


@dataclass(frozen=True)
class QuizResult:
    results: tuple[QuestionResult, ...]
    pass_mark: float

    @property
    def score(self) -> int:
        return sum(r.right for r in self.results)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def passed(self) -> bool:
        return self.total > 0 and self.score / self.total >= self.pass_mark


def grade(lesson: Lesson, answers: Mapping[str, Sequence[int]]) -> QuizResult:
    """A question counts as right only when exactly the correct options are chosen;
    choices outside the options are ignored, an unanswered question is wrong."""
    results = []
    for q in lesson.quiz:
        chosen = tuple(sorted({i for i in answers.get(q.id, ()) if 0 <= i < len(q.options)}))
        results.append(QuestionResult(q.id, chosen, tuple(sorted(q.correct))))
    return QuizResult(tuple(results), lesson.pass_mark)
