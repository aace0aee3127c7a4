"""One recording, end to end: decode, transcribe or align, measure delivery, score pronunciation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bpoprep.feedback.language import fillers as filler_words

from . import delivery, pronunciation, recognize
from .audio import load


def _free_transcription(pcm: Any, warnings: list[str]) -> list[recognize.Word]:
    """Whisper when a deployer configured it, else pocketsphinx; a broken Whisper setup is
    reported and pocketsphinx used instead."""
    from . import whisper

    if whisper.configured() is not None:
        try:
            return whisper.transcribe(pcm)
        except whisper.WhisperUnavailable as exc:
            warnings.append(f"{exc} Transcribed with pocketsphinx instead.")
    return recognize.transcribe(pcm)


def analyse(path: str | Path, text: str | None = None, band: tuple[int, int] = delivery.PACE_BAND, vocabulary: dict[str, str] | None = None) -> dict[str, Any]:
    """Everything about one recording; `band` is the target pace in words a minute; `vocabulary`
    (word -> phones) adds the question's own terms to the recogniser (see recognize.acronyms)."""
    audio = load(path)
    if vocabulary:
        recognize.add_vocabulary(vocabulary)
    aligned = False
    if text and text.strip():
        try:
            # A long text gets its phones aligned piece by piece in sentence_scores: here the
            # word timings are enough.
            words, unknown = recognize.align(audio.pcm, text, phones=len(recognize.normalise_text(text)) <= LONG_WORDS)
            aligned = bool(words)
        except recognize.AlignmentFailed:
            words, unknown = recognize.transcribe(audio.pcm), []
        transcript = " ".join(w.text for w in words)
        # A long text finds its fillers piece by piece in sentence_scores, below.
        long_text = len(recognize.normalise_text(text)) > LONG_WORDS
        sounds = recognize.filler_sounds(audio.pcm, words) if aligned and not long_text else []
    else:
        words, unknown = _free_transcription(audio.pcm, audio.warnings), []
        transcript = " ".join(w.text for w in words)
        sounds = []
    d = delivery.measure(audio.pcm, words, band)
    fillers = [{"text": s, "start": round(t, 2)} for s, t in sounds]
    fillers += [{"text": f.text, "start": None} for f in filler_words(transcript) for _ in range(f.count)]
    out: dict[str, Any] = {
        "duration_s": round(audio.seconds, 2),
        "transcript": transcript,
        "wpm": round(d.wpm, 1),
        "articulation_rate": round(d.articulation_rate, 1),
        "pauses": d.pauses,
        "fillers": fillers,
        "pitch_variation_st": None if d.pitch_variation_st is None else round(d.pitch_variation_st, 2),
        "delivery": d.to_dict(),
        "warnings": audio.warnings + ([f"Not scored (not in the dictionary): {', '.join(unknown)}"] if unknown else []),
    }
    if text and text.strip() and not aligned:
        out["warnings"].append("Your speech could not be matched to the text, so it was not scored. Read the sentence exactly as written, in a quiet place.")
    elif text and text.strip():
        expected = len(recognize.normalise_text(text))
        scores, words, piece_sounds = sentence_scores(audio.pcm, words, expected, band, d)
        if piece_sounds:
            out["fillers"] = [{"text": s, "start": round(t, 2)} for s, t in piece_sounds] + out["fillers"]
        out.update({"accuracy": round(scores["accuracy"], 1), "fluency": round(scores["fluency"], 1), "prosody": round(scores["prosodic"], 1), "total": round(scores["total"], 1)})
        out["words"] = [{"text": w.text, "score": _word_score(w), "start": round(w.start, 2), "end": round(w.end, 2)} for w in words]
        out["sound_tips"] = sound_tips(words)
    return out


# The pronunciation model learnt from single read sentences (speechocean762: a few seconds, up
# to about 20 words, hardly a pause inside); its features do not stretch to a one-minute answer,
# and phone scores from one long alignment run lower than from a sentence's own. So a long
# recording is cut at its pauses into sentence-sized pieces, each piece aligned on its own and
# scored, and the scores averaged by words.
LONG_WORDS = 20
CHUNK_WORDS = (4, 20)
PAD_S = 0.5  # silence kept around a piece, about what the training sentences start with


def _chunks(words: list[recognize.Word]) -> list[list[recognize.Word]]:
    """Runs of words between pauses, 4-20 words each (a short run joins the one before)."""
    out: list[list[recognize.Word]] = []
    run: list[recognize.Word] = []
    for n, w in enumerate(words):
        run.append(w)
        gap = words[n + 1].start - w.end if n + 1 < len(words) else 1.0
        if len(run) >= CHUNK_WORDS[1] or (gap >= delivery.PAUSE_S and len(run) >= CHUNK_WORDS[0]):
            out.append(run)
            run = []
    if run:
        if out and len(out[-1]) + len(run) <= CHUNK_WORDS[1] + CHUNK_WORDS[0]:
            out[-1].extend(run)
        else:
            out.append(run)
    return out


def sentence_scores(pcm: Any, words: list[recognize.Word], expected: int, band: tuple[int, int], whole: delivery.Delivery, model: pronunciation.Ridge | None = None) -> tuple[dict[str, float], list[recognize.Word], list[tuple[str, float]]]:
    """Accuracy, fluency, prosody and total (0-10), the words with their phone scores and, for a
    long text, the um/uh sounds found in its pieces (all in the recording's time)."""
    from dataclasses import replace

    from .audio import RATE

    model = model or pronunciation.shipped_model()
    if len(words) <= LONG_WORDS and all(w.phones for w in words):
        return model.predict(pronunciation.features(words, expected, whole)), words, []
    share = len(words) / max(expected, 1)  # words said of those expected, kept per piece
    track = delivery.pitch_track(pcm)  # once for the recording, sliced for each piece
    totals: dict[str, float] = {}
    scored: list[recognize.Word] = []
    sounds: list[tuple[str, float]] = []
    for chunk in _chunks(words):
        a, b = max(0.0, chunk[0].start - PAD_S), chunk[-1].end + PAD_S
        piece = pcm[int(a * RATE): int(b * RATE)]
        try:
            aligned, _ = recognize.align(piece, " ".join(w.text for w in chunk))
            sounds += [(s, round(t + a, 2)) for s, t in recognize.filler_sounds(piece, aligned)]
        except recognize.AlignmentFailed:
            aligned = [replace(w, start=w.start - a, end=w.end - a) for w in chunk]
        measured = delivery.measure(piece, aligned, band, None if track is None else track[int(a * 100): int(b * 100)])
        scores = model.predict(pronunciation.features(aligned, max(1, round(len(chunk) / max(share, 1e-6))), measured))
        for k, v in scores.items():
            totals[k] = totals.get(k, 0.0) + v * len(chunk)
        scored += [replace(w, start=w.start + a, end=w.end + a) for w in aligned]
    return {k: v / len(words) for k, v in totals.items()}, scored, sounds


def reproduction(heard: str, expected: str) -> float:
    """Share of the expected words said, in order (longest common subsequence over words)."""
    a, b = recognize.normalise_text(heard), recognize.normalise_text(expected)
    if not b:
        return 0.0
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b, start=1):
            prev, row[j] = row[j], prev + 1 if x == y else max(row[j], row[j - 1])
    return row[-1] / len(b)


# Coaching for the sounds Indian-English speakers most often work on (bpo-domain.md section 6),
# keyed by the CMU phone that scored lowest in a word.
SOUND_TIPS = {
    ("V",): "v: top teeth on the lower lip, voice on (vine, very), not a rounded w.",
    ("W",): "w: round the lips and do not touch the teeth (wine, we).",
    ("TH",): "th in 'think': tongue tip lightly between the teeth, air out, no voice; not t.",
    ("DH",): "th in 'this': tongue between the teeth with voice; not d.",
    ("Z",): "z: a buzzing s, with voice (is, was, reason).",
    ("R",): "r: curl the tongue back without tapping; keep it light at the end of words.",
    ("AE",): "a in 'cat': open the mouth wider than for e in 'bet'.",
    ("AO", "AA"): "o in 'call', a in 'father': a long, open vowel.",
    ("IY", "IH"): "ee in 'seat' is long, i in 'sit' short: keep them apart.",
    ("AH", "ER"): "unstressed vowels are short and relaxed (about, agent): do not give every syllable full weight.",
    ("T", "D"): "t and d: tongue tip behind the top teeth, not curled back.",
    ("P", "K"): "p and k at the start of a stressed syllable carry a small puff of air (pay, call).",
    ("S",): "s before a consonant: start straight on the s (school, speak), no vowel before it.",
}


def _word_score(w: recognize.Word) -> float:
    return round(float(max(0.0, min(10.0, 10 + w.goodness / 4))), 1)


def sound_tips(words: list[recognize.Word], worst: int = 3) -> list[dict[str, str]]:
    """For the lowest-scoring words: the sound at fault and how to make it."""
    tips = []
    for w in sorted((w for w in words if w.phones), key=lambda w: w.goodness)[:worst]:
        phone = min(w.phones, key=lambda p: p[2])[0]
        tip = next((t for keys, t in SOUND_TIPS.items() if phone in keys), None)
        if tip and _word_score(w) < 8:
            tips.append({"word": w.text, "sound": phone, "tip": tip})
    return tips
