"""This laptop's bookkeeping: whose laptop it is, which kits went to whom, which laptops we know.

These facts are local (the ``app_setting`` table never travels in a file) but both the CLI
and the TUI need them: a kit made with ``bundle export --for`` on the command line must be
remembered exactly as one made on the Team screen, and a return file imported either way must
teach this laptop whose laptop it came from, so ``bundle conflicts`` and the Conflicts screen
can both say "from Ann's laptop" instead of "laptop 3fa2c1". Keeping the key formats here, in
one place, is what makes the two agree.

Every function takes an open session (or, for the merge, its bare connection as an
:class:`~tenant_inspect.sql_marks.Sql`), so the caller decides what commits together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .team_order import team_order

if TYPE_CHECKING:
    from sqlmodel import Session

    from .sql_marks import Sql

#: app_setting keys are at most this long (the column's width).
KEY_WIDTH = 60


def member_key(inspection_id: str) -> str:
    """Which team member uses this laptop for an inspection."""
    return f"member:{inspection_id}"


def kit_key(member_id: str) -> str:
    """When (and to which file) a member's last kit was made on this laptop."""
    return f"kit:{member_id}"


def laptop_key(inspection_id: str, device_id: str) -> str:
    """Whose laptop ``device_id`` is, in an inspection (learnt from their return files)."""
    return f"laptop:{inspection_id}:{device_id}"


def _sql(db: Session | Sql) -> Sql:
    """Settings are plain SQL, so the merge (on a bare connection) and the app (on a
    session) keep them with the same statements."""
    from .sql_marks import Sql, session_sql

    return db if isinstance(db, Sql) else session_sql(db)


def get(db: Session | Sql, key: str) -> str | None:
    rows = _sql(db).run('SELECT value FROM app_setting WHERE "key" = ?', (key,))
    return str(rows[0][0]) if rows else None


def put(db: Session | Sql, key: str, value: str, *, keep_existing: bool = False) -> None:
    """Store one setting (``keep_existing``: only if it is not set yet).

    A value that is already stored is not written again: re-importing the same files
    writes nothing, so the database file (and the exit backup) stays as it was."""
    if len(key) > KEY_WIDTH:
        return  # a device id this long never comes from us; not worth a refusal
    on_conflict = (
        "DO NOTHING"
        if keep_existing
        else "DO UPDATE SET value = excluded.value WHERE app_setting.value <> excluded.value"
    )
    _sql(db).run(
        f'INSERT INTO app_setting ("key", value) VALUES (?, ?) ON CONFLICT ("key") {on_conflict}',
        (key, value),
    )


def this_device(db: Session | Sql) -> str:
    """This laptop's device id (set when the store was first opened).

    The store's clock carries it in every session it hands out; that is the one to trust
    on a server, whose ``app_setting`` is shared by everyone and holds no device id.
    """
    clock = getattr(db, "info", {}).get("clock")  # a session's; a bare connection has none
    if clock is not None:
        return str(clock.device)
    return get(db, "device_id") or ""


# -- whose laptop ---------------------------------------------------------------


def laptop_member(
    db: Session | Sql, inspection_id: str, device_id: str | None = None
) -> str | None:
    """Who works on this laptop for an inspection.

    The member its kit was made for; else the coordinator if the inspection was created on
    this laptop; else nobody known (None). ``device_id``: this laptop's (asked of a
    session's clock when not given).
    """
    member = get(db, member_key(inspection_id))
    if member:
        return member
    if device_id is None:
        device_id = this_device(db)
    rows = _sql(db).run("SELECT device_id FROM inspection WHERE id = ?", (inspection_id,))
    if rows and device_id and rows[0][0] == device_id:
        return coordinator_id(db, inspection_id)
    return None


def coordinator_id(db: Session | Sql, inspection_id: str) -> str | None:
    """The inspection's coordinator: the first live member with that role in the team's
    order (position, name, id), as :func:`tenant_inspect.inspections.coordinator` gives it."""
    rows = _sql(db).run(
        "SELECT id, position, name FROM team_member "
        "WHERE inspection_id = ? AND role = 'coordinator' AND deleted_at IS NULL",
        (inspection_id,),
    )
    if not rows:
        return None
    return str(min(rows, key=lambda r: team_order(r[1], str(r[2]), r[0]))[0])


def remember_member(db: Session | Sql, inspection_id: str, member_id: str) -> None:
    """A kit made for a member was opened here: this laptop is that member's."""
    put(db, member_key(inspection_id), member_id, keep_existing=True)


# -- kits issued ----------------------------------------------------------------


@dataclass(frozen=True)
class KitIssued:
    member_id: str
    at: datetime
    file: str


def record_kit(
    db: Session | Sql, member_id: str, file_name: str, at: datetime | None = None
) -> None:
    """Remember that a kit for ``member_id`` was written here (shown on the Team screen)."""
    moment = (at or datetime.now(UTC)).astimezone()
    put(db, kit_key(member_id), json.dumps({"at": moment.isoformat(), "file": file_name}))


def kit_issued(session: Session, member_id: str) -> KitIssued | None:
    value = get(session, kit_key(member_id))
    if not value:
        return None
    try:
        info = json.loads(value)
        return KitIssued(member_id, datetime.fromisoformat(info["at"]), str(info.get("file", "")))
    except (ValueError, KeyError, TypeError):
        return None


# -- laptops seen ---------------------------------------------------------------


def record_laptop(
    db: Session | Sql, inspection_id: str, device_id: str, member_id: str, *, here: str
) -> None:
    """A return file from ``device_id`` was exported by ``member_id``: remember whose laptop
    (``here``: this laptop's own device id, never recorded as someone else's)."""
    if device_id and member_id and device_id != here:
        put(db, laptop_key(inspection_id, device_id), member_id)


def laptops_seen(db: Session | Sql, inspection_id: str) -> dict[str, str]:
    """Device id → member id for every laptop this one has had a file from."""
    prefix = laptop_key(inspection_id, "")
    rows = _sql(db).run(
        'SELECT "key", value FROM app_setting WHERE substr("key", 1, ?) = ?',
        (len(prefix), prefix),
    )
    return {str(key)[len(prefix) :]: str(value) for key, value in rows}


# -- authors --------------------------------------------------------------------


def author_for(session: Session, inspection_id: str | None, device_id: str) -> str | None:
    """The author stamped on rows written here for an inspection (None when unknown).

    Called by the store's stamping hook for every new row that has no author yet, so rows
    typed in the TUI and rows written by the CLI both carry the member whose laptop this is.
    """
    if not inspection_id:
        return None
    cache: dict[str, str] = session.info.setdefault("authors", {})
    if inspection_id not in cache:  # unknown ones are asked again: a member may arrive later
        with session.no_autoflush:
            member = laptop_member(session, inspection_id, device_id)
        if member is None:
            return None
        cache[inspection_id] = member
    return cache[inspection_id]
