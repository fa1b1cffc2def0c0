"""The merge state of a row, and the join that merges two of them.

Every synced row is, for merging, a :class:`RowState`: its columns as plain JSON values
(dates and times as fixed-form text), plus the versions of its fields that are *not*
shown — the open conflicts, called siblings here. Per content field ``f``:

* the **live versions** are the row's value with its stamp ``field_clocks[f]`` plus every
  sibling of ``f``: each version is identified by the stamp (hybrid-logical-clock "dot")
  of the edit that wrote it;
* the **context** is every stamp of ``f`` this laptop has seen, kept as a version vector
  (newest stamp per device): the stamps in ``field_seen[f]``, ``field_clocks[f]`` and the
  siblings. Stamps of one device always grow, so "seen device d up to stamp s" covers all
  of d's earlier edits of the field.

Merging two states keeps a version if both sides still have it, or if the other side has
never seen it (so it was written concurrently or later); it drops a version the other side
saw and superseded. The row shows the live version with the highest stamp; the others stay
as conflicts for a person to resolve. This is the join of a well-known state-based
replicated data type (a multi-value register with a causal context, per field): it is
commutative, associative and idempotent, so importing files in any order, or twice, gives
the same state. Fields that never change after creation (parent ids, keys) simply must
agree.

Local edits: the store stamps ``field_clocks[f]`` with a new stamp from this laptop, newer
than everything the laptop has seen, and ``models._remember_replaced_stamps`` keeps a
replaced stamp from another device in ``field_seen[f]``, so the context stays whole (see
docs/architecture.md, "Merging without a server").

A deletion is the ``deleted_at`` field like any other, plus, for every live deletion, what
the deleting laptop had seen of the row (``deleted_seen``). A deleted row with a live
version of another field the deleter had not seen was *changed on one laptop while deleted
on another*: :func:`delete_conflict` derives that from the state, so it is order-free too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic_core import from_json
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    MetaData,
    String,
    Table,
    bindparam,
    delete,
    insert,
    select,
    update,
)
from sqlmodel import Session

from . import models as m
from .bundle_format import IMMUTABLE, REFERENCES, TIMESTAMP_FORMAT

#: Table name -> model, in dependency order (parents first).
MODELS: dict[str, type[m.SyncedRow]] = {
    str(model.__tablename__): model for model in m.SYNCED_MODELS
}

#: Human names for tables, for messages.
LABELS: dict[str, str] = {
    "inspection": "inspection",
    "team_member": "team member",
    "area": "area",
    "questionnaire_copy": "questionnaire copy",
    "document_review": "document review",
    "interview": "interview",
    "interview_interviewer": "interviewer",
    "answer": "answer",
    "finding": "finding",
    "judgement": "judgement",
    "conclusion": "conclusion",
    "recommendation": "recommendation",
    "recommendation_finding": "recommendation link",
    "action_plan_item": "action-plan item",
}

CONFLICT_TABLE: Table = m.Conflict.__table__  # type: ignore[attr-defined]

Vec = dict[str, str]  # device id -> newest stamp seen from that device


class Inconsistent(ValueError):
    """Two copies of a row cannot both be true (a fixed field differs, or one stamp has two values)."""


# ---------------------------------------------------------------------------
# Stamps and version vectors
# ---------------------------------------------------------------------------

_DEVICE_AT = 19  # "<13 digits>-<4 digits>-" then the device id


def vec_of(stamps: Iterable[str]) -> Vec:
    vec: Vec = {}
    for stamp in stamps:
        device = stamp[_DEVICE_AT:]
        if vec.get(device, "") < stamp:
            vec[device] = stamp
    return vec


def vec_join(a: Vec, b: Vec) -> Vec:
    out = dict(a)
    for device, stamp in b.items():
        if out.get(device, "") < stamp:
            out[device] = stamp
    return out


def has_seen(vec: Vec, stamp: str) -> bool:
    return vec.get(stamp[_DEVICE_AT:], "") >= stamp


def canonical_seen(context: Vec, live: Iterable[str]) -> list[str]:
    """The part of a context not implied by the live versions' own stamps (sorted).

    Bundles and the database both keep ``field_seen`` in this minimal form. When a local
    edit later replaces ``field_clocks[f]``, :func:`models._remember_replaced_stamps`
    moves the replaced stamp into ``field_seen`` so the context stays whole.
    """
    implied = vec_of(live)
    return sorted(s for d, s in context.items() if implied.get(d, "") < s)


# ---------------------------------------------------------------------------
# Plain values <-> database values
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TableInfo:
    name: str
    model: type[m.SyncedRow]
    table: Table
    #: The same table with its date and time columns typed as plain text: those are
    #: stored as fixed-form text already, which is exactly the plain form, so merges read
    #: and write them without parsing and re-formatting every value.
    raw: Table
    jsons: frozenset[str]  # JSON columns: read and written as text by the raw table
    bools: frozenset[str]
    columns: tuple[str, ...]
    content: tuple[str, ...]
    mutable: frozenset[str]
    dates: frozenset[str]
    times: frozenset[str]
    defaults: dict[str, Any]


def _info(name: str, model: type[m.SyncedRow]) -> TableInfo:
    table: Table = model.__table__  # type: ignore[attr-defined]
    columns = tuple(c.name for c in table.columns)
    content = tuple(c for c in columns if c not in model.BOOKKEEPING)
    dates = frozenset(
        c.name
        for c in table.columns
        if isinstance(c.type, Date) and not isinstance(c.type, m.UTCDateTime)
    )
    times = frozenset(c.name for c in table.columns if isinstance(c.type, m.UTCDateTime))
    defaults: dict[str, Any] = {}
    for fname, finfo in model.model_fields.items():
        if finfo.default_factory is not None:
            defaults[fname] = finfo.default_factory()  # type: ignore[call-arg]
        elif not finfo.is_required():
            defaults[fname] = finfo.default
    jsons = frozenset(c.name for c in table.columns if isinstance(c.type, JSON))
    raw = Table(
        table.name,
        MetaData(),
        *(
            Column(
                c.name,
                String() if c.name in dates | times | jsons else c.type,
                primary_key=c.primary_key,
            )
            for c in table.columns
        ),
    )
    return TableInfo(
        name=name,
        model=model,
        table=table,
        raw=raw,
        jsons=jsons,
        bools=frozenset(c.name for c in table.columns if isinstance(c.type, Boolean)),
        columns=columns,
        content=content,
        mutable=frozenset(content) - IMMUTABLE[name],
        dates=dates,
        times=times,
        defaults=defaults,
    )


TABLES: dict[str, TableInfo] = {name: _info(name, model) for name, model in MODELS.items()}


def format_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime(TIMESTAMP_FORMAT)


def parse_time(value: str) -> datetime:
    return datetime.strptime(value, TIMESTAMP_FORMAT).replace(tzinfo=UTC)


def to_plain(info: TableInfo, values: Any) -> dict[str, Any]:
    """A database row (mapping of processed values) as plain JSON values."""
    out = {c: values[c] for c in info.columns}
    for c in info.dates:
        v = out[c]
        if v is not None:
            out[c] = v.isoformat()
    for c in info.times:
        v = out[c]
        if v is not None:
            out[c] = format_time(v)
    return out


def same_value(field_name: str, a: Any, b: Any) -> bool:
    """Whether two versions say the same thing (two deletions agree whenever they happened)."""
    if field_name == "deleted_at":
        return (a is None) == (b is None)
    return bool(a == b)


def is_empty(field_name: str, value: Any) -> bool:
    """An empty text, list or reference: it never hides a concurrent non-empty value.

    (Not ``deleted_at``: a restore and a deletion made concurrently are a real conflict.)
    """
    return field_name != "deleted_at" and (value is None or value == "" or value == [])


def pick_winner(field_name: str, live: dict[str, Any]) -> str:
    """The version a row shows: the newest stamp, non-empty values first.

    A function of the live versions only, so it is as order-free as they are.
    """
    if field_name == "deleted_at":
        return max(live)
    return max(live, key=lambda stamp: (not is_empty(field_name, live[stamp]), stamp))


def is_visible(field_name: str, other: Any, shown: Any) -> bool:
    """Whether a version not shown is a conflict a person must see (not a twin, not empty)."""
    if same_value(field_name, other, shown):
        return False
    return not (is_empty(field_name, other) and not is_empty(field_name, shown))


# ---------------------------------------------------------------------------
# Row states
# ---------------------------------------------------------------------------


@dataclass
class RowState:
    """One row for merging: plain column values plus its siblings (field -> stamp -> value)."""

    table: str
    row: dict[str, Any]
    siblings: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.row["id"])

    def live(self, name: str) -> dict[str, Any]:
        """The live versions of a field: stamp -> value (empty if the field has no version)."""
        out: dict[str, Any] = {}
        stamp = self.row["field_clocks"].get(name)
        if stamp:
            out[stamp] = self.row.get(name)
        sibs = self.siblings.get(name)
        if sibs:
            out.update(sibs)
        return out

    def context(self, name: str) -> Vec:
        stamps: list[str] = list(self.row["field_seen"].get(name, ()))
        stamp = self.row["field_clocks"].get(name)
        if stamp:
            stamps.append(stamp)
        sibs = self.siblings.get(name)
        if sibs:
            stamps.extend(sibs)
        return vec_of(stamps)

    def row_context(self) -> Vec:
        """Everything seen of the row, all fields together (what a deletion supersedes)."""
        stamps: list[str] = [self.row["hlc"]] if self.row.get("hlc") else []
        for seen in self.row["field_seen"].values():
            stamps.extend(seen)
        stamps.extend(self.row["field_clocks"].values())
        for sibs in self.siblings.values():
            stamps.extend(sibs)
        return vec_of(stamps)

    def deletions(self) -> dict[str, Any]:
        """Live versions of ``deleted_at`` that delete the row."""
        return {s: v for s, v in self.live("deleted_at").items() if v is not None}

    def stamps(self) -> Iterator[str]:
        """Every stamp the state mentions (for advancing the clock)."""
        if self.row.get("hlc"):
            yield self.row["hlc"]
        yield from self.row["field_clocks"].values()
        for seen in self.row["field_seen"].values():
            yield from seen
        for sibs in self.siblings.values():
            yield from sibs
        for key, seen in self.row["deleted_seen"].items():
            yield key
            yield from seen

    def sibling_list(self) -> list[dict[str, Any]]:
        return [
            {"field": f, "hlc": s, "value": v}
            for f in sorted(self.siblings)
            for s, v in sorted(self.siblings[f].items())
        ]


def canonicalize(state: RowState) -> RowState:
    """Contexts in minimal form, deletion contexts for live deletions only, siblings
    sorted (in place)."""
    info = TABLES[state.table]
    seen: dict[str, list[str]] = {}
    for name in info.content:
        rest = canonical_seen(state.context(name), state.live(name))
        if rest:
            seen[name] = rest
    state.row["field_seen"] = seen
    deletions = state.deletions()
    state.row["deleted_seen"] = {
        s: sorted(v) for s, v in sorted(state.row["deleted_seen"].items()) if s in deletions
    }
    state.siblings = {f: dict(sorted(v.items())) for f, v in sorted(state.siblings.items()) if v}
    return state


def fill_deletion_contexts(state: RowState) -> None:
    """Give a deletion made on this laptop what it had seen (done before any merge)."""
    missing = [s for s in state.deletions() if s not in state.row["deleted_seen"]]
    if missing:
        ctx = sorted(state.row_context().values())
        state.row["deleted_seen"] = {**state.row["deleted_seen"], **dict.fromkeys(missing, ctx)}


# ---------------------------------------------------------------------------
# The join
# ---------------------------------------------------------------------------


def join(local: RowState | None, incoming: RowState) -> RowState:
    """Merge an incoming row into the local one (None: the row is new here).

    Raises :class:`Inconsistent` when the two cannot be copies of one row.
    """
    info = TABLES[incoming.table]
    if local is None:
        local = RowState(incoming.table, _empty_row(info, incoming))
    lrow, irow = local.row, incoming.row
    row: dict[str, Any] = {}
    clocks: dict[str, str] = {}
    siblings: dict[str, dict[str, Any]] = {}
    seen: dict[str, list[str]] = {}
    for name in info.content:
        lc, ic = lrow["field_clocks"].get(name), irow["field_clocks"].get(name)
        if name not in info.mutable:
            if lc and ic and lrow[name] != irow[name]:
                raise Inconsistent(
                    f"{LABELS[info.name]} {incoming.id}: '{name}' is {irow[name]!r} in the file "
                    f"but {lrow[name]!r} here; a row's {name.replace('_', ' ')} never changes"
                )
            # Fixed fields: both copies agree; keep the first stamp (a join: min is order-free).
            row[name] = lrow[name] if lc or not ic else irow[name]
            stamps = [s for s in (lc, ic) if s]
            if stamps:
                clocks[name] = min(stamps)
            context = vec_join(local.context(name), incoming.context(name))
            rest = canonical_seen(context, [clocks[name]] if stamps else [])
            if rest:
                seen[name] = rest
            continue
        a_local, a_in = local.live(name), incoming.live(name)
        r_local, r_in = local.context(name), incoming.context(name)
        live: dict[str, Any] = {}
        for stamp, value in a_local.items():
            if stamp in a_in:
                if a_in[stamp] != value:
                    raise Inconsistent(
                        f"{LABELS[info.name]} {incoming.id}: change {stamp} of '{name}' has "
                        "different values in the file and here"
                    )
                live[stamp] = value
            elif not has_seen(r_in, stamp):
                live[stamp] = value
        for stamp, value in a_in.items():
            if stamp not in a_local and not has_seen(r_local, stamp):
                live[stamp] = value
        if not live and (a_local or a_in):
            # Each side superseded the other's versions: no real history does that. Keep
            # the newest so the result is still deterministic.
            both = {**a_local, **a_in}
            newest = max(both)
            live = {newest: both[newest]}
        if live:
            winner = pick_winner(name, live)
            row[name] = live.pop(winner)
            clocks[name] = winner
            if live:
                siblings[name] = dict(sorted(live.items()))
        else:
            row[name] = lrow[name] if name in lrow else irow.get(name, info.defaults.get(name))
        context = vec_join(r_local, r_in)
        live_stamps = [clocks[name], *siblings.get(name, ())] if name in clocks else []
        rest = canonical_seen(context, live_stamps)
        if rest:
            seen[name] = rest
    key_l = (lrow["created_at"], lrow["device_id"], lrow["author_id"] or "")
    key_i = (irow["created_at"], irow["device_id"], irow["author_id"] or "")
    first = lrow if key_l <= key_i else irow
    row["id"] = incoming.id
    row["created_at"] = first["created_at"]
    row["device_id"] = first["device_id"]
    row["author_id"] = first["author_id"]
    row["updated_at"] = max(lrow["updated_at"], irow["updated_at"])
    row["hlc"] = max(lrow["hlc"], irow["hlc"])
    row["field_clocks"] = clocks
    row["field_seen"] = seen
    state = RowState(info.name, row, siblings)
    deletions = state.deletions()
    contexts: dict[str, list[str]] = {}
    for stamp in sorted(deletions):
        a = local.row["deleted_seen"].get(stamp)
        b = incoming.row["deleted_seen"].get(stamp)
        if a is None and b is None:
            contexts[stamp] = [stamp]
        elif a is None or b is None or a == b:
            contexts[stamp] = sorted(a if b is None else b)
        else:
            contexts[stamp] = sorted(vec_join(vec_of(a), vec_of(b)).values())
    row["deleted_seen"] = contexts
    return state


def _empty_row(info: TableInfo, like: RowState) -> dict[str, Any]:
    """A 'row' that has seen nothing, to join a new row into."""
    row = {name: like.row.get(name, info.defaults.get(name)) for name in info.content}
    row.update(
        id=like.id,
        created_at=like.row["created_at"],
        updated_at=like.row["updated_at"],
        author_id=like.row["author_id"],
        device_id=like.row["device_id"],
        hlc=like.row["hlc"],
        field_clocks={},
        field_seen={},
        deleted_seen={},
    )
    return row


@dataclass(frozen=True)
class DeleteConflict:
    """A deleted row with changes the deleting laptop had not seen."""

    deleted_at: str
    deletion_hlc: str
    change_hlc: str
    fields: tuple[str, ...]


def delete_conflict(state: RowState) -> DeleteConflict | None:
    """Derived from the state alone, so every laptop with the same data finds the same."""
    deleted_at = state.row.get("deleted_at")
    if deleted_at is None:
        return None
    for value in state.siblings.get("deleted_at", {}).values():
        if value is None:
            return None  # a concurrent restore is already an open conflict on deleted_at
    stamp = state.row["field_clocks"].get("deleted_at", "")
    seen = vec_of(state.row["deleted_seen"].get(stamp, [stamp] if stamp else []))
    unseen: dict[str, str] = {}
    for name in TABLES[state.table].content:
        if name == "deleted_at":
            continue
        for version in state.live(name):
            if not has_seen(seen, version) and unseen.get(name, "") < version:
                unseen[name] = version
    if not unseen:
        return None
    return DeleteConflict(deleted_at, stamp, max(unseen.values()), tuple(sorted(unseen)))


def references(state: RowState) -> Iterator[tuple[str, str, str]]:
    """(field, target table, id) for every row this state points at, in any live version."""
    for name, target in REFERENCES[state.table].items():
        for value in state.live(name).values() or [state.row.get(name)]:
            if value:
                yield name, target, value


# ---------------------------------------------------------------------------
# Loading and storing states
# ---------------------------------------------------------------------------


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


def dumps_canonical(data: Any) -> bytes:
    """The bytes of a bundle's JSON members: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )
