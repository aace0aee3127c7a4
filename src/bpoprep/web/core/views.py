from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

import bpoprep
from bpoprep.content.catalogue import ContentError
from bpoprep.web.curriculum.services import current


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    from bpoprep.web.plans.services import plan_for

    return render(request, "core/dashboard.html", {"plan": plan_for(request.user)})


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness for load balancers: 200 when the database and content answer."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001
        checks["database"] = f"error: {type(exc).__name__}"
    try:
        current()
        checks["content"] = "ok"
    except ContentError:
        checks["content"] = "error: invalid content"
    if settings.JOBS_BACKEND == "inprocess":
        from bpoprep.web.jobs import worker

        checks["worker"] = "running" if worker.is_running() else "not started"
    else:
        checks["worker"] = settings.JOBS_BACKEND
    healthy = checks["database"] == "ok" and checks["content"] == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "error", "version": bpoprep.__version__, "checks": checks},
        status=200 if healthy else 503,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "core/csrf_failure.html", status=403)
