from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .models import Job


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = Job.objects.filter(user=request.user)[:100]
    return render(request, "jobs/list.html", {"jobs": jobs})


@login_required
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(Job, pk=pk, user=request.user)
    if job.status == Job.FAILED:
        services.retry(job)
        messages.success(request, _("The job was queued again."))
    return redirect("jobs:list")
