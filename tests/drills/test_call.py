"""Mock calls marked on the scenario's QA scorecard, with fatal errors zeroing the call."""

from __future__ import annotations

import pytest

from bpoprep.content.catalogue import default_catalogue
from bpoprep.drills.call import CallError, parse, score

CAT = default_catalogue()
OUTAGE = CAT.calls["broadband-outage-complaint"]
GOOD = [
    "Thank you for calling SwiftNet, my name is Asha, how may I help you?",
    "I'm sorry to hear that. For security, may I verify your registered mobile number and account number?",
    "Thank you, Rohan. Since when is it down, and what do the router lights show? Did you restart it?",
    "I understand, losing two days of work from home is hard, and I will make sure this is fixed. May I place you on hold for two minutes while I check?",
    "Thank you for holding. There is an outage in Kothrud; it should be back by 6 pm today. I've raised a complaint and a credit of Rs 60 a day goes on your next bill.",
    "Just to recap: fixed by 6 pm, a credit on your bill, and the reference number by SMS.",
    "Is there anything else I can help you with? Thank you for calling SwiftNet, have a great day.",
]


def test_a_full_call_meets_every_step() -> None:
    r = score(OUTAGE, GOOD)
    assert r.score == 100 == sum(i.weight for i in r.items) and not r.fatal
    assert r.unchecked == ["Gives information that contradicts the facts provided (wrong amounts, dates or policy)"]


def test_missing_steps_cost_their_weight() -> None:
    no_hold = [t.replace(" May I place you on hold for two minutes while I check?", "").replace("Thank you for holding. ", "") for t in GOOD]
    r = score(OUTAGE, [t for t in no_hold if "recap" not in t])
    missed = {i.id for i in r.items if not i.met}
    assert missed == {"recap", "hold-etiquette"}
    assert r.score == 100 - sum(i.weight for i in r.items if i.id in missed)


def test_account_talk_before_verification_is_fatal() -> None:
    turns = ["Thank you for calling SwiftNet, my name is Asha.", "There is an outage; it is back by 6 pm and you get a credit.", "May I verify your registered mobile number?"]
    r = score(OUTAGE, turns)
    assert r.score == 0 and r.raw_score > 0 and r.fatal[0]["id"] == "privacy-breach"


def test_rudeness_is_fatal() -> None:
    r = score(OUTAGE, GOOD[:2] + ["Calm down, it's not my problem."])
    assert r.score == 0 and {f["id"] for f in r.fatal} == {"rudeness"}


def test_sales_call_needs_consent_and_the_fee() -> None:
    sale = CAT.calls["credit-card-upgrade-sale"]
    pushy = ["Thank you for calling Crest Bank, my name is Ravi.", "For security, please confirm your date of birth.", "How do you use the card? Mostly travel?", "You get lounge access and reward points; I've upgraded you."]
    ids = {f["id"] for f in score(sale, pushy).fatal}
    assert {"hidden-fee"} <= ids


@pytest.mark.parametrize("raw", [[], ["   "], "hello", [1, 2], ["x" * 4000]])
def test_bad_calls_are_refused(raw: object) -> None:
    with pytest.raises(CallError):
        parse(raw)


def test_a_greeting_alone_is_not_a_closing() -> None:
    r = score(OUTAGE, ["Thank you for calling SwiftNet, my name is Asha, how may I help you?"])
    met = {i.id for i in r.items if i.met}
    assert met == {"branded-greeting"}
