"""Django settings. Everything an operator may change comes from the environment (see README)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from bpoprep.config import data_dir, env_bool, secret_key

WEB_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()

SECRET_KEY = secret_key(DATA_DIR)
DEBUG = env_bool("BPOPREP_DEBUG")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("BPOPREP_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("BPOPREP_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "axes",
    "bpoprep.web.core",
    "bpoprep.web.curriculum",
    "bpoprep.web.learn",
    "bpoprep.web.practice",
    "bpoprep.web.drills",
    "bpoprep.web.prep",
    "bpoprep.web.speaking",
    "bpoprep.web.interviews",
    "bpoprep.web.accounts",
    "bpoprep.web.progress",
    "bpoprep.web.plans",
    "bpoprep.web.cohorts",
    "bpoprep.web.jobs",
]

MIDDLEWARE = [
    "bpoprep.web.core.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "bpoprep.web.core.middleware.Utf8FormMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "bpoprep.web.accounts.middleware.ProfileLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bpoprep.web.urls"
WSGI_APPLICATION = "bpoprep.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bpoprep.web.core.context.site",
            ],
        },
    }
]

# --- database ------------------------------------------------------------------------------
SQLITE_PATH = DATA_DIR / "bpoprep.sqlite3"
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                # WAL lets readers run while a writer commits; IMMEDIATE avoids lock-upgrade
                # deadlocks between the web threads and the in-process worker.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- accounts ------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

AXES_FAILURE_LIMIT = int(os.environ.get("BPOPREP_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("BPOPREP_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "bpoprep.web.accounts.forms.axes_username"

# --- e-mail: console by default, SMTP when BPOPREP_EMAIL_HOST is set --------------------------
if os.environ.get("BPOPREP_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["BPOPREP_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("BPOPREP_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("BPOPREP_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("BPOPREP_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("BPOPREP_EMAIL_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("BPOPREP_FROM_EMAIL", "bpoprep <no-reply@localhost>")

# --- i18n ----------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("hi", _("Hindi")), ("fi", _("Finnish"))]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("BPOPREP_TIME_ZONE", "Asia/Kolkata")
USE_TZ = True

# --- static and uploads --------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it even before collectstatic
MEDIA_ROOT = DATA_DIR / "media"
# WhiteNoise serves straight from the app folders: no collectstatic step for the embedded default.
# Recordings (audio) are deleted this many days after upload; scores and transcripts stay.
RECORDING_RETENTION_DAYS = int(os.environ.get("BPOPREP_RECORDING_RETENTION_DAYS", "90"))
STATICFILES_DIRS = [Path(__file__).resolve().parent / "static"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 500

# --- security ------------------------------------------------------------------------------
BEHIND_TLS = env_bool("BPOPREP_TLS")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "bpoprep.web.core.views.csrf_failure"
if BEHIND_TLS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("BPOPREP_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("BPOPREP_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF, "blob:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- background jobs -----------------------------------------------------------------------
# inprocess: a worker thread inside `bpoprep serve` (embedded default)
# celery:    jobs are sent to Celery (BPOPREP_CELERY_BROKER, e.g. redis://localhost:6379/0)
# immediate: run when the saving transaction commits (tests, scripts)
JOBS_BACKEND = os.environ.get("BPOPREP_JOBS_BACKEND", "inprocess")
JOBS_MAX_ATTEMPTS = int(os.environ.get("BPOPREP_JOBS_MAX_ATTEMPTS", "3"))
JOBS_RETRY_DELAY_S = float(os.environ.get("BPOPREP_JOBS_RETRY_DELAY", "5"))
CELERY_BROKER_URL = os.environ.get("BPOPREP_CELERY_BROKER", "redis://127.0.0.1:6379/0")

# --- logging: one JSON object per line on stderr --------------------------------------------
LOG_LEVEL = os.environ.get("BPOPREP_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "bpoprep.web.core.logs.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "bpoprep": {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False},
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
    },
}
