"""Job handlers that belong to the platform itself."""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail

from .registry import handler


@handler("send_email")
def send_email(payload: dict[str, Any]) -> dict[str, int]:
    sent = send_mail(payload["subject"], payload["body"], payload.get("from"), payload["to"], fail_silently=False)
    return {"sent": sent}
