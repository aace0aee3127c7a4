from __future__ import annotations

from typing import Any

from bpoprep.web.accounts.export import section


@section("quiz_attempts")
def _quiz(user: Any) -> list[dict[str, Any]]:
    return [
        {"lesson": a.lesson_id, "language": a.language, "score": a.score, "total": a.total, "passed": a.passed, "answers": a.answers, "at": a.created.isoformat()}
        for a in user.quiz_attempts.order_by("created")
    ]


@section("checklist_ticks")
def _ticks(user: Any) -> list[dict[str, Any]]:
    return [{"checklist": t.checklist_id, "item": t.item_id, "at": t.created.isoformat()} for t in user.checklist_ticks.order_by("created")]
