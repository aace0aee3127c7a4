"""Spoken-answer analysis: real-time factor for a 60 s answer (known text, and free transcription),
peak memory, and `score speech --jobs 2` throughput. Needs ../shared/data/speechocean762.

    python bench/speech_rtf.py
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "speechocean762"


def main() -> int:
    if not CORPUS.is_dir():
        print(f"speech benchmark skipped: {CORPUS} not found")
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from bpoprep.speech.analyse import analyse

    meta = [json.loads(line) for line in (CORPUS / "train.jsonl").read_text().splitlines()][:400:7]
    tmp = Path(tempfile.mkdtemp(prefix="bpoprep-speech-"))
    pieces, texts, total = [], [], 0.0
    for m in meta:
        audio, rate = sf.read(CORPUS / "train" / f"{m['utt']}.flac", dtype="float32")
        pieces.append(audio)
        texts.append(m["text"])
        total += len(audio) / rate
        if total >= 60:
            break
    answer = tmp / "answer.wav"
    sf.write(answer, np.concatenate(pieces), 16000)
    text = " ".join(texts)
    analyse(CORPUS / "train" / f"{meta[0]['utt']}.flac", meta[0]["text"])  # warm-up: decoders built once per process
    t = time.perf_counter()
    analyse(answer, text)
    known = time.perf_counter() - t
    t = time.perf_counter()
    analyse(answer, None)
    free = time.perf_counter() - t
    print(f"speech analysis of a {total:.0f} s answer on one core")
    print(f"  known text (alignment, fillers, delivery, pronunciation)  RTF {known / total:.3f}  ({known:.1f} s)")
    print(f"  free speech (transcription, delivery)                     RTF {free / total:.3f}  ({free:.1f} s)")
    print(f"  peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    manifest = tmp / "manifest.jsonl"
    clips = [json.loads(line) for line in (CORPUS / "train.jsonl").read_text().splitlines()][:60]
    manifest.write_text("\n".join(json.dumps({"audio": str(CORPUS / "train" / f"{m['utt']}.flac"), "text": m["text"]}) for m in clips) + "\n")
    seconds = sum(sf.info(str(CORPUS / "train" / f"{m['utt']}.flac")).duration for m in clips)
    t = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "bpoprep"), "score", "speech", str(manifest), "--jobs", "2"], check=True, stdout=subprocess.DEVNULL)
    took = time.perf_counter() - t
    print(f"  score speech --jobs 2: {len(clips)} clips ({seconds:.0f} s of audio) in {took:.1f} s = {len(clips) / took:.1f} clips/s, {seconds / took:.1f} s of audio per second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
