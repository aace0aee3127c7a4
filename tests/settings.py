"""Settings for the test suite: a throw-away data folder and jobs that run on commit."""

import atexit
import os
import shutil
import tempfile


def _throw_away_folder(variable: str, prefix: str) -> None:
    """Point `variable` at a new temporary folder, removed when the test process ends (the model
    cache alone is about 140 MB a run), unless the caller chose a folder of their own."""
    if variable not in os.environ:
        os.environ[variable] = tempfile.mkdtemp(prefix=prefix)
        atexit.register(shutil.rmtree, os.environ[variable], ignore_errors=True)


_throw_away_folder("BPOPREP_DATA_DIR", "bpoprep-test-")
_throw_away_folder("BPOPREP_MODEL_CACHE", "bpoprep-test-models-")
os.environ["BPOPREP_JOBS_BACKEND"] = "immediate"
os.environ.setdefault("BPOPREP_JOBS_RETRY_DELAY", "0")

from bpoprep.web.settings import *  # noqa: E402,F403

# Argon2 is checked in its own test; elsewhere a fast hasher keeps the suite quick.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "django.contrib.auth.hashers.Argon2PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["loggers"]["bpoprep"]["level"] = "WARNING"  # noqa: F405
