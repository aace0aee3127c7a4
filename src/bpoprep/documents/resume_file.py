"""Reading an uploaded resume safely: PDF or DOCX only, size-checked, parsed in a separate
process with a time and memory limit, macros refused, nothing in the file ever executed."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

MAX_BYTES = 5 * 1024 * 1024
MAX_PAGES = 10
MAX_CHARS = 100_000
TIME_LIMIT_S = 15
MEMORY_LIMIT = 768 * 1024 * 1024


class ResumeFileError(ValueError):
    """The file cannot be read as a resume; the message says why, in words a user understands."""


@dataclass
class ResumeText:
    text: str
    kind: str  # pdf | docx
    pages: int
    tables: int = 0
    images: int = 0
    columns: bool = False
    notes: list[str] = field(default_factory=list)


def sniff(data: bytes, filename: str) -> str:
    """'pdf' or 'docx', judged by the bytes (not the name); anything else is refused."""
    if not data:
        raise ResumeFileError("The file is empty.")
    if len(data) > MAX_BYTES:
        raise ResumeFileError(f"The file is {len(data) / 1_048_576:.1f} MB; resumes must be under {MAX_BYTES // 1_048_576} MB.")
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                types = z.read("[Content_Types].xml").decode("utf-8", "replace") if "[Content_Types].xml" in names else ""
        except zipfile.BadZipFile as exc:
            raise ResumeFileError("The file looks like a Word document but is damaged.") from exc
        if any(n.lower().endswith("vbaproject.bin") for n in names) or "macroEnabled" in types:
            raise ResumeFileError("This Word file contains macros. Save it as a plain .docx (or PDF) and upload that.")
        if "wordprocessingml.document.main" in types:
            return "docx"
        raise ResumeFileError("Only PDF and Word (.docx) resumes can be read.")
    if filename.lower().endswith(".doc"):
        raise ResumeFileError("Old Word (.doc) files cannot be read. Save it as .docx or PDF.")
    raise ResumeFileError("Only PDF and Word (.docx) resumes can be read.")


def _parse_pdf(data: bytes) -> ResumeText:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise ResumeFileError("The PDF is password-protected. Upload a copy without a password.")
    pages = reader.pages
    if len(pages) > MAX_PAGES:
        raise ResumeFileError(f"The PDF has {len(pages)} pages; a resume should have one or two.")
    texts, images, gap_lines, lines_total = [], 0, 0, 0
    for page in pages:
        texts.append(page.extract_text() or "")
        layout = page.extract_text(extraction_mode="layout") or ""
        for line in layout.splitlines():
            if line.strip():
                lines_total += 1
                gap_lines += bool(re.search(r"\S {6,}\S", line.strip()))
        try:
            images += len(page.images)
        except Exception:  # noqa: BLE001 - an unreadable image still counts as an image
            images += 1
    text = "\n".join(texts)
    return ResumeText(text[:MAX_CHARS], "pdf", len(pages), images=images, columns=lines_total >= 4 and gap_lines / lines_total > 0.3)


def _parse_docx(data: bytes) -> ResumeText:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    columns = any(len(s._sectPr.xpath("./w:cols[@w:num>1]")) for s in document.sections)
    text = "\n".join(parts)
    return ResumeText(text[:MAX_CHARS], "docx", max(1, len(text) // 3000 + 1), tables=len(document.tables), images=len(document.inline_shapes), columns=columns)


def _parse(kind: str, data: bytes) -> ResumeText:
    try:
        return _parse_pdf(data) if kind == "pdf" else _parse_docx(data)
    except ResumeFileError:
        raise
    except MemoryError as exc:
        raise ResumeFileError("The file expands to far more data than a resume can hold, so it was not read.") from exc
    except Exception as exc:  # noqa: BLE001 - any parser failure is a damaged file to the user
        if "Limit" in type(exc).__name__:  # pypdf's guard against decompression bombs
            raise ResumeFileError("The file expands to far more data than a resume can hold, so it was not read.") from exc
        raise ResumeFileError(f"The file could not be read ({type(exc).__name__}); it may be damaged. Try saving it again as PDF.") from exc


def read(data: bytes, filename: str) -> ResumeText:
    from bpoprep.isolation import ChildFailed, run

    kind = sniff(data, filename)
    try:
        result: ResumeText = run(_parse, kind, data, timeout=TIME_LIMIT_S, memory=MEMORY_LIMIT)
    except ChildFailed as exc:
        raise ResumeFileError(f"Reading the file took longer than {TIME_LIMIT_S} seconds or crashed the reader, so it was stopped. Try a simpler PDF.") from exc
    if not result.text.strip():
        raise ResumeFileError("No text could be found in the file. If it is a scanned image, upload a PDF made from a Word file instead.")
    return result
