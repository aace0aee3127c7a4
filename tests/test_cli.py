"""The `bpoprep` command as an operator uses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bpoprep.cli import app
from bpoprep.web.accounts.models import User

runner = CliRunner()


def test_content_check_passes_on_the_package() -> None:
    result = runner.invoke(app, ["content", "check"])
    assert result.exit_code == 0, result.output
    assert "Content is valid" in result.output and "questions" in result.output


def test_content_check_fails_clearly_on_broken_content(tmp_path: Path) -> None:
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "x.yaml").write_text("id: Not A Slug\n", encoding="utf-8")
    result = runner.invoke(app, ["content", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "roles/x.yaml" in result.output and "id" in result.output


@pytest.mark.django_db
def test_admin_and_trainer_commands() -> None:
    result = runner.invoke(app, ["admin", "--email", "Boss@Example.com", "--password", "a-strong-phrase-1"])
    assert result.exit_code == 0, result.output
    boss = User.objects.get(email="boss@example.com")
    assert boss.is_superuser and boss.is_staff
    weak = runner.invoke(app, ["admin", "--email", "weak@example.com", "--password", "123"])
    assert weak.exit_code == 1 and not User.objects.filter(email="weak@example.com").exists()
    assert runner.invoke(app, ["trainer", "boss@example.com"]).exit_code == 0
    boss.profile.refresh_from_db()
    assert boss.profile.is_trainer
    assert runner.invoke(app, ["trainer", "nobody@example.com"]).exit_code == 1
