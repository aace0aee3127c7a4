"""Answer practice: save the attempt, analyse it, recommend what to practise next."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from bpoprep.content.schemas import Question
from bpoprep.feedback.engine import AnswerError, analyse
from bpoprep.web.curriculum.services import current
from bpoprep.web.progress.services import record

from .models import Attempt

log = logging.getLogger("bpoprep.practice")
RETRY_BELOW = 70  # a latest score under this puts the question back on the list
PLAN_ORDER = ("hr", "behavioural", "situational", "industry", "metrics", "role", "company")


def submit(user: Any, question: Question, answer: str, seconds: int | None = None) -> Attempt:
    """Save the answer first (it is never lost), then analyse it and record the practice."""
    with transaction.atomic():
        attempt = Attempt.objects.create(user=user, question_id=question.id, category=question.category, answer=answer, seconds=seconds)
    try:
        feedback = analyse(answer, question).to_dict()
    except AnswerError as exc:
        attempt.status, attempt.error = Attempt.FAILED, str(exc)
        attempt.save(update_fields=["status", "error"])
        return attempt
    except Exception as exc:  # the model could not load: keep the answer, say so, log the cause
        log.exception("feedback failed", extra={"attempt": attempt.pk})
        attempt.status, attempt.error = Attempt.FAILED, f"Feedback is unavailable right now ({type(exc).__name__}). Your answer is saved."
        attempt.save(update_fields=["status", "error"])
        return attempt
    with transaction.atomic():
        attempt.status, attempt.overall, attempt.feedback = Attempt.DONE, feedback["overall"], feedback
        attempt.save(update_fields=["status", "overall", "feedback"])
        record(user, "practice", question.category, question=question.id, overall=feedback["overall"])
    return attempt


def previous(attempt: Attempt) -> Attempt | None:
    return (
        Attempt.objects.filter(user=attempt.user, question_id=attempt.question_id, status=Attempt.DONE, created__lt=attempt.created)
        .exclude(pk=attempt.pk)
        .order_by("-created", "-pk")
        .first()
    )


def compare(now: Attempt, before: Attempt) -> dict[str, Any]:
    """What changed between two attempts at the same question."""
    def statuses(a: Attempt) -> dict[str, str]:
        return {p["point"]: p["status"] for p in a.feedback.get("talking_points", [])}

    rank = {"missing": 0, "partly": 1, "covered": 2}
    old, new = statuses(before), statuses(now)
    better = [p for p in new if p in old and rank[new[p]] > rank[old[p]]]
    worse = [p for p in new if p in old and rank[new[p]] < rank[old[p]]]
    old_star, new_star = before.feedback.get("star") or {}, now.feedback.get("star") or {}
    return {
        "overall": (before.overall or 0, now.overall or 0, (now.overall or 0) - (before.overall or 0)),
        "words": (before.feedback.get("word_count", 0), now.feedback.get("word_count", 0)),
        "fillers": (sum(f["count"] for f in before.feedback.get("fillers", [])), sum(f["count"] for f in now.feedback.get("fillers", []))),
        "points_better": better,
        "points_worse": worse,
        "star_added": [k for k, v in new_star.items() if v and not old_star.get(k)],
        "star_lost": [k for k, v in new_star.items() if not v and old_star.get(k)],
    }


def _scores(user: Any) -> list[tuple[Any, str, int]]:
    """(when, question, score) from practice and from mock interview answers alike, so a weak
    answer in a mock interview puts that question on the retry list too."""
    from bpoprep.web.interviews.models import Item  # here: interviews imports practice

    rows = [(w, q, s) for w, q, s in Attempt.objects.filter(user=user, status=Attempt.DONE).values_list("created", "question_id", "overall") if s is not None]
    mock = Item.objects.filter(interview__user=user, status=Item.DONE, follow_up_of=None).exclude(feedback={}).values_list("interview__created", "question_id", "feedback")
    rows += [(w, q, fb["overall"]) for w, q, fb in mock if isinstance(fb, dict) and isinstance(fb.get("overall"), int)]
    return rows


@dataclass(frozen=True)
class Recommendation:
    question: Question
    reason: str
    last_score: int | None


def recommend(user: Any, roles: list[str], limit: int = 6, category: str | None = None) -> list[Recommendation]:
    """Weak answers to retry first, then unpractised questions from the weakest categories."""
    cat = current()
    latest: dict[str, int] = {}
    for _when, qid, overall in sorted(_scores(user)):
        latest[qid] = overall
    by_category: dict[str, list[int]] = {}
    for qid, score in latest.items():
        q = cat.questions.get(qid)
        if q:
            by_category.setdefault(q.category, []).append(score)
    wanted = set(roles)
    pool = [q for q in cat.questions.values() if ("all" in q.roles or wanted & set(q.roles)) and (category is None or q.category == category)]
    out: list[Recommendation] = []
    for q in sorted((q for q in pool if q.id in latest and latest[q.id] < RETRY_BELOW), key=lambda q: latest[q.id]):
        out.append(Recommendation(q, "retry", latest[q.id]))

    def weakness(category: str) -> tuple[float, int]:
        scores = by_category.get(category, [])
        mean = sum(scores) / len(scores) if scores else -1.0  # never practised comes first
        return (mean, PLAN_ORDER.index(category))

    fresh = [q for q in pool if q.id not in latest]
    # Role questions for the user's own roles first, easy before hard within a category.
    fresh.sort(key=lambda q: (weakness(q.category), not (wanted & set(q.roles)), q.difficulty, q.id))
    seen_categories: dict[str, int] = {}
    for q in fresh:
        if category is None and seen_categories.get(q.category, 0) >= 2:
            continue  # spread the list over categories
        seen_categories[q.category] = seen_categories.get(q.category, 0) + 1
        out.append(Recommendation(q, "new" if q.category in by_category else "new_category", None))
    return out[:limit]
