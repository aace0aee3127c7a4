"""What the interview pages show: the room, the report with its charts and links, and the
interviewer's view. Builds template contexts; no HTTP here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bpoprep.web.core.charts import line_points
from bpoprep.web.curriculum.services import current

from . import services
from .models import Item, MockInterview

STAGE_TITLES = {
    "opening": _("Opening"), "motivation": _("Motivation"), "behavioural": _("A story from your experience"),
    "situational": _("A situation on the job"), "knowledge": _("Industry knowledge"), "role": _("About the role"),
    "your_questions": _("Your questions for us"), "closing": _("Closing"),
}
DIMENSION_TITLES = {"content": _("Content"), "structure": _("Structure"), "delivery": _("Delivery"), "language": _("Language"), "pronunciation": _("Pronunciation")}
TYPED_DELIVERY = _("Length and timing")
FOLLOW_UP_REASONS = {"mix_up": _("a claim sounded like a common mix-up"), "red_flag": _("a remark sounded like a red flag"), "no_story": _("it said what you would do, not a time it happened"), "no_result": _("the story had no result"), "thin_action": _("your own actions were unclear"), "vague": _("the answer stayed general"), "missed_point": _("a key point was missing"), "too_short": _("the answer was short")}


def room(interview: MockInterview, item: Item) -> dict[str, Any]:
    items = list(interview.items.order_by("position"))
    mains = [i for i in items if i.follow_up_of_id is None]
    number = next((n for n, i in enumerate(mains, 1) if i.pk == (item.follow_up_of_id or item.pk)), 1)
    q = current().questions.get(item.question_id)
    return {
        "interview": interview, "item": item, "question": q, "number": number, "total": len(mains),
        "stage_title": STAGE_TITLES.get(item.stage, ""), "is_follow_up": item.follow_up_of_id is not None,
        "elapsed": services.elapsed(item), "spoken": interview.mode == MockInterview.SPOKEN,
        "done_count": sum(1 for i in mains if i.status in (Item.DONE, Item.SKIPPED)),
    }


def priority_link(target: str) -> str:
    """A report priority's target ("practise:hr", "lesson:star-method", ...) as a URL."""
    kind, _sep, arg = target.partition(":")
    if kind == "question" and arg in current().questions:
        return reverse("practice:answer", args=[arg])
    if kind == "practise":
        return reverse("practice:category", args=[arg])
    if kind == "lesson":
        return reverse("learn:lesson", args=[arg])
    if kind == "speaking":
        return reverse("speaking:set", args=[arg])
    return reverse("practice:index")


def dimension_bars(dims: dict[str, int], spoken: bool, width: int = 320, bar: int = 22) -> dict[str, Any]:
    """Horizontal bars, one per dimension, for an inline SVG (it prints and goes into the PDF)."""
    rows = []
    for n, (key, value) in enumerate(dims.items()):
        title = TYPED_DELIVERY if key == "delivery" and not spoken else DIMENSION_TITLES.get(key, key)
        rows.append({"title": title, "value": value, "y": n * (bar + 8), "w": round(width * value / 100), "ty": n * (bar + 8) + bar - 6, "band": "good" if value >= 75 else "fair" if value >= 50 else "weak"})
    return {"rows": rows, "width": width, "height": len(rows) * (bar + 8), "bar": bar}


def trend_chart(interviews: Sequence[MockInterview], width: int = 320, height: int = 120) -> dict[str, Any] | None:
    """Overall scores of finished interviews, oldest first, as a polyline; None for fewer than two."""
    scores = [(m.finished or m.created, m.overall or 0) for m in interviews]
    if len(scores) < 2:
        return None
    points = line_points([s for _when, s in scores], width, height, 100)
    return {
        "width": width, "height": height, "count": len(scores),
        "points": " ".join(f"{x},{y}" for x, y in points),
        "dots": [{"x": x, "y": y, "score": s, "when": w} for (x, y), (w, s) in zip(points, scores, strict=True)],
    }


def report_context(interview: MockInterview) -> dict[str, Any]:
    rep = interview.report
    spoken = bool(rep.get("spoken"))
    reviews = list(interview.reviews.all())
    questions = []
    for row in rep.get("questions", []):
        human = [(r.reviewer, r.scores.get(str(row["position"]))) for r in reviews if r.scores.get(str(row["position"]))]
        questions.append({**row, "stage_title": STAGE_TITLES.get(row["stage"], ""), "follow_up_reason": FOLLOW_UP_REASONS.get((row.get("follow_up") or {}).get("reason", ""), ""), "human": human})
    earlier = list(MockInterview.objects.filter(user=interview.user, status=MockInterview.FINISHED, created__lte=interview.created).order_by("created", "pk"))
    role = current().roles.get(interview.role)
    return {
        "interview": interview, "report": rep, "questions": questions, "spoken": spoken,
        "bars": dimension_bars(rep.get("dimensions", {}), spoken),
        "priorities": [{**p, "url": priority_link(p["target"])} for p in rep.get("priorities", [])],
        "trend": trend_chart(earlier), "reviews": reviews, "role_title": role.title if role else interview.role,
    }


def interviewer_questions(interview: MockInterview) -> list[dict[str, Any]]:
    """For the human interviewer: each main question with what a good answer holds, and the
    candidate's answer (and follow-up) where there is one already."""
    cat = current()
    items = list(interview.items.order_by("position"))
    follow = {i.follow_up_of_id: i for i in items if i.follow_up_of_id}
    out = []
    for i in items:
        if i.follow_up_of_id:
            continue
        q = cat.questions.get(i.question_id)
        extra = follow.get(i.pk)
        out.append({
            "position": i.position, "text": i.text, "stage_title": STAGE_TITLES.get(i.stage, ""),
            "looking_for": q.looking_for if q else "", "points": [p.text for p in q.talking_points] if q else [],
            "pitfalls": list(q.pitfalls) if q else [], "misconceptions": list(q.misconceptions) if q else [], "answer": i.answer, "status": i.status,
            "follow_up": {"text": extra.text, "answer": extra.answer} if extra else None,
        })
    return out
