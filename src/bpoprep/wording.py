"""Sentences the pure code writes for users (tips, findings, report lines), kept as templates.

The engines stay free of Django and return plain English, which is also the stable batch contract.
Every such sentence is built from a template registered here, so the web layer can recognise a
finished English sentence, stored or fresh, and show it in the user's language: `parse()` recovers
the template and its parameters, and the caller formats the translated template with them.

`gettext_noop` has the name xgettext looks for, so `make messages` extracts the templates too.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

_TEMPLATES: dict[str, None] = {}  # insertion-ordered set


def gettext_noop(template: str) -> str:
    """Register an English template (with {named} fields) and return it unchanged."""
    _TEMPLATES[template] = None
    _patterns.cache_clear()
    return template


def fill(template: str, **params: object) -> str:
    return template.format(**params)


def templates() -> list[str]:
    return list(_TEMPLATES)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for template in _TEMPLATES:
        regex, literal, seen = [], 0, set()
        for text, field, _, _ in string.Formatter().parse(template):
            regex.append(re.escape(text))
            literal += len(text)
            if field is not None:
                regex.append(f"(?P={field})" if field in seen else f"(?P<{field}>.+?)")
                seen.add(field)
        out.append((literal, re.compile("".join(regex), re.S), template))
    # The template with the most fixed text wins, so a general one never shadows a specific one.
    return [(p, t) for _, p, t in sorted(out, key=lambda item: -item[0])]


def parse(text: str) -> tuple[str, dict[str, str]] | None:
    """The template and field values that produced `text`, or None if no template did."""
    for pattern, template in _patterns():
        m = pattern.fullmatch(text)
        if m:
            return template, m.groupdict()
    return None
