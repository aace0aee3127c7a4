"""Cover letter: a first draft from the candidate's profile, the job and the company notes, and a
check of the edited letter (specific, structured, the right length, clean language)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bpoprep.feedback import language

from .thank_you import Check

WORDS = (120, 350)


@dataclass(frozen=True)
class Inputs:
    name: str
    role: str
    company: str
    strengths: str = ""  # one or two lines: experience, skills with proof
    why_company: str = ""  # from the research notes
    hiring_manager: str = ""
    job_description: str = ""


def draft(i: Inputs) -> str:
    greeting = f"Dear {i.hiring_manager}," if i.hiring_manager.strip() else "Dear Hiring Manager,"
    why = f" What draws me to {i.company} is {i.why_company.strip().rstrip('.')}." if i.why_company.strip() else ""
    strengths = i.strengths.strip().rstrip(".") or "I communicate clearly in English and Hindi, I type quickly and accurately, and I stay calm with upset customers"
    from .resume_match import asked_skills

    asked = asked_skills(i.job_description)[:3]
    wanted = f"Your advert asks for {', '.join(asked[:-1]) + ' and ' + asked[-1] if len(asked) > 1 else asked[0]}. " if asked else ""
    return "\n".join([
        greeting,
        "",
        f"I am applying for the {i.role} position at {i.company}.{why}",
        "",
        f"{wanted}{strengths}. I learn systems quickly, follow the process carefully, and I am comfortable with rotational and night shifts.",
        "",
        "In my first months I want to master your process, meet my quality and handle-time targets, and act on my team leader's feedback. I am reliable about attendance and shift timings, and I treat customers' personal data with care.",
        "",
        f"I would welcome the chance to show in an interview how I can help your customers and your team meet its targets. Thank you for considering my application.",
        "",
        "Yours sincerely,",
        i.name,
    ])


def check(i: Inputs, letter: str) -> tuple[list[Check], list[language.LanguageIssue]]:
    text = letter.strip()
    lower = text.lower()
    words = len(re.findall(r"\S+", text))
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    checks = [
        Check("greeting", "Opens with a greeting (Dear ...)", bool(re.match(r"(dear|hello|respected)\b", lower))),
        Check("role", f"Names the role ({i.role})", i.role.lower() in lower),
        Check("company", f"Names the company ({i.company})", i.company.lower() in lower),
        Check("why-company", "Says why this company, specifically", bool(i.why_company.strip()) and any(w in lower for w in re.findall(r"[a-z]{5,}", i.why_company.lower())[:6])),
        Check("proof", "Backs a strength with a number or example", bool(re.search(r"\d|for example|for instance|at my|during my", lower))),
        Check("ask", "Asks for the interview and thanks the reader", bool(re.search(r"\binterview\b", lower)) and "thank" in lower),
        Check("sign-off", "Signs off with your name", bool(i.name.strip()) and i.name.lower().split()[0] in lower[-60:]),
        Check("paragraphs", "Three or more short paragraphs", len(paragraphs) >= 3),
        Check("length", f"{WORDS[0]}-{WORDS[1]} words (now {words})", WORDS[0] <= words <= WORDS[1]),
    ]
    return checks, language.all_issues(text)
