"""Row-cursor tables whose columns have keys, built in one call.

Screens fill their tables by column key (``update_cell(row, "progress", ...)``), so each
column is added with one: :func:`keyed_table` makes the usual table — a row cursor, one
column per ``(heading, key)`` — and :func:`add_keyed_columns` does the same for a table
subclass.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable


def add_keyed_columns(table: DataTable[Any], *columns: tuple[str, str]) -> None:
    """Add a column per ``(heading, key)``, in order."""
    for heading, key in columns:
        table.add_column(heading, key=key)


def keyed_table(
    table_id: str, *columns: tuple[str, str], zebra_stripes: bool = False, show_header: bool = True
) -> DataTable[str]:
    """A table with a row cursor and a column per ``(heading, key)``."""
    table: DataTable[str] = DataTable(
        id=table_id, cursor_type="row", zebra_stripes=zebra_stripes, show_header=show_header
    )
    add_keyed_columns(table, *columns)
    return table
