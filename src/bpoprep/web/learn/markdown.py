from __future__ import annotations

from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# CommonMark with tables; raw HTML in content is escaped, never passed through.
_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


@lru_cache(maxsize=512)
def render(text: str) -> SafeString:
    return mark_safe(_md.render(text))  # noqa: S308 - html is disabled, so output is escaped
