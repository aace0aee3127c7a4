"""The curriculum the web app serves: the database copy when there is one, else the package."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Count, Max

from bpoprep.content.catalogue import Catalogue, ContentError, default_catalogue, load
from bpoprep.content.records import Record, export, from_records, to_records

from .models import ContentItem

log = logging.getLogger("bpoprep.content")
RECHECK_SECONDS = 2.0
_lock = threading.Lock()
_cache: dict[str, Any] = {"version": None, "catalogue": None, "checked": 0.0}


def _version() -> tuple[int, Any]:
    agg = ContentItem.objects.aggregate(n=Count("id"), t=Max("updated"))
    return agg["n"], agg["t"]


def _db_records() -> list[Record]:
    return [Record(i.kind, i.item_id, i.language, i.data) for i in ContentItem.objects.all()]


def current() -> Catalogue:
    """The live catalogue. Rebuilt when staff change content; checked at most every 2 s."""
    now = time.monotonic()
    cached = _cache["catalogue"]
    if cached is not None and now - _cache["checked"] < RECHECK_SECONDS:
        return cached
    with _lock:
        version = _version()
        if cached is None or version != _cache["version"]:
            if version[0] == 0:
                cached = default_catalogue()
            else:
                try:
                    cached = from_records(_db_records())
                except ContentError as exc:  # never serve half-valid content
                    log.error("database content is invalid; serving the packaged curriculum", extra={"problems": str(exc)[:2000]})
                    cached = default_catalogue()
            _cache["catalogue"], _cache["version"] = cached, version
        _cache["checked"] = now
        return cached


def forget_cache() -> None:
    _cache.update(version=None, catalogue=None, checked=0.0)


def role_choices() -> list[tuple[str, str]]:
    return sorted(((r.id, r.title) for r in current().roles.values()), key=lambda c: c[1])


def data_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _key(rec: Record) -> tuple[str, str, str]:
    return rec.kind, rec.id, rec.language


@transaction.atomic
def sync_packaged(force: bool = False) -> dict[str, int]:
    """Bring the packaged curriculum into the database.

    New items are added; items from an older package are updated unless staff edited them
    (or force); items the package dropped are removed unless staff edited them.
    """
    packaged = {_key(r): r for r in to_records(default_catalogue())}
    existing = {(i.kind, i.item_id, i.language): i for i in ContentItem.objects.select_for_update()}
    counts = {"added": 0, "updated": 0, "kept_edits": 0, "removed": 0, "unchanged": 0}
    for key, rec in packaged.items():
        h = data_hash(rec.data)
        item = existing.get(key)
        if item is None:
            ContentItem.objects.create(kind=rec.kind, item_id=rec.id, language=rec.language, data=rec.data, source_hash=h)
            counts["added"] += 1
        elif item.edited and not force:
            counts["kept_edits"] += 1
        elif item.source_hash == h and not item.edited:
            counts["unchanged"] += 1
        else:
            item.data, item.source_hash, item.edited, item.updated_by = rec.data, h, False, None
            item.save()
            counts["updated"] += 1
    for key, item in existing.items():
        if key not in packaged and item.source_hash and not item.edited:
            item.delete()
            counts["removed"] += 1
    from_records(_db_records())  # raises (and rolls back) if the result does not hold together
    forget_cache()
    return counts


@transaction.atomic
def import_folder(root: Path, user: Any = None) -> int:
    """Import a folder of YAML (as written by export). Validated as a whole before anything is
    saved; imported items count as staff edits."""
    records = list(to_records(load(root)))
    for rec in records:
        ContentItem.objects.update_or_create(
            kind=rec.kind, item_id=rec.id, language=rec.language,
            defaults={"data": rec.data, "edited": True, "updated_by": user},
        )
    from_records(_db_records())
    forget_cache()
    return len(records)


def export_folder(root: Path) -> int:
    """Write the live curriculum to root in the packaged layout; returns files written."""
    return export(to_records(current()), root)
