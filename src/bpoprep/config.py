"""Runtime configuration read from the environment, with the embedded defaults.

Kept free of Django so the CLI can resolve paths before Django is set up.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def data_dir() -> Path:
    """Where the embedded default keeps its database, secret key and uploads."""
    path = Path(os.environ.get("BPOPREP_DATA_DIR") or Path.cwd() / "var").expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key(folder: Path) -> str:
    """BPOPREP_SECRET_KEY if set; else a key generated on first run and kept in the data dir."""
    given = os.environ.get("BPOPREP_SECRET_KEY")
    if given:
        return given
    key_file = folder / "secret_key"
    if key_file.exists():
        key = key_file.read_text(encoding="ascii").strip()
        if len(key) >= 50:
            return key
    key = secrets.token_urlsafe(64)
    # Create with owner-only permissions before writing, so the key is never world-readable.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
