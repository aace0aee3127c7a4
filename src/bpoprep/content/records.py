"""The curriculum as flat records (kind, id, language, data), and back.

Records are how content is stored in the database for staff to edit, and how it is exported
to YAML in the same layout `catalogue.load` reads, so import and export round-trip.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .catalogue import Catalogue, ContentError, ContentProblem, cross_check
from .schemas import (
    CallScenario,
    ChatScenario,
    Checklist,
    EmailScenario,
    Lesson,
    PlanStep,
    Question,
    ReadAloudItem,
    RepeatItem,
    Role,
    SentenceBuildItem,
    SpeakingDrills,
    TypingPassage,
)

# kind -> schema. Order matters for export and for stable listings.
KINDS: dict[str, type[BaseModel]] = {
    "lesson": Lesson,
    "role": Role,
    "question": Question,
    "read_aloud": ReadAloudItem,
    "repeat": RepeatItem,
    "sentence_build": SentenceBuildItem,
    "typing": TypingPassage,
    "email": EmailScenario,
    "chat": ChatScenario,
    "call": CallScenario,
    "checklist": Checklist,
    "plan_step": PlanStep,
}
_STORES = {"role": "roles", "question": "questions", "typing": "typing", "email": "emails", "chat": "chats", "call": "calls", "checklist": "checklists", "plan_step": "plan"}
_SPEAKING = ("read_aloud", "repeat", "sentence_build")


@dataclass(frozen=True)
class Record:
    kind: str
    id: str
    language: str
    data: dict[str, Any]


def _dump(obj: BaseModel) -> dict[str, Any]:
    return obj.model_dump(mode="json", exclude_defaults=True)


def to_records(cat: Catalogue) -> Iterator[Record]:
    for (lid, lang), lesson in sorted(cat.lessons.items(), key=lambda kv: (kv[1].order, kv[0])):
        yield Record("lesson", lid, lang, _dump(lesson) | {"language": lang})
    for kind, store in _STORES.items():
        for obj in getattr(cat, store).values():
            yield Record(kind, obj.id, "en", _dump(obj))  # type: ignore[attr-defined]
    for kind in _SPEAKING:
        for obj in getattr(cat.speaking, kind):
            yield Record(kind, obj.id, "en", _dump(obj))


def validate(kind: str, data: Any) -> BaseModel:
    """One record's data checked against its schema; raises ContentError naming the fields."""
    schema = KINDS.get(kind)
    if schema is None:
        raise ContentError([ContentProblem(kind, "", "kind", f"unknown kind; expected one of {', '.join(KINDS)}")])
    item = data.get("id", "") if isinstance(data, dict) else ""
    if not isinstance(data, dict):
        raise ContentError([ContentProblem(kind, "", "", "expected a mapping of fields")])
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise ContentError(
            [ContentProblem(kind, str(item), ".".join(str(p) for p in e["loc"]) or "(item)", e["msg"].removeprefix("Value error, ")) for e in exc.errors()]
        ) from None


def from_records(records: Iterable[Record]) -> Catalogue:
    """Build and cross-check a catalogue; raise ContentError listing every problem."""
    cat = Catalogue()
    speaking: dict[str, list[BaseModel]] = {k: [] for k in _SPEAKING}
    problems: list[ContentProblem] = []
    for rec in records:
        try:
            obj = validate(rec.kind, rec.data)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if rec.kind == "lesson":
            cat.lessons[(obj.id, obj.language)] = obj  # type: ignore[attr-defined]
        elif rec.kind in _SPEAKING:
            speaking[rec.kind].append(obj)
        else:
            getattr(cat, _STORES[rec.kind])[obj.id] = obj  # type: ignore[attr-defined]
    cat.speaking = SpeakingDrills(**speaking)  # type: ignore[arg-type]
    problems.extend(cross_check(cat))
    if problems:
        raise ContentError(problems)
    return cat


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def export(records: Iterable[Record], root: Path) -> int:
    """Write records as YAML in the layout `catalogue.load` reads; returns files written."""
    by_kind: dict[str, list[Record]] = {}
    for rec in records:
        by_kind.setdefault(rec.kind, []).append(rec)
    files = 0
    for rec in by_kind.get("lesson", []):
        _write(root / "lessons" / rec.language / f"{rec.id}.yaml", rec.data)
        files += 1
    for rec in by_kind.get("role", []):
        _write(root / "roles" / f"{rec.id}.yaml", rec.data)
        files += 1
    for rec in by_kind.get("call", []):
        _write(root / "calls" / f"{rec.id}.yaml", rec.data)
        files += 1
    by_category: dict[str, list[dict[str, Any]]] = {}
    for rec in by_kind.get("question", []):
        by_category.setdefault(rec.data["category"], []).append(rec.data)
    for category, items in by_category.items():
        _write(root / "questions" / f"{category}.yaml", items)
        files += 1
    if any(by_kind.get(k) for k in _SPEAKING):
        _write(root / "drills" / "speaking.yaml", {k: [r.data for r in by_kind.get(k, [])] for k in _SPEAKING})
        files += 1
    for kind, rel in (("typing", "drills/typing.yaml"), ("email", "writing/email.yaml"), ("chat", "writing/chat.yaml"), ("checklist", "checklists.yaml"), ("plan_step", "plan.yaml")):
        if by_kind.get(kind):
            _write(root / rel, [r.data for r in by_kind[kind]])
            files += 1
    return files
