"""A new candidate's first visit, in a real browser on a phone-sized screen."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from bpoprep.web.plans.models import PlanTick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-phrase-for-meera-7"


def test_signup_onboarding_plan_tick_logout_login(page, artifacts) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.get_by_role("link", name="Start preparing").click()
    page.get_by_label("E-mail address").fill("meera@example.com")
    page.get_by_label("Your name").fill("Meera")
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    page.wait_for_url("**/accounts/profile/")
    page.get_by_label("Customer Service Representative").check()
    page.get_by_label("Voice – inbound (customer support)").check()
    page.get_by_label("International (US, UK, Australia …)").check()
    page.get_by_label("Company").fill("Navtara Services")
    interview = timezone.localdate() + dt.timedelta(days=10)
    page.get_by_label("Interview date").fill(interview.isoformat())
    page.get_by_role("button", name="Build my plan").click()

    page.wait_for_url("**/plan/")
    assert page.get_by_role("heading", name="Your preparation plan").is_visible()
    assert "10 days to go" in page.content()
    readiness_before = page.locator("#readiness .big").inner_text()

    step = page.locator("#step-body-language")
    step.get_by_role("button", name=re.compile(r"^Mark .* as done$")).click()
    page.locator("#step-body-language.done").wait_for()  # swapped in by htmx, no reload
    assert page.locator("#readiness .big").inner_text() != readiness_before
    page.screenshot(path=str(artifacts / "plan.png"), full_page=True)
    page.screenshot(path=str(artifacts / "plan-top.png"))  # what a phone shows first

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("E-mail address").fill("meera@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="My plan").click()
    page.wait_for_url("**/plan/")
    assert page.locator("#step-body-language.done").is_visible()
    assert PlanTick.objects.filter(step_id="body-language", user__email="meera@example.com").count() == 1


def test_pages_work_by_keyboard_and_have_labels(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/accounts/signup/")
    # Every visible input has a label a screen reader can announce.
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
              .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map(el => el.name)"""
    )
    assert unlabeled == []
    page.goto("/")  # the sign-up page autofocuses its first field; the home page starts at the top
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
