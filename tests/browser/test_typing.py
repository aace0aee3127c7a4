"""A typing run in a real browser: typed by the test at a known speed, scored by the server."""

from __future__ import annotations

import pytest

from bpoprep.web.drills.models import TypingRun
from tests.browser.conftest import log_in
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_at_a_known_speed_is_reported_by_the_formula(page, artifacts) -> None:  # type: ignore[no-untyped-def]
    make_user("tara@example.com", target_roles=["chat-support-agent"], process="chat")
    log_in(page, "tara@example.com")
    page.goto("/tests/typing/ty-prose-01/?minutes=1")
    passage = page.locator("[data-passage-text]").inner_text()
    box = page.get_by_label("Type the text here")
    box.click()
    page.evaluate("navigator.clipboard && 0")  # paste is blocked by the page; typing is key by key
    chunk = passage[:60]
    page.keyboard.type(chunk, delay=100)  # 10 keys a second = 120 gross WPM
    assert int(page.locator("[data-live-wpm]").inner_text()) > 60
    page.get_by_role("button", name="Finish now").click()
    page.wait_for_url("**/tests/typing/runs/*/")
    run = TypingRun.objects.get(user__email="tara@example.com")
    assert run.result["entries"] == 60 and run.result["uncorrected_errors"] == 0 and run.accuracy == 100
    assert 5.5 <= run.seconds <= 12  # 59 gaps of 100 ms, plus the browser's own pace
    assert run.result["gross_wpm"] == pytest.approx(60 / 5 / (run.seconds / 60), rel=1e-3)
    shown = int(page.locator(".score .big").inner_text().split()[0])
    assert abs(shown - run.net_wpm) < 1  # the page shows the stored figure (one decimal) rounded to whole words
    page.screenshot(path=str(artifacts / "typing-result.png"), full_page=True)
