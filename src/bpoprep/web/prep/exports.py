from __future__ import annotations

from typing import Any

from django.forms.models import model_to_dict

from bpoprep.web.accounts.export import section


@section("company_research")
def _research(user: Any) -> list[dict[str, Any]]:
    return [{**model_to_dict(r, exclude=["id", "user"]), "updated": r.updated.isoformat()} for r in user.company_research.all()]


@section("thank_you_emails")
def _notes(user: Any) -> list[dict[str, Any]]:
    return [{**model_to_dict(n, exclude=["id", "user"]), "created": n.created.isoformat()} for n in user.thank_you_notes.order_by("created", "pk")]


@section("resume_checks")
def _resumes(user: Any) -> list[dict[str, Any]]:
    return [{"filename": r.filename, "resume_text": r.resume_text, "job_description": r.job_description, "percent": r.percent, "report": r.report, "at": r.created.isoformat()} for r in user.resume_checks.order_by("created", "pk")]


@section("cover_letters")
def _letters(user: Any) -> list[dict[str, Any]]:
    return [{**model_to_dict(c, exclude=["id", "user"]), "updated": c.updated.isoformat()} for c in user.cover_letters.all()]


@section("references")
def _references(user: Any) -> list[dict[str, Any]]:
    return [model_to_dict(r, exclude=["id", "user"]) for r in user.references.all()]


@section("certifications")
def _certifications(user: Any) -> list[dict[str, Any]]:
    return [model_to_dict(c, exclude=["id", "user"]) for c in user.certifications.all()]


@section("resume_draft")
def _draft(user: Any) -> dict[str, Any] | None:
    draft = getattr(user, "resume_draft", None)
    return {**model_to_dict(draft, exclude=["id", "user"]), "updated": draft.updated.isoformat()} if draft else None
