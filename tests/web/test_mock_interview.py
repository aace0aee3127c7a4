"""The mock interview in the app: set up, answer, follow-ups, resume, report, PDF, sharing, and
the friend's interviewer link."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bpoprep.web.cohorts.models import Cohort, Membership
from bpoprep.web.interviews import services
from bpoprep.web.interviews.models import Invite, Item, MockInterview, Review
from bpoprep.web.practice.services import recommend
from bpoprep.web.progress.models import Activity
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

NO_RESULT_STORY = (
    "Last year I worked part-time at a mobile shop in Pune. A customer came in shouting because his new phone kept restarting. "
    "My job was to calm him down and sort it out. I let him finish, apologised for the trouble and checked the phone in front of him. "
    "Then I went through the settings with him, step by step, looking for the fault."
)
GOOD = (
    "My name is Asha and I completed my B.Com in 2025 from Pune University. I have good communication skills in English and Hindi, "
    "and I type at 40 words a minute. For a year I handled about thirty customer queries a day at my uncle's mobile shop, "
    "so I am used to listening and solving problems. I applied for this customer support role because I enjoy helping people and want to grow here."
)


def start(c: Client, **overrides: object) -> MockInterview:
    data = {"role": "customer-service-representative", "process": "voice_inbound", "market": "international", "minutes": "10", "mode": "typed"} | overrides
    r = c.post(reverse("interviews:start"), data)
    assert r.status_code == 302, r.content.decode()[:500]
    return MockInterview.objects.latest("pk")


def answer_current(c: Client, m: MockInterview, text: str, **headers: str) -> object:
    item = m.current()
    assert item is not None
    return c.post(reverse("interviews:answer", args=[m.pk, item.pk]), {"answer": text, "seconds": "50"}, **headers)


def test_setup_is_filled_from_the_profile_and_the_interview_opens_with_the_first_question(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    html = c.get(reverse("interviews:index")).content.decode()
    assert 'value="customer-service-representative" selected' in html and 'value="international" selected' in html
    m = start(c)
    items = list(m.items.all())
    assert items[0].question_id == "tell-me-about-yourself" and len(items) == 8 and m.follow_ups_left == 2
    html = c.get(reverse("interviews:room", args=[m.pk])).content.decode()
    assert "Question 1 of 8" in html and "Tell me about yourself." in html and "data-speak-on-show" in html and "data-answer-timer" in html
    assert Item.objects.get(pk=items[0].pk).asked_at is not None  # the clock started when it was shown


def test_a_typed_interview_with_a_follow_up_ends_in_a_report(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    m = start(c, minutes="5")
    asked_follow_up = False
    for _ in range(20):
        item = m.current()
        if item is None:
            break
        text = NO_RESULT_STORY if item.stage == "behavioural" and item.follow_up_of_id is None else GOOD
        if item.follow_up_of_id:
            asked_follow_up = True
            text = "In the end he calmed down, thanked me and came back next month; my manager rated it 5 out of 5."
        r = answer_current(c, m, text)
        assert r.status_code == 302
    assert asked_follow_up, "a story without a result should get the outcome follow-up"
    follow = Item.objects.get(interview=m, follow_up_of__isnull=False)
    assert follow.follow_up_reason == "no_result" and "outcome" in follow.text
    r = c.get(reverse("interviews:room", args=[m.pk]))
    assert r.status_code == 302 and r["Location"] == reverse("interviews:report", args=[m.pk])
    m.refresh_from_db()
    assert m.status == MockInterview.FINISHED and m.overall == m.report["overall"] and m.report["answered"] == m.report["asked"] == 5
    story = next(q for q in m.report["questions"] if q["follow_up"])
    assert story["overall_before_follow_up"] is not None and story["star"]["result"] is True  # judged with the follow-up
    html = c.get(reverse("interviews:report", args=[m.pk])).content.decode()
    assert f"{m.overall}<span>/100</span>" in html and "Scores by dimension" in html and "Question by question" in html
    assert "Length and timing" in html and "Pronunciation" not in html  # typed: no audio dimensions
    assert "Follow-up" in html and "What was the outcome?" in html
    assert Activity.objects.filter(user=user, kind="mock_interview").count() == 1
    plan_html = c.get(reverse("plans:plan")).content.decode()
    assert f"Last mock interview: {m.overall}/100" in plan_html


def test_htmx_answers_swap_in_the_next_question(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    m = start(c)
    r = answer_current(c, m, GOOD, HTTP_HX_REQUEST="true")
    html = r.content.decode()  # type: ignore[attr-defined]
    assert r.status_code == 200 and "<html" not in html and "Question 2 of 8" in html  # type: ignore[attr-defined]


def test_closing_the_tab_loses_nothing(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    m = start(c)
    answer_current(c, m, GOOD)
    item = m.current()
    assert item is not None
    c.get(reverse("interviews:room", args=[m.pk]))
    r = c.post(reverse("interviews:draft", args=[m.pk, item.pk]), {"answer": "Half of my answer, typed before the tab closed"})
    assert r.status_code == 204
    Item.objects.filter(pk=item.pk).update(asked_at=timezone.now() - dt.timedelta(seconds=40))
    # A new browser session (log in again) finds the interview and the draft where they were.
    c2 = client_for(user)
    index = c2.get(reverse("interviews:index")).content.decode()
    assert "Resume the interview" in index
    html = c2.get(reverse("interviews:room", args=[m.pk])).content.decode()
    assert "Half of my answer, typed before the tab closed" in html and "Question 2 of 8" in html
    elapsed = int(re.search(r'data-elapsed="(\d+)"', html).group(1))  # type: ignore[union-attr]
    assert elapsed >= 40  # the answer clock resumes, it does not restart
    # Starting another interview while one is open takes you back to it.
    r = c2.post(reverse("interviews:start"), {"role": "bookkeeper", "process": "back_office", "market": "domestic", "minutes": "5", "mode": "typed"})
    assert r.status_code == 302 and r["Location"] == reverse("interviews:room", args=[m.pk]) and MockInterview.objects.count() == 1


@pytest.mark.parametrize(("answer", "message"), [("", "Write your answer first"), ("?!?! 123", "in words"), ("x" * 20_001, "too long")])
def test_bad_answers_are_refused_and_earlier_answers_kept(client_for, user, answer: str, message: str) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    m = start(c)
    answer_current(c, m, GOOD)
    before = m.current()
    r = answer_current(c, m, answer)
    assert r.status_code == 400 and message in r.content.decode()  # type: ignore[attr-defined]
    assert m.current() == before and before is not None and Item.objects.get(pk=before.pk).status == Item.WAITING
    assert Item.objects.get(interview=m, position=10).answer == GOOD


def test_non_utf8_and_hostile_html_answers(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    m = start(c, minutes="5")
    item = m.current()
    assert item is not None
    r = c.post(reverse("interviews:answer", args=[m.pk, item.pk]), b"answer=I+like+caf\xe9+customers+and+people", content_type="application/x-www-form-urlencoded")
    assert r.status_code == 400 and "could not be read" in r.content.decode()
    hostile = "<script>alert('x')</script> I enjoy <b>helping</b> customers every day and I listen well."
    answer_current(c, m, hostile)
    c.post(reverse("interviews:finish", args=[m.pk]))
    html = c.get(reverse("interviews:report", args=[m.pk])).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_ending_early_skips_the_rest_and_still_reports(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    m = start(c)
    answer_current(c, m, GOOD)
    item = m.current()
    assert item is not None
    c.post(reverse("interviews:skip", args=[m.pk, item.pk]))
    r = c.post(reverse("interviews:finish", args=[m.pk]))
    assert r.status_code == 302
    m.refresh_from_db()
    assert m.status == MockInterview.FINISHED and m.report["answered"] == 1 and m.report["asked"] == 8
    assert not m.items.filter(status=Item.WAITING).exists()
    # Answering a finished interview changes nothing.
    last = m.items.order_by("-position").first()
    assert last is not None
    c.post(reverse("interviews:answer", args=[m.pk, last.pk]), {"answer": GOOD})
    assert Item.objects.get(pk=last.pk).answer == ""


def test_another_users_interview_is_not_found(client_for, user) -> None:  # type: ignore[no-untyped-def]
    m = start(client_for(user))
    other = client_for(make_user("other@example.com"))
    item = m.current()
    assert item is not None
    assert other.get(reverse("interviews:room", args=[m.pk])).status_code == 404
    assert other.post(reverse("interviews:answer", args=[m.pk, item.pk]), {"answer": GOOD}).status_code == 404
    assert other.get(reverse("interviews:report", args=[m.pk])).status_code == 404
    assert other.get(reverse("interviews:report_pdf", args=[m.pk])).status_code == 404


def _finished(c: Client, **overrides: object) -> MockInterview:
    m = start(c, minutes="5", **overrides)
    while (item := m.current()) is not None:
        c.post(reverse("interviews:answer", args=[m.pk, item.pk]), {"answer": GOOD})
    c.get(reverse("interviews:room", args=[m.pk]))
    m.refresh_from_db()
    return m


def test_pdf_export_has_the_report(client_for, user) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    c = client_for(user)
    m = _finished(c)
    r = c.get(reverse("interviews:report_pdf", args=[m.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and r.content.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(r.content)).pages)
    assert "Mock interview report" in text and "Tell me about yourself" in text and str(m.overall) in text


def test_the_second_interview_shows_the_trend_and_weak_answers_are_recommended(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    first = _finished(c)
    m = start(c, minutes="5")
    while (item := m.current()) is not None:
        c.post(reverse("interviews:answer", args=[m.pk, item.pk]), {"answer": "I am good at it."})
    c.get(reverse("interviews:room", args=[m.pk]))
    m.refresh_from_db()
    assert m.report["trend"] == [{"when": first.created.date().isoformat(), "overall": first.overall}]
    assert m.report["change"] == m.overall - (first.overall or 0)
    html = c.get(reverse("interviews:report", args=[m.pk])).content.decode()
    assert "Compared with your earlier interviews" in html and "<polyline" in html
    weak = {i.question_id for i in m.items.filter(follow_up_of=None)}
    retry = {r.question.id for r in recommend(user, ["customer-service-representative"], limit=20) if r.reason == "retry"}
    assert weak & retry
    dashboard = c.get(reverse("core:home")).content.decode()
    assert "From your last mock interview" in dashboard and "Practise this" in dashboard


def test_trainer_sees_a_report_only_when_shared(client_for, user) -> None:  # type: ignore[no-untyped-def]
    trainer = make_user("trainer@example.com", trainer=True)
    cohort = Cohort.objects.create(name="Batch 7", trainer=trainer)
    Membership.objects.create(cohort=cohort, user=user)
    c = client_for(user)
    m = _finished(c)
    t = client_for(trainer)
    assert t.get(reverse("interviews:report", args=[m.pk])).status_code == 404
    assert "Share with my trainer" in c.get(reverse("interviews:report", args=[m.pk])).content.decode()
    c.post(reverse("interviews:share", args=[m.pk]), {"share": "1"})
    assert t.get(reverse("interviews:report", args=[m.pk])).status_code == 200
    member_page = t.get(reverse("cohorts:member_plan", args=[cohort.pk, user.pk])).content.decode()
    assert reverse("interviews:report", args=[m.pk]) in member_page
    stranger = make_user("other.trainer@example.com", trainer=True)
    assert client_for(stranger).get(reverse("interviews:report", args=[m.pk])).status_code == 404
    c.post(reverse("interviews:share", args=[m.pk]), {"share": "0"})
    assert t.get(reverse("interviews:report", args=[m.pk])).status_code == 404


def _invite(c: Client, m: MockInterview) -> str:
    r = c.post(reverse("interviews:invite", args=[m.pk]), {"name": "Priya"})
    link = re.search(r'id="invite-link">([^<]+)<', r.content.decode())
    assert r.status_code == 200 and link
    return link.group(1).replace("http://testserver", "")


def test_a_friend_reviews_by_link_and_the_scores_reach_the_report(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    m = _finished(c)
    url = _invite(c, m)
    assert Invite.objects.get().token_hash not in url  # only the hash is stored
    friend = Client()
    page = friend.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and "Interviewing" in html and "What a good answer contains" in html and "Tell me about yourself." in html
    from django.utils.html import escape

    from bpoprep.content.catalogue import default_catalogue

    assert "Wrong if they say" in html and escape(default_catalogue().questions["tell-me-about-yourself"].misconceptions[0]) in html
    first = m.items.order_by("position").first()
    assert first is not None
    r = friend.post(url, {"reviewer": "Priya", f"content_{first.position}": "4", f"structure_{first.position}": "3", f"comment_{first.position}": "Good start, slow down.", "comment": "Confident overall."})
    assert r.status_code == 200 and "saved" in r.content.decode()
    review = Review.objects.get()
    assert review.scores[str(first.position)]["content"] == 4 and review.comment == "Confident overall."
    report = c.get(reverse("interviews:report", args=[m.pk])).content.decode()
    assert "From your interviewer" in report and "Confident overall." in report and "Good start, slow down." in report
    # The same link again, even from the same browser: refused, the review is kept.
    again = friend.get(url)
    assert again.status_code == 410 and "already been used" in again.content.decode()
    assert Review.objects.count() == 1


def test_a_link_that_is_expired_guessed_or_opened_elsewhere_is_refused(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    m = _finished(c)
    url = _invite(c, m)
    first, second = Client(), Client()
    assert first.get(url).status_code == 200
    r = second.get(url)
    assert r.status_code == 410 and "another browser" in r.content.decode()
    guessed = second.get(reverse("interviews:interviewer", args=["x" * 43]))
    assert guessed.status_code == 404 and "not valid" in guessed.content.decode()
    url2 = _invite(c, m)
    Invite.objects.filter(claimed_by="").update(expires=timezone.now() - dt.timedelta(minutes=1))
    r = Client().get(url2)
    assert r.status_code == 410 and "expired" in r.content.decode()
    # An empty review is refused with a message, not saved.
    r = first.post(url, {"reviewer": "Priya"})
    assert r.status_code == 400 and "at least one score" in r.content.decode() and not Review.objects.exists()


def test_deleting_an_interview_removes_it_and_its_answers(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    m = _finished(c)
    c.post(reverse("interviews:delete", args=[m.pk]))
    assert not MockInterview.objects.exists() and not Item.objects.exists()


def test_recent_questions_are_not_repeated(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    first = _finished(c)
    used = {i.question_id for i in first.items.all() if i.stage in ("behavioural", "situational", "role")}
    m = start(c, minutes="5")
    assert not used & {i.question_id for i in m.items.all()}
    assert used <= services.recent_questions(user)


CLIP = __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "speech" / "029810158.flac"


@pytest.mark.django_db(transaction=True)  # the analysis job runs when the upload commits
def test_a_spoken_answer_is_recorded_analysed_and_reported(client_for, user) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bpoprep.web.speaking.models import Recording

    c = client_for(user)
    m = start(c, mode="spoken", minutes="5")
    html = c.get(reverse("interviews:room", args=[m.pk])).content.decode()
    assert "data-recorder" in html and 'data-mode="interview"' in html
    item = m.current()
    assert item is not None
    # Wrong type and empty uploads are refused and the question stays open.
    r = c.post(reverse("interviews:upload", args=[m.pk, item.pk]), {"audio": SimpleUploadedFile("a.txt", b"hello", "text/plain")})
    assert r.status_code == 400 and "not an audio recording" in r.json()["error"]
    r = c.post(reverse("interviews:upload", args=[m.pk, item.pk]), {"audio": SimpleUploadedFile("a.flac", b"", "audio/flac")})
    assert r.status_code == 400 and Item.objects.get(pk=item.pk).status == Item.WAITING
    captions = "My name is Asha and I completed my degree in commerce. I enjoy helping customers and I applied for this role."
    r = c.post(reverse("interviews:upload", args=[m.pk, item.pk]), {"audio": SimpleUploadedFile("a.flac", CLIP.read_bytes(), "audio/flac"), "transcript": captions})
    assert r.status_code == 200 and r.json()["url"] == reverse("interviews:room", args=[m.pk])
    rec = Recording.objects.get(user=user)
    assert rec.kind == Recording.ANSWER and rec.ref == "tell-me-about-yourself" and rec.status == Recording.DONE  # immediate jobs in tests
    c.get(reverse("interviews:room", args=[m.pk]))  # the page brings the finished analysis in
    item.refresh_from_db()
    assert item.status == Item.DONE and item.answer == captions and item.feedback["overall"] >= 0
    assert item.speech["duration_s"] > 1 and "wpm" in item.speech
    # The same question cannot be answered twice.
    r = c.post(reverse("interviews:upload", args=[m.pk, item.pk]), {"audio": SimpleUploadedFile("a.flac", CLIP.read_bytes(), "audio/flac")})
    assert r.status_code == 409
    c.post(reverse("interviews:finish", args=[m.pk]))
    m.refresh_from_db()
    assert m.report["spoken"] and "delivery" in m.report["dimensions"]
    row = m.report["questions"][0]
    assert row["delivery"]["wpm"] == item.speech["wpm"]
    html = c.get(reverse("interviews:report", args=[m.pk])).content.decode()
    assert "words a minute" in html


@pytest.mark.django_db(transaction=True)  # the analysis job runs when the upload commits
def test_a_failed_recording_can_be_answered_again(client_for, user) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = client_for(user)
    m = start(c, mode="spoken", minutes="5")
    item = m.current()
    assert item is not None
    c.post(reverse("interviews:upload", args=[m.pk, item.pk]), {"audio": SimpleUploadedFile("a.webm", b"\x1aE\xdf\xa3 not really webm", "audio/webm")})
    html = c.get(reverse("interviews:room", args=[m.pk])).content.decode()
    item.refresh_from_db()
    assert item.status == Item.FAILED and item.error and "Answer again" in html
    c.post(reverse("interviews:retry", args=[m.pk, item.pk]))
    item.refresh_from_db()
    assert item.status == Item.WAITING and item.recording is None


def test_without_pango_the_pdf_link_explains_and_the_report_stays(client_for, user, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bpoprep.web.interviews import pdf

    c = client_for(user)
    m = _finished(c)

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    r = c.get(reverse("interviews:report_pdf", args=[m.pk]), follow=True)
    assert r.status_code == 200 and "Pango library is missing" in r.content.decode() and "Question by question" in r.content.decode()


def test_the_room_and_report_render_in_hindi(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    m = _finished(c)
    user.profile.ui_language = "hi"  # the account's language wins over the browser's
    user.profile.save(update_fields=["ui_language"])
    html = c.get(reverse("interviews:report", args=[m.pk])).content.decode()
    assert "मॉक इंटरव्यू" in html and f"{m.overall}<span>/100</span>" in html


def test_an_answer_settled_twice_adds_one_follow_up(client_for, user) -> None:  # type: ignore[no-untyped-def]
    """Two requests racing on the same answer (a double submit, two polling tabs)."""
    c = client_for(user)
    m = start(c, minutes="5")
    answer_current(c, m, GOOD)
    story = m.current()
    assert story is not None and story.stage == "behavioural"
    first, second = Item.objects.get(pk=story.pk), Item.objects.get(pk=story.pk)  # both read before either writes
    services.answer_typed(first, NO_RESULT_STORY, 60)
    services.answer_typed(second, NO_RESULT_STORY, 60)
    assert Item.objects.filter(follow_up_of=story).count() == 1
    m.refresh_from_db()
    assert m.follow_ups_left == 0
