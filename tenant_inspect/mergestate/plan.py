"""Plans for storing merged rows: the row to insert or update, and its conflict rows.

A merge works out, for every row of a file, the state to store (the join) and turns it into
a :class:`RowPlan` of plain values, so plans can wait on disk (:mod:`.spool`) while the rest
of the file is checked outside any write transaction; then :func:`apply_plans` writes them
in one short one. Each plan remembers the *version* of the stored row it was made from
(:func:`.storage.row_version`): if the row changed in between — the app saved a note — the
merge makes the plan again from the new row inside the write transaction, so nothing saved
meanwhile is lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..fresh_values import new_id, utcnow
from ..sql_marks import Sql
from .join import delete_conflict
from .rows import RowState
from .storage import OpenConflict, Stored, chunked
from .tables import TABLES, TableInfo, format_time, is_visible

#: What a plan does to the row: nothing (the file changed nothing), insert or update.
KEEP, INSERT, UPDATE = "", "insert", "update"


@dataclass
class RowPlan:
    """One merged row, ready to write (plain JSON values, so it can be spooled)."""

    table: str
    id: str
    version: int | None  # of the stored row it was planned from; None: not stored
    write: str  # KEEP, INSERT or UPDATE
    values: list[Any] | None  # stored values in column order (JSON columns as text)
    siblings: dict[str, dict[str, Any]]  # the planned state's open conflicts
    outcome: str  # "added", "updated" or "unchanged", for the import's report
    conflicts: int  # new conflicts a person must see
    conflict_inserts: list[dict[str, Any]] = field(default_factory=list)
    conflict_updates: list[dict[str, Any]] = field(default_factory=list)
    conflict_deletes: list[str] = field(default_factory=list)

    @property
    def changes_conflicts(self) -> bool:
        return bool(self.conflict_inserts or self.conflict_updates or self.conflict_deletes)

    @property
    def changes_anything(self) -> bool:
        """Whether applying the plan writes anything (otherwise it need not be kept)."""
        return self.write != KEEP or self.changes_conflicts

    def to_plain(self) -> list[Any]:
        return [
            self.table,
            self.id,
            self.version,
            self.write,
            self.values,
            self.siblings,
            self.outcome,
            self.conflicts,
            self.conflict_inserts,
            self.conflict_updates,
            self.conflict_deletes,
        ]

    @classmethod
    def from_plain(cls, data: list[Any]) -> RowPlan:
        return cls(*data)

    def state(self) -> RowState:
        """The merged state this plan writes (to join again with a row that changed)."""
        assert self.values is not None
        info = TABLES[self.table]
        row = dict(zip(info.columns, self.values, strict=True))
        for c in info.jsons:
            if row[c] is not None:
                row[c] = json.loads(row[c])
        return RowState(self.table, row, {f: dict(v) for f, v in self.siblings.items()})


def plan_row(inspection_id: str, stored: Stored | None, state: RowState, now: str) -> RowPlan:
    """What storing ``state`` over ``stored`` (None: a new row) takes, and what it changes."""
    info = TABLES[state.table]
    row = {c: state.row[c] for c in info.columns}
    siblings = {f: dict(v) for f, v in state.siblings.items() if v}
    plan = RowPlan(
        state.table,
        state.id,
        None if stored is None else stored.version,
        KEEP,
        None,
        siblings,
        "unchanged",
        0,
    )
    plan.conflicts = _plan_conflicts(inspection_id, stored, state, plan, now)
    if stored is None:
        plan.write, plan.values, plan.outcome = INSERT, _stored_values(info, row), "added"
        return plan
    old = stored.row
    if row != old:
        plan.write, plan.values = UPDATE, _stored_values(info, row)
    # "Updated" means the record changed for a person: a value, a deletion or its open
    # conflicts; rewriting merge bookkeeping alone leaves it "unchanged".
    if (
        plan.conflicts
        or any(row[c] != old[c] for c in info.content)
        or _sibling_keys(stored.conflicts) != _state_keys(state)
    ):
        plan.outcome = "updated"
    if plan.values is None and plan.changes_conflicts:
        plan.values = _stored_values(info, row)  # (to plan again if the row changes meanwhile)
    return plan


@dataclass
class WriteCounts:
    """What an import did, row by row: the line the CLI prints for a file."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    def add(self, plan: RowPlan, sign: int = 1) -> None:
        """Count a plan (``sign=-1``: take back one that is being made again)."""
        setattr(self, plan.outcome, getattr(self, plan.outcome) + sign)
        self.conflicts += sign * plan.conflicts


def write_states(
    db: Sql,
    inspection_id: str,
    table: str,
    pairs: Iterable[tuple[Stored | None, RowState]],
    counts: WriteCounts,
) -> None:
    """Store merged states at once (plan and apply), counting what changed."""
    now = format_time(utcnow())
    plans = [plan_row(inspection_id, stored, state, now) for stored, state in pairs]
    for plan in plans:
        counts.add(plan)
    apply_plans(db, table, plans)


#: A conflict row's columns as :func:`_conflict_row` makes them, for inserting.
_CONFLICT_INSERT = (
    "id",
    "inspection_id",
    "table_name",
    "row_id",
    "field",
    "kind",
    "created_at",
    "resolved_at",
    "resolution",
    "kept_value",
    "kept_hlc",
    "other_value",
    "other_hlc",
)
_CONFLICT_JSON = ("kept_value", "other_value")


def apply_plans(db: Sql, table: str, plans: list[RowPlan]) -> None:
    """Write planned rows and their conflict rows (bulk statements).

    Rows go straight to the DB-API cursor, already in their stored form: this runs in the
    import's write transaction, which must stay short. A conflict's two values are JSON
    text, as SQLAlchemy's JSON type writes them (``null`` for none), and its time the
    fixed-form text every time column holds.
    """
    columns = TABLES[table].columns
    inserts = [p.values for p in plans if p.write == INSERT and p.values is not None]
    updates = [[*p.values[1:], p.id] for p in plans if p.write == UPDATE and p.values]
    if inserts:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        db.many(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', inserts)
    if updates:
        assert columns[0] == "id"
        sets = ", ".join(f'"{c}" = ?' for c in columns[1:])
        db.many(f'UPDATE "{table}" SET {sets} WHERE id = ?', updates)
    deletes = [c for p in plans for c in p.conflict_deletes]
    for chunk in chunked(deletes):
        db.run(f"DELETE FROM conflict WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
    db.many(
        "UPDATE conflict SET kept_value = ?, kept_hlc = ?, other_value = ?, other_hlc = ? "
        "WHERE id = ?",
        (
            [
                json.dumps(c["kept_value"]),
                c["kept_hlc"],
                json.dumps(c["other_value"]),
                c["other_hlc"],
                c["_id"],
            ]
            for p in plans
            for c in p.conflict_updates
        ),
    )
    db.many(
        f"INSERT INTO conflict ({', '.join(_CONFLICT_INSERT)}) "
        f"VALUES ({', '.join('?' * len(_CONFLICT_INSERT))})",
        (
            [json.dumps(c[k]) if k in _CONFLICT_JSON else c[k] for k in _CONFLICT_INSERT]
            for p in plans
            for c in p.conflict_inserts
        ),
    )


def _stored_values(info: TableInfo, row: dict[str, Any]) -> list[Any]:
    """The row as stored, in column order: JSON columns as compact text with sorted keys
    (the raw tables store text as it is)."""
    return [_json(row[c]) if c in info.jsons else row[c] for c in info.columns]


def _json(value: Any) -> str | None:
    if value is None:
        return None
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _sibling_keys(conflicts: list[OpenConflict]) -> set[tuple[str, str]]:
    return {(c.field, c.other_hlc) for c in conflicts if c.kind == "edit"}


def _state_keys(state: RowState) -> set[tuple[str, str]]:
    return {(f, s) for f, sibs in state.siblings.items() for s in sibs}


def _plan_conflicts(
    inspection_id: str, stored: Stored | None, state: RowState, plan: RowPlan, now: str
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
                plan.conflict_inserts.append(
                    _conflict_row(inspection_id, state, name, "edit", values, now)
                )
                if is_visible(name, value, kept_value):
                    found += 1
            elif (old.kept_value, old.kept_hlc, old.other_value) != (
                kept_value,
                kept_hlc,
                value,
            ):
                plan.conflict_updates.append({"_id": old.id, **values})
    plan.conflict_deletes.extend(c.id for c in have.values())
    wanted = delete_conflict(state)
    old_delete = [c for c in existing if c.kind == "delete"]
    if wanted is None:
        plan.conflict_deletes.extend(c.id for c in old_delete)
        return found
    values = {
        "kept_value": wanted.deleted_at,
        "kept_hlc": wanted.deletion_hlc,
        "other_value": None,
        "other_hlc": wanted.change_hlc,
    }
    if not old_delete:
        plan.conflict_inserts.append(
            _conflict_row(inspection_id, state, "deleted_at", "delete", values, now)
        )
        return found + 1
    first, *extra = old_delete
    plan.conflict_deletes.extend(c.id for c in extra)
    if (first.kept_value, first.kept_hlc, first.other_value, first.other_hlc) != tuple(
        values.values()
    ):
        plan.conflict_updates.append({"_id": first.id, **values})
    return found


def _conflict_row(
    inspection_id: str, state: RowState, name: str, kind: str, values: dict[str, Any], now: str
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "inspection_id": inspection_id,
        "table_name": state.table,
        "row_id": state.id,
        "field": name,
        "kind": kind,
        "created_at": now,
        "resolved_at": None,
        "resolution": "",
        **values,
    }
