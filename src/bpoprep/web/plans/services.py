from __future__ import annotations

from typing import Any

from bpoprep.web.accounts.models import Profile

from django.utils import timezone

from bpoprep.planning import Plan, build_plan
from bpoprep.web.curriculum.services import current
from bpoprep.web.progress.services import facts_for

from .models import PlanTick


def plan_for(user: Any) -> Plan | None:
    """The user's dated plan, or None until they have told us their process and market."""
    profile = Profile.of(user)
    if profile is None or not profile.process or not profile.market:
        return None
    return build_plan(
        current().plan.values(),
        process=profile.process,
        market=profile.market,
        today=timezone.localdate(),
        interview_date=profile.interview_date,
        facts=facts_for(user),
        manual_ticks=PlanTick.objects.filter(user=user).values_list("step_id", flat=True),
        start=profile.plan_start,
    )


def set_tick(user: Any, step_id: str, ticked: bool) -> None:
    if step_id not in current().plan:
        raise KeyError(step_id)
    if ticked:
        PlanTick.objects.get_or_create(user=user, step_id=step_id)
    else:
        PlanTick.objects.filter(user=user, step_id=step_id).delete()
