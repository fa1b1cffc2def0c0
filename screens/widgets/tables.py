"""Row-cursor tables whose columns have keys, built in one call.

Screens fill their tables by column key (``update_cell(row, "progress", ...)``), so each
column is added with one: :func:`keyed_table` makes the usual table — a row cursor, one
column per ``(heading, key)`` — and :func:`add_keyed_columns` does the same for a table
subclass.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events
from textual.widgets import DataTable

CellType = TypeVar("CellType")


class FittedTable(DataTable[CellType]):
    """A DataTable that redraws its header once it has measured the rows just added.

    Textual 8.2 measures new rows (and widens columns) when the table is idle, but keeps the
    lines it rendered before that: a header drawn between ``add_row`` and that moment kept
    the old, narrow column widths over wide rows until the next change. On a busy laptop
    that showed as a squeezed "Area Progress Findings" header. After each idle measurement
    whose widths differ from those last drawn, the table drops its rendered lines.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._drawn_widths: tuple[int, ...] = ()

    def on_idle(self, event: events.Idle) -> None:
        # Runs before DataTable's own idle handler (subclass first), so look after it, and
        # only when that handler has measuring to do (otherwise idle would never end).
        if self._require_update_dimensions or self._updated_cells:
            self.call_later(self._redraw_if_widened)

    def _redraw_if_widened(self) -> None:
        widths = tuple(column.get_render_width(self) for column in self.columns.values())
        if widths != self._drawn_widths:
            self._drawn_widths = widths
            self._clear_caches()  # the one private call: no public way to drop stale lines
            self.refresh()


def add_keyed_columns(table: DataTable[Any], *columns: tuple[str, str]) -> None:
    """Add a column per ``(heading, key)``, in order."""
    for heading, key in columns:
        table.add_column(heading, key=key)


def keyed_table(
    table_id: str, *columns: tuple[str, str], zebra_stripes: bool = False, show_header: bool = True
) -> DataTable[str]:
    """A table with a row cursor and a column per ``(heading, key)``."""
    table: DataTable[str] = FittedTable(
        id=table_id, cursor_type="row", zebra_stripes=zebra_stripes, show_header=show_header
    )
    add_keyed_columns(table, *columns)
    return table
