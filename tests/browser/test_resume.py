"""From upload to match report in a real browser."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in
from tests.conftest import make_user
from tests.documents.fixtures import JD, RESUME_LINES, pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_a_resume_and_read_the_match_report(page, artifacts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    make_user("asha.v@example.com")
    path = tmp_path / "asha.pdf"
    path.write_bytes(pdf(RESUME_LINES))
    log_in(page, "asha.v@example.com")
    page.goto("/prepare/resume/")
    page.get_by_label("Your resume (PDF or Word .docx, up to 5 MB)").set_input_files(str(path))
    page.get_by_label("The job description").fill(JD)
    page.get_by_role("button", name="Check my resume").click()
    page.wait_for_url("**/prepare/resume/*/")
    assert page.get_by_role("heading", name="To do").is_visible()
    assert "%" in page.locator(".score .big").inner_text()
    page.screenshot(path=str(artifacts / "resume-report.png"), full_page=True)
