"""Conflicts a merge leaves for the coordinator: listing them and resolving them.

Resolving writes a new version stamped by this laptop (an ordinary edit), so the decision
travels in the next kit or return file and settles the conflict on every laptop that had it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import delete, select, update
from sqlmodel import Session

from . import models as m
from . import records
from .errors import NotFound, UserError
from .mergestate import (
    LABELS,
    SYNCED_TABLES,
    TABLES,
    RowState,
    Stored,
    WriteCounts,
    canonicalize,
    copy_state,
    delete_conflict,
    format_time,
    is_visible,
    load_stored,
    open_conflicts,
    same_value,
    stored_state,
    to_plain,
    vec_of,
    write_states,
)
from .sql_marks import session_sql


@dataclass(frozen=True)
class ConflictView:
    """One conflict as the coordinator sees it.

    ``kind`` "edit": two laptops changed ``field`` of the row since they last exchanged
    files; the row shows ``current_value`` and ``other_value`` is the version not shown.
    ``kind`` "delete": the row was deleted on one laptop while ``changed_fields`` were
    changed on another; keeping "other" restores it.
    """

    id: str
    kind: str
    table: str
    label: str
    row_id: str
    row_title: str
    field: str
    current_value: Any
    current_hlc: str
    other_value: Any
    other_hlc: str
    changed_fields: tuple[str, ...]
    resolved: bool
    resolution: str

    @property
    def other_device(self) -> str:
        return self.other_hlc[19:]

    def describe(self, *, on_server: bool = False) -> str:
        """One line for lists and the CLI. ``on_server``: the store is a programme's server,
        where a conflict may also be two people saving the same field at once, so the line
        says "in two places" rather than "on two laptops"."""
        what = (
            f"{self.label} {self.row_title!r}"
            if self.row_title
            else f"{self.label} {self.row_id[:8]}"
        )
        one, another, two = (
            ("in one place", "in another", "in two places")
            if on_server
            else ("on one laptop", "on another", "on two laptops")
        )
        if self.kind == "delete":
            fields = ", ".join(self.changed_fields)
            return f"{what} was deleted {one} but changed {another} ({fields})"
        return f"{what}: {self.field.replace('_', ' ')} changed {two}"


def _title(table: str, row: Any) -> str:
    for name in ("title", "name", "interviewee_role", "text", "question_key", "grade"):
        value = getattr(row, name, None)
        if isinstance(value, str) and value.strip():
            value = " ".join(value.split())
            return value if len(value) <= 60 else value[:57] + "..."
    return ""


def list_conflicts(
    session: Session, inspection_id: str, *, include_resolved: bool = False
) -> list[ConflictView]:
    """Conflicts of one inspection, open ones only unless asked (twins are never listed)."""
    query = select(m.Conflict).where(m.Conflict.inspection_id == inspection_id)  # type: ignore[arg-type]
    if not include_resolved:
        query = query.where(m.Conflict.resolved_at.is_(None))  # type: ignore[union-attr]
    order = {name: i for i, name in enumerate(SYNCED_TABLES)}
    views: list[ConflictView] = []
    for c in session.scalars(query):
        model = m.MODELS_BY_TABLE.get(c.table_name)
        row = session.get(model, c.row_id) if model is not None else None
        if row is None:
            continue
        plain = to_plain(TABLES[c.table_name], _mapping(row))
        open_ = c.resolved_at is None
        if c.kind == "edit":
            current = plain.get(c.field)
            if open_ and not is_visible(c.field, c.other_value, current):
                continue  # a twin (the same value written twice) or an empty one
            changed: tuple[str, ...] = ()
        else:
            current = plain["deleted_at"]
            changed = _changed_since_deletion(session, c.table_name, plain)
        views.append(
            ConflictView(
                id=c.id,
                kind=c.kind,
                table=c.table_name,
                label=LABELS[c.table_name],
                row_id=c.row_id,
                row_title=_title(c.table_name, row),
                field=c.field,
                current_value=current if open_ else c.kept_value,
                current_hlc=plain["field_clocks"].get(c.field, "") if open_ else c.kept_hlc,
                other_value=c.other_value,
                other_hlc=c.other_hlc,
                changed_fields=changed,
                resolved=not open_,
                resolution=c.resolution,
            )
        )
    views.sort(key=lambda v: (order.get(v.table, 99), v.row_id, v.field, v.other_hlc, v.id))
    return views


def _mapping(row: m.SyncedRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in TABLES[str(type(row).__tablename__)].columns}


def _changed_since_deletion(session: Session, table: str, plain: dict[str, Any]) -> tuple[str, ...]:
    """The fields changed on another laptop while this row was deleted here (or vice versa)."""
    inspection_id = plain["id"] if table == "inspection" else plain["inspection_id"]
    conflicts = open_conflicts(session_sql(session), inspection_id, table).get(
        (table, plain["id"]), []
    )
    found = delete_conflict(stored_state(table, plain, conflicts))
    return found.fields if found else ()


Keep = Literal["kept", "other", "merged"]


def resolve_conflict(
    session: Session, conflict_id: str, keep: Keep, merged_text: str | None = None
) -> ConflictView:
    """Settle a conflict: keep the shown value ("kept"), the other one, or a merged text.

    The decision is an ordinary edit stamped by this laptop, so it travels in the next
    kit or return file and supersedes both versions everywhere. Call inside
    ``Store.write()``. Other open conflicts on the same field stay open.
    """
    if keep not in ("kept", "other", "merged"):
        raise UserError(f"keep must be 'kept', 'other' or 'merged', not {keep!r}")
    session.flush()
    conflict = session.get(m.Conflict, conflict_id)
    if conflict is None:
        raise NotFound(f"no conflict with id {conflict_id}")
    if conflict.resolved_at is not None:
        raise UserError("that conflict has already been resolved")
    table = conflict.table_name
    info = TABLES.get(table)
    if info is None:
        raise UserError(f"that conflict is about an unknown table {table!r}")
    clock = session.info.get("clock")
    if clock is None:
        raise UserError("resolve conflicts inside a write session of the store")
    db = session_sql(session)
    stored = load_stored(db, table, [conflict.row_id], inspection_id=conflict.inspection_id)
    if conflict.row_id not in stored:
        raise NotFound(f"the {LABELS[table]} of that conflict no longer exists")
    old = stored[conflict.row_id]
    state = copy_state(old.state)
    name = conflict.field
    stamp = clock.now()
    now = format_time(m.utcnow())
    removed: set[str] = set()  # sibling stamps this decision settles
    if conflict.kind == "delete":
        if keep == "merged":
            raise UserError("a deleted row cannot be merged: keep it deleted, or restore it")
        name = "deleted_at"
        value: Any = now if keep == "kept" else None
        removed = set(state.siblings.get(name, {}))
    else:
        current = state.row.get(name)
        if keep == "kept":
            value = current
        elif keep == "other":
            value = conflict.other_value
        else:
            value = _merged_value(session, m.MODELS_BY_TABLE[table], state, name, merged_text)
        # Settled too: versions saying the same as either side, and the hidden ones.
        for other_stamp, other_value in state.siblings.get(name, {}).items():
            if (
                other_stamp == conflict.other_hlc
                or same_value(name, other_value, conflict.other_value)
                or not is_visible(name, other_value, current)
            ):
                removed.add(other_stamp)
    context = state.context(name)
    row_context = state.row_context()
    sibs = {s: v for s, v in state.siblings.get(name, {}).items() if s not in removed}
    state.siblings = {**state.siblings, name: sibs}
    state.row[name] = value
    state.row["field_clocks"][name] = stamp
    state.row["field_seen"][name] = sorted({**context}.values())
    state.row["hlc"] = max(state.row["hlc"], stamp)
    state.row["updated_at"] = now
    if name == "deleted_at" and value is not None:
        state.row["deleted_seen"] = {
            **state.row["deleted_seen"],
            stamp: sorted(vec_of([*row_context.values(), stamp]).values()),
        }
    canonicalize(state)
    # Conflict rows this decision settles: visible ones are marked resolved (history);
    # twins were never shown and simply go.
    ct = m.Conflict.__table__  # type: ignore[attr-defined]
    resolved_at = m.utcnow()
    for c in old.conflicts:
        settles = c.id == conflict.id or (
            c.kind == "edit" and c.field == name and c.other_hlc in removed
        )
        if not settles:
            continue
        visible = c.id == conflict.id or is_visible(name, c.other_value, c.kept_value)
        if visible:
            session.execute(
                update(ct).where(ct.c.id == c.id).values(resolved_at=resolved_at, resolution=keep)
            )
        else:
            session.execute(delete(ct).where(ct.c.id == c.id))
    remaining = [
        c
        for c in old.conflicts
        if not (
            c.id == conflict.id or (c.kind == "edit" and c.field == name and c.other_hlc in removed)
        )
    ]
    write_states(
        db,
        conflict.inspection_id,
        table,
        [(Stored(old.row, remaining, old.state), state)],
        WriteCounts(),
    )
    _expire(session, m.MODELS_BY_TABLE[table], conflict.row_id)
    session.expire(conflict)
    views = list_conflicts(session, conflict.inspection_id, include_resolved=True)
    return next(v for v in views if v.id == conflict.id)


def _merged_value(
    session: Session, model: type[m.SyncedRow], state: RowState, name: str, text: str | None
) -> str:
    if text is None:
        raise UserError("give the merged text")
    # Only free text can be merged: a date, a time, a choice or an id written as words would
    # be stored as text that nothing can read back.
    rule = records.RULES[model].get(name)
    if not isinstance(state.row.get(name), str) or not isinstance(rule, records.Text):
        raise UserError(f"{name.replace('_', ' ')} is not text, so it cannot be merged; keep one")
    records.validate(session, model, state.row.get("inspection_id"), {name: text})
    return text


def _expire(session: Session, model: type[m.SyncedRow], row_id: str) -> None:
    """Objects the caller already loaded must not show the values from before the decision."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, model) and obj.id == row_id:
            session.expire(obj)


def conflicts_by_prefix(
    session: Session, inspection_ids: Iterable[str], prefix: str
) -> ConflictView:
    """An open conflict by id or unique id prefix (for the CLI)."""
    prefix = prefix.strip().lower()
    matches = [
        v
        for inspection_id in inspection_ids
        for v in list_conflicts(session, inspection_id)
        if v.id.startswith(prefix)
    ]
    if not prefix or not matches:
        raise NotFound(f"no open conflict has an id starting with '{prefix}'")
    if len(matches) > 1:
        raise NotFound(f"'{prefix}' matches more than one conflict; type more of the id")
    return matches[0]
