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


@register.simple_tag(takes_context=True)
def latest_mock(context, owner=None) -> dict | None:  # type: ignore[no-untyped-def,type-arg]
    """The last mock interview report of owner (default: the viewer), with links for its
    priorities, or None. Someone else's report counts only if they shared it."""
    viewer = context.get("user") or getattr(context.get("request"), "user", None)
    if viewer is None or not viewer.is_authenticated:
        return None
    from bpoprep.web.interviews.presentation import priority_link
    from bpoprep.web.interviews.services import latest_report

    owner = owner or viewer
    mock = latest_report(owner, shared_only=owner.pk != viewer.pk)
    if mock is None:
        return None
    priorities = [{**p, "url": priority_link(p["target"])} for p in mock.report.get("priorities", [])]
    return {"interview": mock, "overall": mock.overall, "change": mock.report.get("change"), "priorities": priorities}


@register.filter
def localise(text: object) -> str:
    """An English tip, finding or report line written by the pure engines, in the user's language.

    The sentence is matched back to the template that made it (bpoprep.wording), the template is
    translated and filled again with the same values. Text that no template made stays as it is.
    The result is a plain str, so autoescaping still applies to the quoted answer inside it.
    """
    from django.utils.translation import gettext

    from bpoprep import wording
    from bpoprep.feedback import engine, highlight, language  # noqa: F401  (they register their templates)
    from bpoprep.interview import report  # noqa: F401

    value = "" if text is None else str(text)
    parsed = wording.parse(value)
    if parsed is None:
        return value
    template_text, params = parsed
    translated = gettext(template_text)
    if translated == template_text:
        return value
    try:
        # A value can itself be an engine sentence (a tip that quotes a finding): translate it too.
        return translated.format(**{k: localise(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):  # a broken translation must not break the page
        return value
