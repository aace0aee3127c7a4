"""Answer practice in the app: type, get feedback, try again, see the difference."""

from __future__ import annotations

import re
import json

import pytest
from django.urls import reverse

from bpoprep.web.plans.services import plan_for
from bpoprep.web.practice.models import Attempt
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

FIRST = "I like customers. I am hardworking and I will do the needful."
BETTER = (
    "I want to work in a BPO because I enjoy talking to people and solving their problems; at my uncle's shop I handled about twenty customer queries a day. "
    "The structured training in communication and systems will help me grow quickly, and I have seen friends move from agent to team leader in two years. "
    "A stable salary also lets me support my family, but the main reason is that I like making an upset customer happy again."
)


def test_answer_gets_feedback_and_a_retry_shows_what_changed(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    page = c.get(reverse("practice:answer", args=["why-bpo"])).content.decode()
    assert "Why do you want to work in a BPO?" in page and "data-timer" in page and "Aim for" in page
    r = c.post(reverse("practice:answer", args=["why-bpo"]), {"answer": FIRST, "seconds": "42"})
    first = Attempt.objects.get(user=user)
    assert r.status_code == 302 and r["Location"] == reverse("practice:attempt", args=[first.pk])
    assert first.status == Attempt.DONE and first.seconds == 42 and first.answer == FIRST
    html = c.get(r["Location"]).content.decode()
    assert f"{first.overall}<span>/100</span>" in html and "Do this next" in html
    assert '<mark class="indianism"' in html and "do the needful" in html
    assert "Under 25 words, language, impression, soundness and likeness count only in proportion" in html  # why clean short words score low
    r = c.post(reverse("practice:answer", args=["why-bpo"]), {"answer": BETTER})
    second = Attempt.objects.filter(user=user).order_by("-pk").first()
    assert second is not None and second.overall > first.overall
    html = c.get(r["Location"]).content.decode()
    assert "Compared with your last attempt" in html and f"{first.overall} → {second.overall}" in html
    assert "count only in proportion" not in html  # a full-length answer earns those parts in full
    thirty = " ".join(BETTER.split()[:30]) + "."  # short of the 50-word aim, but over half of it
    html = c.get(c.post(reverse("practice:answer", args=["why-bpo"]), {"answer": thirty})["Location"]).content.decode()
    assert "Too short" in html and "count only in proportion" not in html
    history = c.get(reverse("practice:history", args=["why-bpo"])).content.decode()
    assert history.count("Attempt ") >= 2 and "Full feedback" in history


@pytest.mark.parametrize(
    ("answer", "message"),
    [("", "Write your answer first"), ("   ", "Write your answer first"), ("?!?! 123", "in words"), ("x" * 20_001, "too long")],
)
def test_bad_answers_get_a_clear_message_and_nothing_is_stored(client_for, user, answer: str, message: str) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    c.post(reverse("practice:answer", args=["why-bpo"]), {"answer": "A first answer I want to keep: I like helping customers."})
    r = c.post(reverse("practice:answer", args=["why-bpo"]), {"answer": answer})
    assert r.status_code == 200 and message in r.content.decode()
    assert Attempt.objects.filter(user=user).count() == 1  # the earlier attempt is untouched


def test_non_utf8_answer_is_refused(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    body = b"answer=I+like+caf\xe9+customers+and+helping+people"
    r = c.post(reverse("practice:answer", args=["why-bpo"]), body, content_type="application/x-www-form-urlencoded")
    assert r.status_code == 200 and "could not be read" in r.content.decode()
    assert not Attempt.objects.exists()


def test_html_in_an_answer_is_shown_as_text(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    r = c.post(reverse("practice:answer", args=["why-bpo"]), {"answer": "<script>alert('x')</script> I like helping <b>customers</b> every day."})
    html = c.get(r["Location"]).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "&lt;b&gt;customers" in html


def test_attempts_are_private(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    r = c.post(reverse("practice:answer", args=["why-bpo"]), {"answer": "I like helping customers every day."})
    other = client_for(make_user("b@example.com"))
    assert other.get(r["Location"]).status_code == 404
    assert other.get(reverse("practice:history", args=["why-bpo"])).status_code == 302  # nothing of theirs: back to answering
    assert other.get(reverse("practice:answer", args=["no-such-question"])).status_code == 404
    assert other.get(reverse("practice:category", args=["no-such-category"])).status_code == 404


def test_practice_ticks_the_plan_and_feeds_recommendations(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    hr = ["tell-me-about-yourself", "why-bpo", "strengths-and-weaknesses", "where-in-five-years", "why-should-we-hire-you"]
    for qid in hr:
        c.post(reverse("practice:answer", args=[qid]), {"answer": "I am okay."})
    steps = {s.step.id: s.done_how for s in plan_for(user).steps}
    assert steps["practise-hr"] == "auto"
    page = c.get(reverse("practice:index")).content.decode()
    assert "worth another go" in page  # the weak answers come back as retries
    assert "A kind of question you have not practised yet" in page
    export = json.loads(c.get(reverse("accounts:export")).content)
    assert len(export["practice_attempts"]) == 5 and export["practice_attempts"][0]["answer"] == "I am okay."


def test_question_bank_links_to_practice(client_for, user) -> None:  # type: ignore[no-untyped-def]
    page = client_for(user).get(reverse("learn:question", args=["why-bpo"])).content.decode()
    assert reverse("practice:answer", args=["why-bpo"]) in page


def test_feedback_tips_are_in_the_users_language(client_for, user) -> None:  # type: ignore[no-untyped-def]
    from django.utils import translation

    from bpoprep.feedback import engine

    user.profile.ui_language = "hi"
    user.profile.save(update_fields=["ui_language"])
    c = client_for(user)
    r = c.post(reverse("practice:answer", args=["why-bpo"]), {"answer": FIRST})
    attempt = Attempt.objects.get(user=user)
    html = c.get(r["Location"]).content.decode()
    assert any(t.startswith("Too short") for t in attempt.feedback["tips"])  # stored in English (the batch contract)
    with translation.override("hi"):
        hindi = max(re.split(r"\{\w+\}", translation.gettext(engine.TOO_SHORT)), key=len).strip()
    assert hindi and hindi in html and "Too short (" not in html


def _feedback_page(client, user, qid: str, answer: str, language: str = "") -> str:  # type: ignore[no-untyped-def]
    """The feedback page for `answer`, optionally after the user switches the interface language."""
    r = client.post(reverse("practice:answer", args=[qid]), {"answer": answer})
    if language:
        user.profile.ui_language = language
        user.profile.save(update_fields=["ui_language"])
    return str(client.get(r["Location"]).content.decode())


def test_a_common_mix_up_is_marked_in_the_answer(client_for, user) -> None:  # type: ignore[no-untyped-def]
    answer = "Schedule adherence means attendance, you come to office on all the days you are rostered. If I come all 26 days my adherence is full."
    html = _feedback_page(client_for(user), user, "schedule-adherence", answer)
    assert '<mark class="misconception" title="This sounds like a common mix-up.' in html
    assert "Check this claim: “Schedule adherence means attendance" in html


MARKED = [
    (
        "why-bpo",
        "Honestly I want BPO because it is an easy job and salary is the main reason. I will learn on the job and do my work.",
        ['<mark class="red_flag" title="Sounds as if you may not stay;', ">easy job</mark>", "A recruiter would note this as a red flag; rephrase it: “easy job”, “salary is the main reason”."],
        "hi",
        ["रिक्रूटर इसे चेतावनी का संकेत मानेगा"],
        "A recruiter would note",
    ),
    (
        "what-is-fcr",
        "FCR stands for Final Customer Rating. It is the survey score out of five that the customer gives after the call.",
        ['<mark class="wrong_term" title="FCR stands for first call resolution, not “Final Customer Rating”.">Final Customer Rating</mark>', "Get the term right before anything else: “Final Customer Rating” → “FCR: first call resolution”."],
        "fi",
        ["FCR tarkoittaa first call resolution, ei “Final Customer Rating”.", "Korjaa ensin termi"],
        "Get the term right",
    ),
    (
        "handled-angry-customer",
        "I have not faced such a situation yet. If I get an angry customer, I would listen calmly and I would apologise. Then I will solve his problem.",
        ['<mark class="hypothetical" title="The question asks about a time it happened, but this says what you would do.', ">I have not faced such a situation yet.</mark>"],
        "hi",
        ["अपने अतीत का एक असली उदाहरण बताइए"],
        "Tell one real example",
    ),
]


@pytest.mark.parametrize(("qid", "answer", "english", "language", "translated", "untranslated"), MARKED, ids=["red-flag", "wrong-term", "hypothetical"])
def test_a_finding_is_marked_and_explained_in_the_users_language(client_for, user, qid, answer, english, language, translated, untranslated) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    html = _feedback_page(c, user, qid, answer)
    assert all(s in html for s in english), html
    other = _feedback_page(c, user, qid, answer, language)
    assert all(s in other for s in translated) and untranslated not in other