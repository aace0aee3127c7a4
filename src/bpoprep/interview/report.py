"""The mock interview report: per-question results, scores per dimension, strengths, the three
priorities to practise next, and the trend over earlier interviews. Pure: no Django; the web layer
turns each priority's target into a link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import mean
from typing import Any

from bpoprep.feedback import story
from bpoprep.wording import fill, gettext_noop

DIMENSIONS = ("content", "structure", "delivery", "language", "pronunciation")
# Overall = weighted mean of the dimensions present (pronunciation only for spoken interviews).
WEIGHTS = {"content": 0.35, "structure": 0.2, "delivery": 0.2, "language": 0.15, "pronunciation": 0.1}
STRONG_AT = 75
PRIORITY_BELOW = 75
PACE_BAND = (120, 150)
FILLERS_PER_MINUTE_OK = 2.0


@dataclass
class Item:
    """One question as asked and answered; feedback is the engine's dict (None when skipped)."""

    position: int
    stage: str
    question_id: str
    question: str
    category: str
    answer: str = ""
    feedback: dict[str, Any] | None = None
    speech: dict[str, Any] | None = None  # the speech analysis result for a spoken answer
    seconds: int | None = None
    seconds_allowed: int = 0
    follow_up_of: int | None = None  # position of the main question this follows up
    follow_up_reason: str = ""
    combined: dict[str, Any] | None = None  # feedback on the answer and its follow-up together


@dataclass
class Previous:
    when: str  # ISO date
    overall: int
    dimensions: dict[str, int] = field(default_factory=dict)


def delivery_score(speech: dict[str, Any], band: tuple[int, int] = PACE_BAND) -> int:
    """0-100 from pace against the band, the longest pause, fillers a minute and a flat voice."""
    wpm = float(speech.get("wpm") or 0)
    low, high = band
    gap = max(low - wpm, wpm - high, 0)
    score = 1 - min(0.5, gap / 60)
    d = speech.get("delivery") or {}
    longest = float(d.get("longest_pause_s") or 0)
    score -= min(0.25, max(0.0, longest - 1.5) * 0.08)
    minutes = max(float(speech.get("duration_s") or 0) / 60, 0.25)
    per_minute = len(speech.get("fillers") or []) / minutes
    score -= min(0.25, max(0.0, per_minute - FILLERS_PER_MINUTE_OK) * 0.05)
    if d.get("monotone"):
        score -= 0.1
    if float(d.get("start_latency_s") or 0) > 3:
        score -= 0.05
    return int(round(100 * max(0.0, score)))


def _timing_score(item: Item) -> int:
    """Typed answers: the answer's length score, less for running well over the time."""
    fb = item.combined or item.feedback or {}
    length = (fb.get("parts") or {}).get("length", 0.0)
    over = item.seconds is not None and item.seconds_allowed and item.seconds > 1.25 * item.seconds_allowed
    return int(round(100 * length * (0.8 if over else 1.0)))


def _two_tips(item: Item) -> list[str]:
    fb = item.combined or item.feedback or {}
    tips = list(fb.get("tips") or [])
    notes = list(((item.speech or {}).get("delivery") or {}).get("notes") or [])
    chosen = tips[:1] + notes[:1] if notes else tips[:2]
    return (chosen + tips[1:])[:2]


def _question_row(item: Item, follow_up: Item | None) -> dict[str, Any]:
    fb = item.combined or item.feedback
    row: dict[str, Any] = {
        "position": item.position,
        "stage": item.stage,
        "question_id": item.question_id,
        "question": item.question,
        "category": item.category,
        "answer": item.answer,
        "answered": fb is not None,
        "seconds": item.seconds,
        "seconds_allowed": item.seconds_allowed,
        "over_time": bool(item.seconds and item.seconds_allowed and item.seconds > item.seconds_allowed),
        "overall": fb["overall"] if fb else None,
        "overall_before_follow_up": item.feedback["overall"] if item.combined and item.feedback else None,
        "talking_points": [{"point": p["point"], "status": p["status"]} for p in (fb or {}).get("talking_points", [])],
        "star": (fb or {}).get("star"),
        "tips": _two_tips(item) if fb else [],
        "red_flags": [i["span"]["text"] for i in (fb or {}).get("language_issues", []) if i.get("type") == "red_flag" and i.get("span")],
        # A "tell me about a time" answered with what one would do, or with no event (story.py).
        "no_story": any(f.get("kind") in story.FINDINGS for f in (fb or {}).get("findings", [])),
        "follow_up": None,
        "delivery": None,
    }
    if follow_up is not None:
        row["follow_up"] = {"question": follow_up.question, "answer": follow_up.answer, "reason": follow_up.follow_up_reason, "answered": bool(follow_up.answer)}
    if item.speech:
        s = item.speech
        row["delivery"] = {
            "score": delivery_score(s),
            "wpm": s.get("wpm"),
            "longest_pause_s": (s.get("delivery") or {}).get("longest_pause_s"),
            "fillers": len(s.get("fillers") or []),
            "pitch_variation_st": s.get("pitch_variation_st"),
            "duration_s": s.get("duration_s"),
            "pronunciation": s.get("total"),
        }
    return row


def _dimensions(mains: list[Item], spoken: Sequence[Item]) -> dict[str, int]:
    answered = [i for i in mains if (i.combined or i.feedback)]
    out: dict[str, int] = {}
    if not answered:
        return out
    parts = [(i.combined or i.feedback or {}).get("parts") or {} for i in answered]
    # A question left unanswered scores nothing for content and structure, as with a real
    # interviewer; language and delivery are judged on what was said.
    skipped = len(mains) - len(answered)
    out["content"] = int(round(100 * sum(p.get("content", 0.0) for p in parts) / (len(parts) + skipped)))
    out["structure"] = int(round(100 * sum(p.get("structure", 0.0) for p in parts) / (len(parts) + skipped)))
    out["language"] = int(round(100 * mean(p.get("language", 0.0) for p in parts)))
    if spoken:
        out["delivery"] = int(round(mean(delivery_score(i.speech or {}) for i in spoken)))
        totals = [float(i.speech["total"]) for i in spoken if i.speech and i.speech.get("total") is not None]
        if totals:
            out["pronunciation"] = int(round(10 * mean(totals)))
    else:
        out["delivery"] = int(round(mean(_timing_score(i) for i in answered)))
    return out


def overall(dimensions: dict[str, int]) -> int:
    used = {k: w for k, w in WEIGHTS.items() if k in dimensions}
    if not used:
        return 0
    return int(round(sum(dimensions[k] * w for k, w in used.items()) / sum(used.values())))


# Report lines as templates the web layer can translate (see bpoprep.wording).
STRONG_DIMENSION = {
    "content": gettext_noop("Content: you covered what interviewers listen for ({score}/100)."),
    "structure": gettext_noop("Structure: your answers were organised ({score}/100)."),
    "delivery": gettext_noop("Delivery: a steady pace with few fillers and pauses ({score}/100)."),
    "timing": gettext_noop("Length and timing: answers the right size, on time ({score}/100)."),
    "language": gettext_noop("Language: clean English with few fillers or slips ({score}/100)."),
    "pronunciation": gettext_noop("Pronunciation: clear, easy-to-follow sounds ({score}/100)."),
}
EVERY_STORY = gettext_noop("Every story had a situation, task, action and result ({n} of {n}).")
BEST_ANSWER = gettext_noop("Your best answer: \"{question}\" ({score}/100).")
ON_TIME = gettext_noop("You finished every answer within its time.")
ANSWER_EVERY = gettext_noop("Answer every question: {left} of {total} were left unanswered, starting with \"{question}\". Even a short, honest answer beats silence.")
CONTENT_MISSED = gettext_noop("Content ({score}/100): cover the key points. Your weakest answer was to \"{question}\". For example, you did not cover: {point}")
CONTENT_WEAKEST = gettext_noop("Content ({score}/100): cover the key points. Your weakest answer was to \"{question}\".")
CONTENT_ONLY = gettext_noop("Content ({score}/100): cover the key points.")
STRUCTURE_NO_STORY = gettext_noop("Structure ({score}/100): your answer to \"{question}\" said what you would do, not what happened. Tell one real time, in STAR order.")
STRUCTURE_STAR = gettext_noop("Structure ({score}/100): tell stories in STAR order; missing parts: {parts}.")
STRUCTURE_ORDER = gettext_noop("Structure ({score}/100): answer in a clear order - the point first, then an example, then why it matters.")
DELIVERY = gettext_noop("Delivery ({score}/100): aim for 120-150 words a minute, no long silences, fewer um and uh.")
TIMING = gettext_noop("Length and timing ({score}/100): give each answer its expected length within the time.")
LANGUAGE = gettext_noop("Language ({score}/100): cut filler words, hedging and office Indianisms.")
PRONUNCIATION = gettext_noop("Pronunciation ({score}/100): practise the sounds flagged in your answers.")
PRACTISE_AGAIN = gettext_noop("Practise \"{question}\" again ({score}/100).")
RED_FLAG = gettext_noop("Drop what a recruiter reads as a red flag: “{said}” in your answer to \"{question}\". Say what you would do in the job instead.")


def _q(row: dict[str, Any]) -> str:
    """The question as quoted inside a sentence (no full stop of its own)."""
    return str(row["question"]).rstrip(". ")


def _strengths(rows: list[dict[str, Any]], dims: dict[str, int], spoken: bool) -> list[str]:
    dims_out: list[str] = []
    out: list[str] = []
    names = {**STRONG_DIMENSION, "delivery": STRONG_DIMENSION["delivery" if spoken else "timing"]}
    for k, v in sorted(dims.items(), key=lambda kv: -kv[1]):
        if v >= STRONG_AT:
            dims_out.append(fill(names[k], score=v))
    stories = [r for r in rows if r["star"]]
    complete = [r for r in stories if all(r["star"].values()) and not r.get("no_story")]
    if stories and len(complete) == len(stories):
        out.append(fill(EVERY_STORY, n=len(stories)))
    best = max((r for r in rows if r["overall"] is not None), key=lambda r: r["overall"], default=None)
    if best and best["overall"] >= STRONG_AT:
        out.append(fill(BEST_ANSWER, question=_q(best), score=best["overall"]))
    on_time = [r for r in rows if r["answered"] and r["seconds"] is not None]
    if on_time and len(on_time) == len(rows) and not any(r["over_time"] for r in on_time):
        out.append(ON_TIME)
    return (dims_out[:2] + out + dims_out[2:])[:5]  # the two best dimensions, then the specifics


def _priorities(rows: list[dict[str, Any]], dims: dict[str, int], spoken: bool) -> list[dict[str, str]]:
    """Up to three things to practise, weakest first, each with what to open to train it."""
    out: list[dict[str, str]] = []
    answered = [r for r in rows if r["overall"] is not None]
    unanswered = [r for r in rows if r["overall"] is None]
    if answered and unanswered:
        out.append({"dimension": "answered", "text": fill(ANSWER_EVERY, left=len(unanswered), total=len(rows), question=_q(unanswered[0])), "target": f"question:{unanswered[0]['question_id']}"})
    # A red flag costs only a small fixed share of the score, but one can end an interview:
    # always among the three.
    flagged = next((r for r in answered if r.get("red_flags")), None)
    if flagged:
        out.append({"dimension": "red_flag", "text": fill(RED_FLAG, said=flagged["red_flags"][0], question=_q(flagged)), "target": f"question:{flagged['question_id']}"})
    for dim, score in sorted(dims.items(), key=lambda kv: kv[1]):
        if score >= PRIORITY_BELOW or len(out) >= 3:
            continue
        if dim == "content":
            weakest = min(answered, key=lambda r: r["overall"], default=None)
            missed = [p["point"] for r in answered for p in r["talking_points"] if p["status"] == "missing"]
            if weakest and missed:
                text = fill(CONTENT_MISSED, score=score, question=_q(weakest), point=missed[0][0].lower() + missed[0][1:])
            elif weakest:
                text = fill(CONTENT_WEAKEST, score=score, question=_q(weakest))
            else:
                text = fill(CONTENT_ONLY, score=score)
            out.append({"dimension": dim, "text": text, "target": f"question:{weakest['question_id']}" if weakest else "practise:hr"})
        elif dim == "structure":
            stories = [r for r in answered if r["star"]]
            told_none = next((r for r in stories if r.get("no_story")), None)
            gaps = sorted({k for r in stories for k, v in r["star"].items() if not v})
            if told_none:
                text = fill(STRUCTURE_NO_STORY, score=score, question=_q(told_none))
            else:
                text = fill(STRUCTURE_STAR, score=score, parts=", ".join(gaps)) if gaps else fill(STRUCTURE_ORDER, score=score)
            out.append({"dimension": dim, "text": text, "target": "lesson:star-method"})
        elif dim == "delivery":
            if spoken:
                out.append({"dimension": dim, "text": fill(DELIVERY, score=score), "target": "speaking:read_aloud"})
            else:
                out.append({"dimension": dim, "text": fill(TIMING, score=score), "target": "practise:behavioural"})
        elif dim == "language":
            out.append({"dimension": dim, "text": fill(LANGUAGE, score=score), "target": "lesson:email-and-chat-etiquette"})
        elif dim == "pronunciation":
            out.append({"dimension": dim, "text": fill(PRONUNCIATION, score=score), "target": "speaking:repeat"})
    if len(out) < 3:  # everything is fairly strong: the lowest-scoring answers are next
        for r in sorted(answered, key=lambda r: r["overall"]):
            if len(out) >= 3 or r["overall"] >= 90:
                break
            if any(p.get("target") == f"question:{r['question_id']}" for p in out):
                continue
            out.append({"dimension": "question", "text": fill(PRACTISE_AGAIN, question=_q(r), score=r["overall"]), "target": f"question:{r['question_id']}"})
    return out


def build(items: Sequence[Item], *, spoken: bool, previous: Sequence[Previous] = ()) -> dict[str, Any]:
    """The report. items: every question asked, main questions and follow-ups, in order."""
    follow_ups = {i.follow_up_of: i for i in items if i.follow_up_of is not None}
    mains = [i for i in items if i.follow_up_of is None]
    rows = [_question_row(i, follow_ups.get(i.position)) for i in mains]
    voiced = [i for i in items if i.speech] if spoken else []
    dims = _dimensions(mains, voiced)
    score = overall(dims)
    trend = [{"when": p.when, "overall": p.overall} for p in previous]
    return {
        "version": 1,
        "spoken": spoken,
        "overall": score,
        "dimensions": dims,
        "questions": rows,
        "answered": sum(1 for r in rows if r["answered"]),
        "asked": len(rows),
        "follow_ups": len(follow_ups),
        "strengths": _strengths(rows, dims, spoken),
        "priorities": _priorities(rows, dims, spoken),
        "trend": trend,
        "change": score - previous[-1].overall if previous else None,
    }
