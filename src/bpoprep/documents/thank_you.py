"""The thank-you e-mail after an interview: a draft from the interview's details, and a check that
it is specific, brief, and restates interest and fit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

MAX_WORDS = 150


@dataclass(frozen=True)
class Interview:
    candidate: str
    interviewer: str
    role: str
    company: str
    point_discussed: str = ""
    fit: str = ""


@dataclass(frozen=True)
class Check:
    id: str
    label: str
    passed: bool


def draft(i: Interview) -> tuple[str, str]:
    """(subject, body)."""
    subject = f"Thank you for the {i.role} interview"
    lines = [f"Dear {i.interviewer},", "", f"Thank you for meeting me today about the {i.role} role at {i.company}."]
    if i.point_discussed.strip():
        lines[-1] += f" I enjoyed our conversation about {i.point_discussed.strip().rstrip('.')}."
    fit = f" {i.fit.strip().rstrip('.')} will help me" if i.fit.strip() else " I am confident I can"
    lines += ["", f"I am keen to join your team.{fit} handle customers well and meet the process targets.", "", "Please let me know if you need anything else from me. I look forward to hearing from you.", "", "Warm regards,", i.candidate]
    return subject, "\n".join(lines)


def check(i: Interview, subject: str, body: str) -> list[Check]:
    text = f"{subject}\n{body}".lower()
    words = len(re.findall(r"\S+", body))
    point_words = [w for w in re.findall(r"[a-z]{4,}", i.point_discussed.lower())]
    return [
        Check("subject", "Has a subject line that says what it is", bool(subject.strip()) and "thank" in subject.lower()),
        Check("interviewer", f"Addresses {i.interviewer} by name", bool(i.interviewer.strip()) and i.interviewer.lower().split()[-1] in body.lower()),
        Check("thanks", "Thanks them for their time", bool(re.search(r"\bthank", body, re.I))),
        Check("role", "Names the role and the company", i.role.lower() in text and i.company.lower() in text),
        Check("specific", "Mentions something you discussed", bool(point_words) and any(w in body.lower() for w in point_words)),
        Check("interest", "Restates your interest", bool(re.search(r"\b(keen|excited|interested|look forward|eager|would love)\b", body, re.I))),
        Check("fit", "Says why you fit", bool(re.search(r"\b(confident|fit|bring|experience|skills?|strength|help me)\b", body, re.I))),
        Check("brief", f"Brief: under {MAX_WORDS} words (now {words})", 0 < words <= MAX_WORDS),
        Check("signed", "Signed with your name", bool(i.candidate.strip()) and i.candidate.lower().split()[0] in body.lower()[-80:]),
    ]


def mailto(to: str, subject: str, body: str) -> str:
    return f"mailto:{quote(to)}?subject={quote(subject)}&body={quote(body)}"
