from __future__ import annotations

from django.conf import settings
from django.db import models


class PlanTick(models.Model):
    """A plan step the user ticked off by hand (auto-completed steps need no row)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_ticks")
    step_id = models.CharField(max_length=80)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "step_id"], name="one_tick_per_step")]

    def __str__(self) -> str:
        return self.step_id
