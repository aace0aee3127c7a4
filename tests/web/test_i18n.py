"""The interface is complete in English, Hindi and Finnish."""

from __future__ import annotations

import re
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


@pytest.mark.parametrize("lang", ["hi", "fi"])
def test_engine_templates_are_translated_with_their_fields(lang: str) -> None:
    import re

    from bpoprep import wording
    from bpoprep.feedback import engine, language  # noqa: F401
    from bpoprep.interview import report  # noqa: F401

    po = polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))
    entries = {e.msgid: e.msgstr for e in po}
    for template in wording.templates():
        assert entries.get(template), f"{template!r} has no {lang} translation; run make messages"
        assert set(re.findall(r"\{(\w+)\}", entries[template])) == set(re.findall(r"\{(\w+)\}", template)), template


def test_engine_sentences_are_shown_in_the_users_language() -> None:
    from django.template import Context, Template

    from bpoprep.feedback import engine

    page = Template("{% load bpoprep_tags %}<li>{{ tip|localise }}</li>")
    tip = engine.fill(engine.ADD_POINT, point="<b>Greet</b> the customer")
    with translation.override("hi"):
        html = page.render(Context({"tip": tip}))
        assert max(re.split(r"\{\w+\}", translation.gettext(engine.ADD_POINT)), key=len).strip() in html
        assert "&lt;b&gt;Greet&lt;/b&gt; the customer" in html and "<b>" not in html  # the answer part stays escaped
        assert page.render(Context({"tip": "Text no engine wrote."})) == "<li>Text no engine wrote.</li>"
    with translation.override("en"):
        assert page.render(Context({"tip": tip})) == "<li>Add this point: &lt;b&gt;Greet&lt;/b&gt; the customer</li>"
