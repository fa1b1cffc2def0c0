"""Read the inspections list with plain sqlite3: no SQLAlchemy, no SQLModel, nothing written.

Importing SQLModel/SQLAlchemy costs more than a whole bare Textual app takes to start
(and more than the whole ``list`` command should), so the home screen and ``tenant-inspect
list`` read the list here first. The query itself is not here: it is
:func:`tenant_inspect.summaries.read_summaries`, the one the ORM-backed store runs too.
This module only decides whether the light path may answer: the database exists, opens
read-only (:func:`.connect.open_read_only`, so a read-only folder works and nothing is
created), and its schema is exactly current. Otherwise it returns None and the caller
opens the full store, which migrates (after a backup) or refuses a newer database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ...migrations import SCHEMA_HEAD
from ...summaries import InspectionSummary, read_summaries
from .connect import open_read_only


def quick_summaries(db_path: Path) -> list[InspectionSummary] | None:
    """Summaries, most recently changed first, or None if the full store is needed."""
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
        return read_summaries(lambda sql: conn.execute(sql).fetchall())
    except sqlite3.Error:
        return None
    finally:
        conn.close()
