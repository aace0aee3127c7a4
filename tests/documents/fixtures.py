"""Resume files made at test time: real-world shapes and hostile ones."""

from __future__ import annotations

import io
import zipfile
import zlib

RESUME_LINES = [
    "Asha Verma",
    "asha.verma@example.com | +91 98765 43210 | Pune",
    "Summary",
    "Customer service representative with 1 year of chat and email support.",
    "Experience",
    "Handled 60 customer chats a day at ShopKart with 96% CSAT.",
    "Resolved billing tickets in Zendesk within the 24-hour SLA.",
    "Trained 3 new joiners on the ticketing process.",
    "Education",
    "B.Com, Savitribai Phule Pune University, 2024",
    "Skills",
    "Typing 42 WPM, MS Excel, English and Hindi, communication, teamwork",
]
JD = """Job title: Customer Service Representative
We need graduates for an international chat and email process. Night shifts.
Requirements: typing speed of 35 WPM, good written communication in English, MS Excel,
experience with CRM tools like Salesforce, customer service mindset, teamwork, flexibility with rotational shifts."""


def pdf(lines: list[str], two_columns: bool = False) -> bytes:
    from fpdf import FPDF

    doc = FPDF()
    doc.add_page()
    doc.set_font("Helvetica", size=11)
    if two_columns:
        half = len(lines) // 2
        for left, right in zip(lines[:half], lines[half:], strict=False):
            doc.cell(90, 8, left[:40])
            doc.cell(90, 8, right[:40], new_x="LMARGIN", new_y="NEXT")
    else:
        for line in lines:
            doc.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(doc.output())


def docx_with_table(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for line in lines[:6]:
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=2)
    for row, line in zip(table.rows, lines[6:], strict=False):
        row.cells[0].text = line
        row.cells[1].text = "2024"
    for line in lines[9:]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with_macros() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>')
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/vbaProject.bin", b"\x00" * 100)
    return out.getvalue()


def pdf_bomb() -> bytes:
    """A one-page PDF whose content stream inflates to 200 MB."""
    stream = zlib.compress(b" " * 200_000_000, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body
