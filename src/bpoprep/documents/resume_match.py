"""Match report: a resume against a job description, with a to-do list, not just a score."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# Skills BPO job descriptions ask for, with the words that show them in a resume.
HARD_SKILLS: dict[str, tuple[str, ...]] = {
    "typing speed": ("typing", "wpm", "words per minute"),
    "MS Excel": ("excel", "spreadsheet", "vlookup", "pivot"),
    "MS Office": ("ms office", "microsoft office", "word", "powerpoint", "outlook"),
    "CRM tools": ("crm", "salesforce", "zendesk", "freshdesk", "hubspot"),
    "ticketing": ("ticketing", "tickets", "ticket"),
    "Tally / accounting software": ("tally", "quickbooks", "sap", "zoho books"),
    "data entry": ("data entry", "kph", "keystrokes"),
    "email writing": ("email", "e-mail", "written communication"),
    "chat support": ("chat", "live chat"),
    "voice / call handling": ("calls", "call handling", "inbound", "outbound", "voice process"),
    "troubleshooting": ("troubleshoot", "troubleshooting", "technical support"),
    "accounting basics": ("accounts payable", "reconciliation", "invoices", "bookkeeping", "gst"),
    "Hindi": ("hindi",),
    "English": ("english",),
}
SOFT_SKILLS: dict[str, tuple[str, ...]] = {
    "communication": ("communication", "communicate", "spoken english"),
    "customer focus": ("customer service", "customer satisfaction", "customer focus", "customers"),
    "teamwork": ("team", "teamwork", "collaborat"),
    "problem solving": ("problem solving", "solve", "resolved", "resolution"),
    "flexibility with shifts": ("night shift", "rotational", "shifts", "flexible"),
    "patience and empathy": ("patience", "patient", "empathy", "calm"),
    "time management": ("deadline", "time management", "on time", "punctual"),
}
SECTIONS: dict[str, tuple[str, ...]] = {
    "Contact": ("email", "phone", "mobile", "@"),
    "Summary": ("summary", "objective", "profile", "about me"),
    "Experience": ("experience", "employment", "work history", "internship"),
    "Education": ("education", "qualification", "academic"),
    "Skills": ("skills", "key skills", "technical skills"),
    "Certifications": ("certification", "certifications", "certificate", "courses"),
}
ACTION_VERBS = frozenset(
    "handled resolved managed led organised organized trained improved reduced increased achieved answered assisted coordinated created "
    "delivered designed developed processed reconciled prepared supported completed maintained entered verified escalated converted sold "
    "exceeded met planned built analysed analyzed served helped guided volunteered taught wrote updated tracked".split()
)
STOP = frozenset(
    "a an the and or of to in for with on at by from as is are be will you your we our this that who what which have has should must can "
    "able candidate candidates job role position company work working years year experience required preferred skills good excellent strong "
    "knowledge ability etc per day days also any other all more well within including about into across".split()
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"(?:\+91[\s-]?)?[6-9]\d{4}[\s-]?\d{5}\b|\b\d{3}[\s-]\d{3}[\s-]\d{4}\b")
_NUMBER = re.compile(r"\d+\s?%|\b\d[\d,]*\b")
_DEGREE = re.compile(r"\b(b\.?\s?com|b\.?\s?sc|b\.?\s?a\b|bba|bca|b\.?\s?tech|m\.?\s?com|mba|graduate|graduation|12th|hsc|puc|diploma|degree)\b", re.I)


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(re.search(r"(?<![\w])" + re.escape(w), text) for w in words)


def _keywords(jd: str, limit: int = 15) -> list[str]:
    words = [w for w in re.findall(r"[a-z][a-z+#.-]{2,}", jd.lower()) if w not in STOP]
    counts = Counter(words)
    bigrams = Counter(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    picked = [b for b, n in bigrams.most_common() if n >= 2][:5]
    for w, _ in counts.most_common():
        if len(picked) >= limit:
            break
        if not any(w in b for b in picked):
            picked.append(w)
    return picked


@dataclass
class MatchReport:
    percent: int
    title: str
    title_in_resume: bool
    hard_present: list[str]
    hard_missing: list[str]
    soft_present: list[str]
    soft_missing: list[str]
    keywords_present: list[str]
    keywords_missing: list[str]
    sections: dict[str, bool]
    words: int
    action_verbs: int
    quantified_lines: int
    contact: dict[str, bool]
    education_asked: bool
    education_shown: bool
    ats_warnings: list[str]
    todo: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def asked_skills(jd: str) -> list[str]:
    """The skills a job description asks for, hard ones first."""
    j = jd.lower()
    return [k for k, words in HARD_SKILLS.items() if _has(j, words)] + [k for k, words in SOFT_SKILLS.items() if _has(j, words)]


def job_title(jd: str) -> str:
    m = re.search(r"(?im)^\s*(?:job title|position|role)\s*[:\-]\s*(.+)$", jd)
    if m:
        return m.group(1).strip()[:80]
    first = next((line.strip() for line in jd.splitlines() if line.strip()), "")
    return first[:80] if len(first.split()) <= 8 else ""


def match(resume: str, jd: str, tables: int = 0, images: int = 0, columns: bool = False) -> MatchReport:
    r, j = resume.lower(), jd.lower()
    hard_asked = [k for k, words in HARD_SKILLS.items() if _has(j, words)]
    soft_asked = [k for k, words in SOFT_SKILLS.items() if _has(j, words)]
    hard_present = [k for k in hard_asked if _has(r, HARD_SKILLS[k])]
    soft_present = [k for k in soft_asked if _has(r, SOFT_SKILLS[k])]
    keywords = _keywords(jd)
    kw_present = [k for k in keywords if k in r]
    sections = {name: _has(r, words) for name, words in SECTIONS.items()}
    lines = [ln.strip(" •-*\t") for ln in resume.splitlines() if ln.strip()]
    verbs = sum(1 for ln in lines if ln.split() and ln.split()[0].lower().strip(",.") in ACTION_VERBS)
    quantified = sum(1 for ln in lines if _NUMBER.search(ln) and not _PHONE.search(ln) and len(ln.split()) > 3)
    contact = {"email": bool(_EMAIL.search(resume)), "phone": bool(_PHONE.search(resume)), "linkedin": "linkedin" in r}
    title = job_title(jd)
    title_in = bool(title) and all(w in r for w in re.findall(r"[a-z]{4,}", title.lower())[:3])
    education_asked = bool(_DEGREE.search(jd))
    education_shown = bool(_DEGREE.search(resume))
    n_words = len(resume.split())
    ats = []
    if tables:
        ats.append(f"{tables} table(s): many applicant-tracking systems read tables out of order; use plain lines.")
    if images:
        ats.append(f"{images} image(s): text inside images is invisible to parsers; remove photos and logos or keep them out of the text.")
    if columns:
        ats.append("Two or more columns: parsers often mix the columns together; use a single column.")

    def share(part: list[str], whole: list[str]) -> float:
        return len(part) / len(whole) if whole else 1.0

    score = (
        40 * share(kw_present, keywords)
        + 25 * share(hard_present + soft_present, hard_asked + soft_asked)
        + 10 * sum(sections.values()) / len(sections)
        + 5 * (contact["email"] and contact["phone"])
        + 5 * min(quantified, 3) / 3
        + 5 * min(verbs, 5) / 5
        + 5 * (title_in or not title)
        + 5 * (education_shown or not education_asked)
    ) - 5 * len(ats)
    todo: list[str] = []
    if not (contact["email"] and contact["phone"]):
        todo.append("Put your e-mail address and mobile number at the top.")
    for k in [k for k in hard_asked if k not in hard_present][:4]:
        todo.append(f"The job asks for {k}: add it under Skills, with proof in Experience if you have it.")
    for k in [k for k in soft_asked if k not in soft_present][:3]:
        todo.append(f"Show {k} with an example in your Summary or Experience.")
    missing_kw = [k for k in keywords if k not in kw_present]
    if missing_kw:
        todo.append("Use the job's own words where they are true for you: " + ", ".join(missing_kw[:8]) + ".")
    for name, present in sections.items():
        if not present and name != "Contact":
            todo.append(f"Add a {name} section.")
    if title and not title_in:
        todo.append(f"Name the role ({title}) in your Summary.")
    if education_asked and not education_shown:
        todo.append("The job names a qualification: list your degree or 12th with the year.")
    if verbs < 3:
        todo.append("Start bullet points with action verbs (handled, resolved, trained, reduced).")
    if quantified < 2:
        todo.append("Add numbers to achievements: calls a day, typing speed, targets met, people trained.")
    if n_words < 200:
        todo.append(f"The resume is thin ({n_words} words): a fresher's one-page resume usually has 250-500.")
    elif n_words > 900:
        todo.append(f"The resume is long ({n_words} words): keep it to one or two pages.")
    todo += ats
    return MatchReport(
        percent=max(0, min(100, round(score))), title=title, title_in_resume=title_in, hard_present=hard_present, hard_missing=[k for k in hard_asked if k not in hard_present],
        soft_present=soft_present, soft_missing=[k for k in soft_asked if k not in soft_present], keywords_present=kw_present, keywords_missing=missing_kw,
        sections=sections, words=n_words, action_verbs=verbs, quantified_lines=quantified, contact=contact, education_asked=education_asked,
        education_shown=education_shown, ats_warnings=ats, todo=todo,
    )
