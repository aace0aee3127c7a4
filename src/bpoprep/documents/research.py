"""Company research: from a candidate's notes, questions to ask the interviewer and a
"why this company" pitch to practise. Built from what the candidate wrote, so every line is
specific to the company; where a note is missing, the output says what to find out."""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELDS = ("services_clients", "mission_values", "culture", "recent_news", "competitors", "differentiators", "process_applied")


@dataclass(frozen=True)
class Notes:
    company: str
    services_clients: str = ""
    mission_values: str = ""
    culture: str = ""
    recent_news: str = ""
    competitors: str = ""
    differentiators: str = ""
    process_applied: str = ""

    def filled(self) -> list[str]:
        return [f for f in FIELDS if getattr(self, f).strip()]


def first_item(text: str) -> str:
    """The first phrase of a note ("US telecom and banking clients; 12 centres" -> "US telecom and banking clients")."""
    part = re.split(r"[;\n]|\.\s", text.strip(), maxsplit=1)[0]
    return part.strip().rstrip(".")


def questions_to_ask(notes: Notes, role_title: str, process_label: str) -> list[str]:
    """Five to seven questions, the specific ones first; general good questions fill the rest."""
    qs: list[str] = []
    if notes.process_applied.strip():
        qs.append(f"What does a typical day look like on the {first_item(notes.process_applied)} process, and how are new agents measured in their first three months?")
    if notes.recent_news.strip():
        qs.append(f"I read about {first_item(notes.recent_news)}. How will that change the work of the {role_title} team?")
    if notes.services_clients.strip():
        qs.append(f"Which of your clients ({first_item(notes.services_clients)}) would I support, and what do they value most from your team?")
    if notes.differentiators.strip():
        qs.append(f"You are known for {first_item(notes.differentiators)}. How does that show up in training and coaching for new {process_label} agents?")
    if notes.mission_values.strip():
        qs.append(f"How do team leaders see the value of {first_item(notes.mission_values)} in everyday calls or tickets?")
    general = [
        "How long is the training period, and what does it cover before I take live customers?",
        f"What do your best {role_title}s do differently in their first year?",
        "How are shifts and week-offs planned, and how much notice do agents get of a change?",
        "What growth paths have agents taken here, for example to quality, training or team leader?",
    ]
    for q in general:
        if len(qs) >= 6:
            break
        qs.append(q)
    return qs


def why_this_company(notes: Notes, role_title: str, candidate_strength: str = "") -> tuple[str, list[str]]:
    """A short pitch in the Present-Past-Future shape, and the notes still missing for a strong one."""
    missing = [label for field, label in (("services_clients", "what the company does and for whom"), ("differentiators", "what sets it apart"), ("mission_values", "its values"), ("process_applied", "the process you applied for")) if not getattr(notes, field).strip()]
    parts = []
    if notes.services_clients.strip():
        parts.append(f"{notes.company} works with {first_item(notes.services_clients)}, and that is the kind of customer work I want to learn.")
    else:
        parts.append(f"I want to build my career at {notes.company}.")
    if notes.differentiators.strip():
        parts.append(f"What stood out to me in my research is {first_item(notes.differentiators)}.")
    if notes.mission_values.strip():
        parts.append(f"Your focus on {first_item(notes.mission_values)} matches how I like to work.")
    if candidate_strength.strip():
        parts.append(f"I bring {candidate_strength.strip().rstrip('.')}, which fits the {role_title} role.")
    if notes.process_applied.strip():
        parts.append(f"I am ready for the {first_item(notes.process_applied)} process and its targets, and I would like to grow with the team here.")
    else:
        parts.append(f"I would like to start as a {role_title} and grow with the team here.")
    return " ".join(parts), missing
