from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from urllib.parse import parse_qsl

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.datastructures import MultiValueDict

log = logging.getLogger("bpoprep.request")


class RequestLogMiddleware:
    """One structured line per request: method, path, status, duration and user id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        start = time.perf_counter()
        response = self.get_response(request)
        if request.path.startswith("/static/"):
            return response
        user = getattr(request, "user", None)
        log.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - start) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response


_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


class Utf8FormMiddleware:
    """Make non-UTF-8 bytes in a url-encoded form visible to validation.

    Django decodes a form body that is not valid UTF-8 as Latin-1, which silently turns a
    wrongly-encoded 'Café' into other text. We re-parse such bodies as UTF-8 with U+FFFD for the
    bytes that do not decode, so `validators.plain_text` can tell the user to retype.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
            body = request.body
            if _HIGH_BYTE.search(body):
                try:
                    body.decode("utf-8")
                except UnicodeDecodeError:
                    request._post = _reparse(body)  # type: ignore[attr-defined]
                    request._files = MultiValueDict()  # type: ignore[attr-defined]
        return self.get_response(request)


def _reparse(body: bytes) -> QueryDict:
    escaped = _HIGH_BYTE.sub(lambda m: b"%%%02X" % m.group()[0], body).decode("ascii")
    data = QueryDict(mutable=True)
    for key, value in parse_qsl(escaped, keep_blank_values=True, encoding="utf-8", errors="replace"):
        data.appendlist(key, value)
    data._mutable = False
    return data
