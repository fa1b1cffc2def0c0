"""``sync``: a laptop's inspections with the programme's PostgreSQL server, as bundles.

Sync is a bundle over a connection, not a second merge algorithm. For each inspection:

1. **Push.** The laptop writes the same bundle ``bundle export`` writes (rows with stamps,
   tombstones and open conflicts), holding the rows the server does not hold in the
   laptop's version (:mod:`tenant_inspect.sync_rows`: versions read from both sides at
   every sync, no "since my last sync" mark), and the server's store (the PostgreSQL
   back-end) imports it with the code ``bundle import`` runs
   (:func:`tenant_inspect.merge.import_bundle`).
2. **Pull.** The server writes, the same way, the rows the laptop does not hold in the
   server's version (the whole inspection when the laptop has none of it), and the laptop
   imports them.

So per-field stamps, kept conflicts, tombstones, idempotence and order-freedom are the
bundle rules by construction. The bundles are private temporary files (a folder only
this user can read, removed at the end): the bundle reader checks a file exactly as it
checks one from a USB stick (a partial one like a kit: references to rows not in the file
resolve to rows the receiver holds), and nothing else had to change.

**Names.** The laptop sends all it holds (a return file carries what its inspector typed).
On the way back the laptop gets interviewee names exactly when a full export for it
would carry them today: a laptop that belongs to a team member who is not the
coordinator (``settings.laptop_member``, learnt from its kit) gets them withheld, as its
kit did (``names_included`` false); the coordinator's laptop, or a laptop that belongs to
no member yet (a coordinator's new laptop pulling an inspection for the first time),
gets them, as ``bundle export ID`` without ``--for`` does. What a connection may read at
all is the server's business (its roles and privileges), not this module's. The pull is
chosen by versions, not a kit's selection, because sync brings everyone's changes.

**Interruptions.** Each import is one transaction on its side, so a dropped connection or
a killed process leaves each side either before or after a whole merge. The next sync
reads both sides' versions afresh, so it sends whatever is still missing either way.

**Clocks.** The laptop's clock first moves past the newest stamp on the server, and the
pull's import moves it past every stamp received (as any import does), so an edit made
after days offline is still newer than anything it has seen.

**What the Team screen shows**: the last sync of each inspection (time, server as
host/database, counts both ways) is kept in the laptop's own settings (:func:`last_sync`).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import settings
from .errors import UserError
from .merged_files import FileResult

if TYPE_CHECKING:
    from sqlmodel import Session

    from .locations import DataDir
    from .sql_marks import Sql
    from .store import Store


#: Sync runs on a laptop's own folder; the server is its URL argument.
NOT_A_LAPTOP = (
    "sync works on a laptop's data folder, not on a server: leave out --database "
    "(and unset TENANT_INSPECT_DATABASE)"
)


@dataclass(frozen=True)
class Counts:
    """One direction of a sync, as ``bundle import`` counts a file."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    @classmethod
    def of(cls, result: FileResult | None) -> Counts:
        if result is None:
            return cls()
        return cls(result.added, result.updated, result.unchanged, result.conflicts)

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged

    def words(self) -> str:
        plural = "" if self.conflicts == 1 else "s"
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.conflicts} conflict{plural}"
        )


@dataclass(frozen=True)
class SyncRecord:
    """One inspection's last sync, as the laptop remembers it."""

    inspection_id: str
    title: str
    at: datetime
    server: str  # host/database, never a password
    sent: Counts
    received: Counts
    open_conflicts: int  # on the laptop once the sync was done
    #: The server's URL without any password, for the Team screen's "sync again" (F5);
    #: the password comes from ~/.pgpass or PGPASSWORD, as for every command.
    url: str = ""

    def encode(self) -> str:
        value = asdict(self)
        value["at"] = self.at.isoformat()
        return json.dumps(value, sort_keys=True)

    @classmethod
    def decode(cls, text: str) -> SyncRecord | None:
        try:
            v = json.loads(text)
            return cls(
                inspection_id=str(v["inspection_id"]),
                title=str(v["title"]),
                at=datetime.fromisoformat(v["at"]),
                server=str(v["server"]),
                sent=Counts(**v["sent"]),
                received=Counts(**v["received"]),
                open_conflicts=int(v["open_conflicts"]),
                url=str(v.get("url", "")),
            )
        except (ValueError, KeyError, TypeError):
            return None


def sync_key(inspection_id: str) -> str:
    """The laptop setting holding an inspection's last sync."""
    return f"sync:{inspection_id}"


def last_sync(db: Session | Sql, inspection_id: str) -> SyncRecord | None:
    """This laptop's last sync of an inspection, or None if it never synced it."""
    value = settings.get(db, sync_key(inspection_id))
    return SyncRecord.decode(value) if value else None


def server_name(url: str) -> str:
    """``host/database`` for a server URL: what the laptop shows, never the password."""
    from .storage.postgres.url import connect_params, engine_url

    params = connect_params(url)  # read as the engine would, without SQLAlchemy
    if params is not None:
        return f"{params.get('host') or 'localhost'}/{params['dbname']}"

    parsed = engine_url(url)
    host = parsed.host or parsed.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = ",".join(host)
    return f"{host}/{parsed.database}"


def url_without_password(url: str) -> str:
    """The server's URL as the laptop may keep it: never with a password."""
    from .storage.postgres.url import engine_url, without_password

    kept = without_password(url)
    if kept is not None:
        return kept

    parsed = engine_url(url)  # (URL.set(password=None) would keep the password)
    return parsed._replace(password=None).render_as_string(hide_password=False)


def sync(
    laptop: Store,
    data_dir: DataDir,
    url: str,
    inspection: str | None = None,
    *,
    between: Callable[[str], None] | None = None,
) -> list[SyncRecord]:
    """Push and pull each inspection (``inspection``: an id or unique prefix, on the laptop
    or else on the server; None: every inspection the laptop holds).

    ``between`` is called with the inspection id after the push and before the pull (the
    tests use it to break a sync half-way)."""
    from .store import open_store

    if data_dir.database:
        raise UserError(NOT_A_LAPTOP)
    server_label, kept_url = server_name(url), url_without_password(url)
    with open_store(replace(data_dir, database=url), defer_orm=True) as server:
        laptop.clock.observe(server.clock.now())  # past the newest stamp on the server
        done: list[SyncRecord] = []
        try:
            ids = _inspections(laptop, server, inspection)
            with tempfile.TemporaryDirectory(prefix="tenant-inspect-sync-") as folder:
                for inspection_id in ids:
                    done.append(
                        _sync_one(
                            laptop,
                            server,
                            inspection_id,
                            Path(folder),
                            (server_label, kept_url),
                            between,
                        )
                    )
        except Exception as exc:  # the connection lost mid-way: said in one line
            problem = server.explain(exc, "sync with")
            if problem is None or problem is exc:
                raise
            raise problem from exc
        return done


def _inspections(laptop: Store, server: Store, given: str | None) -> list[str]:
    if given is None:
        with laptop.sql_read() as db:
            ids = sorted(str(row[0]) for row in db.run("SELECT id FROM inspection"))
        if not ids:
            raise UserError(
                "this laptop holds no inspection yet: give the id of one on the server "
                "(tenant-inspect sync URL ID)"
            )
        return ids
    for store in (laptop, server):  # a whole id is its own only match (no ORM needed)
        with store.sql_read() as db:
            exact = "SELECT id FROM inspection WHERE id = ? AND deleted_at IS NULL"
            if db.run(exact, (given.strip().lower(),)):
                return [given.strip().lower()]
    from .inspections import get_inspection

    with laptop.read() as session:
        try:
            return [get_inspection(session, given).id]
        except UserError as here:
            if "more than one" in str(here):
                raise
    with server.read() as session:
        try:
            return [get_inspection(session, given).id]
        except UserError:
            raise UserError(
                f"no inspection has an id starting with '{given.strip().lower()}' on this "
                "laptop or on the server"
            ) from None


def _sync_one(
    laptop: Store,
    server: Store,
    inspection_id: str,
    folder: Path,
    where: tuple[str, str],
    between: Callable[[str], None] | None,
) -> SyncRecord:
    from .bundle.write import export_bundle
    from .merge import import_bundle
    from .sync_rows import row_versions, rows_to_send

    with laptop.sql_read() as db:
        here = db.run("SELECT id FROM inspection WHERE id = ?", (inspection_id,))
        member = settings.laptop_member(db, inspection_id, laptop.device_id)
    sent: FileResult | None = None
    pull_rows: dict[str, set[str]] | None = None  # None: the whole inspection
    if here:
        with laptop.sql_read() as db:
            mine = row_versions(db, inspection_id)
        with server.sql_read() as db:
            theirs = row_versions(db, inspection_id)
        push_rows = rows_to_send(mine, theirs)
        push = folder / f"push-{inspection_id[:8]}.tibundle"
        export_bundle(laptop, inspection_id, push, rows=push_rows, quick=True)
        sent = import_bundle(server, push, allow_new=True, remember=False)
        push.unlink()
        # What the server held differently before the push, and what the push changed
        # there, read again: the rows the laptop does not hold in the server's version.
        candidates = {
            table: ids | push_rows.get(table, set())
            for table, ids in rows_to_send(theirs, mine).items()
        }
        with server.sql_read() as db:
            now = row_versions(db, inspection_id, only=candidates)
        pull_rows = rows_to_send(now, mine)
    if between is not None:
        between(inspection_id)
    with server.sql_read() as db:
        names = _names_for(db, member)
    pull = folder / f"pull-{inspection_id[:8]}.tibundle"
    export_bundle(server, inspection_id, pull, include_names=names, rows=pull_rows, quick=True)
    received = import_bundle(laptop, pull, allow_new=True, remember=False)
    pull.unlink()
    record = SyncRecord(
        inspection_id=inspection_id,
        title="",
        at=datetime.now(UTC),
        server=where[0],
        url=where[1],
        sent=Counts.of(sent),
        received=Counts.of(received),
        open_conflicts=_conflicts_to_resolve(laptop, inspection_id),
    )
    with laptop.sql_write() as db:
        title = db.run("SELECT title FROM inspection WHERE id = ?", (inspection_id,))
        record = replace(
            record, title=str(title[0][0]) if title else received.inspection_title or ""
        )
        settings.put(db, sync_key(inspection_id), record.encode())
    return record


def _conflicts_to_resolve(laptop: Store, inspection_id: str) -> int:
    """As the Conflicts screen counts them; the ORM loads only if there are any to count."""
    with laptop.sql_read() as db:
        rows = db.run(
            "SELECT count(*) FROM conflict WHERE inspection_id = ? AND resolved_at IS NULL",
            (inspection_id,),
        )
    if not rows[0][0]:
        return 0
    from .merge_conflicts import list_conflicts

    with laptop.read() as session:
        return len(list_conflicts(session, inspection_id))


def _names_for(db: Sql, member_id: str | None) -> bool:
    """Interviewee names go to the laptop as a full export would send them (module docstring)."""
    if member_id is None:
        return True
    rows = db.run("SELECT role FROM team_member WHERE id = ?", (member_id,))
    return not rows or rows[0][0] == "coordinator"
