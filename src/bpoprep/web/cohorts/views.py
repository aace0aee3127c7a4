from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bpoprep.web.accounts.models import User
from bpoprep.web.plans.services import plan_for

from .forms import CohortForm, JoinForm
from .models import Cohort, Membership


def _trainer_required(request: HttpRequest) -> None:
    profile = getattr(request.user, "profile", None)
    if not (profile and profile.is_trainer):
        raise Http404


def _own_cohort(request: HttpRequest, pk: int) -> Cohort:
    _trainer_required(request)
    return get_object_or_404(Cohort, pk=pk, trainer=request.user)


@login_required
def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _membership, created = Membership.objects.get_or_create(cohort=form.cohort, user=request.user)
        msg = _("You joined %(name)s. Your trainer can now see your plan and readiness.") if created else _("You are already in %(name)s.")
        messages.success(request, msg % {"name": form.cohort.name})
        return redirect("plans:plan")
    memberships = Membership.objects.filter(user=request.user).select_related("cohort", "cohort__trainer")
    return render(request, "cohorts/join.html", {"form": form, "memberships": memberships})


@login_required
@require_POST
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership, cohort_id=pk, user=request.user)
    name = membership.cohort.name
    membership.delete()
    messages.success(request, _("You left %(name)s.") % {"name": name})
    return redirect("cohorts:join")


@login_required
def trainer_home(request: HttpRequest) -> HttpResponse:
    _trainer_required(request)
    form = CohortForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        cohort = form.save(commit=False)
        cohort.trainer = request.user
        cohort.save()
        messages.success(request, _("Cohort created. Share the invite code %(code)s with your candidates.") % {"code": cohort.code})
        return redirect("cohorts:detail", pk=cohort.pk)
    cohorts = Cohort.objects.filter(trainer=request.user)
    return render(request, "cohorts/trainer_home.html", {"form": form, "cohorts": cohorts})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _own_cohort(request, pk)
    rows = []
    for m in cohort.memberships.select_related("user", "user__profile").order_by("user__email"):
        plan = plan_for(m.user)
        rows.append({"member": m.user, "plan": plan, "readiness": plan.readiness if plan else None})
    return render(request, "cohorts/detail.html", {"cohort": cohort, "rows": rows})


@login_required
def member_plan(request: HttpRequest, pk: int, user_id: int) -> HttpResponse:
    cohort = _own_cohort(request, pk)
    member = get_object_or_404(User, pk=user_id, memberships__cohort=cohort)
    from bpoprep.web.interviews.services import finished_reports

    return render(request, "cohorts/member_plan.html", {"cohort": cohort, "member": member, "plan": plan_for(member), "reports": finished_reports(member, shared_only=True)[:20]})
