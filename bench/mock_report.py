"""Mock interview: time to produce the report for a 10-question interview (8 questions and 2
follow-ups), typed and spoken with 60 s answers, and the PDF render time. One core.

Runs the app's own services on a throw-away SQLite database, as the web views do. The spoken
part needs ../shared/data/speechocean762 for real speech (skipped without it).

    python bench/mock_report.py [--runs 5] [--spoken-answers 10]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from stats import percentile, rss_mb  # bench/stats.py

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "speechocean762"
STORY = (
    "Last year I worked part-time at a mobile shop in Pune. A customer came in shouting because his new phone kept restarting. "
    "My job was to calm him down and sort it out. I let him finish, apologised for the trouble and checked the phone in front of him. "
    "I found a faulty update and I arranged a replacement from our stock."
)
ANSWER = (
    "My name is Asha and I completed my B.Com in 2025. I speak clear English and Hindi and I type at 40 words a minute. "
    "At my uncle's shop I handled about thirty customer queries a day, listening first and then solving the problem, "
    "for example a refund that I arranged within one day. I applied for this role because I enjoy helping customers."
)


def setup_django() -> object:
    data = Path(tempfile.mkdtemp(prefix="bpoprep-mock-bench-"))
    os.environ.update(BPOPREP_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="bpoprep.web.settings", BPOPREP_JOBS_BACKEND="immediate")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from bpoprep.web.accounts.models import Profile, User

    user = User.objects.create_user("bench@example.com", "bench-password-123", display_name="Bench")
    Profile.objects.create(user=user, target_roles=["customer-service-representative"], process="voice_inbound", market="international")
    return user


def interview(user: object, mode: str, minutes: int = 10) -> object:
    """A 10-minute interview has 8 questions; answers that lack a result draw its 2 follow-ups."""
    from bpoprep.web.interviews import services

    return services.start(user, role="customer-service-representative", process="voice_inbound", market="international", minutes=minutes, mode=mode, allow_repeats=True)


def typed(user: object, runs: int) -> None:
    from bpoprep.web.interviews import services
    from bpoprep.web.interviews.pdf import render_pdf

    answer_ms, report_ms, pdf_ms, counts = [], [], [], []
    for _ in range(runs):
        m = interview(user, "typed")
        while (item := m.current()) is not None:
            t = time.perf_counter()
            services.answer_typed(item, STORY if item.stage in ("behavioural", "situational") and not item.follow_up_of_id else ANSWER, 60)
            answer_ms.append(1000 * (time.perf_counter() - t))
        counts.append(m.items.count())
        t = time.perf_counter()
        services.finish(m)
        report_ms.append(1000 * (time.perf_counter() - t))
        t = time.perf_counter()
        pdf = render_pdf(m)
        pdf_ms.append(1000 * (time.perf_counter() - t))
    print(f"typed: {runs} interviews of {min(counts)}-{max(counts)} questions (with follow-ups)")
    print(f"  per answer (feedback + follow-up choice): p50 {percentile(answer_ms, 50):.1f} ms, p95 {percentile(answer_ms, 95):.1f} ms")
    print(f"  report after the last answer: p50 {percentile(report_ms, 50):.0f} ms, max {max(report_ms):.0f} ms")
    print(f"  PDF render: p50 {percentile(pdf_ms, 50):.0f} ms, max {max(pdf_ms):.0f} ms ({len(pdf) // 1024} KB)")


def sixty_seconds_of_speech(folder: Path) -> tuple[Path, float, str]:
    import numpy as np
    import soundfile as sf

    meta = [json.loads(line) for line in (CORPUS / "train.jsonl").read_text().splitlines()][:600:5]
    pieces, texts, total = [], [], 0.0
    for m in meta:
        audio, rate = sf.read(CORPUS / "train" / f"{m['utt']}.flac", dtype="float32")
        pieces.append(audio)
        texts.append(m["text"].lower())
        total += len(audio) / rate
        if total >= 60:
            break
    path = folder / "answer.wav"
    sf.write(path, np.concatenate(pieces), 16000)
    return path, total, " ".join(texts)


def spoken(user: object, answers: int) -> None:
    if not CORPUS.is_dir():
        print(f"spoken: skipped ({CORPUS} not found)")
        return
    from django.core.files import File

    from bpoprep.web.interviews import services
    from bpoprep.web.speaking.jobs import analyse_recording
    from bpoprep.web.speaking.models import Recording

    wav, seconds, words = sixty_seconds_of_speech(Path(tempfile.mkdtemp(prefix="bpoprep-mock-audio-")))
    m = interview(user, "spoken", minutes=15)  # 12 questions: the first 10 answered, as in a 10-question interview
    timings: dict[bool, list[float]] = {True: [], False: []}
    last = 0.0
    n = 0
    while (item := m.current()) is not None and n < answers:
        captions = words if n % 2 == 0 else ""  # every other answer as from a browser without captions
        with wav.open("rb") as fh:
            rec = Recording.objects.create(user=m.user, kind=Recording.ANSWER, ref=item.question_id, audio=File(fh, name="answer.wav"), content_type="audio/wav", transcript=captions)
        services.attach_recording(item, rec)
        t = time.perf_counter()
        analyse_recording({"recording": rec.pk})  # what the worker runs after each upload
        services.refresh(m)
        last = time.perf_counter() - t
        timings[bool(captions)].append(last)
        n += 1
    t = time.perf_counter()
    services.finish(m)
    report = time.perf_counter() - t
    print(f"spoken: {n} answers of {seconds:.0f} s (delivery, text feedback and follow-up; pronunciation when captions give the words)")
    for with_captions, label in ((True, "with browser captions (aligned, pronunciation scored)"), (False, "without captions (server transcription)")):
        if timings[with_captions]:
            p50 = percentile(timings[with_captions], 50)
            print(f"  per answer {label}: p50 {p50:.1f} s, max {max(timings[with_captions]):.1f} s, real-time factor {p50 / seconds:.3f}")
    print(f"  report ready after the last answer is sent: {last + report:.1f} s ({last:.1f} s its analysis + {1000 * report:.0f} ms the report)")
    print(f"  all {n} answers: {sum(timings[True]) + sum(timings[False]):.0f} s of one core, spent in the background while the interview goes on")
    dims = m.report["dimensions"]
    print(f"  report dimensions: {', '.join(f'{k} {v}' for k, v in dims.items())}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--spoken-answers", type=int, default=10)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sys.path.insert(0, str(ROOT / "src"))
    user = setup_django()
    from bpoprep.feedback.embedding import encoder

    encoder()  # loaded once at server start (`bpoprep serve` warms it)
    typed(user, args.runs)
    spoken(user, args.spoken_answers)
    print(f"resident memory at the end: {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
