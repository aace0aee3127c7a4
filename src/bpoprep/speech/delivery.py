"""Delivery metrics over audio and word timings: pace, pauses, fillers, pitch, loudness."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .audio import RATE
from .recognize import Word

PAUSE_S = 0.35  # a gap between words longer than this is a pause
LONG_PAUSE_S = 1.5
PACE_BAND = (120, 150)  # words per minute for calls (configurable per drill)


@dataclass
class Delivery:
    duration_s: float
    wpm: float
    articulation_rate: float  # words per minute of speaking, pauses excluded
    pauses: list[dict[str, float]]
    longest_pause_s: float
    silence_ratio: float
    start_latency_s: float
    pitch_variation_st: float | None
    loudness_variation_db: float
    monotone: bool
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def _frames_db(pcm: np.ndarray, frame: int = 400) -> np.ndarray:
    x = pcm.astype(np.float32)
    n = len(x) // frame
    if n == 0:
        return np.zeros(0)
    rms = np.sqrt((x[: n * frame].reshape(n, frame) ** 2).mean(1) + 1e-9)
    return 20 * np.log10(rms + 1e-9)


def pitch_track(pcm: np.ndarray) -> np.ndarray | None:
    """Pitch in Hz every 10 ms (0 where unvoiced), or None without Praat."""
    try:
        import parselmouth
    except ImportError:
        return None
    sound = parselmouth.Sound(pcm.astype(np.float64) / 32768.0, sampling_frequency=RATE)
    return sound.to_pitch(time_step=0.01, pitch_floor=75, pitch_ceiling=500).selected_array["frequency"]


def pitch_spread(pcm: np.ndarray, track: np.ndarray | None = None) -> float | None:
    """Standard deviation of voiced pitch in semitones (≈0.3 monotone, 2-5 lively). A track
    computed once for a whole recording can be passed in (sliced) for its pieces."""
    f0 = pitch_track(pcm) if track is None else track
    if f0 is None:
        return None
    voiced = f0[f0 > 0]
    if len(voiced) < 20:
        return None
    semitones = 12 * np.log2(voiced / np.median(voiced))
    return float(np.std(semitones))


def measure(pcm: np.ndarray, words: list[Word], band: tuple[int, int] = PACE_BAND, track: np.ndarray | None = None) -> Delivery:
    duration = len(pcm) / RATE
    pauses = []
    for a, b in zip(words, words[1:], strict=False):
        if b.start - a.end >= PAUSE_S:
            pauses.append({"start": round(a.end, 2), "end": round(b.start, 2)})
    speaking = sum(w.end - w.start for w in words)
    span = (words[-1].end - words[0].start) if words else 0.0
    paused = sum(p["end"] - p["start"] for p in pauses)
    db = _frames_db(pcm)
    loud = db[db > (db.max() - 30)] if len(db) else db
    spread = pitch_spread(pcm, track)
    wpm = len(words) / (duration / 60) if duration else 0.0
    articulation = len(words) / (max(span - paused, 1e-6) / 60) if words else 0.0
    d = Delivery(
        duration_s=duration,
        wpm=wpm,
        articulation_rate=articulation,
        pauses=pauses,
        longest_pause_s=max((p["end"] - p["start"] for p in pauses), default=0.0),
        silence_ratio=float(1 - speaking / duration) if duration else 1.0,
        start_latency_s=words[0].start if words else duration,
        pitch_variation_st=spread,
        loudness_variation_db=float(np.std(loud)) if len(loud) else 0.0,
        monotone=spread is not None and spread < 1.0,
    )
    low, high = band
    if words and d.wpm < low - 10:
        d.notes.append(f"Slow: {d.wpm:.0f} words a minute; aim for {low}-{high}.")
    elif d.wpm > high + 10:
        d.notes.append(f"Fast: {d.wpm:.0f} words a minute; slow down to {low}-{high} so callers can follow.")
    if d.longest_pause_s >= LONG_PAUSE_S:
        d.notes.append(f"A {d.longest_pause_s:.1f} s pause: on a call that is dead air.")
    if d.start_latency_s > 3:
        d.notes.append(f"You took {d.start_latency_s:.1f} s to start.")
    if d.monotone:
        d.notes.append("Your voice stays on one note; let it rise and fall to sound engaged.")
    return d
