"""Turning the user's text into safe, fitting screen text.

Names, titles and notes are the user's text, not Rich markup: a title like "[draft]" must
show as typed. Every screen escapes through here and cuts long text the same way.

Stored text may also hold control characters (older versions stored what a bundle
carried). Textual and Rich pass ESC sequences, C1 controls and bidi overrides in a
widget's text straight to the terminal, where they set the window title or clear the
screen, so :func:`shown` (and :func:`escape` and :func:`clip`, which use it) shows them
as ``\\xNN`` instead, as the command line does.
"""

from __future__ import annotations

import re
from typing import Any

from tenant_inspect.plain_text import printable


def shown(text: str) -> str:
    """Stored text safe to draw: control characters written out as ``\\xNN``."""
    return printable(text)


def escape(text: str) -> str:
    """The user's text, shown literally inside markup (control characters as ``\\xNN``).

    Rich's escape only covers what *Rich* reads as a tag (a lower-case start); Textual's
    markup also takes ``[Chief Executive]`` or ``[What we found]`` for a style and drops
    it, so every remaining ``[`` is escaped too: a redacted role or a bracketed note in a
    finding must show as typed.
    """
    from rich.markup import escape as rich_escape

    return re.sub(r"(?<!\\)\[", r"\\[", rich_escape(printable(text)))


def clip(text: str, width: int) -> str:
    """``text`` (control characters as ``\\xNN``) cut to ``width`` characters with an
    ellipsis when it does not fit."""
    text = printable(text)
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def problem_words(error: Any) -> str:
    """Every problem a refusal lists (a ValidationError has several), joined for one line."""
    return "; ".join(getattr(error, "problems", None) or [str(error)])
