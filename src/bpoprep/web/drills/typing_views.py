"""The typing test: pick a passage and a length, type, see the scores and what to practise."""

from __future__ import annotations

import json

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from bpoprep.drills.typing import TypingError, meets, parse_keystrokes, score
from bpoprep.web.accounts.models import Profile
from bpoprep.web.core.charts import line_points
from bpoprep.web.curriculum.services import current
from bpoprep.web.progress.services import record

from .models import TypingRun

DURATIONS = (1, 2, 3, 5)
DEFAULT_TARGET = {"net_wpm": 35, "accuracy": 95.0, "kph": None, "role": ""}
MAX_TYPED = 20_000


class RunForm(forms.Form):
    typed = forms.CharField(required=False, max_length=MAX_TYPED, strip=False, widget=forms.Textarea)
    keystrokes = forms.CharField(required=False, max_length=2_000_000, widget=forms.HiddenInput)
    seconds = forms.FloatField(min_value=1, max_value=5 * 60 + 30, widget=forms.HiddenInput)


def target_for(user: object) -> dict[str, object]:
    """The strictest typing target among the user's roles (what their employer will test)."""
    profile = Profile.of(user)
    roles = current().roles
    best = None
    for rid in (profile.target_roles if profile and profile.target_roles else []):
        role = roles.get(rid)
        if role and role.typing_target and (best is None or role.typing_target.net_wpm > best[1].net_wpm):
            best = (role, role.typing_target)
    if best is None:
        return DEFAULT_TARGET
    role, t = best
    return {"net_wpm": t.net_wpm, "accuracy": t.accuracy, "kph": t.kph, "role": role.title}


def _text_for(passage_id: str, request: HttpRequest) -> tuple[str, str, str]:
    """(text, kind, title) for a curriculum passage or a drill on an earlier run's missed words."""
    if request.GET.get("retry") or request.POST.get("retry"):
        earlier = get_object_or_404(TypingRun, pk=request.GET.get("retry") or request.POST.get("retry"), user=request.user, passage_id=passage_id)
        return earlier.target, earlier.kind, _("Retry: the same text")
    if passage_id == "missed-words":
        run = get_object_or_404(TypingRun, pk=request.GET.get("from") or request.POST.get("from") or 0, user=request.user)
        words = run.result.get("missed_words") or []
        if not words:
            raise Http404("That run had no missed words")
        return " ".join((words * 5)[:60]), "prose", _("Your missed words")
    passage = current().typing.get(passage_id)
    if passage is None:
        raise Http404("No such passage")
    return passage.text, passage.kind, passage.title


@login_required
def index(request: HttpRequest) -> HttpResponse:
    passages = sorted(current().typing.values(), key=lambda p: (p.kind, p.level, p.id))
    runs = list(TypingRun.objects.filter(user=request.user).order_by("created", "pk"))
    return render(request, "drills/typing_index.html", {"passages": passages, "durations": DURATIONS, "target": target_for(request.user), "runs": runs[-10:][::-1], "chart": _chart(runs)})


@login_required
def run(request: HttpRequest, passage_id: str) -> HttpResponse:
    text, kind, title = _text_for(passage_id, request)
    try:
        minutes = int(request.GET.get("minutes") or request.POST.get("minutes") or 1)
    except ValueError:
        minutes = 1
    if minutes not in DURATIONS:
        minutes = 1
    form = RunForm(request.POST if request.method == "POST" else None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            raw = json.loads(form.cleaned_data["keystrokes"] or "[]")
            keys = parse_keystrokes(raw)
            result = score(text, min(form.cleaned_data["seconds"], minutes * 60), form.cleaned_data["typed"], keys)
        except (json.JSONDecodeError, TypingError) as exc:
            error = str(exc) if isinstance(exc, TypingError) else _("The keystroke record was damaged; please run the test again.")
        else:
            saved = TypingRun.objects.create(
                user=request.user, passage_id=passage_id, kind=kind, target=text, typed=form.cleaned_data["typed"][:MAX_TYPED], minutes=minutes,
                seconds=result.seconds, net_wpm=result.net_wpm, accuracy=result.accuracy, kph=result.kph, result=result.to_dict(),
            )
            record(request.user, "typing_run", passage_id, net_wpm=round(result.net_wpm, 1), accuracy=round(result.accuracy, 1))
            return redirect("drills:typing_result", pk=saved.pk)
    return render(request, "drills/typing_run.html", {"text": text, "kind": kind, "title": title, "passage_id": passage_id, "minutes": minutes, "form": form, "error": error, "target": target_for(request.user), "from_run": request.GET.get("from", "") or request.POST.get("from", ""), "retry": request.GET.get("retry", "") or request.POST.get("retry", "")})


@login_required
def result(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_object_or_404(TypingRun, pk=pk, user=request.user)
    target = target_for(request.user)
    from bpoprep.drills.typing import TypingResult

    scored = TypingResult(**r.result)
    passed = meets(scored, int(target["net_wpm"]), float(target["accuracy"]), target["kph"] if r.kind != "prose" else None)  # type: ignore[arg-type]
    key_errors = r.result.get("key_errors", {})
    worst = max(key_errors.values(), default=0)
    runs = list(TypingRun.objects.filter(user=request.user).order_by("created", "pk"))
    return render(request, "drills/typing_result.html", {"r": r, "res": r.result, "target": target, "passed": passed, "keyboard": _keyboard(key_errors, worst), "chart": _chart(runs)})


KEY_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl;", "zxcvbnm,./")


def _keyboard(errors: dict[str, int], worst: int) -> list[list[tuple[str, int, int]]]:
    """Rows of (key, errors, heat 0-4) for the heatmap; upper and lower case count together."""
    folded: dict[str, int] = {}
    for k, n in errors.items():
        folded[k.lower()] = folded.get(k.lower(), 0) + n
    rows = [[(k, folded.get(k, 0), 0 if not folded.get(k) else 1 + min(3, 3 * folded[k] // max(worst, 1))) for k in row] for row in KEY_ROWS]
    rows.append([("space", folded.get("space", 0), 0 if not folded.get("space") else 1 + min(3, 3 * folded["space"] // max(worst, 1)))])
    return rows


def _chart(runs: list[TypingRun]) -> dict[str, object]:
    """Points for an inline SVG line of net WPM over the last 20 runs."""
    last = runs[-20:]
    if len(last) < 2:
        return {}
    top = max(60.0, max(r.net_wpm for r in last))
    width, height = 300, 100
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in line_points([r.net_wpm for r in last], width, height, top))
    return {"points": points, "width": width, "height": height, "top": round(top), "count": len(last)}


@login_required
def hub(request: HttpRequest) -> HttpResponse:
    """The employer tests in one place."""
    return render(request, "drills/hub.html", {"target": target_for(request.user)})
