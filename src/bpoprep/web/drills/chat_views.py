"""Chat simulation: scripted customers write in real time; one chat, or two at once when hard."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from bpoprep.content.schemas import ChatScenario
from bpoprep.drills.chat import ChatError, parse, score
from bpoprep.web.curriculum.services import current
from bpoprep.web.progress.services import record

from .models import ChatSession

TWO_AT_ONCE_FROM_LEVEL = 4
MAX_BODY = 500_000


def conversations(scenario: ChatScenario) -> list[ChatScenario]:
    """The chosen chat, plus a second, easier one running alongside it at the harder levels."""
    if scenario.level < TWO_AT_ONCE_FROM_LEVEL:
        return [scenario]
    others = sorted((s for s in current().chats.values() if s.id != scenario.id and s.level <= 2), key=lambda s: s.id)
    return [scenario, others[sum(map(ord, scenario.id)) % len(others)]] if others else [scenario]


@login_required
def index(request: HttpRequest) -> HttpResponse:
    scenarios = sorted(current().chats.values(), key=lambda s: (s.level, s.id))
    return render(request, "drills/chat_index.html", {"scenarios": scenarios, "recent": ChatSession.objects.filter(user=request.user)[:10], "two_from": TWO_AT_ONCE_FROM_LEVEL})


@login_required
def session(request: HttpRequest, scenario_id: str) -> HttpResponse:
    scenario = current().chats.get(scenario_id)
    if scenario is None:
        raise Http404("No such chat scenario")
    chats = conversations(scenario)
    error = ""
    if request.method == "POST":
        raw = request.POST.get("transcripts", "")
        try:
            if len(raw) > MAX_BODY:
                raise ChatError(_("The chat record is too large."))
            data = json.loads(raw or "{}")
            if not isinstance(data, dict):
                raise ChatError(_("The chat record was damaged; please run the chat again."))
            results = {c.id: score(c, parse(data.get(c.id))).to_dict() for c in chats}
        except json.JSONDecodeError:
            error = _("The chat record was damaged; please run the chat again.")
        except ChatError as exc:
            error = str(exc)
        else:
            overall = round(sum(r["overall"] for r in results.values()) / len(results))
            with transaction.atomic():
                saved = ChatSession.objects.create(user=request.user, scenario_ids=[c.id for c in chats], transcripts={c.id: data[c.id] for c in chats}, results=results, overall=overall)
                record(request.user, "chat_session", scenario.id, overall=overall)
            return redirect("drills:chat_result", pk=saved.pk)
    script = [{"id": c.id, "name": c.customer_name, "title": c.title, "turns": [{"text": t.text, "delay": t.delay_s} for t in c.customer_turns], "offset": 8 * i} for i, c in enumerate(chats)]
    return render(request, "drills/chat_session.html", {"scenario": scenario, "chats": chats, "script": script, "error": error})


@login_required
def result(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_object_or_404(ChatSession, pk=pk, user=request.user)
    chats = current().chats
    rows = [(chats.get(cid), s.results.get(cid, {}), s.transcripts.get(cid, [])) for cid in s.scenario_ids]
    return render(request, "drills/chat_result.html", {"s": s, "rows": rows})
