"""The findings board's table: one line per finding, in words when wide and letters when narrow.

Inspectors' laptops range from 80-column terminals to wide screens, so the columns are sized
to the screen (:func:`column_widths`): area and kind shrink to letters below :data:`WIDE`
columns, the author column is only as wide as the longest name shown, and the finding's
text gets whatever is left. Rebuilding a 1,000-row table is slow, so :meth:`BoardTable.show`
rebuilds it only when the rows, their order or the widths change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tenant_inspect.views.board import (
    COLUMN_HEADINGS,
    COLUMN_KEYS,
    THEME_LABELS,
    BoardRow,
    SortOrder,
)

from ..markup import clip
from .tables import FittedTable

#: From this width the table has room for words instead of letters.
WIDE = 120


@dataclass(frozen=True)
class Widths:
    area: int
    kind: int
    themes: int
    author: int
    evidence: int
    text: int
    wide: bool


def column_widths(width: int, longest_author: int = 8) -> Widths:
    """Column widths for a screen ``width`` wide: letters when narrow, words when wide.

    The author column is only as wide as the longest (first) name shown, so an
    inspection whose findings carry no author gives that room to the text.
    """
    wide = width >= WIDE
    # Body padding 2, the table's scroll bar 2, one cell of padding either side of 6 columns.
    room = max(40, width - 2 - 2 - 12)
    # Wide headings carry their sort key: "Area (1)", "Author (4)" ...; narrow ones an arrow.
    author = max(10 if wide else 3, min(16 if wide else 8, longest_author))
    fixed = (
        Widths(12, 13, 22, author, 28, 0, True) if wide else Widths(3, 2, 9, author, 14, 0, False)
    )
    used = fixed.area + fixed.kind + fixed.themes + fixed.author + fixed.evidence
    return Widths(
        fixed.area,
        fixed.kind,
        fixed.themes,
        fixed.author,
        fixed.evidence,
        max(16, room - used),
        wide,
    )


def evidence_cell(row: BoardRow, widths: Widths) -> str:
    """The evidence in words; "Doc:" and "Int:" when the column is narrow."""
    text = row.evidence
    if not widths.wide:
        text = text.replace("Document: ", "Doc: ", 1).replace("Interview: ", "Int: ", 1)
    return clip(text, widths.evidence)


def theme_cell(row: BoardRow, width: int) -> str:
    """The first theme's label, clipped, and '+N' for the others."""
    if not row.themes:
        return "–"
    first = THEME_LABELS.get(row.themes[0], row.themes[0])
    more = f" +{len(row.themes) - 1}" if len(row.themes) > 1 else ""
    return clip(first, max(3, width - len(more))) + more


def first_name(name: str) -> str:
    return name.split()[0] if name.strip() else ""


def author_width(rows: tuple[BoardRow, ...], width: int) -> int:
    """The longest author name as the table would show it at this screen width."""
    wide = width >= WIDE
    return max((len(r.author if wide else first_name(r.author)) for r in rows), default=0)


def heading(key: str, number: int, widths: Widths, order: SortOrder) -> str:
    """A column's heading: its sort key when wide, an arrow on the column sorted by."""
    title = COLUMN_HEADINGS[key]
    if key == "area" and not widths.wide:
        title = "Ar"
    elif key == "kind" and not widths.wide:
        title = "K"
    elif key == "author" and widths.author < 6:
        title = "By"
    arrow = "▼" if order.reverse else "▲"
    if key == order.column:
        title += f" {arrow}" if len(title) + 2 <= getattr(widths, key) else arrow
    elif widths.wide:
        title += f" ({number})"
    return title


def cells(row: BoardRow, widths: Widths, marked: bool) -> tuple[str, ...]:
    """One finding's cells; "»" before the area of the finding marked for merging."""
    area = clip(row.area_title, widths.area) if widths.wide else row.area_letter
    author = row.author if widths.wide else first_name(row.author)
    return (
        ("»" if marked else "") + area,
        row.kind_label if widths.wide else row.kind_letter,
        theme_cell(row, widths.themes),
        clip(author, widths.author) or "–",
        evidence_cell(row, widths),
        clip(("(internal) " if row.internal else "") + row.text, widths.text),
    )


class BoardTable(FittedTable[str]):
    """The table of findings, keyed by finding id so the cursor can follow a finding."""

    #: The widths the table was last drawn with (None before the first drawing).
    widths: Widths | None = None

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[object, ...] | None = None

    def show(
        self,
        rows: list[BoardRow],
        widths: Widths,
        *,
        order: SortOrder,
        marked: str | None,
        keep: str | None,
    ) -> None:
        """Show ``rows``; the cursor stays on ``keep`` if shown, else near where it was.

        The table is rebuilt only when what it would show differs from what it shows.
        """
        shown = (rows, widths, order, marked)
        if shown == self._shown:
            return
        self._shown, self.widths = shown, widths
        old_row = self.cursor_row
        self.clear(columns=True)
        for number, key in enumerate(COLUMN_KEYS, start=1):
            title = heading(key, number, widths, order)
            self.add_column(title, width=getattr(widths, key), key=key)
        for row in rows:
            self.add_row(*cells(row, widths, row.id == marked), key=row.id)
        ids = [r.id for r in rows]
        if keep in ids:
            self.move_cursor(row=ids.index(keep), animate=False)
        elif ids:
            self.move_cursor(row=min(max(old_row, 0), len(ids) - 1), animate=False)

    def selected_id(self) -> str | None:
        """The id of the finding under the cursor (None when the table is empty)."""
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value
