from __future__ import annotations

from typing import Any

from bpoprep.web.accounts.export import section


@section("recordings")
def _recordings(user: Any) -> list[dict[str, Any]]:
    return [{"kind": r.kind, "ref": r.ref, "transcript": r.transcript, "status": r.status, "result": r.result, "at": r.created.isoformat()} for r in user.recordings.order_by("created", "pk")]
