"""Turning the user's text into safe, fitting screen text.

Names, titles and notes are the user's text, not Rich markup: a title like "[draft]" must
show as typed. Every screen escapes through here and cuts long text the same way.
"""

from __future__ import annotations

from typing import Any


def escape(text: str) -> str:
    """The user's text, shown literally inside markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis when it does not fit."""
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def problem_words(error: Any) -> str:
    """Every problem a refusal lists (a ValidationError has several), joined for one line."""
    return "; ".join(getattr(error, "problems", None) or [str(error)])
