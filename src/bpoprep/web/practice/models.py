from __future__ import annotations

from django.conf import settings
from django.db import models


class Attempt(models.Model):
    """One typed answer to one question, saved before it is analysed."""

    PENDING, DONE, FAILED = "pending", "done", "failed"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    question_id = models.SlugField(max_length=120)
    category = models.CharField(max_length=20)
    answer = models.TextField()
    seconds = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(max_length=10, default=PENDING, choices=[(PENDING, "pending"), (DONE, "done"), (FAILED, "failed")])
    overall = models.PositiveSmallIntegerField(null=True, blank=True)
    feedback = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["user", "question_id", "-created"])]

    def __str__(self) -> str:
        return f"{self.question_id} by {self.user_id} ({self.overall})"
