"""Settings for the test suite: a throw-away data folder and jobs that run on commit."""

import os
import tempfile

os.environ.setdefault("BPOPREP_DATA_DIR", tempfile.mkdtemp(prefix="bpoprep-test-"))
os.environ.setdefault("BPOPREP_MODEL_CACHE", tempfile.mkdtemp(prefix="bpoprep-test-models-"))
os.environ["BPOPREP_JOBS_BACKEND"] = "immediate"
os.environ.setdefault("BPOPREP_JOBS_RETRY_DELAY", "0")

from bpoprep.web.settings import *  # noqa: E402,F403

# Argon2 is checked in its own test; elsewhere a fast hasher keeps the suite quick.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "django.contrib.auth.hashers.Argon2PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["loggers"]["bpoprep"]["level"] = "WARNING"  # noqa: F405
