"""The single-file checker that content writers run while they work."""

from __future__ import annotations

from pathlib import Path

from bpoprep.content.catalogue import DATA_DIR
from bpoprep.content.check_file import check, main


def test_packaged_files_pass_one_by_one() -> None:
    for rel in ("questions/hr.yaml", "drills/speaking.yaml", "roles/bookkeeper.yaml", "lessons/hi/what-is-bpo.yaml"):
        count, problems = check(DATA_DIR / rel)
        assert count >= 1 and problems == [], (rel, problems)


def test_a_broken_item_is_named_with_its_field(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "questions"
    folder.mkdir()
    bad = folder / "hr.yaml"
    bad.write_text("- id: too-thin\n  text: Why?\n  category: hr\n", encoding="utf-8")
    assert main([str(bad)]) == 1
    err = capsys.readouterr().err
    assert "hr.yaml [too-thin] looking_for: Field required" in err
