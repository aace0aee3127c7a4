"""pocketsphinx: free transcription, and forced alignment of a known text with per-phone scores.
Decoders take a third of a second to build, so each process builds them once."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

FRAME = 0.01  # pocketsphinx frames are 10 ms
_lock = threading.Lock()


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    phones: tuple[tuple[str, float, float], ...] = ()  # (phone, duration s, goodness: score per frame, 0 best)

    @property
    def goodness(self) -> float:
        return float(np.mean([g for _, _, g in self.phones])) if self.phones else 0.0


@lru_cache(maxsize=1)
def _free():  # type: ignore[no-untyped-def]
    from pocketsphinx import Decoder

    # ds=2 (acoustic scores on every other frame): 16 % faster with no loss of word accuracy on
    # 60 speechocean762 sentences (WER 0.91 -> 0.89); free transcription of accented speech is
    # rough either way, so answers use the browser's captions when it has them.
    return Decoder(samprate=16000, ds=2, loglevel="FATAL")


@lru_cache(maxsize=1)
def _aligner():  # type: ignore[no-untyped-def]
    from pocketsphinx import Decoder

    # Wide beams: with the defaults a fifth of alignments fail (see the speech-stack reference).
    return Decoder(samprate=16000, bestpath=False, beam=1e-200, wbeam=1e-200, pbeam=1e-200, loglevel="FATAL")


@lru_cache(maxsize=1)
def _coarse_aligner():  # type: ignore[no-untyped-def]
    from pocketsphinx import Decoder

    # Word timings only (where a long answer pauses): scoring every other frame halves the cost.
    return Decoder(samprate=16000, bestpath=False, beam=1e-200, wbeam=1e-200, pbeam=1e-200, ds=2, loglevel="FATAL")


def _run(decoder, pcm: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    decoder.start_utt()
    decoder.process_raw(pcm.astype(np.int16).tobytes(), full_utt=True)
    decoder.end_utt()


# Letter names as CMU phones, for acronyms said letter by letter (Z as Indian English "zed").
LETTER_PHONES = {
    "a": "EY", "b": "B IY", "c": "S IY", "d": "D IY", "e": "IY", "f": "EH F", "g": "JH IY", "h": "EY CH",
    "i": "AY", "j": "JH EY", "k": "K EY", "l": "EH L", "m": "EH M", "n": "EH N", "o": "OW", "p": "P IY",
    "q": "K Y UW", "r": "AA R", "s": "EH S", "t": "T IY", "u": "Y UW", "v": "V IY", "w": "D AH B AH L Y UW",
    "x": "EH K S", "y": "W AY", "z": "Z EH D", "0": "Z IH R OW", "1": "W AH N", "2": "T UW", "3": "TH R IY",
    "4": "F AO R", "5": "F AY V", "6": "S IH K S", "7": "S EH V AH N", "8": "EY T", "9": "N AY N",
}
_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]{1,5})(s?)\b")


def acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Lower-case word -> phones for the capitalised acronyms in the texts (AHT, CSAT, L1) and
    their plurals (SOPs), said letter by letter: the recogniser's dictionary has few of them."""
    out: dict[str, str] = {}
    for text in texts:
        for letters, plural in _ACRONYM.findall(text):
            phones = " ".join(LETTER_PHONES[c] for c in letters.lower())
            out[letters.lower()] = phones
            if plural:
                out[letters.lower() + "s"] = phones + " Z"
    return out


# Words Indian candidates and BPO answers use that the CMU dictionary lacks.
EXTRA_WORDS = {
    "onboarding": "AA N B AO R D IH NG", "upselling": "AH P S EH L IH NG", "fresher": "F R EH SH ER",
    "freshers": "F R EH SH ER Z", "aadhaar": "AA D AA R", "pune": "P UW N EY", "joiners": "JH OY N ER Z",
    "versant": "V ER S AH N T", "rupees": "R UW P IY Z",
}
# British spellings (Indian English writes these) mapped to the American entries the dictionary has.
_BRITISH = ((r"isation$", "ization"), (r"isations$", "izations"), (r"ise$", "ize"), (r"ised$", "ized"), (r"ises$", "izes"), (r"ising$", "izing"), (r"our$", "or"), (r"ours$", "ors"), (r"tre$", "ter"), (r"tres$", "ters"), (r"lling$", "ling"), (r"lled$", "led"))


def spoken_forms(texts: Iterable[str]) -> dict[str, str]:
    """Word -> phones for the texts' words the dictionary lacks but can be pronounced: acronyms,
    British spellings of words it has, and the extra BPO words above."""
    out = acronyms(texts)
    words = {w for t in texts for w in normalise_text(t)}
    d = _aligner()
    with _lock:
        for w in words:
            if w in out or d.lookup_word(w):
                continue
            if w in EXTRA_WORDS:
                out[w] = EXTRA_WORDS[w]
                continue
            base = w[:-2] if w.endswith("'s") else ""
            if base and (out.get(base) or EXTRA_WORDS.get(base) or d.lookup_word(base)):
                out[w] = (out.get(base) or EXTRA_WORDS.get(base) or d.lookup_word(base)) + " Z"  # the BPO's
                continue
            for pattern, american in _BRITISH:
                phones = d.lookup_word(re.sub(pattern, american, w)) if re.search(pattern, w) else None
                if phones:
                    out[w] = phones
                    break
    return out


def add_vocabulary(words: Mapping[str, str]) -> list[str]:
    """Teach both decoders words they lack (word -> phones), so an answer's own terms can be
    recognised and aligned; returns the words added. Words stay known for the process's life."""
    added = []
    with _lock:
        free, aligner = _free(), _aligner()
        for word, phones in words.items():
            if not re.fullmatch(r"[a-z0-9']+", word) or free.lookup_word(word):
                continue
            free.add_word(word, phones, True)
            aligner.add_word(word, phones, True)
            _coarse_aligner().add_word(word, phones, True)
            added.append(word)
    return added


def transcribe(pcm: np.ndarray) -> list[Word]:
    with _lock:
        return transcribe_unlocked(pcm)


def transcribe_unlocked(pcm: np.ndarray) -> list[Word]:
    d = _free()
    _run(d, pcm)
    return [Word(s.word.split("(")[0], s.start_frame * FRAME, (s.end_frame + 1) * FRAME) for s in d.seg() if not s.word.startswith("<") and not s.word.startswith("[") and s.word != "<sil>"]


def normalise_text(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())


def known_words(words: list[str]) -> tuple[list[str], list[str]]:
    """(words the dictionary knows, words it does not): only known words can be aligned."""
    d = _aligner()
    ok, unknown = [], []
    for w in words:
        (ok if d.lookup_word(w) else unknown).append(w)
    return ok, unknown


class AlignmentFailed(RuntimeError):
    """The speech does not match the text (another sentence, silence or noise)."""


def align(pcm: np.ndarray, text: str, phones: bool = True) -> tuple[list[Word], list[str]]:
    """Word (and with phones, phone) timings for the known text, and the words left out (not in
    the dictionary). Raises AlignmentFailed when the speech cannot be matched to the text."""
    words, unknown = known_words(normalise_text(text))
    if not words:
        return [], unknown
    with _lock:
        d = _aligner() if phones else _coarse_aligner()
        try:
            d.set_align_text(" ".join(words))
            _run(d, pcm)
        except RuntimeError as exc:
            raise AlignmentFailed(str(exc)) from exc
        if not phones:
            timed = [Word(s.word.split("(")[0], s.start_frame * FRAME, (s.end_frame + 1) * FRAME) for s in d.seg() or []]
            timed = [w for w in timed if not w.text.startswith(("<", "[")) and w.text != "sil"]
            if not timed:
                raise AlignmentFailed("no words aligned")
            return timed, unknown
        try:
            d.set_alignment()
            _run(d, pcm)
        except RuntimeError as exc:
            raise AlignmentFailed(str(exc)) from exc
        out = []
        # Read each word's phones while the alignment iterator is on that word: holding on to
        # word entries and reading them later crashes pocketsphinx.
        for w in d.get_alignment():
            name = w.name.split("(")[0]
            phones = tuple((p.name, p.duration * FRAME, p.score / max(p.duration, 1)) for p in w)
            if not (name.startswith("<") or name == "sil"):
                out.append(Word(name, w.start * FRAME, (w.start + w.duration) * FRAME, phones))
    return out, unknown


@lru_cache(maxsize=1)
def _filler_decoder():  # type: ignore[no-untyped-def]
    from pocketsphinx import Decoder

    return Decoder(samprate=16000, bestpath=False, beam=1e-120, wbeam=1e-80, pbeam=1e-120, loglevel="FATAL")


FILLER_SOUNDS = ("um", "uh", "er", "hmm")
MIN_FILLER_FRAMES = 15  # 150 ms: shorter hits are clicks, breaths or a clipped vowel


def _filler_grammar(tokens: list[str]) -> str:
    body = " ".join(f"{t} [<f>]" for t in tokens)
    return f"#JSGF V1.0;\ngrammar f;\n<f> = {' | '.join(FILLER_SOUNDS)};\npublic <s> = [<f>] {body};\n"


def filler_sounds(pcm: np.ndarray, words: list[Word]) -> list[tuple[str, float]]:
    """(sound, start s) of each um/uh in speech whose words are known. Recognisers drop fillers,
    so the audio is decoded against a grammar of the known words with an optional filler sound
    before and after every word (bench/filler_detection.py measures it)."""
    tokens = [w.text for w in words if re.fullmatch(r"[a-z0-9']+", w.text)]
    if not tokens:
        return []
    found: list[tuple[str, float]] = []
    with _lock:
        d = _filler_decoder()
        try:
            d.add_jsgf_string("fillers", _filler_grammar(tokens))
            d.activate_search("fillers")
            _run(d, pcm)
        except (RuntimeError, ValueError):
            return []
        for seg in d.seg() or []:  # None when the speech never reached the grammar's end
            word = seg.word.split("(")[0]
            if word in FILLER_SOUNDS and seg.end_frame - seg.start_frame >= MIN_FILLER_FRAMES:
                found.append((word, round(seg.start_frame * FRAME, 2)))
    return found
