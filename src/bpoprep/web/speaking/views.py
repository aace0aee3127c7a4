from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bpoprep.web.core.validators import is_plain_text
from bpoprep.web.curriculum.services import current
from bpoprep.web.jobs.services import enqueue

from .models import Recording

MAX_BYTES = 10 * 1024 * 1024
AUDIO_TYPES = {"audio/webm", "audio/ogg", "audio/wav", "audio/x-wav", "audio/wave", "audio/mpeg", "audio/mp4", "audio/flac", "audio/x-flac", "video/webm"}


def _drill(kind: str, drill_id: str) -> tuple[str, str, list[str]]:
    """(id, the sentence to say, the phrases shown scrambled for a sentence build)."""
    speaking = current().speaking
    if kind == Recording.READ_ALOUD:
        items = {i.id: (i.text, []) for i in speaking.read_aloud}
    elif kind == Recording.REPEAT:
        items = {i.id: (i.text, []) for i in speaking.repeat}
    else:
        items = {i.id: (i.sentence, _scrambled(i.id, list(i.phrases))) for i in speaking.sentence_build}
    if drill_id not in items:
        raise Http404("No such drill")
    text, phrases = items[drill_id]
    return drill_id, text, phrases


def _scrambled(seed: str, phrases: list[str]) -> list[str]:
    """A fixed shuffle per item that is never the right order."""
    import random

    rng = random.Random(seed)
    order = phrases[:]
    while order == phrases:
        rng.shuffle(order)
    return order


@login_required
def index(request: HttpRequest) -> HttpResponse:
    speaking = current().speaking
    by_level = lambda items: sorted(items, key=lambda d: (d.level, d.id))  # noqa: E731
    return render(request, "speaking/index.html", {"drills": by_level(speaking.read_aloud), "repeats": by_level(speaking.repeat), "builds": by_level(speaking.sentence_build), "recent": Recording.objects.filter(user=request.user)[:10]})


@login_required
def record_page(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    phrases: list[str] = []
    if kind in Recording.DRILLS:
        ref, prompt, phrases = _drill(kind, ref)
        title = {Recording.READ_ALOUD: _("Read this aloud"), Recording.REPEAT: _("Listen, then repeat the sentence"), Recording.SENTENCE_BUILD: _("Say these phrases as one sentence, in the right order")}[kind]
    elif kind == Recording.ANSWER:
        question = current().questions.get(ref)
        if question is None:
            raise Http404("No such question")
        prompt, title = "", question.text
    else:
        raise Http404("No such kind")
    return render(request, "speaking/record.html", {
        "kind": kind, "ref": ref, "prompt": prompt, "phrases": phrases, "title": title, "max_seconds": TIME_LIMITS[kind],
        "countdown": 3 if kind in Recording.DRILLS else 0, "speak": kind in (Recording.REPEAT, Recording.SENTENCE_BUILD),
        "set_kind": request.GET.get("set", ""),
    })


# Seconds allowed per item, close to the real tests (Versant gives ~15 s a repeat, ~30 s a reading).
TIME_LIMITS = {Recording.ANSWER: 180, Recording.READ_ALOUD: 40, Recording.REPEAT: 15, Recording.SENTENCE_BUILD: 20}
SET_SIZE = 5


@login_required
def drill_set(request: HttpRequest, kind: str) -> HttpResponse:
    """A timed set of five drills of one kind, with a summary of the latest attempt at each."""
    speaking = current().speaking
    items = {Recording.READ_ALOUD: speaking.read_aloud, Recording.REPEAT: speaking.repeat, Recording.SENTENCE_BUILD: speaking.sentence_build}.get(kind)
    if items is None:
        raise Http404("No such drill set")
    level = request.GET.get("level", "")
    chosen = [i for i in sorted(items, key=lambda i: (i.level, i.id)) if not level or str(i.level) == level][:SET_SIZE]
    latest: dict[str, Recording] = {}
    for rec in Recording.objects.filter(user=request.user, kind=kind, ref__in=[i.id for i in chosen]).order_by("created", "pk"):
        latest[rec.ref] = rec
    rows = [(i, latest.get(i.id)) for i in chosen]
    done = [r for _, r in rows if r is not None and r.status == Recording.DONE]
    def mean(key: str) -> float | None:
        values = [r.result[key] for r in done if r.result.get(key) is not None]
        return round(sum(values) / len(values), 1) if values else None
    summary = {"done": len(done), "total": mean("total"), "fluency": mean("fluency"), "wpm": mean("wpm"), "reproduced": mean("words_reproduced")}
    next_item = next((i for i, r in rows if r is None), None)
    return render(request, "speaking/set.html", {"kind": kind, "rows": rows, "summary": summary, "next_item": next_item, "size": len(chosen), "seconds": TIME_LIMITS[kind]})


def received_audio(request: HttpRequest) -> tuple[UploadedFile, str, str] | JsonResponse:
    """The uploaded recording, its content type and the browser's live captions (dropped when
    unusable: the server transcribes instead), or the error reply for a bad upload."""
    audio: UploadedFile | None = request.FILES.get("audio")
    if audio is None or audio.size == 0:
        return JsonResponse({"error": _("No recording arrived. Record again.")}, status=400)
    if audio.size > MAX_BYTES:
        return JsonResponse({"error": _("The recording is too large (over 10 MB). Keep answers under three minutes.")}, status=400)
    content_type = (audio.content_type or "").split(";")[0].strip().lower()
    if content_type not in AUDIO_TYPES:
        return JsonResponse({"error": _("That is not an audio recording.")}, status=400)
    captions = request.POST.get("transcript", "").strip()[:20_000]
    return audio, content_type, captions if is_plain_text(captions) else ""


@login_required
@require_POST
def upload(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    prompt = _drill(kind, ref)[1] if kind in Recording.DRILLS else ""
    if kind == Recording.ANSWER and ref not in current().questions:
        raise Http404("No such question")
    received = received_audio(request)
    if isinstance(received, JsonResponse):
        return received
    audio, content_type, captions = received
    with transaction.atomic():
        rec = Recording.objects.create(user=request.user, kind=kind, ref=ref, prompt_text=prompt, audio=audio, content_type=content_type, transcript=captions if kind == Recording.ANSWER else "")
        enqueue("analyse_recording", {"recording": rec.pk}, user=request.user)
    return JsonResponse({"url": reverse("speaking:recording", args=[rec.pk])})


@login_required
def recording(request: HttpRequest, pk: int) -> HttpResponse:
    rec = get_object_or_404(Recording, pk=pk, user=request.user)
    template = "speaking/_status.html" if request.headers.get("HX-Request") else "speaking/recording.html"
    return render(request, template, {"r": rec, "res": rec.result, "fb": rec.result.get("answer_feedback") if rec.result else None})


@login_required
@require_POST
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    """The user fixes the transcript; the analysis runs again with it."""
    rec = get_object_or_404(Recording, pk=pk, user=request.user)
    text = request.POST.get("transcript", "").strip()[:20_000]
    if not is_plain_text(text):  # show the page again unchanged
        return redirect("speaking:recording", pk=rec.pk)
    if text:
        with transaction.atomic():
            rec.transcript, rec.status = text, Recording.PENDING
            rec.save(update_fields=["transcript", "status"])
            enqueue("analyse_recording", {"recording": rec.pk, "transcript": text}, user=request.user)
    return redirect("speaking:recording", pk=rec.pk)


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    rec = get_object_or_404(Recording, pk=pk, user=request.user)
    if rec.audio:
        rec.audio.delete(save=False)
    rec.delete()
    return redirect("speaking:index")


@login_required
def audio(request: HttpRequest, pk: int) -> HttpResponse:
    from django.http import FileResponse

    rec = get_object_or_404(Recording, pk=pk, user=request.user)  # only the owner hears it
    if not rec.audio:
        raise Http404("The audio was deleted after the retention period")
    return FileResponse(rec.audio.open("rb"), content_type=rec.content_type)


@login_required
@require_POST
def call_turn(request: HttpRequest, scenario_id: str) -> HttpResponse:
    """One spoken turn of a mock call: saved, transcribed now (turns are short), returned as text."""
    from bpoprep.isolation import ChildFailed, run
    from bpoprep.speech.analyse import analyse
    from bpoprep.speech.audio import AudioError

    if scenario_id not in current().calls:
        raise Http404("No such call scenario")
    audio: UploadedFile | None = request.FILES.get("audio")
    if audio is None or audio.size == 0 or audio.size > MAX_BYTES:
        return JsonResponse({"error": _("No usable recording arrived. Record the turn again.")}, status=400)
    content_type = (audio.content_type or "").split(";")[0].strip().lower()
    if content_type not in AUDIO_TYPES:
        return JsonResponse({"error": _("That is not an audio recording.")}, status=400)
    rec = Recording.objects.create(user=request.user, kind=Recording.CALL_TURN, ref=scenario_id, audio=audio, content_type=content_type)
    try:
        result = run(analyse, rec.audio.path, None, timeout=90, memory=2 * 1024**3)
    except (AudioError, ChildFailed) as exc:
        rec.status, rec.error = Recording.FAILED, str(exc) or _("The turn could not be analysed.")
        rec.save(update_fields=["status", "error"])
        return JsonResponse({"error": rec.error}, status=400)
    captions = request.POST.get("transcript", "").strip()[:5000]
    rec.transcript, rec.result, rec.status = captions or result["transcript"], result, Recording.DONE
    rec.save(update_fields=["transcript", "result", "status"])
    delivery = {"wpm": result["wpm"], "fillers": len(result["fillers"]), "longest_pause_s": result["delivery"]["longest_pause_s"], "seconds": result["duration_s"]}
    return JsonResponse({"transcript": rec.transcript, "delivery": delivery})
