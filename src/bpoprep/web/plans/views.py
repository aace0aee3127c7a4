from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services


@login_required
def plan(request: HttpRequest) -> HttpResponse:
    the_plan = services.plan_for(request.user)
    if the_plan is None:
        messages.info(request, _("Tell us what you are preparing for, and we will build your plan."))
        return redirect("accounts:onboarding")
    return render(request, "plans/plan.html", {"plan": the_plan})


@login_required
@require_POST
def tick(request: HttpRequest, step_id: str) -> HttpResponse:
    ticked = request.POST.get("done") == "1"
    try:
        services.set_tick(request.user, step_id, ticked)
    except KeyError:
        raise Http404 from None
    the_plan = services.plan_for(request.user)
    if the_plan is None:
        return redirect("accounts:onboarding")
    if request.htmx:
        item = next((s for s in the_plan.steps if s.step.id == step_id), None)
        if item is None:
            raise Http404
        return render(request, "plans/_step_update.html", {"item": item, "plan": the_plan})
    return redirect("plans:plan")
