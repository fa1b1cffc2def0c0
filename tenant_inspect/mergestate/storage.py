"""Loading row states from the database, with their open conflicts and versions.

Reads rows with their open conflicts in chunks of ids, straight through the DB-API cursor
(the stored text is already the plain form), on an :class:`~tenant_inspect.sql_marks.Sql`:
a session's connection in the app, a bare one in ``bundle import``. Every row read gets a *version*
(:func:`row_version`), a fingerprint of its change stamps and open conflicts: a merge that
planned a write from a row checks, in its write transaction, that the row still has that
version (:func:`current_versions`). Writing is :mod:`.plan`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic_core import from_json

from ..sql_marks import Sql
from .rows import RowState, fill_deletion_contexts, vec_of
from .tables import TABLES, same_value

if TYPE_CHECKING:
    from ..clock import HybridClock


@dataclass
class OpenConflict:
    """A stored, unresolved conflict row (plain values)."""

    id: str
    table_name: str
    row_id: str
    field: str
    kind: str
    kept_value: Any
    kept_hlc: str
    other_value: Any
    other_hlc: str


@dataclass
class Stored:
    """A row as it is in the database, with its open conflicts, and its state for merging."""

    row: dict[str, Any]
    conflicts: list[OpenConflict]
    state: RowState
    version: int | None = None  # see row_version


def chunked(items: Sequence[str], size: int = 900) -> Iterator[Sequence[str]]:
    """Ids in groups small enough for one ``IN (...)`` (SQLite allows 999 parameters)."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


#: The columns a row's version is made of: every change to a synced row changes one of
#: them (a new stamp, or a new context), or its open conflicts.
VERSION_COLUMNS = ("hlc", "field_clocks", "field_seen", "deleted_seen")


def row_version(stamps: tuple[Any, ...], conflicts: list[OpenConflict]) -> int:
    """A fingerprint of a stored row's history: its stamp columns (as stored text) and the
    open conflicts it has. Compared only within one process (``hash`` is salted)."""
    return hash((stamps, tuple(sorted((c.id, c.kept_hlc, c.other_hlc) for c in conflicts))))


def current_versions(
    db: Sql,
    table: str,
    ids: Sequence[str],
    conflicts: dict[tuple[str, str], list[OpenConflict]],
) -> dict[str, int]:
    """The versions the rows with these ids have now (rows not stored are left out)."""
    cursor = db.cursor()
    columns = ", ".join(f'"{c}"' for c in VERSION_COLUMNS)
    out: dict[str, int] = {}
    try:
        for chunk in chunked(ids):
            marks = ", ".join("?" * len(chunk))
            sql = f'SELECT id, {columns} FROM "{table}" WHERE id IN ({marks})'
            for row_id, *stamps in cursor.execute(db.text(sql), list(chunk)):
                out[row_id] = row_version(tuple(stamps), conflicts.get((table, row_id), []))
    finally:
        cursor.close()
    return out


def json_value(stored: Any) -> Any:
    """A JSON column's value as read by the driver: JSON text, parsed; or, on SQLite, a
    number already (the column's declared type ``JSON`` has numeric affinity, so SQLite
    keeps the text ``5`` as the integer 5, which is that JSON's value)."""
    return from_json(stored) if isinstance(stored, str | bytes) else stored


#: An open conflict's columns, in :class:`OpenConflict`'s order.
_CONFLICT_COLUMNS = (
    "id, table_name, row_id, field, kind, kept_value, kept_hlc, other_value, other_hlc"
)


def open_conflicts(
    db: Sql, inspection_id: str, table: str | None = None
) -> dict[tuple[str, str], list[OpenConflict]]:
    """The inspection's unresolved conflict rows (of one table, if given), by (table, row)."""
    sql = (
        f"SELECT {_CONFLICT_COLUMNS} FROM conflict WHERE inspection_id = ? AND resolved_at IS NULL"
    )
    params: list[str] = [inspection_id]
    if table is not None:
        sql += " AND table_name = ?"
        params.append(table)
    out: dict[tuple[str, str], list[OpenConflict]] = {}
    for cid, table_name, row_id, field, kind, kept, kept_hlc, other, other_hlc in db.run(
        sql + " ORDER BY id", params
    ):
        c = OpenConflict(
            id=cid,
            table_name=table_name,
            row_id=row_id,
            field=field,
            kind=kind,
            kept_value=json_value(kept),
            kept_hlc=kept_hlc,
            other_value=json_value(other),
            other_hlc=other_hlc,
        )
        out.setdefault((c.table_name, c.row_id), []).append(c)
    return out


def stored_state(table: str, row: dict[str, Any], conflicts: list[OpenConflict]) -> RowState:
    """The merge state of a stored row: siblings from its open conflicts, normalised.

    A twin (a sibling equal to the value it was recorded beside) whose field has since
    been edited on this laptop was superseded by that edit and is dropped; a deletion made
    here gets what this laptop had seen of the row.
    """
    clocks = row["field_clocks"]
    if not conflicts and row["deleted_at"] is None:
        # Nothing to normalise: the state shares the stored row (joins never modify
        # their inputs; whoever wants to edit a state copies it first, see copy_state).
        return RowState(table, row, {})
    siblings: dict[str, dict[str, Any]] = {}
    superseded: dict[str, list[str]] = {}
    for c in conflicts:
        if c.kind != "edit":
            continue
        current = clocks.get(c.field)
        if c.other_hlc == current or (
            current != c.kept_hlc and same_value(c.field, c.other_value, c.kept_value)
        ):
            # Written over here: no longer live, but still seen.
            superseded.setdefault(c.field, []).append(c.other_hlc)
            continue
        siblings.setdefault(c.field, {})[c.other_hlc] = c.other_value
    field_seen = dict(row["field_seen"])
    for name, stamps in superseded.items():
        field_seen[name] = sorted(vec_of([*field_seen.get(name, ()), *stamps]).values())
    state = RowState(
        table,
        {
            **row,
            "field_clocks": dict(clocks),
            "field_seen": field_seen,
            "deleted_seen": dict(row["deleted_seen"]),
        },
        siblings,
    )
    if row["deleted_at"] is not None or "deleted_at" in siblings:
        fill_deletion_contexts(state)
    return state


def copy_state(state: RowState) -> RowState:
    """A state that can be changed without touching the one it came from."""
    row = dict(state.row)
    for key in ("field_clocks", "field_seen", "deleted_seen"):
        row[key] = {k: (list(v) if isinstance(v, list) else v) for k, v in row[key].items()}
    return RowState(state.table, row, {f: dict(v) for f, v in state.siblings.items()})


def load_stored(
    db: Sql,
    table: str,
    ids: Sequence[str] | None = None,
    *,
    inspection_id: str,
    conflicts: dict[tuple[str, str], list[OpenConflict]] | None = None,
) -> dict[str, Stored]:
    """Rows of one table (by id, or the whole inspection) with their merge states."""
    info = TABLES[table]
    if conflicts is None:
        conflicts = open_conflicts(db, inspection_id, table)
    # Plain DB-API reads inside the caller's transaction: the stored text already is the
    # plain form, so nothing is parsed and re-formatted per value.
    cursor = db.cursor()
    columns = ", ".join(f'"{c}"' for c in info.columns)
    key = "id" if table == "inspection" else "inspection_id"
    batches: list[tuple[str, Sequence[str]]] = []
    if ids is None:
        batches.append((f'SELECT {columns} FROM "{table}" WHERE "{key}" = ?', [inspection_id]))
    else:
        for chunk in chunked(ids):
            marks = ", ".join("?" * len(chunk))
            batches.append((f'SELECT {columns} FROM "{table}" WHERE id IN ({marks})', chunk))
    out: dict[str, Stored] = {}
    names = info.columns
    jsons = [names.index(c) for c in info.jsons]
    bools = [names.index(c) for c in info.bools]
    stamp_at = [names.index(c) for c in VERSION_COLUMNS]
    try:
        for sql, params in batches:
            for values in cursor.execute(db.text(sql), list(params)):
                values = list(values)
                stamps = tuple(values[i] for i in stamp_at)
                for i in jsons:
                    values[i] = json_value(values[i])
                for i in bools:
                    values[i] = bool(values[i])
                row = dict(zip(names, values, strict=True))
                mine = conflicts.get((table, row["id"]), [])
                state = stored_state(table, row, mine)
                out[row["id"]] = Stored(row, mine, state, row_version(stamps, mine))
    finally:
        cursor.close()
    return out


#: The newest stamp of every synced table, in one plain statement.
NEWEST_STAMPS_SQL = " UNION ALL ".join(f'SELECT max(hlc) FROM "{table}"' for table in TABLES)


def observe_newest_stamps(clock: HybridClock, db: Sql) -> None:
    """Never hand out a stamp older than one already stored (a clock set back): every
    back-end advances its clock past the newest stamp it holds when it opens."""
    for (stamp,) in db.run(NEWEST_STAMPS_SQL):
        if stamp:
            clock.observe(stamp)
