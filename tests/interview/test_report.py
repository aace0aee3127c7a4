"""The report from answered items: dimensions, strengths, priorities, trend (pure)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bpoprep.interview import report


def fb(overall: int, content: float, structure: float, language: float, *, star: dict[str, bool] | None = None, missing: str = "", length: float = 1.0) -> dict:
    points = [{"point": "Say what KPO stands for.", "status": "covered"}]
    if missing:
        points.append({"point": missing, "status": "missing"})
    return {"overall": overall, "parts": {"content": content, "structure": structure, "language": language, "length": length}, "talking_points": points, "star": star, "tips": ["Add a number.", "Cut 'basically'.", "Third tip."]}


def speech(wpm: float, fillers: int = 0, longest: float = 0.5, total: float | None = 7.0, duration: float = 60.0) -> dict:
    return {"wpm": wpm, "duration_s": duration, "fillers": [{"text": "um", "start": 1.0}] * fillers, "delivery": {"longest_pause_s": longest, "notes": ["Slow: speak up."] if wpm < 110 else []}, "total": total, "pitch_variation_st": 2.5}


def test_typed_report_scores_each_dimension_and_names_the_weakest_answer() -> None:
    items = [
        report.Item(10, "opening", "tell-me-about-yourself", "Tell me about yourself.", "hr", "I am Asha.", fb(80, 0.9, 0.8, 0.9), seconds=60, seconds_allowed=90),
        report.Item(20, "knowledge", "what-is-kpo", "What is KPO?", "industry", "KPO is outsourcing.", fb(40, 0.3, 0.5, 0.6, missing="Give two examples of KPO work."), seconds=200, seconds_allowed=120),
    ]
    r = report.build(items, spoken=False)
    assert r["dimensions"] == {"content": 60, "structure": 65, "language": 75, "delivery": 100 - 10}  # one answer over time: 0.8 of its length score
    assert set(r["dimensions"]) == {"content", "structure", "delivery", "language"}  # no pronunciation when typed
    assert r["overall"] == report.overall(r["dimensions"])
    content = next(p for p in r["priorities"] if p["dimension"] == "content")
    assert "What is KPO?" in content["text"] and "give two examples" in content["text"] and content["target"] == "question:what-is-kpo"
    assert len(r["priorities"]) <= 3
    assert r["questions"][1]["over_time"] and not r["questions"][0]["over_time"]
    assert r["questions"][0]["tips"] == ["Add a number.", "Cut 'basically'."]


def test_a_follow_up_sits_under_its_question_and_the_combined_score_counts() -> None:
    main = report.Item(10, "behavioural", "handled-angry-customer", "Tell me about an angry customer.", "behavioural", "A story.", fb(50, 0.5, 0.5, 0.8, star={"situation": True, "task": True, "action": True, "result": False}), seconds=80, seconds_allowed=105)
    main.combined = fb(72, 0.75, 1.0, 0.8, star={"situation": True, "task": True, "action": True, "result": True})
    follow = report.Item(15, "behavioural", "handled-angry-customer", "What was the outcome?", "behavioural", "He thanked me.", None, follow_up_of=10, follow_up_reason="no_result")
    r = report.build([main, follow], spoken=False)
    assert len(r["questions"]) == 1 and r["follow_ups"] == 1
    row = r["questions"][0]
    assert row["overall"] == 72 and row["overall_before_follow_up"] == 50
    assert row["follow_up"] == {"question": "What was the outcome?", "answer": "He thanked me.", "reason": "no_result", "answered": True}
    assert row["star"]["result"] is True and r["dimensions"]["structure"] == 100


def test_spoken_report_adds_delivery_and_pronunciation_from_the_audio() -> None:
    good = report.Item(10, "opening", "tell-me-about-yourself", "Q1", "hr", "a", fb(80, 0.8, 0.8, 0.9), speech=speech(135, total=8.0))
    slow = report.Item(20, "role", "bk-double-entry", "Q2", "role", "b", fb(70, 0.7, 0.7, 0.9), speech=speech(80, fillers=8, longest=4.0, total=5.0))
    r = report.build([good, slow], spoken=True)
    assert r["dimensions"]["pronunciation"] == 65
    assert report.delivery_score(good.speech or {}) == 100
    assert report.delivery_score(slow.speech or {}) < 60
    assert r["dimensions"]["delivery"] == round((100 + report.delivery_score(slow.speech or {})) / 2)
    assert r["questions"][1]["delivery"]["wpm"] == 80 and r["questions"][1]["delivery"]["fillers"] == 8
    # A delivery note joins the text tips when the audio had one.
    assert r["questions"][1]["tips"] == ["Add a number.", "Slow: speak up."]
    assert any(p["dimension"] == "delivery" and p["target"] == "speaking:read_aloud" for p in r["priorities"])


def test_strengths_priorities_and_trend() -> None:
    star = {"situation": True, "task": True, "action": True, "result": True}
    items = [report.Item(10 * n, "behavioural", f"q{n}", f"Question {n}", "behavioural", "x", fb(88, 0.9, 0.95, 0.95, star=star), seconds=30, seconds_allowed=60) for n in range(1, 4)]
    previous = [report.Previous("2026-11-01", 55), report.Previous("2026-11-10", 70)]
    r = report.build(items, spoken=False, previous=previous)
    assert any("Every story had" in s for s in r["strengths"]) and any("within its time" in s for s in r["strengths"])
    assert r["trend"] == [{"when": "2026-11-01", "overall": 55}, {"when": "2026-11-10", "overall": 70}]
    assert r["change"] == r["overall"] - 70
    # Nothing under 75: the priorities are the lowest-scoring answers, not empty advice.
    assert all(p["dimension"] == "question" for p in r["priorities"])


def test_a_red_flag_is_a_priority_even_when_the_scores_are_good() -> None:
    flagged = fb(85, 0.9, 0.9, 0.9)
    flagged["language_issues"] = [{"type": "red_flag", "span": {"start": 30, "end": 55, "text": "salary is the main reason"}, "suggestion": "", "message": ""}, {"type": "hedging", "span": {"start": 0, "end": 5, "text": "maybe"}}]
    items = [
        report.Item(10, "opening", "tell-me-about-yourself", "Tell me about yourself.", "hr", "I am Asha.", fb(88, 0.9, 0.9, 0.9), seconds=30, seconds_allowed=90),
        report.Item(20, "motivation", "why-bpo", "Why do you want to work in a BPO?", "hr", "I like people and salary is the main reason.", flagged, seconds=30, seconds_allowed=90),
    ]
    r = report.build(items, spoken=False)
    assert r["questions"][1]["red_flags"] == ["salary is the main reason"] and r["questions"][0]["red_flags"] == []
    first = r["priorities"][0]
    assert first["dimension"] == "red_flag" and first["target"] == "question:why-bpo"
    assert "“salary is the main reason” in your answer to \"Why do you want to work in a BPO?\"" in first["text"]
    assert len(r["priorities"]) <= 3


def test_a_story_that_never_happened_is_named_in_the_structure_priority_and_not_praised() -> None:
    star = {"situation": True, "task": True, "action": True, "result": True}
    told = fb(80, 0.8, 0.9, 0.9, star=star)
    would = fb(45, 0.5, 0.3, 0.9, star=star)  # the STAR shape is there, around what one would do
    would["findings"] = [{"kind": "hypothetical", "message": "", "span": {"start": 0, "end": 20, "text": "If I get a customer"}}]
    items = [
        report.Item(10, "behavioural", "worked-under-pressure", "Tell me about a time you worked under pressure.", "behavioural", "A story.", told, seconds=60, seconds_allowed=120),
        report.Item(20, "behavioural", "handled-angry-customer", "Tell me about a time you handled an angry customer.", "behavioural", "If I get a customer...", would, seconds=60, seconds_allowed=120),
    ]
    r = report.build(items, spoken=False)
    assert [q["no_story"] for q in r["questions"]] == [False, True]
    structure = next(p for p in r["priorities"] if p["dimension"] == "structure")
    assert 'your answer to "Tell me about a time you handled an angry customer" said what you would do' in structure["text"]
    assert not any("Every story had" in s for s in r["strengths"])


def test_nothing_answered_gives_an_empty_but_valid_report() -> None:
    items = [report.Item(10, "opening", "tell-me-about-yourself", "Q", "hr")]
    r = report.build(items, spoken=True)
    assert r["overall"] == 0 and r["dimensions"] == {} and r["answered"] == 0 and r["asked"] == 1
    assert r["questions"][0]["answered"] is False and r["priorities"] == []


def test_unanswered_questions_count_against_content_and_come_first_in_the_priorities() -> None:
    answered = report.Item(10, "opening", "tell-me-about-yourself", "Tell me about yourself.", "hr", "I am Asha.", fb(80, 0.8, 0.6, 0.9), seconds=30, seconds_allowed=90)
    skipped = [report.Item(10 * n, "closing", f"q{n}", f"Question {n}.", "hr") for n in range(2, 5)]
    r = report.build([answered, *skipped], spoken=False)
    assert r["dimensions"]["content"] == 20 and r["dimensions"]["structure"] == 15  # 0.8 and 0.6 over 4 questions
    assert r["dimensions"]["language"] == 90  # judged on what was said
    assert r["priorities"][0]["dimension"] == "answered" and "3 of 4" in r["priorities"][0]["text"] and r["priorities"][0]["target"] == "question:q2"
    assert not any("within its time" in s for s in r["strengths"])
    assert all('."' not in p["text"] for p in r["priorities"])  # a quoted question keeps no full stop of its own


unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
feedbacks = st.one_of(
    st.none(),
    st.builds(
        lambda overall, c, s, l, length, star: {"overall": overall, "parts": {"content": c, "structure": s, "language": l, "length": length}, "talking_points": [], "star": star, "tips": []},
        st.integers(0, 100), unit, unit, unit, unit,
        st.one_of(st.none(), st.fixed_dictionaries({k: st.booleans() for k in ("situation", "task", "action", "result")})),
    ),
)
speeches = st.one_of(
    st.none(),
    st.builds(
        lambda wpm, dur, n, pause, total, mono: {"wpm": wpm, "duration_s": dur, "fillers": [{"text": "um", "start": 0.0}] * n, "delivery": {"longest_pause_s": pause, "monotone": mono}, "total": total},
        st.floats(0, 400), st.floats(0, 600), st.integers(0, 50), st.floats(0, 60), st.one_of(st.none(), st.floats(0, 10)), st.booleans(),
    ),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(feedbacks, speeches, st.one_of(st.none(), st.integers(0, 2000))), min_size=1, max_size=12), st.booleans())
def test_any_mix_of_answers_gives_a_report_within_bounds(rows: list[tuple[dict | None, dict | None, int | None]], spoken: bool) -> None:
    items = [report.Item(10 * (n + 1), "behavioural", f"q{n}", f"Question {n}?", "hr", "answer" if fb else "", fb, speech, seconds, 90) for n, (fb, speech, seconds) in enumerate(rows)]
    r = report.build(items, spoken=spoken)
    assert 0 <= r["overall"] <= 100 and all(0 <= v <= 100 for v in r["dimensions"].values())
    assert r["asked"] == len(rows) and r["answered"] == sum(1 for fb, _s, _t in rows if fb)
    assert len(r["priorities"]) <= 3 and len(r["strengths"]) <= 5
    assert ("pronunciation" in r["dimensions"]) <= spoken
