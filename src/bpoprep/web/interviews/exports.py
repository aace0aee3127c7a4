from __future__ import annotations

from typing import Any

from bpoprep.web.accounts.export import section


@section("mock_interviews")
def _interviews(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "role": m.role, "process": m.process, "market": m.market, "minutes": m.minutes, "mode": m.mode, "status": m.status,
            "overall": m.overall, "at": m.created.isoformat(),
            "questions": [{"question": i.text, "answer": i.answer, "seconds": i.seconds, "feedback": i.feedback} for i in m.items.all()],
            "reviews": [{"reviewer": r.reviewer, "scores": r.scores, "comment": r.comment} for r in m.reviews.all()],
        }
        for m in user.mock_interviews.order_by("created", "pk").prefetch_related("items", "reviews")
    ]
