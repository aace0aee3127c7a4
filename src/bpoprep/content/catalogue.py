"""Load the curriculum YAML into one validated, cross-checked `Catalogue`.

Layout under a content root (the package's `data/` by default):
  lessons/<lang>/*.yaml     one lesson per file
  roles/*.yaml              one role per file
  questions/*.yaml          a list of questions per file
  drills/speaking.yaml      read_aloud / repeat / sentence_build lists
  drills/typing.yaml        list of typing passages
  writing/email.yaml        list of e-mail scenarios
  writing/chat.yaml         list of chat scenarios
  calls/*.yaml              one call scenario per file
  checklists.yaml           list of checklists
  plan.yaml                 list of plan steps
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .schemas import (
    CallScenario,
    ChatScenario,
    Checklist,
    EmailScenario,
    Lesson,
    PlanStep,
    Question,
    Role,
    SpeakingDrills,
    TypingPassage,
)

DATA_DIR = Path(__file__).parent / "data"
# Files that hold a list of items: path under the root -> (schema, Catalogue attribute).
LIST_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "drills/typing.yaml": (TypingPassage, "typing"),
    "writing/email.yaml": (EmailScenario, "emails"),
    "writing/chat.yaml": (ChatScenario, "chats"),
    "checklists.yaml": (Checklist, "checklists"),
    "plan.yaml": (PlanStep, "plan"),
}
# Folders with one item per file, and folders of list files.
ONE_PER_FILE: dict[str, type[BaseModel]] = {"lessons": Lesson, "roles": Role, "calls": CallScenario}
LIST_FOLDERS: dict[str, type[BaseModel]] = {"questions": Question}
LANGUAGES = ("en", "hi", "fi")
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ContentProblem:
    file: str
    item: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f" [{self.item}]" if self.item else "")
        return f"{where} {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    def __init__(self, problems: list[ContentProblem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} content problem(s):\n{shown}{more}")


@dataclass
class Catalogue:
    lessons: dict[tuple[str, str], Lesson] = field(default_factory=dict)  # (id, language)
    roles: dict[str, Role] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    speaking: SpeakingDrills = field(default_factory=SpeakingDrills)
    typing: dict[str, TypingPassage] = field(default_factory=dict)
    emails: dict[str, EmailScenario] = field(default_factory=dict)
    chats: dict[str, ChatScenario] = field(default_factory=dict)
    calls: dict[str, CallScenario] = field(default_factory=dict)
    checklists: dict[str, Checklist] = field(default_factory=dict)
    plan: dict[str, PlanStep] = field(default_factory=dict)

    def lesson(self, lesson_id: str, language: str = "en") -> Lesson | None:
        return self.lessons.get((lesson_id, language)) or self.lessons.get((lesson_id, "en"))

    def lessons_in(self, language: str = "en") -> list[Lesson]:
        """Every lesson, in the asked language where a translation exists, in reading order."""
        english = [l for (i, lang), l in self.lessons.items() if lang == "en"]
        chosen = [self.lesson(l.id, language) or l for l in english]
        return sorted(chosen, key=lambda l: (l.order, l.id))

    def counts(self) -> dict[str, int]:
        return {
            "lessons (en)": sum(1 for _, lang in self.lessons if lang == "en"),
            "lesson translations": sum(1 for _, lang in self.lessons if lang != "en"),
            "roles": len(self.roles),
            "questions": len(self.questions),
            "read-aloud items": len(self.speaking.read_aloud),
            "repeat items": len(self.speaking.repeat),
            "sentence builds": len(self.speaking.sentence_build),
            "typing passages": len(self.typing),
            "e-mail scenarios": len(self.emails),
            "chat scenarios": len(self.chats),
            "call scenarios": len(self.calls),
            "checklists": len(self.checklists),
            "plan steps": len(self.plan),
        }


class _Loader:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[ContentProblem] = []

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> Any:
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.problems.append(ContentProblem(self.rel(path), "", "", f"not UTF-8 ({exc.reason} at byte {exc.start})"))
            return None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            self.problems.append(ContentProblem(self.rel(path), "", "", f"not valid YAML{where}: {problem}"))
            return None
        if data is None:
            self.problems.append(ContentProblem(self.rel(path), "", "", "file is empty"))
        return data

    def model(self, schema: type[M], data: Any, path: Path, index: int | None = None) -> M | None:
        item = ""
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            item = data["id"]
        elif index is not None:
            item = f"item {index + 1}"
        if not isinstance(data, dict):
            self.problems.append(ContentProblem(self.rel(path), item, "", f"expected a mapping, got {type(data).__name__}"))
            return None
        try:
            return schema.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(str(p) for p in err["loc"]) or "(item)"
                msg = err["msg"].removeprefix("Value error, ")
                self.problems.append(ContentProblem(self.rel(path), item, loc, msg))
            return None

    def one_per_file(self, folder: Path, schema: type[M]) -> Iterator[tuple[Path, M]]:
        yield from self.one_per_file_paths(sorted(folder.glob("*.yaml")) if folder.is_dir() else [], schema)

    def one_per_file_paths(self, paths: Iterable[Path], schema: type[M]) -> Iterator[tuple[Path, M]]:
        for path in paths:
            data = self.read(path)
            if data is None:
                continue
            obj = self.model(schema, data, path)
            if obj is not None:
                yield path, obj

    def list_file(self, path: Path, schema: type[M]) -> Iterator[tuple[Path, M]]:
        data = self.read(path)
        if data is None:
            return
        if not isinstance(data, list):
            self.problems.append(ContentProblem(self.rel(path), "", "", "expected a list of items"))
            return
        for i, entry in enumerate(data):
            obj = self.model(schema, entry, path, i)
            if obj is not None:
                yield path, obj

    def list_file_if(self, path: Path, schema: type[M]) -> Iterator[tuple[Path, M]]:
        if path.exists():
            yield from self.list_file(path, schema)

    def list_files(self, folder: Path, schema: type[M]) -> Iterator[tuple[Path, M]]:
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            yield from self.list_file(path, schema)

    def keep(self, store: dict, key: Any, obj: Any, path: Path, seen: dict) -> None:
        ident = key if isinstance(key, str) else "/".join(key)
        if key in store:
            self.problems.append(
                ContentProblem(self.rel(path), ident, "id", f"duplicate id, also in {seen[key]}")
            )
            return
        store[key] = obj
        seen[key] = self.rel(path)


def load(root: Path | str = DATA_DIR) -> Catalogue:
    """Load and check everything under root; raise ContentError listing every problem found."""
    root = Path(root)
    ld = _Loader(root)
    cat = Catalogue()
    seen: dict = {}

    for lang in LANGUAGES:
        for path, lesson in ld.one_per_file(root / "lessons" / lang, Lesson):
            if lesson.language != lang:
                ld.problems.append(ContentProblem(ld.rel(path), lesson.id, "language", f"is '{lesson.language}' but the file is under lessons/{lang}/"))
                continue
            ld.keep(cat.lessons, (lesson.id, lang), lesson, path, seen)
    for path, role in ld.one_per_file(root / "roles", Role):
        ld.keep(cat.roles, role.id, role, path, seen)
    for path, question in ld.list_files(root / "questions", Question):
        ld.keep(cat.questions, question.id, question, path, seen)

    speaking_path = root / "drills" / "speaking.yaml"
    if speaking_path.exists():
        data = ld.read(speaking_path)
        if data is not None:
            drills = ld.model(SpeakingDrills, data, speaking_path)
            if drills is not None:
                cat.speaking = drills
    for rel, (schema, attribute) in LIST_FILES.items():
        for path, item in ld.list_file_if(root / rel, schema):
            ld.keep(getattr(cat, attribute), item.id, item, path, seen)
    for path, call in ld.one_per_file(root / "calls", CallScenario):
        ld.keep(cat.calls, call.id, call, path, seen)

    ld.problems.extend(cross_check(cat))
    if ld.problems:
        raise ContentError(ld.problems)
    return cat


def _dupes(ids: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    twice: set[str] = set()
    for i in ids:
        (twice if i in seen else seen).add(i)
    return twice


def cross_check(cat: Catalogue) -> list[ContentProblem]:
    """References that must resolve, and rules that span files."""
    out: list[ContentProblem] = []
    role_ids = set(cat.roles)
    for q in cat.questions.values():
        for r in q.roles:
            if r != "all" and r not in role_ids:
                out.append(ContentProblem("questions", q.id, "roles", f"unknown role '{r}'"))
        terms = [t for tp in q.talking_points for t in tp.key_terms]
        if any(not t.strip() for t in terms):
            out.append(ContentProblem("questions", q.id, "talking_points", "empty key term"))
    for role in cat.roles.values():
        for qid in role.practice_questions:
            if qid not in cat.questions:
                out.append(ContentProblem("roles", role.id, "practice_questions", f"unknown question '{qid}'"))
    for (lid, lang), lesson in cat.lessons.items():
        if lang != "en" and (lid, "en") not in cat.lessons:
            out.append(ContentProblem(f"lessons/{lang}", lid, "id", "translation of a lesson that has no English original"))
        for qid in lesson.related_questions:
            if qid not in cat.questions:
                out.append(ContentProblem(f"lessons/{lang}", lid, "related_questions", f"unknown question '{qid}'"))
    for lesson in (l for (_, lang), l in cat.lessons.items() if lang == "en" and l.primer):
        for lang in LANGUAGES[1:]:
            translated = cat.lessons.get((lesson.id, lang))
            if translated is None:
                out.append(ContentProblem(f"lessons/{lang}", lesson.id, "id", f"primer lesson has no '{lang}' translation"))
            elif len(translated.quiz) != len(lesson.quiz):
                out.append(ContentProblem(f"lessons/{lang}", lesson.id, "quiz", "a translation must keep the same quiz questions"))
    speaking = cat.speaking
    for name, items in (("read_aloud", speaking.read_aloud), ("repeat", speaking.repeat), ("sentence_build", speaking.sentence_build)):
        for dup in sorted(_dupes(i.id for i in items)):
            out.append(ContentProblem("drills/speaking.yaml", dup, "id", f"duplicate id in {name}"))
    lesson_ids = {lid for lid, _ in cat.lessons}
    topics = {l.topic for l in cat.lessons.values()}
    for step in cat.plan.values():
        c = step.completion
        if c.kind == "lesson" and c.ref not in lesson_ids:
            out.append(ContentProblem("plan.yaml", step.id, "completion.ref", f"unknown lesson '{c.ref}'"))
        if c.kind == "lessons_topic" and c.ref not in topics:
            out.append(ContentProblem("plan.yaml", step.id, "completion.ref", f"no lesson has topic '{c.ref}'"))
        if c.kind == "activity" and c.ref == "checklist_done" and c.target not in cat.checklists:
            out.append(ContentProblem("plan.yaml", step.id, "completion.target", f"unknown checklist '{c.target}'"))
        if not step.available and not step.coming_in:
            out.append(ContentProblem("plan.yaml", step.id, "coming_in", "a step that is not available yet must say when it comes"))
    return out


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The packaged curriculum, loaded once per process."""
    return load(DATA_DIR)
