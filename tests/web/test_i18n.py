"""The interface is complete in English, Hindi and Finnish."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "src" / "bpoprep" / "web" / "locale"


@pytest.mark.parametrize("lang", ["hi", "fi"])
def test_every_interface_string_is_translated_and_compiled(lang: str) -> None:
    po = polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))
    assert len(po) > 250
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    with translation.override(lang):
        for entry in po:
            if entry.msgid_plural:
                got = translation.ngettext(entry.msgid, entry.msgid_plural, 5)
                assert got == entry.msgstr_plural[1], entry.msgid
            else:
                assert translation.gettext(entry.msgid) == entry.msgstr, f"{entry.msgid!r}: the .mo file is stale; run make messages"


@pytest.mark.parametrize("lang", ["hi", "fi"])
def test_placeholders_survive_translation(lang: str) -> None:
    import re

    po = polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))
    for e in po:
        wanted = sorted(re.findall(r"%\(\w+\)s", e.msgid))
        for text in ([e.msgstr] if not e.msgid_plural else list(e.msgstr_plural.values())):
            assert sorted(re.findall(r"%\(\w+\)s", text)) == wanted, e.msgid
