"""A sentence that restates a misconception in its word order, which sentence embeddings miss."""

from __future__ import annotations

import numpy as np

from bpoprep.feedback import restate
from bpoprep.feedback.engine import analyse
from bpoprep.feedback.embedding import encoder
from tests.feedback.test_engine import CAT

WRONG = ["Inbound means we call the customers, and outbound means customers call us from outside."]
RIGHT = ["In inbound, customers call the company, usually for support, queries or complaints.", "In outbound, agents call customers, for sales, collections, surveys or renewals."]


def test_content_words_drop_function_words_and_plain_endings() -> None:
    assert restate.content_words("Inbound is when we call the customers, and they are CALLING us!") == ["inbound", "call", "customer", "call"]
    assert restate.content_words("") == []
    assert restate.content_words("Débit → crédit 100% 🙂 खाता, <b>don't</b>") == ["débit", "crédit", "100", "खाता", "b", "don't", "b"]
    assert restate.clauses("Inbound is when we call the customer, and outbound is when customers call us") == [["inbound", "call", "customer"], ["outbound", "customer", "call"]]


def test_a_swapped_definition_follows_the_misconception_order_and_the_right_one_does_not() -> None:
    swapped = "Inbound is when we call the customer and outbound is when customer calls us."
    right = "Inbound is when customers call us and outbound is when we call the customer."
    assert restate.order_gap(swapped, WRONG, RIGHT) >= 0.3
    assert restate.order_gap(right, WRONG, RIGHT) < restate.ORDER_GAP
    # Either half on its own, and the halves in the other order, are right too.
    assert restate.order_gap("Outbound is when we call the customer, inbound is when customers call us.", WRONG, RIGHT) < restate.ORDER_GAP
    assert restate.order_gap("Inbound is when customers call the company with queries.", WRONG, RIGHT) < restate.ORDER_GAP


def test_short_or_empty_sentences_and_no_misconceptions_give_no_gap() -> None:
    assert restate.order_gap("Inbound, yes.", WRONG, RIGHT) == 0.0
    assert restate.order_gap("Inbound is when we call the customer.", [], RIGHT) == 0.0
    emb = encoder().encode(["Inbound is when we call the customer and outbound is when customer calls us."])
    assert restate.gaps([], np.zeros((0, emb.shape[1])), WRONG, encoder().encode(WRONG), RIGHT).shape == (0,)
    assert not restate.gaps(["x"], emb, [], np.zeros((0, emb.shape[1])), RIGHT).any()


def test_only_sentences_close_in_meaning_are_compared() -> None:
    # Word order alone is not enough: an unrelated sentence that happens to share the order of a
    # few words is never compared, so it is never flagged.
    texts = ["Inbound is when we call the customer and outbound is when customer calls us.", "My call with the customer about the inbound shipment went out well."]
    found = restate.gaps(texts, encoder().encode(texts), WRONG, encoder().encode(WRONG), RIGHT)
    assert found[0] >= restate.ORDER_GAP and found[1] == 0.0


def test_the_swapped_inbound_outbound_answer_is_marked_as_a_mix_up() -> None:
    q = CAT.questions["inbound-vs-outbound-question"]
    swapped = analyse("Inbound is when we call the customer and outbound is when customer calls us. Inbound is sales and outbound is support.", q)
    flagged = [f for f in swapped.findings if f.kind == "misconception"]
    assert flagged and flagged[0].span is not None and flagged[0].span.text.startswith("Inbound is when we call"), swapped.findings
    assert swapped.tips[0].startswith("Check this claim: “Inbound is when we call the customer")
    right = analyse(
        "Inbound means customers call us, for example a bank's credit card helpline where I answer queries and complaints. "
        "Outbound means we call customers, like sales, renewals or collections calls.",
        q,
    )
    assert not [f for f in right.findings if f.kind == "misconception"], right.findings
    # The swapped sentence resembles both definitions in meaning, but makes neither point.
    assert not [p for p in swapped.talking_points if p.status == "covered"], swapped.talking_points
    assert [p.status for p in right.talking_points][:2] == ["covered", "covered"]
    # Both short; the swap costs the content part (15 of 100 points with the shipped weights).
    assert swapped.overall + 12 < right.overall
