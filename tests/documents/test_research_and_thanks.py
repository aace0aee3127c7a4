"""Company research turns notes into questions and a pitch; the thank-you e-mail is checked."""

from __future__ import annotations

from bpoprep.documents.research import Notes, questions_to_ask, why_this_company
from bpoprep.documents.thank_you import Interview, check, draft, mailto

NOTES = Notes(
    company="Navtara Services",
    services_clients="US telecom and banking clients; 12 centres in India",
    mission_values="customer obsession; integrity",
    recent_news="a new centre in Indore opened in March",
    differentiators="a six-week training academy for freshers",
    process_applied="international inbound voice for a US telecom client",
)


def test_questions_use_the_notes_first() -> None:
    qs = questions_to_ask(NOTES, "customer service representative", "inbound voice")
    assert len(qs) == 6
    assert "international inbound voice for a US telecom client" in qs[0]
    assert "a new centre in Indore opened in March" in qs[1]
    assert any("six-week training academy" in q for q in qs)


def test_questions_without_notes_are_still_useful() -> None:
    qs = questions_to_ask(Notes(company="X"), "chat support agent", "chat")
    assert len(qs) == 4 and all(q.endswith("?") for q in qs)


def test_pitch_is_specific_and_says_what_is_missing() -> None:
    pitch, missing = why_this_company(NOTES, "customer service representative", "a year of part-time support at a mobile shop")
    assert "US telecom and banking clients" in pitch and "six-week training academy" in pitch and "part-time support" in pitch
    assert missing == []
    thin, missing = why_this_company(Notes(company="Acme"), "agent")
    assert "Acme" in thin and len(missing) == 4


def test_drafted_thank_you_passes_every_check() -> None:
    i = Interview("Meera Nair", "Mr Rao", "Customer Service Representative", "Navtara Services", "the night-shift training programme", "My year of part-time customer support")
    subject, body = draft(i)
    results = {c.id: c.passed for c in check(i, subject, body)}
    assert all(results.values()), results
    assert "Mr Rao" in body and "night-shift training programme" in body


def test_a_vague_long_note_fails_the_right_checks() -> None:
    i = Interview("Meera", "Ms Iyer", "Chat Support Agent", "Acme", "the chat targets")
    body = "Hello sir, thanks. " + "I am very hardworking. " * 60
    results = {c.id: c.passed for c in check(i, "", body)}
    assert not results["subject"] and not results["interviewer"] and not results["specific"] and not results["brief"] and not results["signed"]


def test_mailto_escapes_the_text() -> None:
    link = mailto("hr@example.com", "Thank you & more", "Line 1\nLine 2")
    assert link.startswith("mailto:hr%40example.com?subject=Thank%20you%20%26%20more&body=Line%201%0ALine%202")


def test_cover_letter_draft_passes_its_own_checks_when_specific() -> None:
    from bpoprep.documents.cover_letter import Inputs, check, draft

    i = Inputs("Meera Nair", "Customer Service Representative", "Navtara Services", "For a year I handled 40 customer calls a day at a telecom store and I type at 40 WPM", "its six-week training academy for freshers", "Ms Iyer")
    letter = draft(i)
    checks, issues = check(i, letter)
    assert [c.id for c in checks if not c.passed] == []
    assert "Dear Ms Iyer," in letter and "six-week training academy" in letter and not [x for x in issues if x.type == "indianism"]
    vague, _ = check(i, "Respected sir, I want job. Kindly do the needful.")
    failed = {c.id for c in vague if not c.passed}
    assert {"role", "company", "proof", "ask", "sign-off", "length"} <= failed


def test_cover_letter_names_what_the_advert_asks_for() -> None:
    from bpoprep.documents.cover_letter import Inputs, draft

    from .fixtures import JD

    letter = draft(Inputs("Meera", "Customer Service Representative", "Acme", job_description=JD))
    assert "Your advert asks for typing speed, MS Excel and CRM tools." in letter
