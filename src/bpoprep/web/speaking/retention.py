"""Deleting old audio: recordings older than the retention period lose their audio file."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from .models import Recording


def purge_old_audio(days: int | None = None) -> int:
    cutoff = timezone.now() - dt.timedelta(days=settings.RECORDING_RETENTION_DAYS if days is None else days)
    purged = 0
    for rec in Recording.objects.filter(created__lt=cutoff).exclude(audio=""):
        rec.audio.delete(save=False)
        rec.audio = ""
        rec.save(update_fields=["audio"])
        purged += 1
    return purged
