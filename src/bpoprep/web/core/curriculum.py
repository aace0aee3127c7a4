"""The curriculum the web app serves, loaded once per process from the packaged YAML."""

from __future__ import annotations

from bpoprep.content.catalogue import Catalogue, default_catalogue


def current() -> Catalogue:
    return default_catalogue()


def role_choices() -> list[tuple[str, str]]:
    return sorted(((r.id, r.title) for r in current().roles.values()), key=lambda c: c[1])
