"""Any text at all gives a valid result or a clear error, never a crash."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpoprep.content.catalogue import default_catalogue
from bpoprep.feedback.engine import AnswerError, analyse

CAT = default_catalogue()
QUESTIONS = [CAT.questions[q] for q in ("why-bpo", "handled-angry-customer", "what-is-aht")]

TRICKY = st.sampled_from([
    "😀🙏🏽 great customer service 👍",
    "مرحبا، أنا أحب خدمة العملاء",  # right-to-left
    "<script>alert('x')</script> I <b>love</b> helping customers &amp; teams",
    "line\x00with\x07control\x1bcharacters and words",
    "मैं ग्राहकों की मदद करना पसंद करता हूँ। I like BPO.",
    "a" * 5000,
    "\u202eevil override\u202c text",
])


def check(result_or_error: object) -> None:
    d = result_or_error.to_dict()  # type: ignore[attr-defined]
    assert 0 <= d["overall"] <= 100
    json.dumps(d)  # serialisable for the batch contract and the database


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=400), TRICKY), q=st.sampled_from(QUESTIONS + [None]))
def test_any_text_returns_a_result_or_a_clear_error(text: str, q: object) -> None:
    try:
        result = analyse(text, q, question_text="" if q else "Why do you want this job?")  # type: ignore[arg-type]
    except AnswerError as exc:
        assert str(exc)
        return
    check(result)
    for issue in result.language_issues:
        assert 0 <= issue.span.start <= issue.span.end <= len(text) + 1


def test_a_huge_answer_is_cut_not_crashed() -> None:
    text = "I helped a customer with a refund and she was happy. " * 2000  # about 100,000 characters
    result = analyse(text, QUESTIONS[0])
    check(result)
    assert any("Too long" in t for t in result.tips)
