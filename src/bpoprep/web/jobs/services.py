"""Queue, claim, run and retry jobs. Every backend ends in `execute(job_id)`."""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import registry
from .models import Job

log = logging.getLogger("bpoprep.jobs")


def enqueue(kind: str, payload: dict[str, Any], user: Any = None, max_attempts: int | None = None) -> Job:
    registry.get(kind)  # fail now, in the request, for an unknown kind
    job = Job.objects.create(
        kind=kind,
        payload=payload,
        user=user if user is not None and getattr(user, "pk", None) else None,
        max_attempts=max_attempts or settings.JOBS_MAX_ATTEMPTS,
        run_after=timezone.now(),
    )
    transaction.on_commit(lambda: dispatch(job.pk))
    return job


def dispatch(job_id: int) -> None:
    backend = settings.JOBS_BACKEND
    if backend == "immediate":
        execute(job_id)
        while (due := claim_next()) is not None:  # retries that are already due
            execute(due)
    elif backend == "celery":
        from .celery_app import run_job

        run_job.delay(job_id)
    else:
        from . import worker

        worker.wake()


def claim(job_id: int) -> bool:
    """Mark a queued job as running; False when another worker got it first."""
    return bool(
        Job.objects.filter(pk=job_id, status=Job.QUEUED).update(status=Job.RUNNING, started=timezone.now())
    )


def claim_next() -> int | None:
    now = timezone.now()
    for job_id in Job.objects.filter(status=Job.QUEUED, run_after__lte=now).order_by("run_after", "pk").values_list("pk", flat=True)[:5]:
        if claim(job_id):
            return job_id
    return None


def execute(job_id: int, *, claimed: bool = False) -> Job | None:
    """Run one job. A failure is recorded; the job is queued again until its attempts run out."""
    if not claimed and not claim(job_id) and not Job.objects.filter(pk=job_id, status=Job.RUNNING).exists():
        return None
    job = Job.objects.get(pk=job_id)
    # The attempt is recorded before the work starts: if the result cannot be saved afterwards (a
    # locked database; Celery then runs the task again), the next run still counts as a new attempt.
    job.attempts += 1
    job.save(update_fields=["attempts"])
    try:
        result = registry.get(job.kind)(job.payload)
    except Exception as exc:  # noqa: BLE001 - any failure of a handler is recorded, never lost
        job.last_error = "".join(traceback.format_exception_only(type(exc), exc)).strip()[:4000]
        if job.attempts < job.max_attempts:
            job.status = Job.QUEUED
            delay = settings.JOBS_RETRY_DELAY_S * (2 ** (job.attempts - 1))
            job.run_after = timezone.now() + dt.timedelta(seconds=delay)
        else:
            job.status = Job.FAILED
            job.finished = timezone.now()
        log.warning("job failed", extra={"job_id": job.pk, "kind": job.kind, "attempt": job.attempts, "error": job.last_error})
    else:
        job.status, job.result, job.finished, job.last_error = Job.DONE, result, timezone.now(), ""
        log.info("job done", extra={"job_id": job.pk, "kind": job.kind, "attempt": job.attempts})
    job.save(update_fields=["status", "attempts", "last_error", "result", "run_after", "finished"])
    return job


def retry(job: Job) -> Job:
    """Give a failed job a fresh set of attempts (from the user's page or the admin)."""
    if job.status != Job.FAILED:
        return job
    job.status, job.attempts, job.run_after, job.finished = Job.QUEUED, 0, timezone.now(), None
    job.save(update_fields=["status", "attempts", "run_after", "finished"])
    transaction.on_commit(lambda: dispatch(job.pk))
    return job


def recover_stale(older_than: dt.timedelta = dt.timedelta(minutes=10)) -> int:
    """Jobs left 'running' by a process that died go back to the queue."""
    cutoff = timezone.now() - older_than
    return Job.objects.filter(status=Job.RUNNING, started__lt=cutoff).update(status=Job.QUEUED, run_after=timezone.now())
