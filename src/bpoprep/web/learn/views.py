from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from bpoprep.content.quiz import grade
from bpoprep.content.schemas import Question
from bpoprep.web.curriculum.services import current
from bpoprep.web.progress.models import Activity
from bpoprep.web.progress.services import record

from .markdown import render as markdown
from .models import ChecklistTick, QuizAttempt

TOPIC_TITLES = {
    "basics": gettext_noop("BPO basics"),
    "metrics": gettext_noop("Contact-centre metrics"),
    "hiring": gettext_noop("The hiring process"),
    "interview": gettext_noop("Interview skills"),
    "communication": gettext_noop("Communication"),
    "career": gettext_noop("Life and pay in BPO"),
}
CATEGORY_TITLES = {
    "hr": gettext_noop("HR"),
    "behavioural": gettext_noop("Behavioural (STAR)"),
    "situational": gettext_noop("Situational"),
    "industry": gettext_noop("Industry knowledge"),
    "metrics": gettext_noop("Metrics"),
    "role": gettext_noop("Role-specific"),
    "company": gettext_noop("Company research"),
}
HIRING_TEST_TITLES = {
    "hr_screening": gettext_noop("HR screening"), "self_intro": gettext_noop("Self-introduction and JAM"), "group_discussion": gettext_noop("Group discussion"),
    "written_test": gettext_noop("Written test"), "versant": gettext_noop("Versant English test"), "svar": gettext_noop("SVAR spoken English test"),
    "voice_accent": gettext_noop("Voice and accent round"), "listening": gettext_noop("Listening test"), "typing": gettext_noop("Typing test"),
    "email_writing": gettext_noop("E-mail writing"), "chat_writing": gettext_noop("Chat writing"), "mock_call": gettext_noop("Mock call"),
    "operations_round": gettext_noop("Operations round"), "technical_round": gettext_noop("Technical round"),
}
PER_PAGE = 20


def _language() -> str:
    return translation.get_language() or "en"


def _passed_lessons(request: HttpRequest) -> set[str]:
    if not request.user.is_authenticated:
        return set()
    return set(Activity.objects.filter(user=request.user, kind="lesson_passed").values_list("ref", flat=True))


def lessons(request: HttpRequest) -> HttpResponse:
    passed = _passed_lessons(request)
    groups: dict[str, list] = {}
    for lesson in current().lessons_in(_language()):
        groups.setdefault(lesson.topic, []).append(lesson)
    topics = [(TOPIC_TITLES.get(t, t.title()), items) for t, items in groups.items()]
    return render(request, "learn/lessons.html", {"topics": topics, "passed": passed})


def lesson(request: HttpRequest, lesson_id: str) -> HttpResponse:
    cat = current()
    the_lesson = cat.lesson(lesson_id, _language())
    if the_lesson is None:
        raise Http404
    result = None
    answers: dict[str, list[int]] = {}
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"/accounts/login/?next={request.path}")
        for q in the_lesson.quiz:
            picked = []
            for raw in request.POST.getlist(q.id):
                try:
                    picked.append(int(raw))
                except ValueError:
                    continue  # a tampered value counts as no answer
            answers[q.id] = picked
        result = grade(the_lesson, answers)
        with transaction.atomic():
            QuizAttempt.objects.create(
                user=request.user, lesson_id=the_lesson.id, language=the_lesson.language, answers=answers,
                score=result.score, total=result.total, passed=result.passed,
            )
            if result.passed:
                record(request.user, "lesson_passed", the_lesson.id, score=result.score, total=result.total)
    best = None
    if request.user.is_authenticated:
        best = QuizAttempt.objects.filter(user=request.user, lesson_id=the_lesson.id).order_by("-score").first()
    ordered = cat.lessons_in("en")
    index = next((i for i, l in enumerate(ordered) if l.id == the_lesson.id), 0)
    next_lesson = ordered[index + 1] if index + 1 < len(ordered) else None
    outcome = {r.question_id: r for r in result.results} if result else {}
    quiz = [(q, outcome.get(q.id), answers.get(q.id, [])) for q in the_lesson.quiz]
    related = [cat.questions[q] for q in the_lesson.related_questions if q in cat.questions]
    return render(
        request,
        "learn/lesson.html",
        {"lesson": the_lesson, "body": markdown(the_lesson.body), "quiz": quiz, "result": result, "best": best,
         "next_lesson": next_lesson, "related": related, "topic_title": TOPIC_TITLES.get(the_lesson.topic, the_lesson.topic)},
    )


def roles(request: HttpRequest) -> HttpResponse:
    all_roles = sorted(current().roles.values(), key=lambda r: (r.family, r.title))
    mine = set(getattr(getattr(request.user, "profile", None), "target_roles", []) or [])
    return render(request, "learn/roles.html", {"roles": all_roles, "mine": mine})


def role(request: HttpRequest, role_id: str) -> HttpResponse:
    cat = current()
    the_role = cat.roles.get(role_id)
    if the_role is None:
        raise Http404
    if request.user.is_authenticated:
        record(request.user, "role_viewed", the_role.id)
    questions = [cat.questions[q] for q in the_role.practice_questions if q in cat.questions]
    tests = [HIRING_TEST_TITLES.get(t, t) for t in the_role.hiring_tests]
    return render(request, "learn/role.html", {"role": the_role, "questions": questions, "tests": tests})


def _matches(q: Question, text: str) -> bool:
    haystack = " ".join([q.text, q.looking_for, *(tp.text for tp in q.talking_points), *(t for tp in q.talking_points for t in tp.key_terms)]).lower()
    return all(word in haystack for word in text.lower().split())


def questions(request: HttpRequest) -> HttpResponse:
    cat = current()
    text = request.GET.get("q", "").strip()[:200]
    role_id = request.GET.get("role", "")
    category = request.GET.get("category", "")
    difficulty = request.GET.get("difficulty", "")
    found = list(cat.questions.values())
    if role_id in cat.roles:
        found = [q for q in found if role_id in q.roles or "all" in q.roles]
    if category in CATEGORY_TITLES:
        found = [q for q in found if q.category == category]
    if difficulty in {"1", "2", "3"}:
        found = [q for q in found if q.difficulty == int(difficulty)]
    if text:
        found = [q for q in found if _matches(q, text)]
    found.sort(key=lambda q: (list(CATEGORY_TITLES).index(q.category), q.difficulty, q.text))
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page, "total": len(found), "q": text, "role": role_id, "category": category, "difficulty": difficulty,
        "roles": sorted(cat.roles.values(), key=lambda r: r.title), "categories": CATEGORY_TITLES.items(),
        "category_titles": CATEGORY_TITLES, "querystring": query.urlencode(),
    }
    template = "learn/_question_results.html" if request.htmx else "learn/questions.html"
    return render(request, template, context)


def question(request: HttpRequest, question_id: str) -> HttpResponse:
    cat = current()
    q = cat.questions.get(question_id)
    if q is None:
        raise Http404
    if request.user.is_authenticated:
        record(request.user, "question_viewed", q.id)
    role_titles = [_("All roles")] if "all" in q.roles else [cat.roles[r].title for r in q.roles if r in cat.roles]
    return render(request, "learn/question.html", {"q": q, "role_titles": role_titles, "category_title": CATEGORY_TITLES.get(q.category, q.category)})


@login_required
def checklist(request: HttpRequest, checklist_id: str) -> HttpResponse:
    the_list = current().checklists.get(checklist_id)
    if the_list is None:
        raise Http404
    ticked = set(ChecklistTick.objects.filter(user=request.user, checklist_id=checklist_id).values_list("item_id", flat=True))
    return render(request, "learn/checklist.html", {"checklist": the_list, "ticked": ticked})


@login_required
@require_POST
def checklist_tick(request: HttpRequest, checklist_id: str, item_id: str) -> HttpResponse:
    the_list = current().checklists.get(checklist_id)
    if the_list is None or item_id not in {i.id for i in the_list.items}:
        raise Http404
    with transaction.atomic():
        if request.POST.get("done") == "1":
            ChecklistTick.objects.get_or_create(user=request.user, checklist_id=checklist_id, item_id=item_id)
        else:
            ChecklistTick.objects.filter(user=request.user, checklist_id=checklist_id, item_id=item_id).delete()
        ticked = set(ChecklistTick.objects.filter(user=request.user, checklist_id=checklist_id).values_list("item_id", flat=True))
        complete = ticked >= {i.id for i in the_list.items}
        already = Activity.objects.filter(user=request.user, kind="checklist_done", ref=checklist_id)
        if complete and not already.exists():
            record(request.user, "checklist_done", checklist_id)
        elif not complete:
            already.delete()  # unticking an item re-opens the plan step
    if request.htmx:
        item = next(i for i in the_list.items if i.id == item_id)
        return render(request, "learn/_checklist_item.html", {"checklist": the_list, "item": item, "ticked": ticked, "complete": complete, "oob": True})
    return redirect("learn:checklist", checklist_id=checklist_id)
