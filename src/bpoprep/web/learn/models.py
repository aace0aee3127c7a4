from __future__ import annotations

from django.conf import settings
from django.db import models


class QuizAttempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson_id = models.CharField(max_length=80)
    language = models.CharField(max_length=5, default="en")
    answers = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["user", "lesson_id"])]


class ChecklistTick(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checklist_ticks")
    checklist_id = models.CharField(max_length=80)
    item_id = models.CharField(max_length=80)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "checklist_id", "item_id"], name="one_tick_per_checklist_item")]
