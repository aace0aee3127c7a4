"""Mock interviews in the web app: draw the questions, take answers (typed now, spoken through
the speaking app's background analysis), add follow-ups, and build the report."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from collections.abc import Sequence
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bpoprep.content.schemas import Question
from bpoprep.feedback.engine import AnswerError, analyse
from bpoprep.interview import blueprint, followup
from bpoprep.interview import report as report_builder
from bpoprep.web.curriculum.services import current
from bpoprep.web.practice.models import Attempt
from bpoprep.web.progress.services import record
from bpoprep.web.speaking.models import Recording

from .models import Invite, Item, MockInterview

log = logging.getLogger("bpoprep.interviews")
RECENT_DAYS = 7
INVITE_DAYS = 3
STEP = 10  # positions of main questions; a follow-up goes half-way to the next


def recent_questions(user: Any, days: int = RECENT_DAYS) -> set[str]:
    """Questions the candidate answered lately, in practice, aloud or in another interview."""
    since = timezone.now() - dt.timedelta(days=days)
    ids = set(Attempt.objects.filter(user=user, created__gte=since).values_list("question_id", flat=True))
    ids |= set(Recording.objects.filter(user=user, kind=Recording.ANSWER, created__gte=since).values_list("ref", flat=True))
    ids |= set(Item.objects.filter(interview__user=user, interview__created__gte=since).exclude(answer="").values_list("question_id", flat=True))
    return ids


def start(user: Any, *, role: str, process: str, market: str, minutes: int, mode: str, allow_repeats: bool = False) -> MockInterview:
    """Draw the questions and save the interview; raises BlueprintError for impossible choices."""
    cat = current()
    if role not in cat.roles:
        raise blueprint.BlueprintError("Choose one of the roles in the list.")
    recent = set() if allow_repeats else recent_questions(user)
    plan = blueprint.build(cat.questions, role=role, process=process, market=market, minutes=minutes, mode=mode, recent=recent, seed=secrets.randbits(32))
    with transaction.atomic():
        interview = MockInterview.objects.create(user=user, role=role, process=process, market=market, minutes=minutes, mode=mode, follow_ups_left=plan.follow_ups)
        Item.objects.bulk_create(
            Item(interview=interview, position=STEP * (n + 1), stage=s.stage, question_id=s.question_id, text=cat.questions[s.question_id].text, seconds_allowed=s.seconds)
            for n, s in enumerate(plan.slots)
        )
    return interview


def active(user: Any) -> MockInterview | None:
    return MockInterview.objects.filter(user=user, status=MockInterview.ACTIVE).first()


def question_for(item: Item) -> Question | None:
    return current().questions.get(item.question_id)


def mark_asked(item: Item) -> None:
    """The clock for an answer starts the first time the question is shown, and survives a reload."""
    if item.asked_at is None:
        item.asked_at = timezone.now()
        item.save(update_fields=["asked_at"])


def elapsed(item: Item) -> int:
    return int((timezone.now() - item.asked_at).total_seconds()) if item.asked_at else 0


def save_draft(item: Item, text: str) -> None:
    item.draft = text
    item.save(update_fields=["draft"])


def _similar(point: str, candidates: Sequence[str]) -> list[float]:
    """Cosine similarity with the sentence model the feedback engine already has loaded."""
    from bpoprep.feedback.embedding import encoder

    vectors = encoder().encode([point, *candidates])
    return [float(v) for v in np.asarray(vectors[1:]) @ np.asarray(vectors[0])]


def _settle(item: Item, feedback: dict[str, Any] | None) -> None:
    """Store the result and, for a main question with follow-ups left, add the follow-up."""
    interview = item.interview
    with transaction.atomic():
        item.feedback, item.status, item.error = feedback or {}, Item.DONE, ""
        # Only the first of two racing requests (a double submit, two polling tabs) settles it.
        won = Item.objects.filter(pk=item.pk).exclude(status=Item.DONE).update(
            feedback=item.feedback, status=Item.DONE, error="", answer=item.answer, seconds=item.seconds, speech=item.speech
        )
        q = question_for(item)
        if not won or feedback is None or q is None or item.follow_up_of_id is not None or interview.follow_ups_left == 0:
            return
        try:
            choice = followup.choose(q, feedback, _similar)
        except Exception:  # the model failed to load: no follow-up rather than a lost answer
            log.exception("follow-up choice failed")
            choice = followup.choose(q, feedback)
        if choice is None or not MockInterview.objects.filter(pk=interview.pk, follow_ups_left__gt=0).update(follow_ups_left=F("follow_ups_left") - 1):
            return
        Item.objects.create(
            interview=interview, position=item.position + STEP // 2, stage=item.stage, question_id=item.question_id,
            text=choice.text, follow_up_of=item, follow_up_reason=choice.reason, seconds_allowed=max(45, item.seconds_allowed // 2),
        )
        interview.follow_ups_left -= 1


def _feedback(text: str, q: Question | None) -> dict[str, Any] | None:
    if q is None:
        return None
    try:
        return analyse(text, q).to_dict()
    except AnswerError as exc:
        return {"error": str(exc)}


def answer_typed(item: Item, text: str, seconds: int | None) -> None:
    """Save the answer, then analyse it; the answer is kept even if the analysis fails."""
    item.answer, item.draft = text, ""
    item.seconds = seconds if seconds is not None else elapsed(item)
    item.save(update_fields=["answer", "draft", "seconds"])
    q = question_for(item)
    try:
        fb = _feedback(text, q)
    except Exception:  # the model could not load: keep going, the report says so
        log.exception("mock answer feedback failed", extra={"item": item.pk})
        fb = None
    _settle(item, None if fb is None or "error" in fb else fb)


def attach_recording(item: Item, rec: Recording) -> None:
    item.recording, item.status, item.error = rec, Item.ANALYSING, ""
    item.seconds = elapsed(item)
    item.save(update_fields=["recording", "status", "error", "seconds"])


SPEECH_KEYS = ("duration_s", "wpm", "articulation_rate", "fillers", "pitch_variation_st", "delivery", "accuracy", "fluency", "prosody", "total", "sound_tips", "warnings")


def refresh(interview: MockInterview) -> None:
    """Bring in the spoken answers whose analysis has finished (called whenever the page loads)."""
    for item in interview.items.filter(status=Item.ANALYSING).select_related("recording"):
        rec = item.recording
        if rec is None:
            item.status, item.error = Item.FAILED, "The recording was deleted. Answer again."
            item.save(update_fields=["status", "error"])
        elif rec.status == Recording.FAILED:
            item.status, item.error = Item.FAILED, rec.error
            item.save(update_fields=["status", "error"])
        elif rec.status == Recording.DONE:
            item.answer = rec.transcript
            item.speech = {k: rec.result.get(k) for k in SPEECH_KEYS if k in rec.result}
            fb = rec.result.get("answer_feedback")
            _settle(item, fb if fb and "error" not in fb else None)


def retry(item: Item) -> None:
    item.status, item.error, item.recording = Item.WAITING, "", None
    item.save(update_fields=["status", "error", "recording"])


def skip(item: Item) -> None:
    item.status, item.feedback = Item.SKIPPED, {}
    item.save(update_fields=["status", "feedback"])


def _previous(interview: MockInterview) -> list[report_builder.Previous]:
    earlier = MockInterview.objects.filter(user=interview.user, status=MockInterview.FINISHED, created__lt=interview.created).exclude(pk=interview.pk).order_by("created")
    return [report_builder.Previous(m.created.date().isoformat(), m.overall or 0, m.report.get("dimensions", {})) for m in earlier]


def build_report(interview: MockInterview) -> dict[str, Any]:
    """The report from the saved items. A main answer with a follow-up is also judged together
    with it, as an interviewer would."""
    items = list(interview.items.order_by("position"))
    by_pk = {i.pk: i for i in items}
    follow_ups = {i.follow_up_of_id: i for i in items if i.follow_up_of_id}
    cat = current()
    inputs = []
    for i in items:
        q = cat.questions.get(i.question_id)
        fb = i.feedback if i.status == Item.DONE and i.feedback else None
        combined = None
        extra = follow_ups.get(i.pk)
        if fb and extra is not None and extra.answer and q is not None:
            combined = _feedback(f"{i.answer}\n{extra.answer}", q)
            combined = None if combined is None or "error" in combined else combined
        parent = by_pk.get(i.follow_up_of_id) if i.follow_up_of_id else None
        inputs.append(report_builder.Item(
            position=i.position, stage=i.stage, question_id=i.question_id, question=i.text,
            category=q.category if q else "", answer=i.answer, feedback=fb, speech=i.speech or None,
            seconds=i.seconds, seconds_allowed=i.seconds_allowed,
            follow_up_of=parent.position if parent else None, follow_up_reason=i.follow_up_reason, combined=combined,
        ))
    return report_builder.build(inputs, spoken=interview.mode == MockInterview.SPOKEN, previous=_previous(interview))


def finish(interview: MockInterview) -> MockInterview:
    """Every question is settled (or the candidate ended early): skip the rest, write the report."""
    with transaction.atomic():
        interview.items.filter(status__in=(Item.WAITING, Item.FAILED)).update(status=Item.SKIPPED)
        report = build_report(interview)
        interview.report, interview.overall = report, report["overall"]
        interview.status, interview.finished = MockInterview.FINISHED, timezone.now()
        interview.save(update_fields=["report", "overall", "status", "finished"])
        record(interview.user, "mock_interview", interview.role, overall=report["overall"], interview=interview.pk)
    return interview


def finished_reports(user: Any, shared_only: bool = False) -> Any:
    reports = MockInterview.objects.filter(user=user, status=MockInterview.FINISHED)
    return (reports.filter(shared_with_trainer=True) if shared_only else reports).order_by("-finished", "-pk")


def latest_report(user: Any, shared_only: bool = False) -> MockInterview | None:
    return finished_reports(user, shared_only).first()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(interview: MockInterview, name: str = "") -> str:
    """A new interviewer link; the token is returned once and only its hash is stored."""
    token = secrets.token_urlsafe(32)
    Invite.objects.create(interview=interview, token_hash=_hash(token), name=name[:80], expires=timezone.now() + dt.timedelta(days=INVITE_DAYS))
    return token


class InviteRefused(Exception):
    """A link that is not valid, has expired or was already used; the message says which."""

    def __init__(self, message: object, status: int) -> None:
        super().__init__(str(message))
        self.status = status


def open_invite(token: str, session_key: str) -> Invite:
    """The invite for this link, claimed by the first browser that opens it."""
    inv = Invite.objects.select_related("interview", "interview__user").filter(token_hash=_hash(token)).first() if token else None
    if inv is None:
        raise InviteRefused(_("This interviewer link is not valid. Ask the candidate to send a new one."), 404)
    if inv.used is not None:
        raise InviteRefused(_("This interviewer link has already been used: the review was saved. Ask the candidate for a new link to review again."), 410)
    if inv.expires <= timezone.now():
        raise InviteRefused(_("This interviewer link has expired. Ask the candidate to send a new one."), 410)
    claim = _hash(session_key)
    if inv.claimed_by and inv.claimed_by != claim:
        raise InviteRefused(_("This interviewer link is already open in another browser. Each link is for one interviewer."), 410)
    if not inv.claimed_by:
        inv.claimed_by = claim
        inv.save(update_fields=["claimed_by"])
    return inv
