from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def plain_text(value: str) -> None:
    """Reject text that did not arrive as clean UTF-8 or carries control characters.

    Browsers send UTF-8; Django replaces undecodable bytes with U+FFFD, so seeing one means the
    input was in another encoding. We say so instead of silently storing mojibake.
    """
    if "\ufffd" in value:
        raise ValidationError(
            _("This text contains characters that could not be read. Please retype it (use UTF-8)."),
            code="encoding",
        )
    bad = [c for c in value if unicodedata.category(c) == "Cc" and c not in "\n\r\t"]
    if bad:
        raise ValidationError(_("This text contains control characters. Please remove them."), code="control")


def is_plain_text(value: str) -> bool:
    """plain_text as a yes/no, for optional input that is dropped rather than refused."""
    try:
        plain_text(value)
    except ValidationError:
        return False
    return True
