"""Spoken practice in the app: upload, background analysis, correction, deletion, privacy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bpoprep.web.curriculum.services import current
from bpoprep.web.plans.services import plan_for
from bpoprep.web.speaking.models import Recording
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)  # the analysis job runs when the upload commits
CLIP = Path(__file__).resolve().parents[1] / "data" / "speech" / "029810158.flac"


def upload(c, kind: str, ref: str, data: bytes, content_type: str = "audio/flac"):  # type: ignore[no-untyped-def]
    return c.post(reverse("speaking:upload", args=[kind, ref]), {"audio": SimpleUploadedFile("r.flac", data, content_type)})


def test_read_aloud_is_saved_analysed_and_shown(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    drill = sorted(current().speaking.read_aloud, key=lambda d: d.id)[0]
    page = c.get(reverse("speaking:record", args=["read_aloud", drill.id])).content.decode()
    assert drill.text in page and "data-recorder" in page
    r = upload(c, "read_aloud", drill.id, CLIP.read_bytes())
    rec = Recording.objects.get(user=user)
    assert r.status_code == 200 and json.loads(r.content)["url"] == reverse("speaking:recording", args=[rec.pk])
    assert rec.status == "done" and rec.prompt_text == drill.text and 0 <= rec.result["total"] <= 10
    html = c.get(reverse("speaking:recording", args=[rec.pk])).content.decode()
    assert "/10" in html and "words a minute" in html
    assert c.get(reverse("speaking:audio", args=[rec.pk])).status_code == 200


def test_spoken_answer_gets_text_feedback_and_a_corrected_transcript_reruns_it(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    upload(c, "answer", "why-bpo", CLIP.read_bytes())
    rec = Recording.objects.get(user=user)
    assert rec.status == "done" and rec.result["answer_feedback"] is not None
    c.post(reverse("speaking:correct", args=[rec.pk]), {"transcript": "I like helping customers and the training helps me grow to team leader."})
    rec.refresh_from_db()
    assert rec.transcript.startswith("I like helping customers") and rec.result["answer_feedback"]["overall"] >= 0


@pytest.mark.parametrize(
    ("data", "content_type", "message"),
    [(b"", "audio/flac", "No recording arrived"), (b"x" * (11 * 1024 * 1024), "audio/webm", "too large"), (b"<html></html>", "text/html", "not an audio recording")],
)
def test_bad_uploads_are_refused_and_nothing_is_stored(client_for, user, data: bytes, content_type: str, message: str) -> None:  # type: ignore[no-untyped-def]
    r = upload(client_for(user), "answer", "why-bpo", data, content_type)
    assert r.status_code == 400 and message in json.loads(r.content)["error"] and not Recording.objects.exists()


def test_a_corrupt_recording_is_kept_and_explained(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    upload(c, "answer", "why-bpo", b"\x1aE\xdf\xa3 this is not really webm", "audio/webm")
    rec = Recording.objects.get(user=user)
    assert rec.status == "failed" and rec.error  # kept, with the reason (damaged, not audio, too short...)
    assert rec.error in c.get(reverse("speaking:recording", args=[rec.pk])).content.decode()


def test_recordings_are_private_deletable_and_tick_the_plan(client_for) -> None:  # type: ignore[no-untyped-def]
    user = make_user("voice@example.com")
    c = client_for(user)
    drills = sorted(current().speaking.read_aloud, key=lambda d: d.id)[:3]
    for d in drills:
        upload(c, "read_aloud", d.id, CLIP.read_bytes())
    assert {s.step.id: s.done_how for s in plan_for(user).steps}["speaking-drills"] == "auto"
    rec = Recording.objects.filter(user=user).first()
    other = client_for(make_user("b@example.com"))
    for name in ("speaking:recording", "speaking:audio"):
        assert other.get(reverse(name, args=[rec.pk])).status_code == 404
    assert other.post(reverse("speaking:delete", args=[rec.pk])).status_code == 404
    path = Path(rec.audio.path)
    c.post(reverse("speaking:delete", args=[rec.pk]))
    assert not Recording.objects.filter(pk=rec.pk).exists() and not path.exists()


def test_repeat_and_sentence_build_drills(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    repeat = sorted(current().speaking.repeat, key=lambda d: d.id)[0]
    build = sorted(current().speaking.sentence_build, key=lambda d: d.id)[0]
    page = c.get(reverse("speaking:record", args=["repeat", repeat.id])).content.decode()
    assert "data-say=" in page and "Play the sentence" in page
    page = c.get(reverse("speaking:record", args=["sentence_build", build.id])).content.decode()
    positions = [page.index(f"<li>{p}</li>") for p in build.phrases]
    assert positions != sorted(positions)  # shown scrambled, never in the right order
    upload(c, "repeat", repeat.id, CLIP.read_bytes())
    rec = Recording.objects.get(user=user)
    assert rec.prompt_text == repeat.text and 0 <= rec.result["words_reproduced"] <= 1 and "heard" in rec.result
    assert "of the words reproduced" in c.get(reverse("speaking:recording", args=[rec.pk])).content.decode()
    assert c.get(reverse("speaking:record", args=["repeat", "no-such-item"])).status_code == 404


def test_old_audio_is_purged_but_results_stay(client_for, user) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from django.utils import timezone

    from bpoprep.web.speaking.retention import purge_old_audio

    c = client_for(user)
    drill = sorted(current().speaking.read_aloud, key=lambda d: d.id)[0]
    upload(c, "read_aloud", drill.id, CLIP.read_bytes())
    rec = Recording.objects.get(user=user)
    path = Path(rec.audio.path)
    assert purge_old_audio() == 0
    Recording.objects.filter(pk=rec.pk).update(created=timezone.now() - dt.timedelta(days=400))
    assert purge_old_audio() == 1
    rec.refresh_from_db()
    assert not rec.audio and not path.exists() and rec.result["total"] is not None
    assert "deleted after the retention period" in c.get(reverse("speaking:recording", args=[rec.pk])).content.decode()
    assert c.get(reverse("speaking:audio", args=[rec.pk])).status_code == 404


def test_browser_captions_become_the_answer_transcript(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    c.post(reverse("speaking:upload", args=["answer", "why-bpo"]), {"audio": SimpleUploadedFile("r.flac", CLIP.read_bytes(), "audio/flac"), "transcript": "I enjoy helping customers and I want to grow in this career."})
    rec = Recording.objects.get(user=user)
    assert rec.transcript.startswith("I enjoy helping customers") and rec.result["answer_feedback"]["overall"] >= 0


def test_timed_set_summarises_the_latest_attempts(client_for, user) -> None:  # type: ignore[no-untyped-def]
    c = client_for(user)
    page = c.get(reverse("speaking:set", args=["read_aloud"])).content.decode()
    assert "0<span>/5</span>" in page and "Next item" in page
    first = sorted(current().speaking.read_aloud, key=lambda i: (i.level, i.id))[0]
    record_page = c.get(reverse("speaking:record", args=["read_aloud", first.id]) + "?set=read_aloud").content.decode()
    assert 'data-countdown="3"' in record_page and 'data-max="40"' in record_page
    upload(c, "read_aloud", first.id, CLIP.read_bytes())
    page = c.get(reverse("speaking:set", args=["read_aloud"])).content.decode()
    assert "1<span>/5</span>" in page and "Average score" in page
    assert c.get("/speak/sets/nonsense/").status_code == 404
