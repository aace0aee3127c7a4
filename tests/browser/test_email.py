"""An e-mail task in a real browser: read the customer's mail, reply, see the marks."""

from __future__ import annotations

import pytest

from bpoprep.web.curriculum.services import current
from bpoprep.web.drills.models import EmailAttempt
from tests.browser.conftest import log_in
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reply_to_a_customer_email(page, artifacts) -> None:  # type: ignore[no-untyped-def]
    make_user("omar@example.com", target_roles=["email-support-agent"], process="email")
    log_in(page, "omar@example.com")
    page.goto("/tests/")
    page.get_by_role("link", name="E-mail writing test").click()
    scenario = current().emails["em-refund-delay"]
    page.get_by_role("link", name=scenario.title).click()
    assert scenario.ticket_id in page.content()
    page.get_by_label("Your reply").fill(scenario.model_reply)
    page.get_by_role("button", name="Send for marking").click()
    page.wait_for_url("**/tests/email/replies/*/")
    attempt = EmailAttempt.objects.get(user__email="omar@example.com")
    assert attempt.overall >= 85 and page.locator(".score .big").inner_text().startswith(str(attempt.overall))
    page.screenshot(path=str(artifacts / "email-result.png"), full_page=True)
