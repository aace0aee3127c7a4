"""Scale-out path: run jobs on Celery workers (BPOPREP_JOBS_BACKEND=celery).

Start workers with:  celery -A bpoprep.web.jobs.celery_app worker --concurrency 2
The broker comes from BPOPREP_CELERY_BROKER (e.g. redis://127.0.0.1:6379/0).
"""

from __future__ import annotations

import os

import django
from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bpoprep.web.settings")
django.setup()

from django.conf import settings  # noqa: E402

app = Celery("bpoprep", broker=settings.CELERY_BROKER_URL)
app.conf.update(task_acks_late=True, worker_prefetch_multiplier=1, task_ignore_result=True, broker_connection_retry_on_startup=True)


from django.db import OperationalError  # noqa: E402


# A locked or briefly unavailable database (SQLite under load, a PostgreSQL failover) is retried
# by Celery itself; the job's own attempts count only real failures of its work.
@app.task(name="bpoprep.run_job", autoretry_for=(OperationalError,), retry_backoff=0.5, retry_backoff_max=10, max_retries=8)
def run_job(job_id: int) -> None:
    from django.utils import timezone

    from . import services

    job = services.execute(job_id)
    if job is not None and job.status == job.QUEUED:  # failed but has attempts left
        delay = max((job.run_after - timezone.now()).total_seconds(), 0.0)
        run_job.apply_async((job_id,), countdown=delay)
