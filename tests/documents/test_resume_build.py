"""A resume built from the form exports to DOCX and PDF that read back in order."""

from __future__ import annotations

from bpoprep.documents.resume_build import Resume, as_docx, as_pdf, as_text
from bpoprep.documents.resume_file import read
from bpoprep.documents.resume_match import match

from .fixtures import JD

RESUME = Resume(
    name="Aarav Sharma",
    email="aarav@example.com",
    phone="+91 98220 41577",
    city="Indore",
    summary="B.Com graduate with a year of part-time customer support, applying for chat support.",
    experience="Customer support (part-time), ShopKart, 2023-2024\nHandled 50 customer chats a day in Zendesk\nResolved refund tickets within the 24-hour SLA\n\nVolunteer, NSS, 2022\nOrganised a blood donation camp for 200 donors",
    education="B.Com, Devi Ahilya University, 2024, 71%",
    skills="typing 42 WPM, MS Excel, English, Hindi, teamwork",
    certifications=("Typing 40 WPM, Govt. ITI (2024)",),
)


def test_text_has_the_standard_sections_in_order() -> None:
    text = as_text(RESUME)
    order = [text.index(h) for h in ("Summary", "Experience", "Education", "Skills", "Certifications", "References")]
    assert order == sorted(order) and "Handled 50 customer chats a day in Zendesk" in text


def test_docx_and_pdf_read_back_as_one_clean_column() -> None:
    for name, data in (("r.docx", as_docx(RESUME)), ("r.pdf", as_pdf(RESUME))):
        parsed = read(data, name)
        assert "Organised a blood donation camp" in parsed.text and parsed.tables == 0 and parsed.images == 0 and not parsed.columns, name


def test_accented_names_survive_the_pdf_and_other_scripts_get_a_clear_message() -> None:
    import pytest

    from bpoprep.documents.resume_build import ExportError

    assert "Zoë Ñandú" in read(as_pdf(Resume(name="Zoë Ñandú", email="a@example.com", phone="9822041577")), "r.pdf").text
    with pytest.raises(ExportError, match="Word file"):
        as_pdf(Resume(name="आरव शर्मा", email="a@example.com", phone="9822041577"))
    assert "आरव शर्मा" in read(as_docx(Resume(name="आरव शर्मा", email="a@example.com", phone="9822041577")), "r.docx").text


def test_built_resume_matches_the_job_well() -> None:
    report = match(as_text(RESUME), JD)
    assert report.contact["email"] and report.contact["phone"] and report.action_verbs >= 3 and report.ats_warnings == []
