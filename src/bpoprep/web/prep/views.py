from __future__ import annotations

import datetime as dt
import re

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from bpoprep.documents import research as research_logic
from bpoprep.documents import thank_you
from bpoprep.web.accounts.models import Profile
from bpoprep.web.curriculum.services import current
from bpoprep.web.progress.services import record

from .forms import ResearchForm, ThankYouForm
from .models import CompanyResearch, ThankYouNote

MIN_FIELDS_FOR_DONE = 4  # enough research to answer "why this company?" with substance
PROCESS_LABELS = {"voice_inbound": "inbound voice", "voice_outbound": "outbound voice", "chat": "chat", "email": "e-mail", "back_office": "back-office"}


def _profile(user: object) -> Profile | None:
    return Profile.of(user)


def _role_title(profile: Profile | None) -> str:
    roles = current().roles
    for rid in (profile.target_roles if profile and profile.target_roles else []):
        if rid in roles:
            return roles[rid].title.lower()
    return "customer support associate"


@login_required
def research(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    profile = _profile(request.user)
    instance = get_object_or_404(CompanyResearch, pk=pk, user=request.user) if pk else None
    if instance is None and request.method == "GET" and profile and profile.company:
        instance = CompanyResearch.objects.filter(user=request.user, company=profile.company).first()
    initial = {"company": profile.company} if profile and profile.company and instance is None else None
    form = ResearchForm(request.POST if request.method == "POST" else None, instance=instance, initial=initial)
    if request.method == "POST" and form.is_valid():
        existing = CompanyResearch.objects.filter(user=request.user, company=form.cleaned_data["company"]).exclude(pk=getattr(instance, "pk", None)).first()
        notes = form.save(commit=False)
        if existing:  # the same company typed again: update those notes instead of a duplicate
            notes.pk = existing.pk
        notes.user = request.user
        notes.save()
        filled = sum(bool(getattr(notes, f).strip()) for f in research_logic.FIELDS)
        if filled >= MIN_FIELDS_FOR_DONE:
            record(request.user, "company_researched", notes.company[:120], fields=filled)
        return redirect("prep:research_notes", pk=notes.pk)
    output = None
    if instance is not None:
        notes = research_logic.Notes(instance.company, **{f: getattr(instance, f) for f in research_logic.FIELDS})
        role = _role_title(profile)
        pitch, missing = research_logic.why_this_company(notes, role, instance.strength)
        output = {"questions": research_logic.questions_to_ask(notes, role, PROCESS_LABELS.get(profile.process if profile else "", "new")), "pitch": pitch, "missing": missing, "filled": len(notes.filled())}
    others = CompanyResearch.objects.filter(user=request.user).exclude(pk=getattr(instance, "pk", None))
    return render(request, "prep/research.html", {"form": form, "research": instance, "output": output, "others": others, "needed": MIN_FIELDS_FOR_DONE})


@login_required
def thank_you_note(request: HttpRequest) -> HttpResponse:
    profile = _profile(request.user)
    drafting = request.method == "POST" and "draft" in request.POST
    initial = {"company": profile.company if profile else "", "role": _role_title(profile).title()}
    form = ThankYouForm(request.POST if request.method == "POST" else None, drafting=drafting, initial=initial)
    checks = None
    saved = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        interview = thank_you.Interview(request.user.display_name or request.user.email, data["interviewer"], data["role"], data["company"], data["point_discussed"], data["fit"])
        if drafting:
            subject, body = thank_you.draft(interview)
            post = request.POST.copy()
            post["subject"], post["body"] = subject, body
            form = ThankYouForm(post, initial=initial)
            form.is_valid()
        else:
            saved = form.save(commit=False)
            saved.user = request.user
            saved.save()
            record(request.user, "thank_you_email", data["company"][:120])
        checks = thank_you.check(interview, form.data.get("subject", ""), form.data.get("body", ""))
    send_by = profile.interview_date + dt.timedelta(days=1) if profile and profile.interview_date else None
    mailto = thank_you.mailto(saved.interviewer_email, saved.subject, saved.body) if saved else ""
    return render(request, "prep/thank_you.html", {"form": form, "checks": checks, "saved": saved, "mailto": mailto, "send_by": send_by, "notes": ThankYouNote.objects.filter(user=request.user)[:5]})


@login_required
def resume(request: HttpRequest) -> HttpResponse:
    from bpoprep.documents.resume_file import ResumeFileError, read
    from bpoprep.documents.resume_match import match

    from .forms import ResumeForm
    from .models import ResumeCheck

    form = ResumeForm(request.POST if request.method == "POST" else None, request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["resume"]
        try:
            parsed = read(upload.read(), upload.name)
        except ResumeFileError as exc:
            form.add_error("resume", str(exc))
        else:
            report = match(parsed.text, form.cleaned_data["job_description"], parsed.tables, parsed.images, parsed.columns)
            check = ResumeCheck.objects.create(user=request.user, filename=upload.name[:200], resume_text=parsed.text, job_description=form.cleaned_data["job_description"], percent=report.percent, report=report.to_dict())
            record(request.user, "resume_checked", upload.name[:120], percent=report.percent)
            return redirect("prep:resume_report", pk=check.pk)
    return render(request, "prep/resume.html", {"form": form, "checks": ResumeCheck.objects.filter(user=request.user)[:5]})


@login_required
def resume_report(request: HttpRequest, pk: int) -> HttpResponse:
    from .models import ResumeCheck

    check = get_object_or_404(ResumeCheck, pk=pk, user=request.user)
    return render(request, "prep/resume_report.html", {"c": check, "r": check.report})


@login_required
def cover_letter(request: HttpRequest) -> HttpResponse:
    from bpoprep.documents import cover_letter as letters

    from .forms import CoverLetterForm
    from .models import CoverLetter

    profile = _profile(request.user)
    company = profile.company if profile else ""
    research_notes = CompanyResearch.objects.filter(user=request.user, company=company).first() if company else None
    why = research_logic.first_item(research_notes.differentiators or research_notes.mission_values) if research_notes else ""
    instance = CoverLetter.objects.filter(user=request.user).first()
    from .models import ResumeCheck

    latest = ResumeCheck.objects.filter(user=request.user).first()
    initial = {"role": _role_title(profile).title(), "company": company, "why_company": why, "job_description": latest.job_description if latest else ""} if instance is None else None
    drafting = request.method == "POST" and "draft" in request.POST
    form = CoverLetterForm(request.POST if request.method == "POST" else None, instance=instance, initial=initial, drafting=drafting)
    checks = issues = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        inputs = letters.Inputs(request.user.display_name or request.user.email.split("@")[0], data["role"], data["company"], data["strengths"], data["why_company"], data["hiring_manager"], data["job_description"])
        if drafting:
            post = request.POST.copy()
            post["text"] = letters.draft(inputs)
            form = CoverLetterForm(post, instance=instance)
            form.is_valid()
        else:
            saved = form.save(commit=False)
            saved.user = request.user
            saved.save()
            record(request.user, "cover_letter", data["company"][:120])
        checks, issues = letters.check(inputs, form.data.get("text", ""))
    return render(request, "prep/cover_letter.html", {"form": form, "checks": checks, "issues": issues})


@login_required
def hub(request: HttpRequest) -> HttpResponse:
    return render(request, "prep/hub.html", {"checklists": current().checklists})


@login_required
def references(request: HttpRequest) -> HttpResponse:
    """References and certifications, and what to bring of them on the day."""
    from .forms import CertificationForm, ReferenceForm
    from .models import Certification, Reference

    ref_form = ReferenceForm(request.POST if request.POST.get("kind") == "reference" else None, prefix="ref")
    cert_form = CertificationForm(request.POST if request.POST.get("kind") == "certification" else None, prefix="cert")
    if request.method == "POST":
        if request.POST.get("delete_reference"):
            Reference.objects.filter(user=request.user, pk=request.POST["delete_reference"]).delete()
            return redirect("prep:references")
        if request.POST.get("delete_certification"):
            Certification.objects.filter(user=request.user, pk=request.POST["delete_certification"]).delete()
            return redirect("prep:references")
        form = ref_form if request.POST.get("kind") == "reference" else cert_form
        if form.is_bound and form.is_valid():
            item = form.save(commit=False)
            item.user = request.user
            item.save()
            return redirect("prep:references")
    refs = Reference.objects.filter(user=request.user)
    certs = Certification.objects.filter(user=request.user)
    todo = [gettext("Ask %(name)s before you give their number.") % {"name": r.name} for r in refs if not r.agreed]
    todo += [gettext("Make two photocopies of “%(name)s”.") % {"name": c.name} for c in certs if not c.copies_ready]
    if len(refs) < 2:
        todo.insert(0, gettext("Add two references: a teacher, project guide, internship mentor or a former supervisor."))
    return render(request, "prep/references.html", {"ref_form": ref_form, "cert_form": cert_form, "refs": refs, "certs": certs, "todo": todo})


def _built(draft: object, user: object) -> object:
    from bpoprep.documents.resume_build import Resume

    from .models import Certification

    certs = tuple(f"{c.name}{', ' + c.issuer if c.issuer else ''}{f' ({c.year})' if c.year else ''}" for c in Certification.objects.filter(user=user))
    return Resume(draft.name, draft.email, draft.phone, draft.city, draft.summary, draft.experience, draft.education, draft.skills, certs, draft.references)  # type: ignore[attr-defined]


@login_required
def resume_builder(request: HttpRequest) -> HttpResponse:
    from bpoprep.documents.resume_build import as_text
    from bpoprep.documents.resume_match import match

    from .forms import ResumeDraftForm
    from .models import ResumeCheck, ResumeDraft

    draft = ResumeDraft.objects.filter(user=request.user).first()
    initial = {"name": request.user.display_name, "email": request.user.email} if draft is None else None
    form = ResumeDraftForm(request.POST if request.POST.get("action") == "save" else None, instance=draft, initial=initial)
    if request.method == "POST" and request.POST.get("action") == "save" and form.is_valid():
        saved = form.save(commit=False)
        saved.user = request.user
        saved.save()
        return redirect("prep:resume_builder")
    if request.method == "POST" and request.POST.get("action") == "check" and draft is not None:
        jd = request.POST.get("job_description", "").strip()[:20_000]
        if jd:
            text = as_text(_built(draft, request.user))  # type: ignore[arg-type]
            report = match(text, jd)
            check = ResumeCheck.objects.create(user=request.user, filename="resume built in bpoprep", resume_text=text, job_description=jd, percent=report.percent, report=report.to_dict())
            record(request.user, "resume_checked", "built", percent=report.percent)
            return redirect("prep:resume_report", pk=check.pk)
    preview = as_text(_built(draft, request.user)) if draft else ""  # type: ignore[arg-type]
    return render(request, "prep/resume_builder.html", {"form": form, "draft": draft, "preview": preview})


@login_required
def resume_download(request: HttpRequest, fmt: str) -> HttpResponse:
    from django.contrib import messages

    from bpoprep.documents.resume_build import ExportError, as_docx, as_pdf

    from .models import ResumeDraft

    draft = get_object_or_404(ResumeDraft, user=request.user)
    resume = _built(draft, request.user)
    stem = re.sub(r"[^A-Za-z0-9]+", "-", draft.name).strip("-") or "resume"
    if fmt == "pdf":
        try:
            response = HttpResponse(as_pdf(resume), content_type="application/pdf")  # type: ignore[arg-type]
        except ExportError as exc:
            messages.error(request, str(exc))
            return redirect("prep:resume_builder")
    else:
        response = HttpResponse(as_docx(resume), content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")  # type: ignore[arg-type]
    response["Content-Disposition"] = f'attachment; filename="{stem}-resume.{fmt}"'
    return response
