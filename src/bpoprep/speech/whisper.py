"""Optional Whisper transcription (faster-whisper) for deployers with a local model directory.

Off by default: the default install transcribes with pocketsphinx and downloads nothing. Set
BPOPREP_WHISPER_MODEL_DIR to a CTranslate2 Whisper model folder (for example one converted from
"small.en") and install `faster-whisper`; nothing else changes.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from .recognize import Word


class WhisperUnavailable(RuntimeError):
    """Whisper was asked for but cannot run here; the message says what is missing."""


def configured() -> Path | None:
    value = os.environ.get("BPOPREP_WHISPER_MODEL_DIR", "").strip()
    return Path(value) if value else None


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _model(directory: str):  # type: ignore[no-untyped-def]
    path = Path(directory)
    if not (path / "model.bin").is_file():
        raise WhisperUnavailable(f"No Whisper model in {path}: expected a CTranslate2 model folder with model.bin.")
    try:
        from faster_whisper import WhisperModel
    except ImportError as exc:
        raise WhisperUnavailable("BPOPREP_WHISPER_MODEL_DIR is set but faster-whisper is not installed: pip install faster-whisper") from exc
    return WhisperModel(str(path), device="cpu", compute_type="int8", cpu_threads=1, local_files_only=True)


def transcribe(pcm: np.ndarray, hint: str = "") -> list[Word]:
    directory = configured()
    if directory is None:
        raise WhisperUnavailable("Whisper is not configured (BPOPREP_WHISPER_MODEL_DIR is empty).")
    model = _model(str(directory))
    audio = pcm.astype(np.float32) / 32768.0
    with _lock:
        segments, _ = model.transcribe(audio, language="en", word_timestamps=True, initial_prompt=hint or None, vad_filter=False)
        return [Word(w.word.strip().lower(), float(w.start), float(w.end)) for s in segments for w in (s.words or [])]
