from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bpoprep.interview.blueprint import BlueprintError
from bpoprep.web.accounts.models import Profile
from bpoprep.web.core.validators import is_plain_text
from bpoprep.web.curriculum.services import current
from bpoprep.web.jobs.services import enqueue
from bpoprep.web.practice.forms import AnswerForm
from bpoprep.web.speaking.models import Recording
from bpoprep.web.speaking.views import received_audio

from . import presentation, services
from .forms import InviteForm, ReviewForm, SetupForm
from .models import Item, MockInterview, Review


def _own(request: HttpRequest, pk: int) -> MockInterview:
    return get_object_or_404(MockInterview, pk=pk, user=request.user)  # another user's is a 404


def _item(interview: MockInterview, item_pk: int) -> Item:
    return get_object_or_404(Item, pk=item_pk, interview=interview)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    profile = Profile.of(request.user)
    initial = {}
    if profile:
        initial = {"role": (profile.target_roles or [""])[0], "process": profile.process, "market": profile.market}
    form = SetupForm(initial=initial)
    past = MockInterview.objects.filter(user=request.user, status=MockInterview.FINISHED).order_by("-finished", "-pk")[:20]
    return render(request, "interviews/index.html", {
        "form": form, "active": services.active(request.user), "past": past,
        "trend": presentation.trend_chart(list(reversed(past))),
    })


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    form = SetupForm(request.POST)
    if form.is_valid():
        if services.active(request.user) is not None:
            messages.info(request, _("You have an interview in progress: finish or end it before starting another."))
            return redirect("interviews:room", pk=services.active(request.user).pk)  # type: ignore[union-attr]
        try:
            interview = services.start(request.user, **form.cleaned_data)
        except BlueprintError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("interviews:room", pk=interview.pk)
    past = MockInterview.objects.filter(user=request.user, status=MockInterview.FINISHED)[:20]
    return render(request, "interviews/index.html", {"form": form, "active": None, "past": past, "trend": None}, status=400)


def _room_response(request: HttpRequest, interview: MockInterview) -> HttpResponse:
    """The interview as it stands. htmx swaps just the room, so the browser keeps the
    permission to speak the questions aloud; without JavaScript it is a whole page."""
    services.refresh(interview)
    item = interview.current()
    if interview.status == MockInterview.FINISHED or item is None:
        if interview.status != MockInterview.FINISHED:
            services.finish(interview)
        url = reverse("interviews:report", args=[interview.pk])
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return redirect(url)
    if item.status == Item.WAITING:
        services.mark_asked(item)
    form = AnswerForm(initial={"answer": item.draft}) if item.status == Item.WAITING and interview.mode == MockInterview.TYPED else None
    return _render_room(request, interview, item, form)


def _render_room(request: HttpRequest, interview: MockInterview, item: Item, form: AnswerForm | None, status: int = 200) -> HttpResponse:
    """htmx swaps just the room (and only 2xx replies, so an error comes back as 200 there)."""
    context = presentation.room(interview, item)
    if form is not None:
        context["form"] = form
    if request.headers.get("HX-Request"):
        return render(request, "interviews/_room.html", context)
    return render(request, "interviews/room.html", context, status=status)


@login_required
def room(request: HttpRequest, pk: int) -> HttpResponse:
    return _room_response(request, _own(request, pk))


@login_required
@require_POST
def answer(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    interview = _own(request, pk)
    item = _item(interview, item_pk)
    if item.status != Item.WAITING or interview.status != MockInterview.ACTIVE:
        return _room_response(request, interview)  # a double submit: show where things are
    form = AnswerForm(request.POST)
    if not form.is_valid():
        draft = request.POST.get("answer", "")
        services.save_draft(item, draft[:20_000] if is_plain_text(draft) else "")
        return _render_room(request, interview, item, form, status=400)
    services.answer_typed(item, form.cleaned_data["answer"], form.cleaned_data.get("seconds"))
    return _after_post(request, interview)


def _after_post(request: HttpRequest, interview: MockInterview) -> HttpResponse:
    if request.headers.get("HX-Request"):
        return _room_response(request, interview)
    return redirect("interviews:room", pk=interview.pk)


@login_required
@require_POST
def draft(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Saved as the candidate types, so a closed tab loses nothing."""
    item = _item(_own(request, pk), item_pk)
    text = request.POST.get("answer", "")
    if item.status != Item.WAITING or len(text) > 20_000 or not is_plain_text(text):
        return HttpResponse(status=400)
    services.save_draft(item, text)
    return HttpResponse(status=204)


@login_required
@require_POST
def upload(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    interview = _own(request, pk)
    item = _item(interview, item_pk)
    if item.status != Item.WAITING or interview.status != MockInterview.ACTIVE:
        return JsonResponse({"error": _("This question has already been answered.")}, status=409)
    received = received_audio(request)
    if isinstance(received, JsonResponse):
        return received
    audio, content_type, captions = received
    with transaction.atomic():
        rec = Recording.objects.create(user=request.user, kind=Recording.ANSWER, ref=item.question_id, audio=audio, content_type=content_type, transcript=captions)
        services.attach_recording(item, rec)
        enqueue("analyse_recording", {"recording": rec.pk}, user=request.user)
    return JsonResponse({"url": reverse("interviews:room", args=[interview.pk])})


@login_required
@require_POST
def skip(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    interview = _own(request, pk)
    item = _item(interview, item_pk)
    if item.status in (Item.WAITING, Item.FAILED):
        services.skip(item)
    return _after_post(request, interview)


@login_required
@require_POST
def retry(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    interview = _own(request, pk)
    item = _item(interview, item_pk)
    if item.status == Item.FAILED:
        services.retry(item)
    return _after_post(request, interview)


@login_required
@require_POST
def finish(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _own(request, pk)
    if interview.status == MockInterview.ACTIVE:
        services.refresh(interview)
        services.finish(interview)
    return redirect("interviews:report", pk=interview.pk)


def _viewable(request: HttpRequest, pk: int) -> MockInterview:
    """The owner's report, or a trainer's view of one shared by a member of their cohort."""
    interview = get_object_or_404(MockInterview, pk=pk)
    if interview.user_id == request.user.pk:
        return interview
    if interview.shared_with_trainer and interview.user.memberships.filter(cohort__trainer=request.user).exists():
        return interview
    raise Http404("No such interview")


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _viewable(request, pk)
    if interview.status != MockInterview.FINISHED:
        return redirect("interviews:room", pk=interview.pk)
    context = presentation.report_context(interview)
    context["is_owner"] = interview.user_id == request.user.pk
    context["in_cohort"] = interview.user.memberships.exists()
    context["invite_form"] = InviteForm()
    return render(request, "interviews/report.html", context)


@login_required
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from .pdf import render_pdf

    interview = _viewable(request, pk)
    if interview.status != MockInterview.FINISHED:
        raise Http404("The interview is not finished yet")
    try:
        pdf = render_pdf(interview, request)
    except OSError:  # WeasyPrint could not load Pango: the page itself still prints
        messages.error(request, _("The PDF cannot be made on this server (its Pango library is missing). Use Print and save as PDF instead."))
        return redirect("interviews:report", pk=interview.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="mock-interview-{interview.created:%Y-%m-%d}.pdf"'
    return response


@login_required
@require_POST
def share(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _own(request, pk)
    interview.shared_with_trainer = request.POST.get("share") == "1"
    interview.save(update_fields=["shared_with_trainer"])
    messages.success(request, _("Your trainer can now see this report.") if interview.shared_with_trainer else _("This report is private again."))
    return redirect("interviews:report", pk=interview.pk)


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _own(request, pk)
    interview.delete()
    messages.success(request, _("The interview was deleted."))
    return redirect("interviews:index")


@login_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _own(request, pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return redirect("interviews:report" if interview.status == MockInterview.FINISHED else "interviews:room", pk=interview.pk)
    token = services.invite(interview, form.cleaned_data["name"])
    link = request.build_absolute_uri(reverse("interviews:interviewer", args=[token]))
    return render(request, "interviews/invite.html", {"interview": interview, "link": link, "days": services.INVITE_DAYS})


def interviewer(request: HttpRequest, token: str) -> HttpResponse:
    """The friend's or trainer's view: no account needed, the link is the key."""
    if not request.session.session_key:
        request.session.save()
    try:
        inv = services.open_invite(token, request.session.session_key or "")
    except services.InviteRefused as exc:
        return render(request, "interviews/invite_refused.html", {"message": str(exc)}, status=exc.status)
    interview = inv.interview
    questions = presentation.interviewer_questions(interview)
    form = ReviewForm(request.POST or None, positions=[q["position"] for q in questions])
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            Review.objects.create(interview=interview, invite=inv, reviewer=form.cleaned_data["reviewer"], scores=form.scores(), comment=form.cleaned_data["comment"])
            inv.used = timezone.now()
            inv.save(update_fields=["used"])
        return render(request, "interviews/invite_refused.html", {"message": _("Thank you. Your scores and comments are saved in the candidate's report."), "thanks": True})
    parts = [("content", _("Content")), ("structure", _("Structure")), ("delivery", _("Delivery"))]
    rows = [(q, [(label, form[f"{part}_{q['position']}"]) for part, label in parts], form[f"comment_{q['position']}"]) for q in questions]
    return render(request, "interviews/interviewer.html", {"interview": interview, "candidate": interview.user, "rows": rows, "form": form, "invite": inv}, status=400 if request.method == "POST" else 200)
