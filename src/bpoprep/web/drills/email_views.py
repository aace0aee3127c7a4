"""E-mail writing test: answer a customer's e-mail against the clock, then see it marked."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from bpoprep.drills.email import MAX_CHARS, WritingError, score
from bpoprep.feedback.highlight import marks_from, segments
from bpoprep.web.core.validators import plain_text
from bpoprep.web.curriculum.services import current
from bpoprep.web.progress.services import record

from .models import EmailAttempt


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your reply"),
        max_length=MAX_CHARS,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 16, "data-wordcount": "true", "spellcheck": "false"}),
        error_messages={"required": _("Write your reply first."), "max_length": _("That is far too long for a customer e-mail (the limit is %(limit_value)d characters).")},
    )
    seconds = forms.IntegerField(required=False, min_value=0, max_value=4 * 3600, widget=forms.HiddenInput(attrs={"data-timer-field": "true"}))


@login_required
def index(request: HttpRequest) -> HttpResponse:
    scenarios = sorted(current().emails.values(), key=lambda s: (s.level, s.id))
    recent = EmailAttempt.objects.filter(user=request.user)[:10]
    return render(request, "drills/email_index.html", {"scenarios": scenarios, "recent": recent})


@login_required
def task(request: HttpRequest, scenario_id: str) -> HttpResponse:
    scenario = current().emails.get(scenario_id)
    if scenario is None:
        raise Http404("No such scenario")
    form = ReplyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            result = score(scenario, form.cleaned_data["text"])
        except WritingError as exc:
            form.add_error("text", str(exc))
        else:
            with transaction.atomic():
                attempt = EmailAttempt.objects.create(user=request.user, scenario_id=scenario.id, text=form.cleaned_data["text"], seconds=form.cleaned_data.get("seconds"), overall=result.overall, result=result.to_dict())
                record(request.user, "email_written", scenario.id, overall=result.overall)
            return redirect("drills:email_result", pk=attempt.pk)
    return render(request, "drills/email_task.html", {"s": scenario, "form": form, "minutes": scenario.time_limit_s // 60})


@login_required
def result(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = get_object_or_404(EmailAttempt, pk=pk, user=request.user)
    scenario = current().emails.get(attempt.scenario_id)
    marks = marks_from({"language_issues": attempt.result.get("language_issues", [])})
    for group in ("tone",):
        for check in attempt.result.get(group, []):
            if not check["passed"] and check.get("evidence"):
                ev = check["evidence"]
                marks.append((ev["start"], ev["end"], "negative_talk", check["label"]))
    return render(request, "drills/email_result.html", {"a": attempt, "s": scenario, "res": attempt.result, "segments": segments(attempt.text, marks)})
