"""Security headers, CSRF, health endpoint and structured logs."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client
from django.urls import reverse

from bpoprep.web.accounts.models import User
from bpoprep.web.core.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def test_pages_carry_security_headers(client: Client) -> None:
    response = client.get(reverse("accounts:login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_hsts_is_sent_behind_tls(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get(reverse("accounts:login"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Strict-Transport-Security" not in client.get(reverse("accounts:login"))


def test_wrong_csrf_token_is_refused_and_nothing_is_stored() -> None:
    c = Client(enforce_csrf_checks=True)
    c.get(reverse("accounts:signup"))
    data = {"email": "x@example.com", "password1": "a-good-phrase-99", "password2": "a-good-phrase-99", "csrfmiddlewaretoken": "forged" * 8}
    response = c.post(reverse("accounts:signup"), data)
    assert response.status_code == 403
    assert "Nothing was saved" in response.content.decode()
    assert not User.objects.exists()


def test_health_endpoint_reports_database_and_content(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["checks"]["database"] == "ok" and body["checks"]["content"] == "ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_logs_are_json_lines_with_extra_fields() -> None:
    record = logging.LogRecord("bpoprep.request", logging.INFO, __file__, 1, "request", None, None)
    record.path = "/plan/"
    record.status = 200
    line = json.loads(JsonFormatter().format(record))
    assert line["msg"] == "request" and line["path"] == "/plan/" and line["status"] == 200 and line["level"] == "info"


def test_each_request_is_logged(client: Client, caplog) -> None:  # type: ignore[no-untyped-def]
    logger = logging.getLogger("bpoprep")
    logger.propagate = True
    try:
        with caplog.at_level(logging.INFO, logger="bpoprep.request"):
            client.get(reverse("accounts:login"))
    finally:
        logger.propagate = False
    entry = next(r for r in caplog.records if r.name == "bpoprep.request")
    assert entry.path == reverse("accounts:login") and entry.status == 200 and entry.duration_ms >= 0


def test_404_page_is_friendly(client: Client) -> None:
    response = client.get("/no/such/page/")
    assert response.status_code == 404 and "Page not found" in response.content.decode()
