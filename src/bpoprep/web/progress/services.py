from __future__ import annotations

from collections import Counter
from typing import Any

from bpoprep.planning import UserFacts
from bpoprep.web.curriculum.services import current

from .models import Activity


def record(user: Any, kind: str, ref: str = "", **detail: Any) -> Activity:
    return Activity.objects.create(user=user, kind=kind, ref=ref[:120], detail=detail)


def facts_for(user: Any) -> UserFacts:
    rows = Activity.objects.filter(user=user).values_list("kind", "ref")
    counts = Counter((k, r) for k, r in rows)
    passed = frozenset(r for (k, r) in counts if k == "lesson_passed")
    by_topic: dict[str, set[str]] = {}
    for lesson in current().lessons_in("en"):
        by_topic.setdefault(lesson.topic, set()).add(lesson.id)
    from bpoprep.web.accounts.models import Profile  # here: accounts imports progress for its export

    profile = Profile.of(user)
    return UserFacts(
        profile_complete=bool(profile and profile.is_complete),
        lessons_passed=passed,
        lessons_by_topic={t: frozenset(ids) for t, ids in by_topic.items()},
        activity=counts,
    )
