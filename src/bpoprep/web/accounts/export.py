"""A JSON export of everything a user has stored. Each feature adds its own section."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Section = Callable[[Any], Any]
_SECTIONS: dict[str, Section] = {}


def section(name: str) -> Callable[[Section], Section]:
    def register(fn: Section) -> Section:
        _SECTIONS[name] = fn
        return fn

    return register


def export_user(user: Any) -> dict[str, Any]:
    import bpoprep

    return {
        "format": "bpoprep-export",
        "version": 1,
        "app_version": bpoprep.__version__,
        **{name: fn(user) for name, fn in sorted(_SECTIONS.items())},
    }


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


@section("account")
def _account(user: Any) -> dict[str, Any]:
    return {"email": user.email, "name": user.display_name, "joined": _iso(user.date_joined), "last_login": _iso(user.last_login)}


@section("profile")
def _profile(user: Any) -> dict[str, Any] | None:
    p = getattr(user, "profile", None)
    if p is None:
        return None
    return {
        "target_roles": p.target_roles,
        "process": p.process,
        "market": p.market,
        "company": p.company,
        "interview_date": _iso(p.interview_date),
        "ui_language": p.ui_language,
        "is_trainer": p.is_trainer,
    }


@section("activities")
def _activities(user: Any) -> list[dict[str, Any]]:
    return [
        {"kind": a.kind, "ref": a.ref, "detail": a.detail, "at": _iso(a.created)}
        for a in user.activities.order_by("created")
    ]


@section("plan_ticks")
def _ticks(user: Any) -> list[dict[str, Any]]:
    return [{"step": t.step_id, "at": _iso(t.created)} for t in user.plan_ticks.order_by("created")]


@section("cohorts")
def _cohorts(user: Any) -> dict[str, Any]:
    return {
        "member_of": [{"name": m.cohort.name, "joined": _iso(m.joined)} for m in user.memberships.select_related("cohort")],
        "trainer_of": [{"name": c.name, "code": c.code, "members": c.memberships.count()} for c in user.cohorts_led.all()],
    }


@section("jobs")
def _jobs(user: Any) -> list[dict[str, Any]]:
    return [
        {"kind": j.kind, "status": j.status, "attempts": j.attempts, "created": _iso(j.created), "error": j.last_error}
        for j in user.jobs.order_by("created")
        if j.kind != "send_email"  # holds a password-reset link; not something to keep in a file
    ]
