from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .export import export_user
from .forms import DeleteAccountForm, ProfileForm, SignupForm
from .models import Profile


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("plans:plan")
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            Profile.objects.create(user=user, ui_language=translation.get_language() or "en")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! A few questions, and your preparation plan is ready."))
        return redirect("accounts:onboarding")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def onboarding(request: HttpRequest) -> HttpResponse:
    profile, _created = Profile.objects.get_or_create(user=request.user)
    first_time = profile.onboarded_at is None
    old_date = profile.interview_date
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST" and form.is_valid():
        profile = form.save(commit=False)
        if first_time:
            profile.onboarded_at = timezone.now()
        if first_time or profile.interview_date != old_date or profile.plan_start is None:
            profile.plan_start = timezone.localdate()
        profile.save()
        translation.activate(profile.ui_language)
        messages.success(request, _("Your plan is ready.") if first_time else _("Profile saved. Your plan has been updated."))
        response = redirect("plans:plan")
        response.set_cookie("django_language", profile.ui_language, samesite="Lax", max_age=365 * 24 * 3600)
        return response
    return render(request, "accounts/onboarding.html", {"form": form, "first_time": first_time})


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/settings.html")


@login_required
def export(request: HttpRequest) -> HttpResponse:
    data = json.dumps(export_user(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="bpoprep-export-{stamp}.json"'
    return response


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, _("Your account and everything in it have been deleted."))
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You are logged out."))
    return redirect("core:home")
