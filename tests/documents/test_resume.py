"""Reading resumes of real-world shapes and hostile files; the match report's content."""

from __future__ import annotations

import pytest

from bpoprep.documents.resume_file import ResumeFileError, read
from bpoprep.documents.resume_match import match

from .fixtures import JD, RESUME_LINES, docx_with_macros, docx_with_table, pdf, pdf_bomb


def test_one_column_pdf_is_read() -> None:
    r = read(pdf(RESUME_LINES), "asha.pdf")
    assert r.kind == "pdf" and r.pages == 1 and "Zendesk" in r.text and not r.columns


def test_two_column_pdf_is_read_and_flagged() -> None:
    r = read(pdf(RESUME_LINES, two_columns=True), "asha.pdf")
    assert "Education" in r.text and r.columns


def test_docx_with_a_table_is_read_and_the_table_counted() -> None:
    r = read(docx_with_table(RESUME_LINES), "asha.docx")
    assert r.kind == "docx" and r.tables == 1 and "Trained 3 new joiners" in r.text


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.pdf", "empty"),
        (b"%PDF-1.4\n1 0 obj <<< broken", "broken.pdf", "could not be read"),
        (b"MZ\x90\x00 this is an exe", "resume.pdf", "Only PDF and Word"),
        (b"\xd0\xcf\x11\xe0 old word", "resume.doc", "Old Word"),
        (b"%PDF-" + b"0" * (20 * 1024 * 1024), "big.pdf", "under 5 MB"),
    ],
)
def test_bad_files_get_clear_messages(data: bytes, name: str, message: str) -> None:
    with pytest.raises(ResumeFileError, match=message):
        read(data, name)


def test_macro_documents_are_refused_without_opening_them() -> None:
    with pytest.raises(ResumeFileError, match="macros"):
        read(docx_with_macros(), "resume.docm")


def test_a_pdf_bomb_is_stopped() -> None:
    with pytest.raises(ResumeFileError, match="far more data|No text|longer than"):
        read(pdf_bomb(), "bomb.pdf")


def test_match_report_lists_present_missing_and_a_todo() -> None:
    report = match("\n".join(RESUME_LINES), JD)
    assert report.title == "Customer Service Representative" and report.title_in_resume
    assert {"typing speed", "MS Excel", "CRM tools"} <= set(report.hard_present)  # Zendesk counts as a CRM tool
    assert "flexibility with shifts" in report.soft_missing
    assert report.contact == {"email": True, "phone": True, "linkedin": False}
    assert report.action_verbs >= 3 and report.quantified_lines >= 2 and report.sections["Certifications"] is False
    assert any("flexibility with shifts" in t for t in report.todo) and any("Certifications" in t for t in report.todo)
    assert 40 <= report.percent <= 90


def test_a_thin_resume_scores_lower_with_more_to_do() -> None:
    thin = match("Asha\nI am hardworking and want a job.", JD)
    full = match("\n".join(RESUME_LINES), JD)
    assert thin.percent < full.percent - 25 and len(thin.todo) > len(full.todo)
    assert any("e-mail address and mobile" in t for t in thin.todo)
