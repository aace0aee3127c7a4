"""How well are "um" and "uh" found? Real speech (speechocean762 sentences) with filler sounds
spliced into pauses between words at known times, against the same sentences with plain silence
spliced in: precision and recall of `recognize.filler_sounds` over the aligned text.

The fillers are espeak-ng's voice saying "um" and "uh" (no recordings of real fillers with times
exist here), so this measures detection in real speech context with synthetic fillers; a real
speaker's fillers are softer and shorter, so treat recall as an upper bound.
Needs ../shared/data/speechocean762 and Debian's espeak-ng.

    python bench/filler_detection.py [--sentences 60] [--split test]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "speechocean762"
TOLERANCE_S = 0.4


def filler_audio(word: str, voice: str, folder: Path) -> np.ndarray:
    from bpoprep.speech.audio import load

    path = folder / f"{word}-{voice}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "140", "-w", str(path), word], check=True)
    pcm = load(path).pcm
    loud = np.flatnonzero(np.abs(pcm) > 500)
    return pcm[loud[0]: loud[-1] + 1] if len(loud) else pcm


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=60)
    parser.add_argument("--split", choices=("dev", "test"), default="test", help="speakers used to choose settings (dev) or to report (test)")
    args = parser.parse_args()
    if not CORPUS.is_dir() or not shutil.which("espeak-ng"):
        print("skipped: needs ../shared/data/speechocean762 and espeak-ng")
        return 0
    from bpoprep.speech import recognize
    from bpoprep.speech.audio import load

    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="bpoprep-fillers-"))
    sounds = {(w, v): filler_audio(w, v, folder) for w in ("um", "uh") for v in ("en-us", "en-gb-x-rp")}
    meta = [json.loads(line) for line in (CORPUS / "train.jsonl").read_text().splitlines()]
    by_speaker: dict[str, dict] = {}
    for m in meta:
        if len(m["text"].split()) >= 6:
            by_speaker.setdefault(m["speaker"], m)  # one sentence a speaker
    # Alternate speakers go to dev and test, so settings chosen on dev are reported on others.
    pool = [m for n, (_s, m) in enumerate(sorted(by_speaker.items())) if n % 2 == (0 if args.split == "dev" else 1)]
    chosen = rng.sample(pool, min(args.sentences, len(pool)))
    true_pos = false_pos = false_neg = clean_false = 0
    used = 0
    for m in chosen:
        pcm = load(CORPUS / "train" / f"{m['utt']}.flac").pcm
        try:
            words, _ = recognize.align(pcm, m["text"])
        except recognize.AlignmentFailed:
            continue
        if len(words) < 4:
            continue
        used += 1
        cuts = sorted(rng.sample(range(1, len(words)), k=min(2, len(words) - 1)))
        pause = np.zeros(int(0.25 * 16000), np.int16)
        with_fillers, plain, truth = [], [], []
        last = 0
        t = 0.0
        for cut in cuts:
            at = int(words[cut - 1].end * 16000)
            piece = pcm[last:at]
            filler = sounds[(rng.choice(("um", "uh")), rng.choice(("en-us", "en-gb-x-rp")))]
            with_fillers += [piece, pause, filler, pause]
            plain += [piece, pause, pause]
            t += len(piece) / 16000 + len(pause) / 16000
            truth.append(t)
            t += (len(filler) + len(pause)) / 16000
            last = at
        with_fillers.append(pcm[last:])
        plain.append(pcm[last:])
        for audio, expected in ((np.concatenate(with_fillers), truth), (np.concatenate(plain), [])):
            try:
                aligned, _ = recognize.align(audio, m["text"])
            except recognize.AlignmentFailed:
                false_neg += len(expected)
                continue
            found = [start for _sound, start in recognize.filler_sounds(audio, aligned)]
            if not expected:
                clean_false += len(found)
                continue
            matched = {i for i, f in enumerate(found) if any(abs(f - e) <= TOLERANCE_S + 0.3 for e in expected)}
            hit = sum(1 for e in expected if any(abs(found[i] - e) <= TOLERANCE_S + 0.3 for i in matched))
            true_pos += hit
            false_neg += len(expected) - hit
            false_pos += len(found) - len(matched)
    precision = true_pos / max(true_pos + false_pos + clean_false, 1)
    recall = true_pos / max(true_pos + false_neg, 1)
    print(f"{args.split} split: {used} real sentences from {used} speakers; {true_pos + false_neg} spliced fillers (espeak 'um'/'uh'), the same sentences with silence instead")
    print(f"  filler sounds: recall {recall:.1%}, precision {precision:.1%} (false hits: {false_pos} beside fillers, {clean_false} in the {used} silence-only versions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
