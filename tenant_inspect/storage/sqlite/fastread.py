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
merged before (:mod:`tenant_inspect.merged_files`) without loading the ORM. What each one
reads, and when a reader's answer is left to the store, is :mod:`..light_reads`, shared
with the PostgreSQL light path.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ...migrations import SCHEMA_HEAD
from .. import light_reads
from .connect import open_read_only

if TYPE_CHECKING:
    from ...merged_files import MergedFile
    from ...summaries import InspectionSummary, RunQuery

T = TypeVar("T")


def quick_summaries(db_path: Path) -> list[InspectionSummary] | None:
    """Summaries, most recently changed first, or None if the full store is needed."""
    return _read_current(db_path, light_reads.summaries)


def quick_read(db_path: Path, read: Callable[[RunQuery], T]) -> T | None:
    """``read`` (a light reader of plain SQL) answered here, or None if the store is needed.

    The TUI's dashboard asks this for an inspection opened while the store is still opening
    (``read`` is then :func:`tenant_inspect.views.overview.read_overview`: the storage layer
    takes the reader rather than importing the views, which sit above it). None too when
    the reader refuses (:func:`..light_reads.answer`).
    """
    return _read_current(db_path, lambda run: light_reads.answer(run, read))


def merged_files(db_path: Path, digests: Sequence[str]) -> dict[str, MergedFile] | None:
    """The files among ``digests`` merged here before, or None if the store must open
    (:func:`..light_reads.merged_files`)."""
    return _read_current(db_path, lambda run: light_reads.merged_files(run, digests))


def _read_current(db_path: Path, read: Callable[[RunQuery], T | None]) -> T | None:
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
        return read(lambda sql, params: conn.execute(sql, params).fetchall())
    except sqlite3.Error:
        return None
    finally:
        conn.close()
