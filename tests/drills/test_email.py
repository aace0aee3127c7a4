"""E-mail replies marked like an assessor would: evidence for every check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bpoprep.cli import app
from bpoprep.content.catalogue import default_catalogue
from bpoprep.drills.email import WritingError, score

CAT = default_catalogue()
SCENARIO = CAT.emails["em-refund-delay"]


def checks(result, group: str) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    return {c.id: c.passed for c in getattr(result, group)}


def test_every_model_reply_scores_high() -> None:
    for scenario in CAT.emails.values():
        r = score(scenario, scenario.model_reply)
        assert r.overall >= 85, (scenario.id, r.to_dict()["tips"])


def test_a_careless_reply_is_marked_down_with_reasons() -> None:
    reply = "hi,\nwe will do the needful and revert back. refund is NOT OUR FAULT, the courier team made the mistake!!"
    r = score(SCENARIO, reply)
    assert r.overall < 40
    structure = checks(r, "structure")
    assert not structure["subject"] and not structure["greeting"] and not structure["signature"] and not structure["timeline"]
    tone = checks(r, "tone")
    assert not tone["no-blame"] and not tone["no-shouting"] and not tone["no-exclamations"]
    assert {i.span.text.lower() for i in r.language_issues if i.type == "indianism"} >= {"do the needful", "revert back"}
    assert any("Subject" in t or "subject" in t for t in r.tips)


def test_evidence_points_into_the_reply() -> None:
    r = score(SCENARIO, SCENARIO.model_reply)
    for c in r.structure + r.coverage + r.tone:
        if c.evidence:
            assert SCENARIO.model_reply[c.evidence.start : c.evidence.end].strip() == c.evidence.text.strip() or c.evidence.text.lower() in SCENARIO.model_reply.lower()


def test_apology_is_required_only_when_we_were_at_fault() -> None:
    without = SCENARIO.model_reply.replace("I am sorry for the wait this has caused.", "")
    assert not checks(score(SCENARIO, without), "structure")["apology"]
    praise = CAT.emails["em-positive-feedback"]
    assert not praise.apology_warranted and checks(score(praise, praise.model_reply), "structure")["apology"]


@pytest.mark.parametrize("bad", ["", "   \n "])
def test_empty_reply_is_refused(bad: str) -> None:
    with pytest.raises(WritingError, match="empty"):
        score(SCENARIO, bad)


def test_huge_and_html_replies_are_handled() -> None:
    r = score(SCENARIO, "<b>Dear Priya</b> " + "We are processing your refund. " * 3000)
    assert r.word_count <= 4000 and any("Too long" in t for t in r.tips)


def test_score_writing_batch(tmp_path: Path) -> None:
    lines = [json.dumps({"scenario_id": "em-refund-delay", "text": SCENARIO.model_reply}), json.dumps({"scenario_id": "nope", "text": "x"}), json.dumps({"scenario_id": "em-refund-delay", "text": 5}), "{"]
    path = tmp_path / "emails.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["score", "writing", str(path)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4]
    assert out[0]["overall"] >= 85 and {c["id"] for c in out[0]["structure"]} >= {"subject", "greeting", "timeline", "signature"}
    assert "unknown scenario_id" in out[1]["error"] and "'text' must be a string" in out[2]["error"] and "not valid JSON" in out[3]["error"]
