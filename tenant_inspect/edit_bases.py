"""What an editor was loaded with, and saves over a field someone else changed since.

Two people on one server (the app on ``--database``) can edit the same field at once. The
later save used to stamp over the earlier one and record its stamp as *seen*, although the
second editor never showed those words: they were gone, with no conflict. A save now
carries its field's **base**, the value its editor showed as stored; in the write
transaction :func:`contested` compares the stored value with it (a value already loaded:
no extra query), and when someone else saved the field since, :func:`keep_both` writes
the new value *and* keeps the stored one as an open conflict, exactly the row a merge of
two laptops' files would have made (:mod:`tenant_inspect.mergestate`), so it is listed,
resolved, counted and sent in bundles and syncs like any other.

How a base reaches the check, so no write function in between can drop it: an editor
holds a :class:`Loaded` (what it shows, per save key) and wraps its save with
:meth:`Loaded.save`, which puts the base in the write session's ``info``; every field
edit goes through :func:`tenant_inspect.records.update`, which looks there. After the
save commits, what it wrote becomes the editor's base. See docs/architecture.md, "Two
people editing the same field directly on the server".
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession

from .errors import UserError

if TYPE_CHECKING:
    from sqlmodel import Session

    from .models import SyncedRow

T = TypeVar("T")

#: ``session.info`` keys: (table, field) -> base for the save running now; (table, field)
#: -> the value that save wrote; how many conflicts the transaction's saves kept.
BASES = "edit_bases"
WRITTEN = "edit_written"
KEPT = "conflicts_kept"
#: ``session.info`` key: what to do once the transaction commits (editors' bases move on).
ON_COMMIT = "edit_bases_on_commit"


@event.listens_for(OrmSession, "after_commit")
def _committed(session: OrmSession) -> None:
    """Run what waited for the commit (one listener for every session: listening on each
    save's session instead cost a keystroke's save more than the whole compare)."""
    for done in session.info.pop(ON_COMMIT, ()):
        done()


@event.listens_for(OrmSession, "after_rollback")
def _rolled_back(session: OrmSession) -> None:
    session.info.pop(ON_COMMIT, None)  # nothing was saved: the bases stay


class Loaded:
    """What one editor shows as stored, per row and field, for its saves' bases.

    ``key`` names the row as the editor knows it (any text, often its save key). The screen
    calls :meth:`shown` whenever it puts a stored value in a field (loading, reloading),
    and builds every save of the row with :meth:`save`. A field never shown has no base:
    its saves write as before.
    """

    def __init__(self) -> None:
        self._shown: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()  # the writer thread moves bases on; the UI sets them

    def shown(self, key: str, field: str, value: Any) -> None:
        """The editor now shows ``value`` as the stored ``field`` of row ``key``."""
        with self._lock:
            self._shown[(key, field)] = value

    def has(self, key: str, field: str) -> bool:
        with self._lock:
            return (key, field) in self._shown

    def save(
        self, key: str, table: str, fields: tuple[str, ...], fn: Callable[[Session], T]
    ) -> Callable[[Session], T]:
        """``fn`` (a save of ``fields`` of one ``table`` row) carrying this editor's bases.

        The bases are read when the save runs, not when it is queued: a debounced save that
        replaced an earlier one still carries what the editor showed before either.
        """
        from .models import SYNCED_MODELS

        if not any(model.__tablename__ == table for model in SYNCED_MODELS):
            raise ValueError(f"no synced table is called {table!r}")  # a mistyped name

        def run(session: Session) -> T:
            bases: dict[tuple[str, str], Any] = session.info.setdefault(BASES, {})
            written: dict[tuple[str, str], Any] = session.info.setdefault(WRITTEN, {})
            with self._lock:
                for field in fields:
                    written.pop((table, field), None)
                    if (key, field) in self._shown:
                        bases[(table, field)] = self._shown[(key, field)]
            try:
                result = fn(session)
            finally:
                for field in fields:
                    bases.pop((table, field), None)
            saved = {f: written.pop((table, f)) for f in fields if (table, f) in written}
            if saved:

                def committed() -> None:
                    with self._lock:
                        self._shown.update({(key, f): v for f, v in saved.items()})

                session.info.setdefault(ON_COMMIT, []).append(committed)
            return result

        return run


def edited_from(
    row_id: str, table: str, shown: Mapping[str, Any], fn: Callable[[Session], T]
) -> Callable[[Session], T]:
    """A one-off save (a dialog's) of a row whose fields were shown as ``shown``."""
    editor = Loaded()
    for name, value in shown.items():
        editor.shown(row_id, name, value)
    return editor.save(row_id, table, tuple(shown), fn)


def wrote(session: Session, table: str, values: Mapping[str, Any]) -> None:
    """Note the values a save wrote (a new row's too), so its editor's bases move on."""
    bases: dict[tuple[str, str], Any] | None = session.info.get(BASES)
    if not bases:
        return
    written: dict[tuple[str, str], Any] = session.info.setdefault(WRITTEN, {})
    for name, value in values.items():
        if (table, name) in bases:
            written[(table, name)] = value


@dataclass
class Contested:
    """The fields of one save someone else changed since its editor loaded them."""

    #: Fields this editor did not change (it saves them with the others): the stored
    #: value, newer than what the editor shows, stays as it is.
    stale: set[str] = field(default_factory=set)
    #: Fields both changed: (the save's value, its base), to write with the stored value
    #: kept as well.
    both: dict[str, tuple[Any, Any]] = field(default_factory=dict)


def contested(
    session: Session,
    row: SyncedRow,
    clean: Mapping[str, Any],
    normalise: Callable[[str, Any], Any],
) -> Contested:
    """Which fields of this save someone else changed since its editor loaded them.

    Only fields saved with a base (see :class:`Loaded`) whose stored value differs from
    the base (as shown, or ``normalise``d as the save's values were) and from the new
    value (the same words twice are no conflict). Of those, a field whose new value is
    the base is *stale* (this editor left it alone), the others are changed on *both*
    sides. Only values already loaded are compared. Every field saved with a base is
    noted as written, so the editor's base moves on once the save commits.
    """
    out = Contested()
    bases: dict[tuple[str, str], Any] | None = session.info.get(BASES)
    if not bases:
        return out
    table = str(type(row).__tablename__)
    wrote(session, table, clean)
    for name, value in clean.items():
        if (table, name) not in bases:
            continue
        stored = getattr(row, name)
        base = bases[(table, name)]
        if stored in (value, base):
            continue
        # What the editor showed but cannot be stored is compared as it was shown.
        with contextlib.suppress(UserError):
            base = normalise(name, base)
        if stored == base:
            continue
        if value == base:
            out.stale.add(name)
        else:
            out.both[name] = (value, base)
    return out


def keep_both(session: Session, row: SyncedRow, values: Mapping[str, tuple[Any, Any]]) -> int:
    """Write each field's new value into ``row`` and keep its stored value as an open conflict.

    ``values``: field -> (new value, the base its editor showed). The save supersedes every
    version of the field saying what its editor showed (its own earlier words, kept as a
    conflict by someone else's save) and none other. The merge's own rule then decides
    which version the row shows (the newest, non-empty first) and writes the conflict rows,
    so the result is the state a merge of the edits from two laptops gives: the same on
    every copy a bundle or a sync makes of it. Returns how many new conflicts a person must
    see. Call inside the write transaction.
    """
    from .mergestate import (
        TABLES,
        WriteCounts,
        canonicalize,
        copy_state,
        format_time,
        load_stored,
        pick_winner,
        same_value,
        vec_of,
        write_states,
    )
    from .models import utcnow
    from .sql_marks import session_sql

    session.flush()
    db = session_sql(session)
    table = str(type(row).__tablename__)
    info = TABLES[table]
    inspection_id = row.id if table == "inspection" else getattr(row, "inspection_id")
    clock = session.info["clock"]
    stored = load_stored(db, table, [row.id], inspection_id=inspection_id)[row.id]
    state = copy_state(stored.state)
    stamp = clock.now()

    def plain(name: str, value: Any) -> Any:
        if name in info.dates and value is not None:
            return value.isoformat()
        if name in info.times and value is not None:
            return format_time(value)
        return value

    for name, (value, base) in values.items():
        context = state.context(name)
        seen = plain(name, base)
        live = {s: v for s, v in state.live(name).items() if not same_value(name, v, seen)}
        live[stamp] = plain(name, value)
        winner = pick_winner(name, live)
        state.row[name] = live.pop(winner)
        state.row["field_clocks"][name] = winner
        state.siblings[name] = live
        state.row["field_seen"][name] = sorted(vec_of([*context.values(), stamp]).values())
    state.row["hlc"] = max(state.row["hlc"], stamp)
    state.row["updated_at"] = format_time(utcnow())
    canonicalize(state)
    counts = WriteCounts()
    write_states(db, inspection_id, table, [(stored, state)], counts)
    session.expire(row)  # the loaded object must show what is stored now
    session.info[KEPT] = session.info.get(KEPT, 0) + counts.conflicts
    return counts.conflicts
