"""Answer practice in a real browser on a phone-sized screen: timer, feedback, retry."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_type_an_answer_see_feedback_and_try_again(page, artifacts) -> None:  # type: ignore[no-untyped-def]
    make_user("ravi@example.com")
    log_in(page, "ravi@example.com")
    page.goto("/learn/questions/why-bpo/")
    page.get_by_role("link", name="Practise this question").click()
    box = page.get_by_label("Your answer")
    box.fill("Basically I like customers, you know. I will do the needful.")
    page.wait_for_function("document.querySelector('[data-words]').textContent === '11'")
    page.get_by_role("button", name="Get feedback").click()
    page.wait_for_url("**/practice/attempts/*/")
    assert page.locator(".score .big").inner_text().endswith("/100")
    assert page.locator(".answer mark.filler").count() == 2 and page.locator(".answer mark.indianism").count() == 1
    assert page.locator(".tips li").count() == 2
    page.screenshot(path=str(artifacts / "practice-feedback.png"), full_page=True)
    page.get_by_role("link", name="Try again").click()
    page.get_by_label("Your answer").fill(
        "I want to work in a BPO because I enjoy talking to people and solving their problems; at my uncle's shop I handled twenty customer queries a day. "
        "The training in communication will help me grow, and friends of mine became team leaders in two years."
    )
    page.get_by_role("button", name="Get feedback").click()
    page.wait_for_url("**/practice/attempts/*/")
    assert page.get_by_role("heading", name="Compared with your last attempt").is_visible()


def test_a_mix_up_is_marked_and_tips_read_in_hindi(page, artifacts) -> None:  # type: ignore[no-untyped-def]
    user = make_user("meena@example.com")
    user.profile.ui_language = "hi"
    user.profile.save(update_fields=["ui_language"])
    log_in(page, "meena@example.com")
    page.goto("/practice/questions/schedule-adherence/")
    page.locator("textarea").fill("Schedule adherence means attendance, you come to office on all the days you are rostered. If I come all 26 days my adherence is full.")
    page.locator("form:has(textarea) button[type=submit]").first.click()
    page.wait_for_url("**/practice/attempts/*/")
    mark = page.locator(".answer mark.misconception")
    assert mark.count() == 1 and mark.is_visible() and "attendance" in mark.inner_text()
    first_tip = page.locator(".tips li").first.inner_text()
    assert first_tip.startswith("इस बात को जाँचें") and "Schedule adherence means attendance" in first_tip
    page.screenshot(path=str(artifacts / "practice-mix-up-hindi.png"), full_page=True)


def test_what_one_would_do_is_marked_and_the_first_tip_asks_for_a_real_time(page, artifacts) -> None:  # type: ignore[no-untyped-def]
    make_user("imran@example.com")
    log_in(page, "imran@example.com")
    page.goto("/practice/questions/handled-angry-customer/")
    page.locator("textarea").fill(
        "I have not faced such a situation yet. If I get an angry customer, I would first listen to him calmly without interrupting. "
        "Then I would apologise and I will solve his problem quickly, so he will be happy."
    )
    page.locator("form:has(textarea) button[type=submit]").first.click()
    page.wait_for_url("**/practice/attempts/*/")
    mark = page.locator(".answer mark.hypothetical")
    assert mark.count() == 1 and mark.is_visible() and mark.inner_text() == "I have not faced such a situation yet."
    assert page.locator(".tips li").first.inner_text().startswith("The question asks about a time it happened, but this says what you would do.")
    page.screenshot(path=str(artifacts / "practice-hypothetical.png"), full_page=True)
