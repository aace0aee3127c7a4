from __future__ import annotations

from django.conf import settings
from django.db import models


class TypingRun(models.Model):
    """One timed typing run: what was asked, what was typed, and the scores."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="typing_runs")
    passage_id = models.SlugField(max_length=120)  # "missed-words" for a drill on earlier mistakes
    kind = models.CharField(max_length=20)
    target = models.TextField()
    typed = models.TextField()
    minutes = models.PositiveSmallIntegerField()
    seconds = models.FloatField()
    net_wpm = models.FloatField()
    accuracy = models.FloatField()
    kph = models.PositiveIntegerField()
    result = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.passage_id}: {self.net_wpm:.0f} WPM {self.accuracy:.0f}%"


class EmailAttempt(models.Model):
    """A reply to one e-mail scenario, saved before it is scored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_attempts")
    scenario_id = models.SlugField(max_length=120)
    text = models.TextField()
    seconds = models.PositiveIntegerField(null=True, blank=True)
    overall = models.PositiveSmallIntegerField(null=True, blank=True)
    result = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.scenario_id}: {self.overall}"


class ChatSession(models.Model):
    """One chat simulation: one or two conversations, their transcripts and marks."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_sessions")
    scenario_ids = models.JSONField(default=list)
    transcripts = models.JSONField(default=dict)
    results = models.JSONField(default=dict)
    overall = models.PositiveSmallIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{'+'.join(self.scenario_ids)}: {self.overall}"


class CallAttempt(models.Model):
    """One mock customer call: the agent's turns and the QA scorecard."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="call_attempts")
    scenario_id = models.SlugField(max_length=120)
    turns = models.JSONField(default=list)
    score = models.PositiveSmallIntegerField()
    result = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.scenario_id}: {self.score}"
