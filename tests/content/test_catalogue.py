"""The packaged curriculum is complete and valid; broken content fails with useful messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bpoprep.content.catalogue import DATA_DIR, ContentError, load
from bpoprep.content.quiz import grade
from bpoprep.content.records import export, from_records, to_records
from bpoprep.content.schemas import words


@pytest.fixture(scope="module")
def cat():  # type: ignore[no-untyped-def]
    return load(DATA_DIR)


def test_the_packaged_curriculum_meets_the_minimums(cat) -> None:  # type: ignore[no-untyped-def]
    counts = cat.counts()
    assert counts["questions"] >= 200
    assert counts["roles"] >= 12
    assert counts["read-aloud items"] >= 60 and counts["repeat items"] >= 40 and counts["sentence builds"] >= 20
    assert counts["typing passages"] >= 20 and counts["e-mail scenarios"] >= 15 and counts["chat scenarios"] >= 15
    assert counts["call scenarios"] >= 10
    for category in ("hr", "behavioural", "situational", "industry", "metrics", "role", "company"):
        assert sum(q.category == category for q in cat.questions.values()) >= 10, category


def test_required_roles_lessons_and_translations_exist(cat) -> None:  # type: ignore[no-untyped-def]
    for role in ("customer-care-specialist", "customer-success-manager", "customer-service-representative", "data-collector", "accounts-payable-clerk", "bookkeeper"):
        assert role in cat.roles
    english = {l.id: l for (_, lang), l in cat.lessons.items() if lang == "en"}
    for lesson in ("what-is-bpo", "voice-vs-non-voice", "inbound-vs-outbound", "kpo-and-lpo", "contact-centre-metrics", "hiring-rounds", "salary-ctc-vs-in-hand"):
        assert lesson in english
    primers = [l for l in english.values() if l.primer]
    assert len(primers) >= 4
    for l in primers:
        assert (l.id, "hi") in cat.lessons and (l.id, "fi") in cat.lessons
    for l in english.values():
        assert 300 <= words(l.body) <= 800 and len(l.quiz) >= 5


def test_every_role_has_salary_with_source_and_date(cat) -> None:  # type: ignore[no-untyped-def]
    for role in cat.roles.values():
        assert role.salary.source and role.salary.as_of
        assert 50_000 <= role.salary.min_inr_per_year <= role.salary.max_inr_per_year <= 5_000_000


def test_sentence_builds_and_call_scorecards_are_usable(cat) -> None:  # type: ignore[no-untyped-def]
    for item in cat.speaking.sentence_build:
        assert len(set(item.phrases)) == len(item.phrases), item.id  # scrambling must be decidable
    for call in cat.calls.values():
        assert sum(c.weight for c in call.checklist) == 100, call.id
        assert {"greeting", "closing"} <= {c.stage for c in call.checklist}, call.id


def test_quiz_grading_needs_exactly_the_right_options(cat) -> None:  # type: ignore[no-untyped-def]
    lesson = cat.lesson("what-is-bpo")
    perfect = {q.id: q.correct for q in lesson.quiz}
    assert grade(lesson, perfect).score == len(lesson.quiz) and grade(lesson, perfect).passed
    assert grade(lesson, {}).score == 0 and not grade(lesson, {}).passed
    multi = next((q for q in lesson.quiz if len(q.correct) > 1), None) or lesson.quiz[0]
    partial = dict(perfect)
    partial[multi.id] = list(multi.correct)[:-1] or [i for i in range(len(multi.options)) if i not in multi.correct][:1]
    assert grade(lesson, partial).score == len(lesson.quiz) - 1
    out_of_range = dict(perfect)
    out_of_range[lesson.quiz[0].id] = [99, -1]
    assert grade(lesson, out_of_range).score == len(lesson.quiz) - 1


def test_records_round_trip_through_yaml(cat, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export(to_records(cat), tmp_path)
    again = load(tmp_path)
    assert again.counts() == cat.counts()
    assert again.questions == cat.questions and again.lessons == cat.lessons and again.calls == cat.calls
    assert again.speaking == cat.speaking and again.plan == cat.plan
    assert from_records(to_records(again)).roles == cat.roles


# --- broken content ------------------------------------------------------------------------


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA_DIR, root)
    return root


def edit_list(path: Path, index: int, **changes: object) -> str:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    items[index].update(changes)
    path.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return items[index]["id"]


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load(root)
    return [str(p) for p in info.value.problems]


def test_missing_field_names_file_item_and_field(copy: Path) -> None:
    path = copy / "questions" / "hr.yaml"
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    qid = items[0]["id"]
    del items[0]["looking_for"]
    path.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    found = problems(copy)
    assert any(p.startswith(f"questions/hr.yaml [{qid}] looking_for:") and "Field required" in p for p in found), found


def test_empty_talking_point_and_too_few_points_are_caught(copy: Path) -> None:
    qid = edit_list(copy / "questions" / "hr.yaml", 0, talking_points=[{"text": "  ", "key_terms": ["x"]}])
    found = problems(copy)
    assert any(f"[{qid}] talking_points" in p for p in found), found


def test_a_structure_that_does_not_name_each_model_answer_line_is_caught(copy: Path) -> None:
    path = copy / "questions" / "industry.yaml"
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    i = next(i for i, q in enumerate(items) if not q["star_expected"])
    qid = edit_list(path, i, structure=items[i]["structure"][:-1])
    found = problems(copy)
    assert any(f"[{qid}]" in p and f"{len(items[i]['structure']) - 1} parts for {len(items[i]['model_answer'])} lines" in p for p in found), found
    edit_list(path, i, structure=[*items[i]["structure"][:-1], "What I would say to the customer and why"])
    assert any(f"[{qid}]" in p and "at most 32 characters" in p for p in problems(copy))


def test_duplicate_ids_across_files_are_caught(copy: Path) -> None:
    first = yaml.safe_load((copy / "questions" / "hr.yaml").read_text(encoding="utf-8"))[0]["id"]
    edit_list(copy / "questions" / "industry.yaml", 0, id=first)
    assert any("duplicate id, also in questions/" in p for p in problems(copy))


def test_references_must_resolve(copy: Path) -> None:
    role_file = copy / "roles" / "bookkeeper.yaml"
    role = yaml.safe_load(role_file.read_text(encoding="utf-8"))
    role["practice_questions"].append("no-such-question")
    role_file.write_text(yaml.safe_dump(role, allow_unicode=True), encoding="utf-8")
    assert any("[bookkeeper] practice_questions: unknown question 'no-such-question'" in p for p in problems(copy))


def test_missing_primer_translation_is_caught(copy: Path) -> None:
    (copy / "lessons" / "fi" / "what-is-bpo.yaml").unlink()
    assert any("primer lesson has no 'fi' translation" in p for p in problems(copy))


def test_malformed_yaml_and_wrong_encoding_are_reported_with_the_file(copy: Path) -> None:
    (copy / "checklists.yaml").write_text("- id: broken\n  title: [unclosed\n", encoding="utf-8")
    (copy / "roles" / "bookkeeper.yaml").write_bytes("title: Caf\xe9".encode("latin-1"))
    found = problems(copy)
    assert any(p.startswith("checklists.yaml: not valid YAML at line") for p in found), found
    assert any(p.startswith("roles/bookkeeper.yaml: not UTF-8") for p in found), found


def test_quiz_answer_out_of_range_is_caught(copy: Path) -> None:
    path = copy / "lessons" / "en" / "what-is-bpo.yaml"
    lesson = yaml.safe_load(path.read_text(encoding="utf-8"))
    lesson["quiz"][0]["correct"] = [17]
    path.write_text(yaml.safe_dump(lesson, allow_unicode=True), encoding="utf-8")
    assert any("[what-is-bpo] quiz.0:" in p and "outside" in p for p in problems(copy))
