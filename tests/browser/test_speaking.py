"""Recording in a real browser (Chromium's fake microphone), uploaded and analysed."""

from __future__ import annotations

import pytest

from bpoprep.web.speaking.models import Recording
from tests.browser.conftest import log_in
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_record_send_and_see_the_analysis(page, artifacts) -> None:  # type: ignore[no-untyped-def]
    make_user("ravi.k@example.com", process="voice_inbound")
    log_in(page, "ravi.k@example.com")
    page.goto("/speak/")
    page.locator(".cards a").first.click()
    page.get_by_role("button", name="Start recording").click()
    page.wait_for_timeout(2500)
    page.get_by_role("button", name="Stop").click()
    page.get_by_role("button", name="Send for analysis").click()
    page.wait_for_url("**/speak/recordings/*/", timeout=60_000)
    rec = Recording.objects.get(user__email="ravi.k@example.com")
    assert rec.content_type in {"audio/webm", "video/webm", "audio/ogg"} and rec.status in {"done", "failed"}
    if rec.status == "done":
        assert "words a minute" in page.content()
    else:
        assert rec.error in page.content()  # a tone is not speech: the reason is shown, the audio kept
    page.screenshot(path=str(artifacts / "speaking-result.png"), full_page=True)


def test_a_mock_call_turn_answered_by_voice(page) -> None:  # type: ignore[no-untyped-def]
    make_user("call.voice@example.com", process="voice_inbound")
    log_in(page, "call.voice@example.com")
    page.goto("/tests/call/broadband-outage-complaint/")
    page.get_by_text("Answer by voice").click()
    page.get_by_role("button", name="Start recording").click()
    page.wait_for_timeout(2000)
    page.get_by_role("button", name="Stop").click()
    page.get_by_role("button", name="Send for analysis").click()
    page.locator("[data-rec-state]", has_text="Transcribed").or_(page.locator("[data-rec-error]:not([hidden])")).first.wait_for(timeout=60_000)
    assert Recording.objects.filter(user__email="call.voice@example.com", kind="call_turn").count() == 1
