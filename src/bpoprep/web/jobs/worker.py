"""The in-process worker: one daemon thread inside `bpoprep serve` that runs queued jobs."""

from __future__ import annotations

import logging
import threading

from django.db import close_old_connections

log = logging.getLogger("bpoprep.jobs")

_wake = threading.Event()
_stop = threading.Event()
_thread: threading.Thread | None = None
POLL_SECONDS = 2.0


def wake() -> None:
    _wake.set()


def run_until_idle() -> int:
    """Run every job that is due now; returns how many ran."""
    from .services import claim_next, execute

    ran = 0
    while (job_id := claim_next()) is not None:
        execute(job_id, claimed=True)
        ran += 1
    return ran


def _loop() -> None:
    from .services import recover_stale

    recovered = False
    while not _stop.is_set():
        try:
            if not recovered:  # inside the try: a locked database at start-up must not kill the thread
                recover_stale()
                recovered = True
            run_until_idle()
        except Exception:  # noqa: BLE001 - the worker must outlive a broken database moment
            log.exception("worker loop error")
        finally:
            close_old_connections()
        _wake.wait(POLL_SECONDS)  # also polls, for retries whose delay has passed
        _wake.clear()


def start() -> threading.Thread:
    global _thread
    if _thread is None or not _thread.is_alive():
        _stop.clear()
        _thread = threading.Thread(target=_loop, name="bpoprep-worker", daemon=True)
        _thread.start()
    return _thread


def stop(timeout: float = 5.0) -> None:
    _stop.set()
    _wake.set()
    if _thread is not None:
        _thread.join(timeout)


def is_running() -> bool:
    return _thread is not None and _thread.is_alive()
