from __future__ import annotations

from django.conf import settings
from django.db import models


def recording_path(instance: Recording, filename: str) -> str:
    return f"recordings/{instance.user_id}/{filename}"


class Recording(models.Model):
    """A spoken answer or drill; the audio is saved before any analysis runs."""

    ANSWER, READ_ALOUD, REPEAT, SENTENCE_BUILD, CALL_TURN = "answer", "read_aloud", "repeat", "sentence_build", "call_turn"
    DRILLS = (READ_ALOUD, REPEAT, SENTENCE_BUILD)
    PENDING, DONE, FAILED = "pending", "done", "failed"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recordings")
    kind = models.CharField(max_length=20, choices=[(ANSWER, "answer"), (READ_ALOUD, "read aloud"), (REPEAT, "repeat"), (SENTENCE_BUILD, "sentence build"), (CALL_TURN, "call turn")])
    ref = models.SlugField(max_length=120)  # question id or drill id
    prompt_text = models.TextField(blank=True)  # the known text for read-aloud drills
    audio = models.FileField(upload_to=recording_path, blank=True)  # emptied after the retention period
    content_type = models.CharField(max_length=80)
    transcript = models.TextField(blank=True)
    status = models.CharField(max_length=10, default=PENDING)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.ref} ({self.status})"
