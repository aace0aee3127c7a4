"""The preparation plan is pure logic: dates, applicability, completion and readiness."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from bpoprep.content.schemas import Completion, PlanStep
from bpoprep.planning import UserFacts, build_plan, due_dates

TODAY = dt.date(2026, 11, 25)


def step(id: str, before: int, *, kind: str = "manual", ref: str = "", target: str = "", count: int = 1, processes: list[str] | None = None, effort: int = 30, intl: bool = False, phase: str = "practise") -> PlanStep:
    return PlanStep(
        id=id, title=id.title(), description="d", phase=phase, effort_minutes=effort, processes=processes or [],
        international_only=intl, completion=Completion(kind=kind, ref=ref, target=target, count=count), days_before_interview=before,
    )


def test_due_dates_count_back_from_the_interview() -> None:
    steps = [step("a", 10), step("b", 3), step("c", 0), step("after", -1)]
    dues = due_dates(steps, TODAY, TODAY + dt.timedelta(days=14))
    assert dues == {"a": dt.date(2026, 11, 29), "b": dt.date(2026, 12, 6), "c": dt.date(2026, 12, 9), "after": dt.date(2026, 12, 10)}


def test_a_near_interview_squeezes_steps_but_keeps_their_order() -> None:
    steps = [step("a", 12), step("b", 6), step("c", 1)]
    dues = due_dates(steps, TODAY, TODAY + dt.timedelta(days=3))
    assert TODAY <= dues["a"] <= dues["b"] <= dues["c"] <= TODAY + dt.timedelta(days=3)
    assert dues["a"] == TODAY


def test_an_interview_before_the_start_puts_every_step_on_the_start_day() -> None:
    dues = due_dates([step("a", 5), step("b", 1)], TODAY, TODAY - dt.timedelta(days=2))
    assert set(dues.values()) == {TODAY}


def test_steps_follow_the_process_and_market() -> None:
    steps = [step("all", 5), step("voice", 5, processes=["voice_inbound"]), step("chat", 5, processes=["chat"]), step("intl", 5, intl=True)]
    plan = build_plan(steps, process="chat", market="domestic", today=TODAY, interview_date=None, facts=UserFacts())
    assert [s.step.id for s in plan.steps] == ["all", "chat"]
    assert plan.date_assumed and plan.interview_date == TODAY + dt.timedelta(days=14)


def test_completion_rules_and_effort_weighted_readiness() -> None:
    steps = [
        step("profile", 14, kind="profile", effort=10),
        step("lesson", 10, kind="lesson", ref="star-method", effort=20),
        step("topic", 10, kind="lessons_topic", ref="basics", effort=30),
        step("practice", 5, kind="practice", ref="hr", count=3, effort=40),
        step("checklist", 1, kind="activity", ref="checklist_done", target="interview-day", effort=50),
        step("manual", 1, effort=50),
    ]
    facts = UserFacts(
        profile_complete=True,
        lessons_passed=frozenset({"star-method", "what-is-bpo"}),
        lessons_by_topic={"basics": frozenset({"what-is-bpo", "kpo-and-lpo"})},
        activity=Counter({("practice", "hr"): 2, ("checklist_done", "interview-day"): 1}),
    )
    plan = build_plan(steps, process="chat", market="domestic", today=TODAY, interview_date=TODAY + dt.timedelta(days=14), facts=facts, manual_ticks=["manual"])
    status = {s.step.id: s.done_how for s in plan.steps}
    assert status == {"profile": "auto", "lesson": "auto", "topic": "", "practice": "", "checklist": "auto", "manual": "manual"}
    assert plan.readiness == round(100 * (10 + 20 + 50 + 50) / 200)
    assert [s.step.id for s in plan.next_steps(2)] == ["topic", "practice"]


def test_missed_steps_become_overdue_as_days_pass() -> None:
    steps = [step("early", 10), step("late", 2)]
    started = TODAY - dt.timedelta(days=6)
    interview = TODAY + dt.timedelta(days=6)  # the plan began 12 days before the interview
    plan = build_plan(steps, process="chat", market="domestic", today=TODAY, interview_date=interview, facts=UserFacts(), start=started)
    by_id = {s.step.id: s for s in plan.steps}
    assert by_id["early"].due == TODAY - dt.timedelta(days=4) and by_id["early"].overdue
    assert by_id["late"].due == TODAY + dt.timedelta(days=4) and not by_id["late"].overdue
    ticked = build_plan(steps, process="chat", market="domestic", today=TODAY, interview_date=interview, facts=UserFacts(), start=started, manual_ticks=["early"])
    assert not {s.step.id: s for s in ticked.steps}["early"].overdue
    assert plan.readiness == 0 and plan.days_left == 6


def test_no_date_assumes_two_weeks_from_the_start() -> None:
    started = TODAY - dt.timedelta(days=3)
    plan = build_plan([step("a", 1)], process="chat", market="domestic", today=TODAY, interview_date=None, facts=UserFacts(), start=started)
    assert plan.interview_date == started + dt.timedelta(days=14)
