"""Lessons, quizzes, roles, the question bank and checklists, as a candidate uses them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from bpoprep.web.curriculum.services import current
from bpoprep.web.learn.models import ChecklistTick, QuizAttempt
from bpoprep.web.plans.services import plan_for
from bpoprep.web.progress.models import Activity

pytestmark = pytest.mark.django_db


def test_lesson_page_renders_markdown_safely_and_groups_by_topic(client: Client) -> None:
    page = client.get(reverse("learn:lessons")).content.decode()
    assert "BPO basics" in page and reverse("learn:lesson", args=["what-is-bpo"]) in page
    lesson = client.get(reverse("learn:lesson", args=["what-is-bpo"])).content.decode()
    assert "<h2>" in lesson and "Log in to take the quiz" in lesson
    assert client.get(reverse("learn:lesson", args=["no-such-lesson"])).status_code == 404


def test_quiz_graded_end_to_end_saves_progress_and_ticks_the_plan(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    lesson = current().lesson("star-method")
    wrong = {q.id: [str((q.correct[0] + 1) % len(q.options))] for q in lesson.quiz}
    page = c.post(reverse("learn:lesson", args=["star-method"]), wrong).content.decode()
    assert "Not passed yet" in page and "Not quite." in page
    assert not Activity.objects.filter(kind="lesson_passed").exists()
    right = {q.id: [str(i) for i in q.correct] for q in lesson.quiz}
    page = c.post(reverse("learn:lesson", args=["star-method"]), right).content.decode()
    assert f"{len(lesson.quiz)} of {len(lesson.quiz)} right" in page and "Passed" in page
    assert QuizAttempt.objects.filter(user=user, lesson_id="star-method").count() == 2
    assert Activity.objects.get(user=user, kind="lesson_passed").ref == "star-method"
    done = {s.step.id: s.done_how for s in plan_for(user).steps}
    assert done["star-method"] == "auto"


def test_tampered_quiz_answers_count_as_wrong_not_as_errors(client_for, user) -> None:  # type: ignore[no-untyped-def]
    lesson = current().lesson("what-is-bpo")
    data = {q.id: ["<script>", "999", ""] for q in lesson.quiz}
    response = client_for(user).post(reverse("learn:lesson", args=["what-is-bpo"]), data)
    assert response.status_code == 200
    assert QuizAttempt.objects.get(user=user).score == 0


def test_lesson_in_the_users_language(client_for, user) -> None:  # type: ignore[no-untyped-def]
    user.profile.ui_language = "hi"
    user.profile.save()
    page = client_for(user).get(reverse("learn:lesson", args=["what-is-bpo"])).content.decode()
    assert 'lang="hi"' in page and current().lesson("what-is-bpo", "hi").title in page


def test_question_bank_search_and_filters(client: Client) -> None:
    cat = current()
    everything = client.get(reverse("learn:questions"))
    assert everything.context["total"] == len(cat.questions)
    hr = client.get(reverse("learn:questions"), {"category": "hr"}).context
    assert hr["total"] == sum(q.category == "hr" for q in cat.questions.values())
    assert all(q.category == "hr" for q in hr["page"])
    hard = client.get(reverse("learn:questions"), {"difficulty": "3"}).context
    assert all(q.difficulty == 3 for q in hard["page"])
    bookkeeper = client.get(reverse("learn:questions"), {"role": "bookkeeper", "category": "role"}).context
    assert bookkeeper["total"] >= 3 and all("bookkeeper" in q.roles or "all" in q.roles for q in bookkeeper["page"])
    found = client.get(reverse("learn:questions"), {"q": "tell me about yourself"}).context
    assert any(q.id == "tell-me-about-yourself" for q in found["page"])
    nothing = client.get(reverse("learn:questions"), {"q": "zzqxj-nonsense"})
    assert nothing.context["total"] == 0 and "No question matches" in nothing.content.decode()
    bad = client.get(reverse("learn:questions"), {"difficulty": "<b>", "role": "nope", "page": "999", "q": "x" * 5000})
    assert bad.status_code == 200


def test_question_bank_htmx_returns_only_results(client: Client) -> None:
    response = client.get(reverse("learn:questions"), {"category": "metrics"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "question" in html


def test_question_and_role_pages_record_activity(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    page = c.get(reverse("learn:question", args=["why-bpo"])).content.decode()
    assert "What the interviewer is looking for" in page and "Talking points" in page
    wrong = current().questions["why-bpo"].misconceptions[0]
    assert "Weak answers often say" in page and escape(wrong) in page
    c.get(reverse("learn:role", args=["bookkeeper"]))
    assert set(Activity.objects.filter(user=user).values_list("kind", "ref")) == {("question_viewed", "why-bpo"), ("role_viewed", "bookkeeper")}
    assert c.get(reverse("learn:role", args=["astronaut"])).status_code == 404


def test_role_page_shows_salary_with_its_source(client: Client) -> None:
    role = current().roles["customer-service-representative"]
    page = client.get(reverse("learn:role", args=[role.id])).content.decode()
    assert role.salary.as_of in page and "Hiring tests" in page


def test_completing_a_checklist_ticks_the_plan_and_unticking_reopens(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    checklist = current().checklists["interview-day"]
    for item in checklist.items:
        c.post(reverse("learn:checklist_tick", args=["interview-day", item.id]), {"done": "1"}, HTTP_HX_REQUEST="true")
    assert ChecklistTick.objects.filter(user=user).count() == len(checklist.items)
    assert {s.step.id: s.done_how for s in plan_for(user).steps}["interview-day"] == "auto"
    response = c.post(reverse("learn:checklist_tick", args=["interview-day", checklist.items[0].id]), {"done": "0"}, HTTP_HX_REQUEST="true")
    assert 'hx-swap-oob="true"' in response.content.decode()
    assert {s.step.id: s.done_how for s in plan_for(user).steps}["interview-day"] == ""
    assert c.post(reverse("learn:checklist_tick", args=["interview-day", "no-such-item"]), {"done": "1"}).status_code == 404
