"""Mock customer call, turn by turn: the customer's lines are shown (and spoken where the browser
has a voice); the candidate answers each one; the call is marked on the scenario's QA scorecard.
Answers are typed for now; spoken answers arrive with the spoken-practice analysis."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from bpoprep.drills.call import CallError, parse, score
from bpoprep.web.curriculum.services import current
from bpoprep.web.progress.services import record

from .models import CallAttempt

MAX_BODY = 200_000


@login_required
def index(request: HttpRequest) -> HttpResponse:
    scenarios = sorted(current().calls.values(), key=lambda s: (s.level, s.id))
    return render(request, "drills/call_index.html", {"scenarios": scenarios, "recent": CallAttempt.objects.filter(user=request.user)[:10]})


@login_required
def call(request: HttpRequest, scenario_id: str) -> HttpResponse:
    scenario = current().calls.get(scenario_id)
    if scenario is None:
        raise Http404("No such call scenario")
    error = ""
    if request.method == "POST":
        raw = request.POST.get("turns", "")
        try:
            if len(raw) > MAX_BODY:
                raise CallError(_("The call record is too large."))
            turns = parse(json.loads(raw or "[]"))
            result = score(scenario, turns)
        except json.JSONDecodeError:
            error = _("The call record was damaged; please take the call again.")
        except CallError as exc:
            error = str(exc)
        else:
            summary = _delivery_summary(request.POST.get("delivery", ""))
            with transaction.atomic():
                saved = CallAttempt.objects.create(user=request.user, scenario_id=scenario.id, turns=turns, score=result.score, result={**result.to_dict(), "delivery": summary})
                record(request.user, "mock_call", scenario.id, score=result.score)
            return redirect("drills:call_result", pk=saved.pk)
    script = {"customer": [t.text for t in scenario.customer_turns], "voice": "en-IN"}
    return render(request, "drills/call_session.html", {"s": scenario, "script": script, "error": error})


def _delivery_summary(raw: str) -> dict[str, float] | None:
    """Pace, fillers and the longest pause over the turns answered by voice (None if none were)."""
    try:
        turns = [t for t in json.loads(raw or "[]") if isinstance(t, dict)][:60]
        seconds = sum(float(t.get("seconds", 0)) for t in turns)
        if not turns or seconds <= 0:
            return None
        return {
            "voiced_turns": len(turns),
            "wpm": round(sum(float(t.get("wpm", 0)) * float(t.get("seconds", 0)) for t in turns) / seconds, 1),
            "fillers": int(sum(int(t.get("fillers", 0)) for t in turns)),
            "longest_pause_s": round(max(float(t.get("longest_pause_s", 0)) for t in turns), 2),
        }
    except (ValueError, TypeError):
        return None


@login_required
def result(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = get_object_or_404(CallAttempt, pk=pk, user=request.user)
    scenario = current().calls.get(attempt.scenario_id)
    customer = [t.text for t in scenario.customer_turns] if scenario else []
    exchange = [(customer[i] if i < len(customer) else "", t) for i, t in enumerate(attempt.turns)]
    return render(request, "drills/call_result.html", {"a": attempt, "s": scenario, "res": attempt.result, "exchange": exchange})
