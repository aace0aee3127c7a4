"""Engine sentences are built from registered templates and can be read back into them."""

from __future__ import annotations

import string

import pytest

from bpoprep import wording
from bpoprep.feedback import engine, language  # noqa: F401  (register their templates)
from bpoprep.interview import report  # noqa: F401


def test_the_engines_register_their_templates() -> None:
    found = wording.templates()
    assert engine.ADD_POINT in found and engine.NO_STAR_PART["result"] in found and report.ANSWER_EVERY in found
    assert language.MISSPELT in found and len(found) > 60


@pytest.mark.parametrize("template", wording.templates())
def test_every_template_reads_back_with_its_values(template: str) -> None:
    fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    values = {f: f"<{f} value> “with quotes”. 12" for f in fields}
    parsed = wording.parse(wording.fill(template, **values))
    assert parsed == (template, values)


def test_text_no_template_made_is_not_parsed() -> None:
    assert wording.parse("Something the user typed.") is None
    assert wording.parse("") is None
    # A near miss of a real template is not a match either.
    assert wording.parse("Too short (12 words): aim for 60-120 words.") is None


def test_real_feedback_tips_all_come_from_templates() -> None:
    from bpoprep.content.catalogue import default_catalogue

    q = default_catalogue().questions["handled-angry-customer"]
    fb = engine.analyse("Basically we was doing the needful, you know, and my last manager was useless. Um, kindly note, I guess.", q)
    assert fb.tips
    for text in fb.tips + [f.message for f in fb.findings] + [i.message for i in fb.language_issues]:
        assert wording.parse(text) is not None, text
