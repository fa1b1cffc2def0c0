"""Loading row states from the database and writing merged states back, with conflicts.

The only merge module that touches a session: reads rows with their open conflicts in
chunks, and writes rows and conflict rows in bulk statements.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import from_json
from sqlalchemy import (
    bindparam,
    delete,
    insert,
    select,
    update,
)
from sqlmodel import Session

from .. import models as m
from .join import delete_conflict
from .rows import RowState, fill_deletion_contexts, vec_of
from .tables import (
    CONFLICT_TABLE,
    TABLES,
    TableInfo,
    format_time,
    is_visible,
    parse_time,
    same_value,
)


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


def _chunks(items: Sequence[str], size: int = 900) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def open_conflicts(
    session: Session, inspection_id: str, table: str | None = None
) -> dict[tuple[str, str], list[OpenConflict]]:
    ct = CONFLICT_TABLE
    query = select(ct).where(ct.c.inspection_id == inspection_id, ct.c.resolved_at.is_(None))
    if table is not None:
        query = query.where(ct.c.table_name == table)
    out: dict[tuple[str, str], list[OpenConflict]] = {}
    for r in session.execute(query.order_by(ct.c.id)).mappings():
        c = OpenConflict(
            id=r["id"],
            table_name=r["table_name"],
            row_id=r["row_id"],
            field=r["field"],
            kind=r["kind"],
            kept_value=r["kept_value"],
            kept_hlc=r["kept_hlc"],
            other_value=r["other_value"],
            other_hlc=r["other_hlc"],
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
    session: Session,
    table: str,
    ids: Sequence[str] | None = None,
    *,
    inspection_id: str,
    conflicts: dict[tuple[str, str], list[OpenConflict]] | None = None,
) -> dict[str, Stored]:
    """Rows of one table (by id, or the whole inspection) with their merge states."""
    info = TABLES[table]
    if conflicts is None:
        conflicts = open_conflicts(session, inspection_id, table)
    # Plain DB-API reads on the session's own connection (inside its transaction): the
    # stored text already is the plain form, so this skips SQLAlchemy's per-value work.
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    columns = ", ".join(f'"{c}"' for c in info.columns)
    key = "id" if table == "inspection" else "inspection_id"
    batches: list[tuple[str, Sequence[str]]] = []
    if ids is None:
        batches.append((f'SELECT {columns} FROM "{table}" WHERE "{key}" = ?', [inspection_id]))
    else:
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            batches.append((f'SELECT {columns} FROM "{table}" WHERE id IN ({marks})', chunk))
    out: dict[str, Stored] = {}
    names = info.columns
    jsons = [names.index(c) for c in info.jsons]
    bools = [names.index(c) for c in info.bools]
    try:
        for sql, params in batches:
            for values in cursor.execute(sql, list(params)):
                values = list(values)
                for i in jsons:
                    if values[i] is not None:
                        values[i] = from_json(values[i])
                for i in bools:
                    values[i] = bool(values[i])
                row = dict(zip(names, values, strict=True))
                mine = conflicts.get((table, row["id"]), [])
                out[row["id"]] = Stored(row, mine, stored_state(table, row, mine))
    finally:
        cursor.close()
    return out


@dataclass
class WriteCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0


@dataclass
class _ConflictPlan:
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)


def write_states(
    session: Session,
    inspection_id: str,
    table: str,
    pairs: Iterable[tuple[Stored | None, RowState]],
    counts: WriteCounts,
) -> None:
    """Store merged states (insert, update, sync open conflicts) and count what changed."""
    info = TABLES[table]
    t = info.raw
    content = info.content
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    plan = _ConflictPlan()
    now = format_time(m.utcnow())
    for stored, state in pairs:
        row = {c: state.row[c] for c in info.columns}
        new_conflicts = _plan_conflicts(inspection_id, stored, state, plan, now)
        if stored is None:
            inserts.append(_json_text(info, row))
            counts.added += 1
            counts.conflicts += new_conflicts
            continue
        if row != stored.row:
            updates.append({**_json_text(info, row), "_id": row["id"]})
        # "Updated" means the record changed for a person: a value, a deletion or its
        # open conflicts; rewriting merge bookkeeping alone leaves it "unchanged".
        old = stored.row
        if (
            new_conflicts
            or any(row[c] != old[c] for c in content)
            or _sibling_keys(stored) != _state_keys(state)
        ):
            counts.updated += 1
        else:
            counts.unchanged += 1
        counts.conflicts += new_conflicts
    if inserts:
        session.execute(insert(t), inserts)
    if updates:
        stmt = (
            update(t)
            .where(t.c.id == bindparam("_id"))
            .values({c: bindparam(c) for c in info.columns if c != "id"})
        )
        session.execute(stmt, updates)
    _apply_conflicts(session, plan)


def _json_text(info: TableInfo, row: dict[str, Any]) -> dict[str, Any]:
    """JSON columns as compact text with sorted keys (the raw table stores text as is)."""
    out = dict(row)
    for c in info.jsons:
        value = out[c]
        out[c] = (
            None
            if value is None
            else json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        )
    return out


def _sibling_keys(stored: Stored) -> set[tuple[str, str]]:
    return {(c.field, c.other_hlc) for c in stored.conflicts if c.kind == "edit"}


def _state_keys(state: RowState) -> set[tuple[str, str]]:
    return {(f, s) for f, sibs in state.siblings.items() for s in sibs}


def _plan_conflicts(
    inspection_id: str, stored: Stored | None, state: RowState, plan: _ConflictPlan, now: str
) -> int:
    """Make the open conflict rows match the state; return how many new ones are visible."""
    existing = stored.conflicts if stored is not None else []
    if not existing and not state.siblings and state.row.get("deleted_at") is None:
        return 0
    found = 0
    have = {(c.field, c.other_hlc): c for c in existing if c.kind == "edit"}
    for name, sibs in state.siblings.items():
        kept_value, kept_hlc = state.row[name], state.row["field_clocks"].get(name, "")
        for stamp, value in sibs.items():
            old = have.pop((name, stamp), None)
            values = {
                "kept_value": kept_value,
                "kept_hlc": kept_hlc,
                "other_value": value,
                "other_hlc": stamp,
            }
            if old is None:
                plan.inserts.append(_conflict_row(inspection_id, state, name, "edit", values, now))
                if is_visible(name, value, kept_value):
                    found += 1
            elif (old.kept_value, old.kept_hlc, old.other_value) != (
                kept_value,
                kept_hlc,
                value,
            ):
                plan.updates.append({"_id": old.id, **values})
    plan.deletes.extend(c.id for c in have.values())
    wanted = delete_conflict(state)
    old_delete = [c for c in existing if c.kind == "delete"]
    if wanted is None:
        plan.deletes.extend(c.id for c in old_delete)
        return found
    values = {
        "kept_value": wanted.deleted_at,
        "kept_hlc": wanted.deletion_hlc,
        "other_value": None,
        "other_hlc": wanted.change_hlc,
    }
    if not old_delete:
        plan.inserts.append(
            _conflict_row(inspection_id, state, "deleted_at", "delete", values, now)
        )
        return found + 1
    first, *extra = old_delete
    plan.deletes.extend(c.id for c in extra)
    if (first.kept_value, first.kept_hlc, first.other_value, first.other_hlc) != tuple(
        values.values()
    ):
        plan.updates.append({"_id": first.id, **values})
    return found


def _conflict_row(
    inspection_id: str, state: RowState, name: str, kind: str, values: dict[str, Any], now: str
) -> dict[str, Any]:
    return {
        "id": m.new_id(),
        "inspection_id": inspection_id,
        "table_name": state.table,
        "row_id": state.id,
        "field": name,
        "kind": kind,
        "created_at": parse_time(now),
        "resolved_at": None,
        "resolution": "",
        **values,
    }


def _apply_conflicts(session: Session, plan: _ConflictPlan) -> None:
    ct = CONFLICT_TABLE
    if plan.deletes:
        for chunk in _chunks(plan.deletes):
            session.execute(delete(ct).where(ct.c.id.in_(list(chunk))))
    if plan.updates:
        stmt = (
            update(ct)
            .where(ct.c.id == bindparam("_id"))
            .values(
                kept_value=bindparam("kept_value"),
                kept_hlc=bindparam("kept_hlc"),
                other_value=bindparam("other_value"),
                other_hlc=bindparam("other_hlc"),
            )
        )
        session.execute(stmt, plan.updates)
    if plan.inserts:
        session.execute(insert(ct), plan.inserts)
