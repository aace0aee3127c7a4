from __future__ import annotations

from django.conf import settings
from django.db import models


class MockInterview(models.Model):
    """One sitting: the questions drawn for it (as Items), then its report."""

    ACTIVE, FINISHED = "active", "finished"
    TYPED, SPOKEN = "typed", "spoken"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mock_interviews")
    role = models.SlugField(max_length=80)
    process = models.CharField(max_length=20)
    market = models.CharField(max_length=20)
    minutes = models.PositiveSmallIntegerField()
    mode = models.CharField(max_length=10, choices=[(TYPED, "typed"), (SPOKEN, "spoken")])
    follow_ups_left = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=10, default=ACTIVE)
    overall = models.PositiveSmallIntegerField(null=True, blank=True)
    report = models.JSONField(default=dict, blank=True)
    shared_with_trainer = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["user", "status", "-created"])]

    def __str__(self) -> str:
        return f"{self.role} {self.minutes} min ({self.status})"

    def current(self) -> Item | None:
        """The first question not yet settled: the one the candidate is on."""
        return self.items.exclude(status__in=(Item.DONE, Item.SKIPPED)).order_by("position").first()


class Item(models.Model):
    """One question asked in the interview, main or follow-up, and its answer."""

    WAITING, ANALYSING, DONE, FAILED, SKIPPED = "waiting", "analysing", "done", "failed", "skipped"
    interview = models.ForeignKey(MockInterview, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()  # main questions 10, 20, ...; a follow-up sits at +5
    stage = models.CharField(max_length=20)
    question_id = models.SlugField(max_length=120)
    text = models.TextField()  # what the interviewer asks (a follow-up's own words)
    follow_up_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups")
    follow_up_reason = models.CharField(max_length=20, blank=True)
    seconds_allowed = models.PositiveIntegerField()
    asked_at = models.DateTimeField(null=True, blank=True)
    draft = models.TextField(blank=True)  # typed so far, saved as the candidate types
    answer = models.TextField(blank=True)
    seconds = models.PositiveIntegerField(null=True, blank=True)
    recording = models.ForeignKey("speaking.Recording", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=10, default=WAITING)
    feedback = models.JSONField(default=dict, blank=True)
    speech = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["interview", "position"], name="one_item_per_position")]

    def __str__(self) -> str:
        return f"{self.position}: {self.question_id}"


class Invite(models.Model):
    """A link for a friend or trainer to sit as interviewer; only the token's hash is kept."""

    interview = models.ForeignKey(MockInterview, on_delete=models.CASCADE, related_name="invites")
    token_hash = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=80, blank=True)
    expires = models.DateTimeField()
    claimed_by = models.CharField(max_length=64, blank=True)  # hash of the browser session that opened it
    used = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]


class Review(models.Model):
    """The human interviewer's scores and comments, shown beside the automatic feedback."""

    interview = models.ForeignKey(MockInterview, on_delete=models.CASCADE, related_name="reviews")
    invite = models.OneToOneField(Invite, null=True, blank=True, on_delete=models.SET_NULL, related_name="review")
    reviewer = models.CharField(max_length=80)
    scores = models.JSONField(default=dict)  # {position: {"content": 1-5, "structure": 1-5, "delivery": 1-5, "comment": str}}
    comment = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created"]
