"""Which rows a sync carries: those whose version differs between the laptop and the server.

A sync used to send the whole inspection both ways, so a day of work (a hundred rows)
moved and merged thousands of unchanged rows. Now each side first reads a *version* of
every row of the inspection, and a bundle carries only the rows the other side does not
hold in exactly that version (and the inspection row, which a bundle always holds).

**Why versions, not "changed since the last sync".** A watermark ("rows stamped after my
last sync") misses rows that reach the server later with old stamps (a laptop offline for
days, a USB return file merged on another laptop), and needs care for restored backups,
two servers and interrupted syncs. A version comparison has no state to get wrong: it is
made afresh at every sync, from what both sides hold now, so nothing that is on one side
and not on the other can be skipped, whatever happened before.

**Why equal versions mean "nothing to send".** A row's version is its merge bookkeeping:
the newest stamp, the stamp of every field (``field_clocks``), what was seen
(``field_seen``, ``deleted_seen``), the open conflicts (field, kind and the two stamps) and
the bookkeeping the join keeps (created / updated times, author, device). A stamp names one
edit of one field, so it fixes that field's value; equal versions therefore mean equal
merge states, and merging a state into an equal one changes nothing (the join is
idempotent). States only grow (every edit and merge is a join or a newer stamp), so a row
the other side held at the moment it was read is also covered by what it holds later:
reading the versions before the push and the pull is safe even while someone keeps
editing. Values the stamps do not witness — an interviewee name withheld from a laptop, a
value changed by hand in SQL without its stamp — are no different from a whole-inspection
sync: the first is never sent to that laptop anyway, and the second was never merged.

Where the versions are not comparable (different text for the same stamps, conflicts an
inspector's login may not see on the server) the row is simply sent, as before: a false
"differs" costs a little time, never data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic_core import from_json

from .mergestate import SYNCED_TABLES, OpenConflict, chunked, open_conflicts
from .sql_marks import Sql

#: Row id -> version, per table.
Versions = dict[str, dict[str, tuple[Any, ...]]]

#: What a row's version is made of (module docstring), read as stored.
_COLUMNS = (
    "hlc",
    "field_clocks",
    "field_seen",
    "deleted_seen",
    "created_at",
    "updated_at",
    "author_id",
    "device_id",
)
_JSONS = (1, 2, 3)  # positions of the JSON columns in _COLUMNS


def _conflict_key(conflicts: list[OpenConflict]) -> frozenset[tuple[str, str, str, str]]:
    return frozenset((c.field, c.kind, c.kept_hlc, c.other_hlc) for c in conflicts)


def row_versions(
    db: Sql, inspection_id: str, only: Mapping[str, set[str]] | None = None
) -> Versions:
    """The version of every row of one inspection as this side holds it, or of the rows
    ``only`` names (the pull reads the server's again for those after the push)."""
    conflicts = open_conflicts(db, inspection_id)
    cursor = db.cursor()
    columns = ", ".join(f'"{c}"' for c in _COLUMNS)
    out: Versions = {}
    try:
        for table in SYNCED_TABLES:
            key = "id" if table == "inspection" else "inspection_id"
            batches: list[tuple[str, list[str]]] = []
            if only is None:
                batches.append(
                    (f'SELECT id, {columns} FROM "{table}" WHERE "{key}" = ?', [inspection_id])
                )
            else:
                for chunk in chunked(sorted(only.get(table, ()))):
                    marks = ", ".join("?" * len(chunk))
                    sql = f'SELECT id, {columns} FROM "{table}" WHERE id IN ({marks})'
                    batches.append((sql, list(chunk)))
            rows: dict[str, tuple[Any, ...]] = {}
            for sql, params in batches:
                for row_id, *values in cursor.execute(db.text(sql), params):
                    for i in _JSONS:
                        if isinstance(values[i], str | bytes):
                            values[i] = from_json(values[i])
                    mine = conflicts.get((table, row_id))
                    rows[row_id] = (*values, _conflict_key(mine) if mine else frozenset())
            out[table] = rows
    finally:
        cursor.close()
    return out


def rows_to_send(ours: Versions, theirs: Versions) -> dict[str, set[str]]:
    """Rows we hold that the other side does not hold in the same version."""
    return {
        table: {
            row_id
            for row_id, version in rows.items()
            if theirs.get(table, {}).get(row_id) != version
        }
        for table, rows in ours.items()
    }
