"""Feedback on one typed (or transcribed) answer: what it covers, how it is built, how it reads.

Pure Python over the question bank's schema; no Django. `analyse()` returns a `Feedback` whose
`to_dict()` is the stable batch-scoring contract (see `bpoprep score answers`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from bpoprep.content.schemas import Question
from bpoprep.wording import fill, gettext_noop

from . import exemplars, impression, language, points, restate, soundness, specificity, star, story, terms
from .embedding import encoder
from .recent import RecentVectors
from .softmax import SoftmaxModel
from .text import Span, clip_words, normalise, sentences, word_count

MAX_ANSWER_CHARS = 20_000
_BEHAVIOURAL = re.compile(r"\b(tell me about a time|describe a (?:time|situation)|give (?:me )?an example|share an example|have you ever|when did you last)\b", re.I)
DEFAULT_WORDS = (60, 220)


class AnswerError(ValueError):
    """The answer cannot be analysed (empty, or not text); the message says why."""


@dataclass(frozen=True)
class PointResult:
    point: str
    status: str  # covered | partly | missing
    evidence: Span | None
    similarity: float
    terms: tuple[str, ...]
    credit: float = 0.0  # 0-1, how surely the point is made (used for the score)


@dataclass(frozen=True)
class StarPart:
    name: str
    present: bool
    sentences: tuple[Span, ...]
    note: str = ""


@dataclass(frozen=True)
class StructurePart:
    name: str
    present: bool
    evidence: Span | None


@dataclass(frozen=True)
class Finding:
    kind: str  # rambling | repetition | off_topic | vague | ownership | misconception | hypothetical | no_story
    message: str
    span: Span | None = None
    point: str = ""  # for a misconception: the talking point a strong answer makes instead


@dataclass
class Feedback:
    overall: int
    parts: dict[str, float]
    word_count: int
    expected_words: tuple[int, int]
    sentences: list[Span]
    talking_points: list[PointResult]
    star: list[StarPart] | None
    structure: list[StructurePart]
    specificity: specificity.Specificity
    fillers: list[language.FillerCount]
    language_issues: list[language.LanguageIssue]
    findings: list[Finding]
    tips: list[str]
    sentence_labels: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def span(s: Span | None) -> dict[str, Any] | None:
            return None if s is None else {"start": s.start, "end": s.end, "text": s.text}

        return {
            "overall": self.overall,
            "parts": {k: round(v, 3) for k, v in self.parts.items()},
            "word_count": self.word_count,
            "expected_words": list(self.expected_words),
            "star": None if self.star is None else {p.name: p.present for p in self.star},
            "star_detail": None if self.star is None else [{"part": p.name, "present": p.present, "note": p.note, "sentences": [span(s) for s in p.sentences]} for p in self.star],
            "structure": [{"part": s.name, "present": s.present, "evidence": span(s.evidence)} for s in self.structure],
            "talking_points": [{"point": p.point, "status": p.status, "evidence": span(p.evidence), "similarity": round(p.similarity, 3), "terms": list(p.terms)} for p in self.talking_points],
            "specificity": {"score": round(self.specificity.score, 3), "numbers": [s.text for s in self.specificity.numbers], "named": [s.text for s in self.specificity.named], "vague": [s.text for s in self.specificity.vague]},
            "fillers": [{"text": f.text, "count": f.count, "spans": [span(s) for s in f.spans]} for f in self.fillers],
            "language_issues": [{"type": i.type, "span": span(i.span), "suggestion": i.suggestion, "message": i.message} for i in self.language_issues],
            "findings": [{"kind": f.kind, "message": f.message, "span": span(f.span)} for f in self.findings],
            "tips": self.tips,
        }


# The bank's question texts, talking points, model answers and mix-ups take about 900 entries
# (6 MB): all of them stay, so a server embeds each question's texts once, not again whenever
# 100 other questions have been answered in between.
@lru_cache(maxsize=2048)
def _embed_cached(texts: tuple[str, ...]) -> np.ndarray:
    return encoder().encode(list(texts))


# Answer sentences: a retry that keeps most of them embeds only the ones rewritten.
recent_sentences = RecentVectors(lambda texts: encoder().encode(texts))


def question_embeddings(question: Question) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """The question's talking points, model answer and mix-ups (None without any), embedded once."""
    wrong = _embed_cached(tuple(question.misconceptions)) if question.misconceptions else None
    return _embed_cached(tuple(tp.text for tp in question.talking_points)), _embed_cached(tuple(question.model_answer)), wrong


def prepare(questions: Iterable[Question]) -> int:
    """Embed the questions' own texts and compile their key-term patterns now, as the first answer
    to each would; a server calls this at start so that first answer is as quick as the rest.
    Returns how many questions."""
    n = 0
    for question in questions:
        _embed_cached((question.text,))
        question_embeddings(question)
        points.prepare_terms(term for point in question.talking_points for term in point.key_terms)
        n += 1
    return n


def outline_parts(question: Question) -> list[tuple[str, str]]:
    """(label, text) for each step of a non-STAR question's model answer outline: its structure
    names each line (the schema holds them to the same length)."""
    return list(zip(question.structure, question.model_answer, strict=True))


def analyse(answer: str, question: Question | None = None, question_text: str = "", star_model: SoftmaxModel | None = None, points_model: SoftmaxModel | None = None, weights: dict[str, dict[str, float]] | None = None, star_presence: dict[str, float] | None = None, soundness_model: SoftmaxModel | None = None, rated: exemplars.Exemplars | None = None) -> Feedback:
    """Analyse one answer; the models default to the shipped ones (evaluation passes its own)."""
    if not isinstance(answer, str):
        raise AnswerError(NOT_TEXT)
    text = normalise(answer)
    if len(answer) > MAX_ANSWER_CHARS:
        text = text[:MAX_ANSWER_CHARS]
    spans = sentences(text)
    n_words = word_count(text)
    if n_words == 0:
        raise AnswerError(EMPTY)
    q_text = question.text if question else question_text.strip()
    expected = (question.expected_words.min, question.expected_words.max) if question else DEFAULT_WORDS
    wants_star = question.star_expected if question else bool(_BEHAVIOURAL.search(q_text))

    sent_texts = [s.text for s in spans]
    sent_emb = recent_sentences.encode(sent_texts)
    q_emb = _embed_cached((q_text or "interview answer",))[0]

    # Talking points, and how far each sentence leans towards a known misconception
    results: list[PointResult] = []
    wrong_terms = terms.wrong_expansions(text)
    margins: np.ndarray | None = None
    restated = np.zeros(len(spans))
    if question:
        tp_emb, model_emb, wrong_emb = question_embeddings(question)
        if wrong_emb is not None:
            margins = points.contrast(sent_emb, q_emb, np.vstack([tp_emb, model_emb]), wrong_emb)
            restated = restate.gaps(sent_texts, sent_emb, question.misconceptions, wrong_emb, [tp.text for tp in question.talking_points] + question.model_answer)
        rated = rated if rated is not None else exemplars.shipped()
        point_likeness = rated.point_likeness(question.id, sent_emb, len(question.talking_points))
        matches = points.match(tp_emb, [tp.key_terms for tp in question.talking_points], sent_emb, spans, q_emb, q_text, model_emb, margins, point_likeness)
        for tp, m, (status, credit) in zip(question.talking_points, matches, points.classify(matches, points_model), strict=True):
            if m.best_sentence >= 0 and (restated[m.best_sentence] >= restate.ORDER_GAP or terms.misnames(tp.text, spans[m.best_sentence], wrong_terms)):
                # Its best sentence restates a mix-up word for word, or gets wrong the very term the
                # point is about: the meaning matched, the claim did not.
                status, credit = {"covered": "partly", "partly": "missing"}.get(status, status), credit / 2
            evidence = spans[m.best_sentence] if status != "missing" and m.best_sentence >= 0 else None
            results.append(PointResult(tp.text, status, evidence, m.similarity, tuple(t.text for t in m.terms), credit))

    # STAR or structure
    labels = star.classify(sent_texts, sent_emb, star_model, star_presence) if wants_star else ["none"] * len(spans)
    star_parts: list[StarPart] | None = None
    structure: list[StructurePart] = []
    findings: list[Finding] = []
    told = 1.0
    if wants_star:
        star_parts = _star_parts(spans, labels, findings)
        tale = story.assess(spans)
        told = tale.told
        if tale.is_hypothetical:
            findings.append(Finding("hypothetical", HYPOTHETICAL, tale.hypothetical[0]))
        elif tale.is_missing:
            findings.append(Finding("no_story", NO_STORY, None))
    elif question:
        outline = outline_parts(question)
        sims = _embed_cached(tuple(t for _, t in outline)) @ sent_emb.T
        floor = points.SECTION_FLOOR
        for (label, _), row in zip(outline, sims, strict=True):
            best = int(row.argmax())
            structure.append(StructurePart(label, bool(row[best] >= floor), spans[best] if row[best] >= floor else None))

    # Sentences that say what weak candidates typically get wrong (the question's misconceptions):
    # closer to one in meaning than to anything right, unless the point they are nearest to is
    # judged covered (the page would show it as made and as mixed up; on the labelled set that
    # rule drops most flags on strong answers), or restating one word for word in its order.
    if question and margins is not None:
        for i, (s, margin) in enumerate(zip(spans, margins, strict=True)):
            nearest = results[int((tp_emb @ sent_emb[i]).argmax())]
            if restated[i] >= restate.ORDER_GAP or (margin >= points.MISCONCEPTION_MARGIN and nearest.status != "covered"):
                findings.append(Finding("misconception", fill(MIX_UP, point=nearest.point), s, nearest.point))
    # A step of the outline is not there if the sentence that stands for it is a mix-up or gets
    # the term wrong ("FCR stands for final customer rating" is no definition of FCR).
    wrong = [f.span for f in findings if f.kind == "misconception" and f.span] + [i.span for i in wrong_terms]
    structure = [StructurePart(p.name, False, None) if p.evidence and any(p.evidence.start <= w.start < p.evidence.end for w in wrong) else p for p in structure]

    # Relevance, rambling, repetition
    relevance = sent_emb @ q_emb
    if question:
        relevance = np.maximum(relevance, (tp_emb @ sent_emb.T).max(0))
    for s, r in zip(spans, relevance, strict=True):
        if r < 0.12 and word_count(s.text) >= 6:
            findings.append(Finding("off_topic", OFF_TOPIC, s))
    for s in spans:
        if word_count(s.text) > 45:
            findings.append(Finding("rambling", RAMBLING, s))
    for phrase, count in language.repeated_phrases(text)[:3]:
        findings.append(Finding("repetition", fill(REPEATS, phrase=phrase, count=count), None))

    spec = specificity.assess(text, n_words)
    for v in spec.vague[:3]:
        findings.append(Finding("vague", VAGUE, v))
    fills = language.fillers(text)
    issues = sorted(language.all_issues(text) + impression.red_flags(text) + impression.overclaims(text) + wrong_terms, key=lambda i: (i.span.start, i.span.end))

    parts = _part_scores(results, star_parts, structure, spec, n_words, expected, fills, issues, relevance, findings, told)
    parts["soundness"] = 1.0 - soundness.weak_probability(sent_emb, soundness_model)
    if question:
        like = (rated if rated is not None else exemplars.shipped()).likeness(question.id, sent_emb)
        if like is not None:
            parts["likeness"] = like
    parts = short_answer_parts(parts, n_words, expected)
    kind = question_type(wants_star, bool(question))
    overall = weighted(parts, (weights or shipped_weights())[kind] if kind != "free" else FREE_WEIGHTS)
    return Feedback(
        overall=overall,
        parts=parts,
        word_count=n_words,
        expected_words=expected,
        sentences=spans,
        talking_points=results,
        star=star_parts,
        structure=structure,
        specificity=spec,
        fillers=fills,
        language_issues=issues,
        findings=findings,
        tips=_tips(results, star_parts, structure, spec, n_words, expected, fills, issues, findings),
        sentence_labels=labels,
    )


def _star_parts(spans: list[Span], labels: list[str], findings: list[Finding]) -> list[StarPart]:
    parts = []
    for name in star.CLASSES[:4]:
        mine = tuple(s for s, label in zip(spans, labels, strict=True) if label == name)
        note = ""
        if not mine:
            note = "missing"
        elif name == "action" and sum(word_count(s.text) for s in mine) < 20:
            note = "thin"
        elif name == "result" and not any(star.MEASURABLE.search(s.text) for s in mine):
            note = "not measurable"
        parts.append(StarPart(name, bool(mine), mine, note))
    mine_count, ours = star.ownership([s.text for s in spans], labels)
    if ours and ours >= mine_count:
        findings.append(Finding("ownership", OWNERSHIP, None))
    return parts


# Parts that credit what an answer avoids (fillers and slips, red flags, what weak answers say) or
# what it reads like: three words avoid every fault and read like anything, so an answer shorter
# than half the question's expected minimum earns them only in proportion to the words it said.
# Half, not all of it: medium answers are often somewhat short, and scaling from the full minimum
# put 6 points fewer of the labelled writers' medium answers above their weak ones (92.4% vs 86.8%).
SHORT_SCALED = ("language", "impression", "soundness", "likeness")
SHORT_FRACTION = 0.5


def short_under(expected: tuple[int, int]) -> int:
    """Answers with fewer words than this earn the SHORT_SCALED parts only in part."""
    return math.ceil(expected[0] * SHORT_FRACTION)


def short_answer_parts(parts: dict[str, float], n_words: int, expected: tuple[int, int]) -> dict[str, float]:
    said = min(1.0, n_words / max(expected[0] * SHORT_FRACTION, 1))
    return {k: v * said if k in SHORT_SCALED else v for k, v in parts.items()}


def _length_score(n: int, expected: tuple[int, int]) -> float:
    low, high = expected
    if n < low:
        return max(0.0, n / low) ** 1.5
    if n > high:
        return max(0.0, 1 - (n - high) / high)
    return 1.0


def _part_scores(results: list[PointResult], star_parts: list[StarPart] | None, structure: list[StructurePart], spec: specificity.Specificity, n: int, expected: tuple[int, int], fills: list[language.FillerCount], issues: list[language.LanguageIssue], relevance: np.ndarray, findings: list[Finding], told: float = 1.0) -> dict[str, float]:
    """`told` is story.Story.told: a STAR shape around nothing that happened is no STAR answer."""
    parts: dict[str, float] = {}
    if results:
        parts["content"] = sum(r.credit for r in results) / len(results)
    else:
        parts["content"] = float(np.clip((np.sort(relevance)[-3:].mean() - 0.15) / 0.35, 0, 1))
    if star_parts is not None:
        score = 0.0
        for p in star_parts:
            weight = {"situation": 0.2, "task": 0.15, "action": 0.4, "result": 0.25}[p.name]
            score += weight * (0.0 if not p.present else 0.6 if p.note in ("thin", "not measurable") else 1.0)
        if any(f.kind == "ownership" for f in findings):
            score -= 0.1
        parts["structure"] = max(0.0, score) * told
    elif structure:
        parts["structure"] = sum(s.present for s in structure) / len(structure)
    parts["specificity"] = spec.score
    # How squarely the answer is about the question: its three most on-topic sentences.
    parts["focus"] = float(np.clip((np.sort(relevance)[-3:].mean() - 0.2) / 0.4, 0, 1))
    parts["length"] = _length_score(n, expected) * (0.85 if any(f.kind in ("rambling", "repetition") for f in findings) else 1.0)
    per_100 = 100 / max(n, 30)
    filler_n = sum(f.count for f in fills)
    slips = [i for i in issues if i.type not in impression.TYPES]  # those count in "impression"
    parts["language"] = max(0.0, 1 - filler_n * per_100 * 0.05 - len(slips) * per_100 * 0.04)
    parts["impression"] = impression.score(issues)
    return parts


# What the candidate reads, as templates the web layer can translate (see bpoprep.wording).
NOT_TEXT = gettext_noop("The answer must be text.")
EMPTY = gettext_noop("The answer is empty: write at least a sentence.")
OFF_TOPIC = gettext_noop("This sentence does not seem to answer the question; cut it or tie it back.")
RAMBLING = gettext_noop("A very long sentence: split it so the listener can follow.")
REPEATS = gettext_noop("You repeat “{phrase}” {count} times.")
VAGUE = gettext_noop("Vague: replace it with a concrete example or a number.")
HYPOTHETICAL = gettext_noop("The question asks about a time it happened, but this says what you would do. Tell one real example from your past: where you were, what you did and how it ended.")
NO_STORY = gettext_noop("There is no real example yet: the question asks about a time something happened. Tell one event from your studies, work or family: where you were, what you did and how it ended.")
OWNERSHIP = gettext_noop("Your actions are told as “we”: say what you yourself did, with “I”.")
ADD_POINT = gettext_noop("Add this point: {point}")
SAY_MORE = gettext_noop("Say more about: {point}")
NO_STAR_PART = {
    "situation": gettext_noop("Your answer has no Situation. Set the scene in one or two sentences: where you were and what was happening."),
    "task": gettext_noop("Your answer has no Task. Say what you had to achieve or what was expected of you."),
    "action": gettext_noop("Your answer has no Action. Describe the steps you took yourself, in order, with “I”."),
    "result": gettext_noop("Your answer has no Result. End with the result: what changed, ideally with a number."),
}
MEASURABLE = gettext_noop("Make the result measurable: a number, a time saved, a rating or what the customer said.")
THIN_ACTION = gettext_noop("Your Action is thin: add two or three specific steps you took.")
SKIPS_PART = gettext_noop("Your answer skips a part a strong answer has: {part}.")
TOO_SHORT = gettext_noop("Too short ({n} words): aim for {low}-{high} words with an example.")
TOO_LONG = gettext_noop("Too long ({n} words): cut to under {high} words; keep the example and the result.")
SAY_I = gettext_noop("Say “I” for what you did yourself; interviewers score your actions, not the team's.")
CUT_FILLERS = gettext_noop("Cut filler words ({fillers}); a short pause sounds more confident.")
CONCRETE = gettext_noop("Add one concrete detail: a number, a name of a tool or process, or a real example.")
FIX_LANGUAGE = {
    "indianism": gettext_noop("Replace office Indianisms: {found}."),
    "negative_talk": gettext_noop("Drop the negative remark about a past employer or team: {found}."),
    "spelling": gettext_noop("Fix spelling: {found}."),
    "grammar": gettext_noop("Fix grammar: {found}."),
    "red_flag": gettext_noop("A recruiter would note this as a red flag; rephrase it: {found}."),
    "overclaim": gettext_noop("Prove it instead of claiming it; give one example in place of {found}."),
    "wrong_term": gettext_noop("Get the term right before anything else: {found}."),
}
MIX_UP = gettext_noop("This sounds like a common mix-up. A strong answer says: {point}")
CHECK_CLAIM = gettext_noop("Check this claim: “{said}” {advice}")
CUT_OFF_TOPIC = gettext_noop("Cut the sentences that do not answer the question (highlighted).")

WEIGHTS_PATH = Path(__file__).parent / "data" / "score_weights.json"
# For questions outside the bank there is nothing to fit on: set by hand.
FREE_WEIGHTS = {"content": 0.25, "specificity": 0.20, "length": 0.15, "focus": 0.10, "language": 0.10, "impression": 0.10, "soundness": 0.10}


@lru_cache(maxsize=1)
def shipped_weights() -> dict[str, dict[str, float]]:
    """Part weights per question type ("star", "bank"), fitted by `bpoprep feedback train`."""
    return dict(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))


def question_type(wants_star: bool, in_bank: bool) -> str:
    return "star" if wants_star else "bank" if in_bank else "free"


def weighted(parts: dict[str, float], weights: dict[str, float]) -> int:
    used = {k: w for k, w in weights.items() if k in parts}
    total = sum(used.values())
    return int(round(100 * sum(parts[k] * w for k, w in used.items()) / total))


def _tips(results: list[PointResult], star_parts: list[StarPart] | None, structure: list[StructurePart], spec: specificity.Specificity, n: int, expected: tuple[int, int], fills: list[language.FillerCount], issues: list[language.LanguageIssue], findings: list[Finding]) -> list[str]:
    """Every concrete next step, most valuable first (the page shows the top two)."""
    ranked: list[tuple[float, str]] = []
    missing = [r for r in results if r.status == "missing"]
    partly = [r for r in results if r.status == "partly"]
    for f in findings:
        if f.kind in story.FINDINGS:
            ranked.append((1.1, f.message))  # before any STAR part: there is no story to shape yet
    for f in [f for f in findings if f.kind == "misconception"][:1]:
        ranked.append((0.95, fill(CHECK_CLAIM, said=clip_words(f.span.text if f.span else "", 12), advice=f.message)))
        missing = [r for r in missing if r.point != f.point]  # that tip already names the point
    for r in missing[:2]:
        ranked.append((0.9, fill(ADD_POINT, point=r.point)))
    for r in partly[:1]:
        ranked.append((0.6, fill(SAY_MORE, point=r.point)))
    if star_parts is not None:
        for p in star_parts:
            if not p.present:
                ranked.append((1.0 if p.name in ("action", "result") else 0.8, NO_STAR_PART[p.name]))
            elif p.note == "not measurable":
                ranked.append((0.55, MEASURABLE))
            elif p.note == "thin":
                ranked.append((0.6, THIN_ACTION))
    for s in structure:
        if not s.present:
            ranked.append((0.5, fill(SKIPS_PART, part=s.name)))
            break
    low, high = expected
    if n < low:
        ranked.append((0.7 if n < low / 2 else 0.45, fill(TOO_SHORT, n=n, low=low, high=high)))
    elif n > high:
        ranked.append((0.5, fill(TOO_LONG, n=n, high=high)))
    if any(f.kind == "ownership" for f in findings):
        ranked.append((0.5, SAY_I))
    filler_n = sum(f.count for f in fills)
    if filler_n >= 3 or (n and filler_n / n > 0.03):
        top = ", ".join(f"“{f.text}” ×{f.count}" for f in fills[:3])
        ranked.append((0.5, fill(CUT_FILLERS, fillers=top)))
    if not spec.numbers and not spec.examples:
        ranked.append((0.45, CONCRETE))
    for kind, tip in FIX_LANGUAGE.items():
        found = [i for i in issues if i.type == kind]
        if found:
            detail = ", ".join(f"“{i.span.text}” → “{i.suggestion}”" if i.suggestion else f"“{i.span.text}”" for i in found[:3])
            ranked.append(({"wrong_term": 0.97, "negative_talk": 0.65, "red_flag": 0.7, "overclaim": 0.5}.get(kind, 0.4), fill(tip, found=detail)))
    if any(f.kind == "off_topic" for f in findings):
        ranked.append((0.4, CUT_OFF_TOPIC))
    ranked.sort(key=lambda t: -t[0])
    return list(dict.fromkeys(t for _, t in ranked))  # most valuable first, each tip once
