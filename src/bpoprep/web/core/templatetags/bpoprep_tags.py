from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.filter
def step_url(step) -> str:  # type: ignore[no-untyped-def]
    """Where in the app a plan step is practised, or '' when that page does not exist yet."""
    if not step.url_name or not step.available:
        return ""
    try:
        return reverse(step.url_name, args=[step.url_arg] if step.url_arg else [])
    except NoReverseMatch:
        return ""


@register.filter
def percent_class(value: int | None) -> str:
    if value is None:
        return "meter-none"
    return "meter-low" if value < 40 else ("meter-mid" if value < 75 else "meter-high")
