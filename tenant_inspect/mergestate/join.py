"""The join of two row states, and what it implies: delete conflicts and references.

The heart of merging: commutative, associative and idempotent, so importing files in any
order, or twice, gives the same state (see the package docstring).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..bundle_format import REFERENCES, plain_value
from .rows import Inconsistent, RowState, canonical_seen, has_seen, vec_join, vec_of
from .tables import LABELS, TABLES, TableInfo, pick_winner


def join(local: RowState | None, incoming: RowState) -> RowState:
    """Merge an incoming row into the local one (None: the row is new here).

    Raises :class:`Inconsistent` when the two cannot be copies of one row.
    """
    info = TABLES[incoming.table]
    if local is None:
        if _plain_new(info, incoming):
            # Joining a row made in one go into nothing gives the row itself: skip the
            # work (the first import of a kit is all such rows). It shares the row dict,
            # as joins never modify their inputs.
            return RowState(incoming.table, incoming.row, {})
        local = RowState(incoming.table, _empty_row(info, incoming))
    lrow, irow = local.row, incoming.row
    row: dict[str, Any] = {}
    clocks: dict[str, str] = {}
    siblings: dict[str, dict[str, Any]] = {}
    seen: dict[str, list[str]] = {}
    for name in info.content:
        lc, ic = lrow["field_clocks"].get(name), irow["field_clocks"].get(name)
        if name not in info.mutable:
            if lc and ic:
                same, value = _agree(info.name, name, lrow[name], irow[name])
                if not same:
                    raise Inconsistent(
                        f"{LABELS[info.name]} {incoming.id}: '{name}' is {irow[name]!r} in the "
                        f"file but {lrow[name]!r} here; a row's {name.replace('_', ' ')} never "
                        "changes"
                    )
                row[name] = value
            else:
                row[name] = lrow[name] if lc or not ic else irow[name]
            # Fixed fields: both copies agree; keep the first stamp (a join: min is order-free).
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
                same, live[stamp] = _agree(info.name, name, value, a_in[stamp])
                if not same:
                    raise Inconsistent(
                        f"{LABELS[info.name]} {incoming.id}: change {stamp} of '{name}' has "
                        "different values in the file and here"
                    )
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


def _plain_new(info: TableInfo, state: RowState) -> bool:
    """A row with every field, no conflicts, no extra context and no deletion: already in
    the form a join would give it."""
    row = state.row
    return (
        not state.siblings
        and not row["field_seen"]
        and not row["deleted_seen"]
        and row["deleted_at"] is None
        and len(row["field_clocks"]) == len(info.content)
    )


def _agree(table: str, name: str, a: Any, b: Any) -> tuple[bool, Any]:
    """Whether two copies of one version agree, and the value to keep.

    Files are cleaned of control characters on import, but a laptop may still hold the raw
    text of a change (typed here, or imported before files were cleaned): the raw and the
    cleaned copy are one version, and the cleaned one is kept, so every laptop ends with
    the same text whichever copy it saw first.
    """
    if a == b:
        return True, a
    plain = plain_value(table, name, a)
    return plain == plain_value(table, name, b), plain


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
