"""A chat session in a real browser: the customer's message arrives, the candidate replies."""

from __future__ import annotations

import pytest

from bpoprep.web.drills.models import ChatSession
from tests.browser.conftest import log_in
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reply_to_a_customer_and_get_marks(page, artifacts) -> None:  # type: ignore[no-untyped-def]
    make_user("nisha@example.com", target_roles=["chat-support-agent"], process="chat")
    log_in(page, "nisha@example.com")
    page.goto("/tests/chat/ch-order-tracking/")
    page.locator("li.customer").first.wait_for()
    assert "CN-ORD-77123" in page.locator("li.customer").first.inner_text()
    page.get_by_label("Reply to Neha Gupta").fill("Hi Neha, thanks for reaching out! I'm checking order CN-ORD-77123 now; this will take about a minute.")
    page.get_by_role("button", name="Send").click()
    assert page.locator("li.agent").count() == 1
    page.get_by_role("button", name="End chat and get marks").click()
    page.wait_for_url("**/tests/chat/sessions/*/")
    s = ChatSession.objects.get(user__email="nisha@example.com")
    result = s.results["ch-order-tracking"]
    assert result["first_response_s"] is not None and result["first_response_s"] < 30
    assert {c["id"]: c["passed"] for c in result["etiquette"]}["name"]
    page.screenshot(path=str(artifacts / "chat-result.png"), full_page=True)
