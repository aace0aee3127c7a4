"""A resume built from a form, as plain text (for checking), DOCX and PDF: one column, no tables
or images, standard headings, so applicant-tracking systems read it in order."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


class ExportError(ValueError):
    """The resume cannot be exported in this format; the message says what to do instead."""


def _unsupported(texts: list[str], regular: Path) -> set[str]:
    """Characters the PDF font has no glyph for (they would vanish silently)."""
    if regular.exists():
        from fontTools.ttLib import TTFont

        covered = set(TTFont(str(regular), lazy=True).getBestCmap())
    else:
        covered = set(range(256))
    return {ch for t in texts for ch in t if not ch.isspace() and ord(ch) not in covered}


@dataclass(frozen=True)
class Resume:
    name: str
    email: str
    phone: str
    city: str = ""
    summary: str = ""
    experience: str = ""  # blocks separated by a blank line: "Role, Organisation, Dates" then one bullet per line
    education: str = ""  # one line per qualification
    skills: str = ""  # comma- or line-separated
    certifications: tuple[str, ...] = ()
    references: str = "Available on request."

    def contact_line(self) -> str:
        return " | ".join(p for p in (self.email, self.phone, self.city) if p.strip())

    def sections(self) -> list[tuple[str, list[str]]]:
        out: list[tuple[str, list[str]]] = []
        if self.summary.strip():
            out.append(("Summary", [" ".join(self.summary.split())]))
        if self.experience.strip():
            lines: list[str] = []
            for block in re.split(r"\n\s*\n", self.experience.strip()):
                rows = [r.strip(" •-*\t") for r in block.splitlines() if r.strip()]
                if rows:
                    lines.append(f"## {rows[0]}")
                    lines += [f"- {r}" for r in rows[1:]]
            out.append(("Experience", lines))
        if self.education.strip():
            out.append(("Education", [ln.strip() for ln in self.education.splitlines() if ln.strip()]))
        skills = [s.strip() for s in re.split(r"[,\n]", self.skills) if s.strip()]
        if skills:
            out.append(("Skills", [", ".join(skills)]))
        if self.certifications:
            out.append(("Certifications", [f"- {c}" for c in self.certifications]))
        if self.references.strip():
            out.append(("References", [self.references.strip()]))
        return out


def as_text(r: Resume) -> str:
    lines = [r.name, r.contact_line()]
    for title, rows in r.sections():
        lines += ["", title] + [row.removeprefix("## ").removeprefix("- ") for row in rows]
    return "\n".join(lines)


def as_docx(r: Resume) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    document.add_heading(r.name, level=0)
    document.add_paragraph(r.contact_line())
    for title, rows in r.sections():
        document.add_heading(title, level=1)
        for row in rows:
            if row.startswith("## "):
                document.add_paragraph().add_run(row[3:]).bold = True
            elif row.startswith("- "):
                document.add_paragraph(row[2:], style="List Bullet")
            else:
                document.add_paragraph(row)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf(r: Resume) -> bytes:
    from fpdf import FPDF

    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    missing = _unsupported([r.name, r.contact_line()] + [row for _, rows in r.sections() for row in rows], regular)
    if missing:
        raise ExportError(f"The PDF font cannot show {''.join(sorted(missing)[:8])}. Download the Word file instead, or write those parts in English letters.")
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.add_page()
    if regular.exists() and bold.exists():
        pdf.add_font("Body", "", str(regular))
        pdf.add_font("Body", "B", str(bold))
        family, clean = "Body", (lambda s: s)
    else:  # without DejaVu, the built-in font covers Latin-1 only
        family, clean = "Helvetica", (lambda s: s.encode("latin-1", "replace").decode("latin-1"))
    pdf.set_font(family, "B", 18)
    pdf.multi_cell(0, 9, clean(r.name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    pdf.multi_cell(0, 6, clean(r.contact_line()), new_x="LMARGIN", new_y="NEXT")
    for title, rows in r.sections():
        pdf.ln(3)
        pdf.set_font(family, "B", 12)
        pdf.multi_cell(0, 7, clean(title.upper()), new_x="LMARGIN", new_y="NEXT")
        for row in rows:
            if row.startswith("## "):
                pdf.set_font(family, "B", 10.5)
                pdf.multi_cell(0, 6, clean(row[3:]), new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font(family, "", 10.5)
                pdf.multi_cell(0, 6, clean(("• " + row[2:]) if row.startswith("- ") else row), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
