"""A whole mock interview in a real browser: typed from setup to report and PDF, and spoken with
Chromium's fake microphone playing a recorded answer from a WAV file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpoprep.web.interviews.models import Item, MockInterview
from bpoprep.web.speaking.models import Recording
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, log_in
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWER = (
    "My name is Ravi and I finished my B.Com in 2025. I speak clear English and Hindi and I type at 40 words a minute. "
    "At my uncle's shop I handled about thirty customer queries a day, listening first and then solving the problem. "
    "I applied for this role because I enjoy helping customers and I want to grow in customer support."
)
CLIP = Path(__file__).resolve().parents[1] / "data" / "speech" / "029810158.flac"


def test_a_typed_mock_interview_from_setup_to_report_and_pdf(page, artifacts) -> None:  # type: ignore[no-untyped-def]
    make_user("ravi.mock@example.com", process="chat", market="domestic", target_roles=["chat-support-agent"])
    log_in(page, "ravi.mock@example.com")
    page.get_by_role("link", name="Mock interview").first.click()
    page.get_by_label("Length").select_option("5")
    page.get_by_label("Typed answers").check()
    page.get_by_role("button", name="Start the interview").click()
    page.wait_for_url("**/interview/*/")
    seen: list[str] = []
    for _ in range(12):
        heading = page.locator("h1.question")
        if not heading.count():
            break
        text = heading.inner_text()
        assert text not in seen  # each submit brings a new question
        seen.append(text)
        assert page.locator("[data-answer-timer]").inner_text().count(":") == 1
        if not seen[1:]:
            page.screenshot(path=str(artifacts / "mock-interview-room.png"), full_page=True)
        page.locator("textarea[name=answer]").fill(ANSWER)
        page.get_by_role("button", name="Submit answer").click()
        page.wait_for_function("(t) => !document.querySelector('h1.question') || document.querySelector('h1.question').textContent !== t", arg=text, timeout=30_000)
        if "/report/" in page.url:
            break
    page.wait_for_url("**/interview/*/report/", timeout=30_000)
    assert seen[0] == "Tell me about yourself." and len(seen) >= 5
    interview = MockInterview.objects.get(user__email="ravi.mock@example.com")
    assert interview.status == MockInterview.FINISHED
    assert page.locator(".score .big").inner_text().startswith(str(interview.overall))
    assert page.get_by_role("heading", name="Scores by dimension").is_visible()
    assert page.locator("article.report-question").count() == interview.report["asked"]
    page.screenshot(path=str(artifacts / "mock-interview-report.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = Path(download.value.path()).read_bytes()
    (artifacts / "mock-interview-report.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def _wav_from_clip(target: Path, seconds: float = 6.0) -> Path:
    """Chromium's fake microphone plays a 16-bit PCM WAV; make one from the credited clip."""
    import wave

    import numpy as np

    from bpoprep.speech.audio import load

    pcm = load(CLIP).pcm
    pcm = np.concatenate([np.zeros(8000, dtype=pcm.dtype), pcm, np.zeros(int(16000 * seconds), dtype=pcm.dtype)])
    with wave.open(str(target), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(pcm.astype("<i2").tobytes())
    return target


def test_a_spoken_mock_interview_with_a_fake_microphone(browser, live_server, tmp_path, artifacts) -> None:  # type: ignore[no-untyped-def]
    make_user("meena.voice@example.com", process="voice_inbound")
    wav = _wav_from_clip(tmp_path / "answer.wav")
    # A browser of its own: the microphone file is a launch flag (the shared one plays a tone).
    own = browser.browser_type.launch(executable_path=chromium_path(), headless=True, args=[*CHROMIUM_ARGS, f"--use-file-for-fake-audio-capture={wav}"])
    context = own.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        log_in(page, "meena.voice@example.com")
        page.goto("/interview/")
        page.get_by_label("Length").select_option("5")
        page.get_by_label("Spoken answers (microphone)").check()
        page.get_by_role("button", name="Start the interview").click()
        page.wait_for_url("**/interview/*/")
        first = page.locator("h1.question").inner_text()
        page.get_by_role("button", name="Start recording").click()
        page.wait_for_timeout(4000)
        page.get_by_role("button", name="Stop").click()
        page.get_by_role("button", name="Send for analysis").click()
        # The room moves on (next question or a follow-up) once the answer is analysed.
        page.wait_for_function("(t) => document.querySelector('h1.question') && document.querySelector('h1.question').textContent !== t", arg=first, timeout=90_000)
        rec = Recording.objects.get(user__email="meena.voice@example.com")
        item = Item.objects.get(recording=rec)
        assert rec.kind == Recording.ANSWER and rec.status == Recording.DONE and item.status == Item.DONE
        assert item.speech["duration_s"] >= 3 and item.question_id == "tell-me-about-yourself"
        assert len(item.answer.split()) >= 2  # the recorded speech was heard and transcribed, not a tone
        page.get_by_role("button", name="End the interview now and see the report").click()
        page.wait_for_url("**/report/")
        assert "words a minute" in page.content()
        page.screenshot(path=str(artifacts / "mock-interview-spoken.png"), full_page=True)
    finally:
        context.close()
        own.close()
