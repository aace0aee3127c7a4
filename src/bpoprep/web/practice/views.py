from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from bpoprep.content.schemas import Question
from bpoprep.feedback.engine import short_under
from bpoprep.feedback.highlight import marks_from, segments
from bpoprep.web.accounts.models import Profile
from bpoprep.web.curriculum.services import current
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bpoprep.web.learn.views import CATEGORY_TITLES

PART_TITLES = {"content": _("Content"), "structure": _("Structure"), "specificity": _("Specificity"), "length": _("Length"), "focus": _("Focus on the question"), "language": _("Language"), "impression": _("Impression (red flags, claims without proof)"), "soundness": _("Soundness (unlike answers rated weak)"), "likeness": _("Likeness to answers rated strong")}

from . import services
from .forms import AnswerForm
from .models import Attempt


def _question(question_id: str) -> Question:
    q = current().questions.get(question_id)
    if q is None:
        raise Http404("No such question")
    return q


@login_required
def index(request: HttpRequest, category: str | None = None) -> HttpResponse:
    if category is not None and category not in CATEGORY_TITLES:
        raise Http404("No such category")
    profile = Profile.of(request.user)
    roles = list(profile.target_roles) if profile and profile.target_roles else []
    recent = Attempt.objects.filter(user=request.user).order_by("-created", "-pk")[:10]
    questions = current().questions
    return render(request, "practice/index.html", {
        "recommendations": [(r, gettext(CATEGORY_TITLES[r.question.category])) for r in services.recommend(request.user, roles, category=category)],
        "category": category,
        "category_title": CATEGORY_TITLES.get(category or "", ""),
        "recent": [(a, questions.get(a.question_id)) for a in recent],
    })


@login_required
def answer(request: HttpRequest, question_id: str) -> HttpResponse:
    q = _question(question_id)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        attempt = services.submit(request.user, q, form.cleaned_data["answer"], form.cleaned_data.get("seconds"))
        return redirect("practice:attempt", pk=attempt.pk)
    past = Attempt.objects.filter(user=request.user, question_id=q.id).order_by("-created", "-pk")[:5]
    return render(request, "practice/answer.html", {"q": q, "form": form, "past": past, "category_title": CATEGORY_TITLES[q.category]})


@login_required
def attempt(request: HttpRequest, pk: int) -> HttpResponse:
    a = get_object_or_404(Attempt, pk=pk, user=request.user)  # another user's attempt is a 404
    q = current().questions.get(a.question_id)
    before = services.previous(a) if a.status == Attempt.DONE else None
    fb = a.feedback
    return render(request, "practice/attempt.html", {
        "a": a,
        "q": q,
        "fb": fb,
        "segments": segments(a.answer, marks_from(fb)) if fb else [],
        "tips": fb.get("tips", [])[:2] if fb else [],
        "more_tips": fb.get("tips", [])[2:6] if fb else [],
        "parts": [(PART_TITLES.get(k, k), v) for k, v in (fb.get("parts") or {}).items()],
        # The length below which the engine scaled the "no faults" parts, for the line that says so.
        "short_under": short_under(tuple(fb["expected_words"])) if fb and fb.get("expected_words") else 0,
        "before": before,
        "change": services.compare(a, before) if before else None,
    })


@login_required
def history(request: HttpRequest, question_id: str) -> HttpResponse:
    q = _question(question_id)
    attempts = list(Attempt.objects.filter(user=request.user, question_id=q.id).order_by("created", "pk"))
    if not attempts:
        return redirect("practice:answer", question_id=q.id)
    return render(request, "practice/history.html", {"q": q, "attempts": attempts})
