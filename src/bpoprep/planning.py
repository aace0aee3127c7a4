"""The preparation plan: which steps a candidate needs, by when, and which are done.

Pure logic over the curriculum's plan steps and plain facts about the user, so the web app,
the CLI and the tests all build the same plan.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from bpoprep.content.schemas import PlanStep

DEFAULT_HORIZON_DAYS = 14
PHASES = ("understand", "research", "practise", "tests", "documents", "day", "follow_up")


@dataclass(frozen=True)
class UserFacts:
    """What the user has done, gathered from their activity records."""

    profile_complete: bool = False
    lessons_passed: frozenset[str] = frozenset()
    lessons_by_topic: Mapping[str, frozenset[str]] = field(default_factory=dict)
    activity: Counter[tuple[str, str]] = field(default_factory=Counter)

    def count(self, kind: str, ref: str = "") -> int:
        if ref:
            return self.activity[(kind, ref)]
        return sum(n for (k, _), n in self.activity.items() if k == kind)


@dataclass(frozen=True)
class PlannedStep:
    step: PlanStep
    due: dt.date
    status: Literal["done", "todo"]
    done_how: Literal["auto", "manual", ""]
    overdue: bool

    @property
    def done(self) -> bool:
        return self.status == "done"


@dataclass(frozen=True)
class Plan:
    interview_date: dt.date
    date_assumed: bool
    today: dt.date
    steps: list[PlannedStep]

    @property
    def readiness(self) -> int:
        """Share of the plan's effort (in minutes) that is done, 0-100."""
        total = sum(s.step.effort_minutes for s in self.steps)
        done = sum(s.step.effort_minutes for s in self.steps if s.done)
        return round(100 * done / total) if total else 0

    @property
    def days_left(self) -> int:
        return (self.interview_date - self.today).days

    def next_steps(self, n: int = 3) -> list[PlannedStep]:
        return [s for s in self.steps if not s.done][:n]

    def by_phase(self) -> list[tuple[str, list[PlannedStep]]]:
        return [(p, [s for s in self.steps if s.step.phase == p]) for p in PHASES if any(s.step.phase == p for s in self.steps)]


def applicable(steps: Iterable[PlanStep], process: str, market: str) -> list[PlanStep]:
    return [
        s
        for s in steps
        if (not s.processes or process in s.processes) and (not s.international_only or market == "international")
    ]


def due_dates(steps: list[PlanStep], start: dt.date, interview: dt.date) -> dict[str, dt.date]:
    """Each step's latest day, counted back from the interview. When the interview is nearer
    than the plan expects, steps are squeezed proportionally into the days between the plan's
    start and the interview, so their order is kept."""
    window = max((interview - start).days, 0)
    longest = max((s.days_before_interview for s in steps), default=0)
    scale = min(1.0, window / longest) if longest > 0 else 1.0
    out: dict[str, dt.date] = {}
    for s in steps:
        before = s.days_before_interview
        offset = round(before * scale) if before > 0 else before
        out[s.id] = max(interview - dt.timedelta(days=offset), start) if before >= 0 else interview - dt.timedelta(days=offset)
    return out


def is_complete(step: PlanStep, facts: UserFacts) -> bool:
    c = step.completion
    if c.kind == "manual":
        return False
    if c.kind == "profile":
        return facts.profile_complete
    if c.kind == "lesson":
        return c.ref in facts.lessons_passed
    if c.kind == "lessons_topic":
        needed = facts.lessons_by_topic.get(c.ref, frozenset())
        return bool(needed) and needed <= facts.lessons_passed
    if c.kind == "practice":
        return facts.count("practice", c.ref) >= c.count
    return facts.count(c.ref, c.target) >= c.count  # "activity": ref names the activity kind


def build_plan(
    steps: Iterable[PlanStep],
    *,
    process: str,
    market: str,
    today: dt.date,
    interview_date: dt.date | None,
    facts: UserFacts,
    manual_ticks: Iterable[str] = (),
    start: dt.date | None = None,
) -> Plan:
    """start is the day the plan was made (it anchors the dates, so missed steps show as
    overdue); without an interview date the plan assumes one two weeks after start."""
    chosen = applicable(steps, process, market)
    begin = min(start or today, today)
    assumed = interview_date is None
    interview = interview_date or begin + dt.timedelta(days=DEFAULT_HORIZON_DAYS)
    dues = due_dates(chosen, begin, interview)
    ticked = set(manual_ticks)
    planned: list[PlannedStep] = []
    for s in chosen:
        auto = is_complete(s, facts)
        how: Literal["auto", "manual", ""] = "auto" if auto else ("manual" if s.id in ticked else "")
        status: Literal["done", "todo"] = "done" if how else "todo"
        planned.append(PlannedStep(s, dues[s.id], status, how, overdue=not how and dues[s.id] < today))
    order = {p: i for i, p in enumerate(PHASES)}
    planned.sort(key=lambda p: (p.due, order[p.step.phase]))
    return Plan(interview, assumed, today, planned)
