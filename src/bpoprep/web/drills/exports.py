from __future__ import annotations

from typing import Any

from bpoprep.web.accounts.export import section


@section("typing_runs")
def _runs(user: Any) -> list[dict[str, Any]]:
    return [
        {"passage": r.passage_id, "minutes": r.minutes, "typed": r.typed, "net_wpm": r.net_wpm, "accuracy": r.accuracy, "kph": r.kph, "result": r.result, "at": r.created.isoformat()}
        for r in user.typing_runs.order_by("created", "pk")
    ]


@section("email_attempts")
def _emails(user: Any) -> list[dict[str, Any]]:
    return [{"scenario": a.scenario_id, "text": a.text, "seconds": a.seconds, "overall": a.overall, "result": a.result, "at": a.created.isoformat()} for a in user.email_attempts.order_by("created", "pk")]


@section("chat_sessions")
def _chats(user: Any) -> list[dict[str, Any]]:
    return [{"scenarios": s.scenario_ids, "transcripts": s.transcripts, "results": s.results, "overall": s.overall, "at": s.created.isoformat()} for s in user.chat_sessions.order_by("created", "pk")]


@section("mock_calls")
def _calls(user: Any) -> list[dict[str, Any]]:
    return [{"scenario": a.scenario_id, "turns": a.turns, "score": a.score, "result": a.result, "at": a.created.isoformat()} for a in user.call_attempts.order_by("created", "pk")]
