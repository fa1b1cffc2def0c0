"""Read the inspections list with plain sqlite3, for a fast first screen.

Importing SQLModel/SQLAlchemy costs more than a whole bare Textual app takes
to start, so the home screen lists inspections with this module first and
loads the real store in a worker afterwards. It only answers when the
database exists and its schema is exactly current; otherwise it returns None
and the caller waits for the full store (which migrates). The SQL must agree
with :func:`tenant_inspect.inspections.list_inspections` — a test checks it.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from ...migrations import SCHEMA_HEAD
from ...summaries import (
    STAGE_SQL,
    InspectionSummary,
    expected_by_inspection,
    shown_for,
    stages_from_rows,
)
from .connect import open_read_only

_COUNT = (
    "(SELECT count(*) FROM {table} t WHERE t.inspection_id = i.id AND t.deleted_at IS NULL{extra})"
)

_QUERY = f"""
SELECT i.id, i.title, i.landlord, i.status, i.updated_at,
  {_COUNT.format(table="area", extra="")},
  {_COUNT.format(table="document_review", extra="")},
  {_COUNT.format(table="document_review", extra=" AND t.status = 'complete'")},
  {_COUNT.format(table="interview", extra="")},
  {_COUNT.format(table="interview", extra=" AND t.status = 'complete'")},
  {_COUNT.format(table="finding", extra="")},
  {_COUNT.format(table="recommendation", extra="")}
FROM inspection i WHERE i.deleted_at IS NULL
"""

_AREAS = "SELECT inspection_id, id, interviews_planned FROM area WHERE deleted_at IS NULL"
_HELD = (
    "SELECT inspection_id, area_id, count(*) FROM interview WHERE deleted_at IS NULL"
    " GROUP BY inspection_id, area_id"
)


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
        rows = conn.execute(_QUERY).fetchall()
        stages = stages_from_rows(conn.execute(STAGE_SQL).fetchall())
        expected = expected_by_inspection(
            conn.execute(_AREAS).fetchall(), conn.execute(_HELD).fetchall()
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    out = []
    for r in rows:
        updated = datetime.strptime(r[4], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        out.append(
            InspectionSummary(
                id=r[0],
                title=r[1],
                landlord=r[2],
                status=shown_for(r[3], r[0], stages),
                areas=r[5],
                documents=r[6],
                documents_done=r[7],
                interviews=r[8],
                interviews_done=r[9],
                findings=r[10],
                recommendations=r[11],
                updated_at=updated.isoformat(),
                interviews_expected=expected.get(r[0], 0),
            )
        )
    out.sort(key=lambda s: (s.updated_at, s.id), reverse=True)
    return out
