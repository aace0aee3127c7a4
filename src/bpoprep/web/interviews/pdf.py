"""The report as a PDF, from the same template as the printable page (WeasyPrint)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from . import presentation
from .models import MockInterview


def render_pdf(interview: MockInterview, request: HttpRequest | None = None) -> bytes:
    import weasyprint

    context = presentation.report_context(interview)
    context["pdf"] = True
    html = render_to_string("interviews/report_print.html", context, request=request)
    # No base_url: the page has no external resources, so nothing is fetched while rendering.
    return weasyprint.HTML(string=html).write_pdf()
