"""Background jobs: input saved first, failures retried and visible, every backend runs them."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from bpoprep.web.jobs import registry, services, worker
from bpoprep.web.jobs.models import Job

CALLS: list[dict[str, Any]] = []


@registry.handler("test_flaky")
def flaky(payload: dict[str, Any]) -> dict[str, Any]:
    CALLS.append(payload)
    if len(CALLS) <= payload.get("fail_times", 0):
        raise RuntimeError(f"transient failure {len(CALLS)}")
    return {"echo": payload["value"]}


@pytest.fixture(autouse=True)
def _reset_calls() -> None:
    CALLS.clear()


@pytest.mark.django_db(transaction=True)
def test_job_input_is_saved_before_it_runs_and_result_kept(user) -> None:  # type: ignore[no-untyped-def]
    with transaction.atomic():
        job = services.enqueue("test_flaky", {"value": 7}, user=user)
        assert Job.objects.get(pk=job.pk).status == Job.QUEUED and CALLS == []  # saved, not yet run
    job.refresh_from_db()
    assert job.status == Job.DONE and job.result == {"echo": 7} and job.attempts == 1


@pytest.mark.django_db(transaction=True)
def test_a_failing_job_is_retried_then_succeeds(user) -> None:  # type: ignore[no-untyped-def]
    job = services.enqueue("test_flaky", {"value": 1, "fail_times": 2}, user=user)
    job.refresh_from_db()
    assert job.status == Job.DONE and job.attempts == 3 and len(CALLS) == 3


@pytest.mark.django_db(transaction=True)
def test_a_job_that_keeps_failing_is_visible_and_can_be_retried(client_for, user) -> None:  # type: ignore[no-untyped-def]
    job = services.enqueue("test_flaky", {"value": 1, "fail_times": 3}, user=user)
    job.refresh_from_db()
    assert job.status == Job.FAILED and job.attempts == 3 and "transient failure 3" in job.last_error
    c = client_for(user)
    page = c.get(reverse("jobs:list")).content.decode()
    assert "Failed" in page and "transient failure 3" in page and "Try again" in page
    c.post(reverse("jobs:retry", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == Job.DONE and job.result == {"echo": 1}


@pytest.mark.django_db(transaction=True)
def test_unknown_job_kind_fails_at_once() -> None:
    with pytest.raises(LookupError):
        services.enqueue("no_such_kind", {})
    assert not Job.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_in_process_worker_thread_runs_queued_jobs(settings, user) -> None:  # type: ignore[no-untyped-def]
    settings.JOBS_BACKEND = "inprocess"
    worker.start()
    try:
        job = services.enqueue("test_flaky", {"value": 3, "fail_times": 1}, user=user)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.status == Job.DONE:
                break
            time.sleep(0.1)
        assert job.status == Job.DONE and job.attempts == 2
    finally:
        worker.stop()


@pytest.mark.django_db(transaction=True)
def test_stale_running_jobs_are_recovered(user) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from django.utils import timezone

    old = timezone.now() - dt.timedelta(hours=1)
    job = Job.objects.create(user=user, kind="test_flaky", payload={"value": 9}, status=Job.RUNNING, started=old, run_after=old)
    assert services.recover_stale() == 1
    assert worker.run_until_idle() == 1
    job.refresh_from_db()
    assert job.status == Job.DONE


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.mark.celery
@pytest.mark.django_db(transaction=True)
def test_celery_with_redis_runs_jobs_and_retries(settings, user, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (make test installs it)")
    port = _free_port()
    redis = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    try:
        from celery.contrib.testing.worker import start_worker

        from bpoprep.web.jobs.celery_app import app

        app.conf.broker_url = f"redis://127.0.0.1:{port}/0"
        settings.JOBS_BACKEND = "celery"
        _wait_for_port(port)
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            job = services.enqueue("test_flaky", {"value": 5, "fail_times": 1}, user=user)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                job.refresh_from_db()
                if job.status == Job.DONE:
                    break
                time.sleep(0.2)
        assert job.status == Job.DONE and job.attempts == 2 and job.result == {"echo": 5}
    finally:
        redis.terminate()
        redis.wait(10)


@pytest.mark.django_db(transaction=True)
def test_an_attempt_whose_result_could_not_be_saved_still_counts(settings, user, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from django.db import OperationalError

    settings.JOBS_BACKEND = "celery-not-running"  # enqueue only wakes a worker that is not there
    job = services.enqueue("test_flaky", {"value": 4, "fail_times": 1}, user=user)
    original = Job.save

    def locked_once(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "result" in (kwargs.get("update_fields") or []):
            monkeypatch.setattr(Job, "save", original)
            raise OperationalError("database is locked")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Job, "save", locked_once)
    with pytest.raises(OperationalError):
        services.execute(job.pk)  # the handler failed, then its record could not be saved
    again = services.execute(job.pk)  # as Celery's retry of the task does
    assert again is not None and again.status == Job.DONE and again.attempts == 2 and again.result == {"echo": 4}
