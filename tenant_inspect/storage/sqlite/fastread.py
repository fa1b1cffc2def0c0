"""Light reads with plain sqlite3: no SQLAlchemy, no SQLModel, nothing written.

Importing SQLModel/SQLAlchemy costs more than a whole bare Textual app takes to start
(and more than the whole ``list`` command should), so the home screen and ``tenant-inspect
list`` read the list here first. The query itself is not here: it is
:func:`tenant_inspect.summaries.read_summaries`, the one the ORM-backed store runs too.
This module only decides whether the light path may answer: the database exists, opens
read-only (:func:`.connect.open_read_only`, so a read-only folder works and nothing is
created), and its schema is exactly current. Otherwise it returns None and the caller
opens the full store, which migrates (after a backup) or refuses a newer database.
:func:`quick_read` does the same for any light reader given to it: the dashboard of an
inspection opened while the store is still opening (:func:`~tenant_inspect.views.overview.read_overview`).
The same holds for :func:`merged_files`, which lets ``bundle import`` answer for files
merged before (:mod:`tenant_inspect.merged_files`) without loading the ORM.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ...errors import UserError
from ...migrations import SCHEMA_HEAD
from ...summaries import InspectionSummary, RunQuery, read_summaries
from .connect import open_read_only

if TYPE_CHECKING:
    from ...merged_files import MergedFile

T = TypeVar("T")


def quick_summaries(db_path: Path) -> list[InspectionSummary] | None:
    """Summaries, most recently changed first, or None if the full store is needed."""
    return _read_current(
        db_path, lambda conn: read_summaries(lambda sql: conn.execute(sql).fetchall())
    )


def quick_read(db_path: Path, read: Callable[[RunQuery], T]) -> T | None:
    """``read`` (a light reader of plain SQL) answered here, or None if the store is needed.

    The TUI's dashboard asks this for an inspection opened while the store is still opening
    (``read`` is then :func:`tenant_inspect.views.overview.read_overview`: the storage layer
    takes the reader rather than importing the views, which sit above it). None too when
    the reader refuses (an inspection not found) or a row cannot be read: the store's read
    then says why, in the screen's usual way.
    """

    def run(conn: sqlite3.Connection) -> T | None:
        try:
            return read(lambda sql, params: conn.execute(sql, params).fetchall())
        except (UserError, ValueError):  # not found; a stored time nothing can read
            return None

    return _read_current(db_path, run)


def merged_files(db_path: Path, digests: Sequence[str]) -> dict[str, MergedFile] | None:
    """The files among ``digests`` merged here before, or None if the store must open.

    None also when one of their inspections has open conflicts: ``bundle import`` then
    opens the store to count the ones worth showing, as after any import.
    """

    from ... import merged_files as merged  # (not needed by the TUI's first paint)

    def read(conn: sqlite3.Connection) -> dict[str, merged.MergedFile] | None:
        found = merged.lookup(lambda sql, params: conn.execute(sql, params).fetchall(), digests)
        for inspection_id in {f.inspection_id for f in found.values()}:
            if conn.execute(merged.ANY_OPEN_CONFLICT_SQL, (inspection_id,)).fetchone():
                return None
        return found

    return _read_current(db_path, read)


def _read_current(db_path: Path, read: Callable[[sqlite3.Connection], T | None]) -> T | None:
    """``read`` on a read-only connection in one snapshot, if the schema is current."""
    if not db_path.exists():
        return None
    try:
        conn, _ = open_read_only(db_path, timeout=2)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if not row or row[0] != SCHEMA_HEAD:
            return None
        conn.execute("BEGIN")  # one snapshot for every query, like the store's session
        return read(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
