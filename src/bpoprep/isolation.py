"""Run risky parsing (uploaded PDFs, audio through C decoders) in a child process with a time and
memory limit, so a hostile or broken file cannot hang, exhaust or crash the web server."""

from __future__ import annotations

import multiprocessing
import queue as queue_module
from collections.abc import Callable
from typing import Any


class ChildFailed(RuntimeError):
    """The child process crashed, ran out of time, or raised an error it could not report."""


def _limit_memory(limit: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass


def _child(fn: Callable[..., Any], args: tuple[Any, ...], limit: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    _limit_memory(limit)
    try:
        out.put(("ok", fn(*args)))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent as data
        out.put(("error", exc))


def run(fn: Callable[..., Any], *args: Any, timeout: float, memory: int = 1024**3) -> Any:
    """fn(*args) in a fresh process; its exceptions are re-raised here. fn must be importable."""
    context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    out = context.Queue()
    process = context.Process(target=_child, args=(fn, args, memory, out), daemon=True)
    process.start()
    try:
        status, value = out.get(timeout=timeout)
    except queue_module.Empty:
        process.kill()
        raise ChildFailed("timeout" if process.exitcode is None or process.exitcode == -9 else f"crashed (exit {process.exitcode})") from None
    finally:
        process.join(1)
        if process.is_alive():
            process.kill()
    if status == "error":
        raise value
    return value
