"""The built ONNX graph of the sentence model, kept on disk so a process starts without rebuilding it.

Building it means inflating 90 MB of weights from the package zip, checking their SHA-256,
quantizing and serializing: most of a cold start. The result depends only on those weights and on
the code that builds it, so it is saved once under the cache folder, named by both (the weights'
CRC-32 and size from the zip's directory, which cost nothing to read, and a hash of the builder's
source file). A later start reads it back and checks it against the SHA-256 recorded when it was
built from checked weights. A missing, stale or damaged file is simply built again; a folder that
cannot be written only costs the saving.

BPOPREP_MODEL_CACHE names the folder ("" turns the cache off); the default is bpoprep/ under
XDG_CACHE_HOME, or ~/.cache.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def cache_dir() -> Path | None:
    configured = os.environ.get("BPOPREP_MODEL_CACHE")
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "bpoprep"


def key(*parts: object, builder: Path) -> str:
    """A file name for a graph built from `parts` (weights identity, options) by `builder`'s code."""
    digest = hashlib.sha256(repr(parts).encode())
    digest.update(builder.read_bytes())
    return digest.hexdigest()[:24]


def load_or_build(family: str, name: str, build: Callable[[], bytes]) -> bytes:
    """The cached bytes saved as `family`-`name` if intact, else `build()`, saved for next time
    in place of the family's older builds (an upgrade changes the name; the old file is dead)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path, record = folder / f"{family}-{name}.onnx", folder / f"{family}-{name}.sha256"
    try:
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() == record.read_text(encoding="ascii").strip():
            return data
    except (OSError, UnicodeDecodeError):
        pass
    data = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Graph first, then its record: a reader that sees a new graph with an old record
        # rebuilds; it never trusts a half-written file (each is renamed into place whole).
        _write_whole(path, data)
        _write_whole(record, hashlib.sha256(data).hexdigest().encode("ascii"))
        for stale in folder.glob(f"{family}-*"):
            if stale not in (path, record):
                stale.unlink(missing_ok=True)  # a process already running has read its copy
    except OSError:
        pass
    return data


def _write_whole(path: Path, data: bytes) -> None:
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
