"""Decode any common recording (WAV, FLAC, MP3, webm/Opus, OGG) to 16 kHz mono 16-bit PCM, and
say clearly what is wrong with it when something is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

RATE = 16_000
MAX_SECONDS = 10 * 60
MIN_SECONDS = 0.5


class AudioError(ValueError):
    """The recording cannot be analysed; the message says why."""


@dataclass
class Audio:
    pcm: np.ndarray  # int16, mono, 16 kHz
    source_rate: int
    channels: int
    warnings: list[str] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return len(self.pcm) / RATE


def load(path: str | Path) -> Audio:
    import av

    path = Path(path)
    if not path.is_file():
        raise AudioError(f"No such file: {path}")
    if path.stat().st_size == 0:
        raise AudioError("The recording is empty.")
    try:
        container = av.open(str(path))
    except Exception as exc:  # noqa: BLE001 - PyAV raises many error types for bad input
        raise AudioError("This is not an audio file that can be read (WAV, FLAC, MP3, webm/Opus or OGG).") from exc
    with container:
        if not container.streams.audio:
            raise AudioError("The file has no audio track.")
        stream = container.streams.audio[0]
        source_rate, channels = stream.rate or 0, stream.channels or 0
        resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
        chunks: list[np.ndarray] = []
        total = 0
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunk = out.to_ndarray().reshape(-1)
                    chunks.append(chunk)
                    total += len(chunk)
                    if total > (MAX_SECONDS + 1) * RATE:
                        raise AudioError(f"The recording is longer than {MAX_SECONDS // 60} minutes; record a shorter answer.")
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
        except AudioError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise AudioError("The recording is damaged and could not be decoded.") from exc
    pcm = np.concatenate(chunks).astype(np.int16) if chunks else np.zeros(0, np.int16)
    audio = Audio(pcm, source_rate, channels)
    if audio.seconds < MIN_SECONDS:
        raise AudioError("The recording is too short: speak for at least a second.")
    level = np.abs(pcm.astype(np.float32))
    peak = float(level.max()) if len(level) else 0.0
    if peak < 300:
        raise AudioError("The recording is silent (or the microphone was muted).")
    if source_rate and source_rate < 16_000:
        audio.warnings.append(f"Recorded at {source_rate // 1000} kHz (telephone quality): scores may be less reliable.")
    if float((level >= 32_000).mean()) > 0.001:
        audio.warnings.append("The recording is clipped (too loud): move a little further from the microphone.")
    if peak < 3000:
        audio.warnings.append("The recording is very quiet: speak closer to the microphone.")
    return audio
