"""Spoken answers: decoding, alignment, delivery metrics, pronunciation scores, batch contract."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from typer.testing import CliRunner

from bpoprep.cli import app
from bpoprep.speech import delivery, recognize
from bpoprep.speech.analyse import analyse
from bpoprep.speech.audio import AudioError, load

DATA = Path(__file__).resolve().parents[1] / "data" / "speech"
LABELS = {m["utt"]: m for m in json.loads((DATA / "labels.json").read_text())}
GOOD, POOR = "029810158", "096430014"


def clip(utt: str) -> Path:
    return DATA / f"{utt}.flac"


def test_a_flac_clip_decodes_to_16k_mono() -> None:
    audio = load(clip(GOOD))
    assert audio.pcm.dtype == np.int16 and 1.0 < audio.seconds < 10 and audio.warnings == []


def test_stereo_telephone_audio_is_converted_and_flagged(tmp_path: Path) -> None:
    original = load(clip(GOOD)).pcm.astype(np.float32) / 32768
    narrow = original[::2]  # 8 kHz
    path = tmp_path / "phone.wav"
    sf.write(path, np.stack([narrow, narrow], axis=1), 8000)
    audio = load(path)
    assert audio.channels == 2 and abs(audio.seconds - len(original) / 16000) < 0.1
    assert any("8 kHz" in w for w in audio.warnings)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_text("not audio at all"), "not an audio file"),
        (lambda p: sf.write(p, np.zeros(16000 * 3, np.float32), 16000), "silent"),
        (lambda p: sf.write(p, np.random.default_rng(0).normal(0, 0.3, 1600).astype(np.float32), 16000), "too short"),
    ],
)
def test_bad_recordings_get_clear_messages(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.wav"
    make(path)
    with pytest.raises(AudioError, match=message):
        load(path)


def test_alignment_gives_word_and_phone_timings() -> None:
    audio = load(clip(GOOD))
    words, unknown = recognize.align(audio.pcm, LABELS[GOOD]["text"] + " zzqxj")
    assert [w.text for w in words] == recognize.normalise_text(LABELS[GOOD]["text"]) and unknown == ["zzqxj"]
    assert all(w.end > w.start and w.phones for w in words)
    assert all(a.end <= b.start + 1e-6 for a, b in zip(words, words[1:], strict=False))


def test_delivery_metrics_on_known_timings() -> None:
    words = [recognize.Word("hello", 0.5, 1.0), recognize.Word("there", 1.1, 1.5), recognize.Word("friend", 3.0, 3.5)]
    pcm = (np.sin(np.linspace(0, 2000, 16000 * 4)) * 8000).astype(np.int16)
    d = delivery.measure(pcm, words)
    assert d.pauses == [{"start": 1.5, "end": 3.0}] and d.longest_pause_s == pytest.approx(1.5)
    assert d.wpm == pytest.approx(3 / (4 / 60)) and d.start_latency_s == 0.5
    assert d.articulation_rate == pytest.approx(3 / ((3.5 - 0.5 - 1.5) / 60))
    assert any("dead air" in n for n in d.notes)


def test_known_text_gets_all_scores_and_the_better_speaker_scores_higher() -> None:
    good = analyse(clip(GOOD), LABELS[GOOD]["text"])
    poor = analyse(clip(POOR), LABELS[POOR]["text"])
    for r in (good, poor):
        assert set(r) >= {"duration_s", "transcript", "wpm", "articulation_rate", "pauses", "fillers", "pitch_variation_st", "accuracy", "fluency", "prosody", "total", "words"}
        assert all(0 <= r[k] <= 10 for k in ("accuracy", "fluency", "prosody", "total"))
    assert good["total"] > poor["total"]


def test_free_speech_is_transcribed_without_scores() -> None:
    r = analyse(clip(GOOD), None)
    assert r["transcript"] and "total" not in r and r["wpm"] > 0


def test_score_speech_batch_keeps_order_across_processes(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join([
        json.dumps({"audio": str(clip(GOOD)), "text": LABELS[GOOD]["text"]}),
        json.dumps({"audio": str(tmp_path / "missing.wav"), "text": None}),
        "not json",
        json.dumps({"audio": str(clip(POOR)), "text": None}),
    ]) + "\n")
    result = CliRunner().invoke(app, ["score", "speech", str(manifest), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4]
    assert "total" in out[0] and "No such file" in out[1]["error"] and "not valid JSON" in out[2]["error"] and out[3]["transcript"]


def test_speech_that_does_not_match_the_text_is_not_scored(tmp_path: Path) -> None:
    tone = tmp_path / "tone.wav"
    sf.write(tone, (0.3 * np.sin(np.linspace(0, 2 * np.pi * 440 * 3, 16000 * 3))).astype(np.float32), 16000)
    r = analyse(tone, "Good morning, thank you for calling. How may I help you?")
    assert "total" not in r and any("could not be matched" in w for w in r["warnings"])


def test_reproduction_counts_words_said_in_order() -> None:
    from bpoprep.speech.analyse import reproduction

    assert reproduction("please hold the line", "please hold the line") == 1.0
    assert reproduction("hold please the line", "please hold the line") == 0.75
    assert reproduction("", "please hold") == 0.0 and reproduction("anything", "") == 0.0


def test_a_missing_whisper_model_is_reported_and_pocketsphinx_used(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BPOPREP_WHISPER_MODEL_DIR", str(tmp_path / "no-model-here"))
    r = analyse(clip(GOOD), None)
    assert r["transcript"] and any("No Whisper model" in w and "pocketsphinx instead" in w for w in r["warnings"])


def test_low_words_get_the_sound_at_fault_and_a_tip() -> None:
    from bpoprep.speech.analyse import sound_tips

    words = [recognize.Word("very", 0, 0.4, (("V", 0.1, -60.0), ("EH", 0.1, -5.0), ("R", 0.1, -8.0), ("IY", 0.1, -4.0))), recognize.Word("good", 0.5, 0.8, (("G", 0.1, -2.0), ("UH", 0.1, -3.0), ("D", 0.1, -2.0)))]
    tips = sound_tips(words)
    assert tips == [{"word": "very", "sound": "V", "tip": tips[0]["tip"]}] and "lower lip" in tips[0]["tip"]


def test_the_pace_band_is_per_task() -> None:
    words = [recognize.Word(w, i * 0.5, i * 0.5 + 0.4) for i, w in enumerate("we will call you back today".split())]
    pcm = (np.sin(np.linspace(0, 2000, 16000 * 3)) * 8000).astype(np.int16)  # 6 words in 3 s = 120 wpm
    assert not any("Slow" in n for n in delivery.measure(pcm, words, (110, 150)).notes)
    assert any("Slow" in n and "140-170" in n for n in delivery.measure(pcm, words, (140, 170)).notes)


def test_acronyms_are_spelled_letter_by_letter_with_plurals() -> None:
    forms = recognize.acronyms(["Keep AHT low, follow the SOPs and escalate to L1 support in the US."])
    assert forms["aht"] == "EY EY CH T IY" and forms["sops"] == "EH S OW P IY Z" and forms["l1"] == "EH L W AH N"
    assert "follow" not in forms and "escalate" not in forms


def test_the_question_vocabulary_lets_answers_with_bpo_terms_be_aligned() -> None:
    text = "I would prioritise the BPO's CSAT target during onboarding."
    forms = recognize.spoken_forms([text])
    assert forms["prioritise"] == recognize._aligner().lookup_word("prioritize")  # British spelling, American entry
    assert forms["csat"] == "S IY EH S EY T IY" and forms["onboarding"] == recognize.EXTRA_WORDS["onboarding"]
    recognize.add_vocabulary(forms)
    _known, unknown = recognize.known_words(recognize.normalise_text(text))
    assert unknown == []
    assert recognize.add_vocabulary(forms) == []  # already known: nothing added twice
    assert recognize.add_vocabulary({"not a word!": "B IY"}) == []


def test_a_long_answer_is_scored_piece_by_piece_not_zeroed(tmp_path: Path) -> None:
    """Both clips joined five times into one long recording: the sentence model alone gives 0."""
    pause = np.zeros(4000, np.int16)
    pieces = [load(clip(GOOD)).pcm, pause, load(clip(POOR)).pcm, pause] * 5
    sf.write(tmp_path / "long.wav", np.concatenate(pieces), 16000)
    text = " ".join([LABELS[GOOD]["text"], LABELS[POOR]["text"]] * 5)
    r = analyse(tmp_path / "long.wav", text)
    singles = [analyse(clip(u), LABELS[u]["text"])["total"] for u in (GOOD, POOR)]
    assert len(r["words"]) > 20 and 2 <= r["total"] <= 10
    assert abs(r["total"] - sum(singles) / 2) < 3.5, (r["total"], singles)
