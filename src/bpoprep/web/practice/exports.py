from __future__ import annotations

from typing import Any

from bpoprep.web.accounts.export import section


@section("practice_attempts")
def _attempts(user: Any) -> list[dict[str, Any]]:
    return [
        {"question": a.question_id, "answer": a.answer, "seconds": a.seconds, "status": a.status, "overall": a.overall, "feedback": a.feedback, "at": a.created.isoformat()}
        for a in user.attempts.order_by("created", "pk")
    ]
