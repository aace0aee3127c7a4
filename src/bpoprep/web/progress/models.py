from __future__ import annotations

from django.conf import settings
from django.db import models


class Activity(models.Model):
    """Something the user did that counts towards their plan and progress.

    kind names the activity ("lesson_passed", "practice", "checklist_done", ...); ref names what
    it was about (a lesson id, a question category, a checklist id). Features record these; the
    plan reads them, so a feature never needs to know about plans.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(max_length=40)
    ref = models.CharField(max_length=120, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["user", "kind", "ref"])]
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.kind}:{self.ref}"
