"""The user's text on one line, cut to a width: for table cells, list options and the panel.

Unlike :func:`screens.markup.clip`, line breaks and runs of spaces in notes and titles are
first folded into single spaces, because a cell or an option shows one line only and a
newline there would hide the rest of the row.
"""

from __future__ import annotations


def one_line(text: str, width: int) -> str:
    """``text`` on one line, shortened to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)].rstrip() + "…"
