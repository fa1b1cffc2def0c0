"""The PostgreSQL :class:`~tenant_inspect.store.Store`: one engine on one server database.

Sessions are the shared :class:`~tenant_inspect.storage.stamping.StampingSession`, so rows
are stamped exactly as on a laptop. The stamps need this laptop's device id and a clock
that only moves forward for it: both come from the laptop's own data folder (its SQLite
settings, opened for that alone), never from the server, which many laptops share. The
clock also observes the newest stamp on the server, so nothing written here is older than
what is already there.

Opening migrates like SQLite does, with two differences said here so nobody looks for
them: there is no file to copy before a migration (the server's administrator backs it up
with ``pg_dump``), and a session-level advisory lock makes two people who start at once on
a new server take turns instead of both creating the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exc as sa_exc
from sqlmodel import Session

from ...clock import HybridClock
from ...errors import UserError
from ...migrations import KNOWN_REVISIONS, SCHEMA_HEAD
from ...sql_marks import Sql, session_sql
from ..interface import BackupResult, ChangeWatch, StorageProblem
from ..stamping import StampingSession, observe_newest_stamps
from . import MIGRATION_LOCK_KEY
from .engine import make_engine, read_engine, write_engine
from .problems import connect_problem, storage_problem
from .url import describe, engine_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from ...locations import DataDir

#: What ``backup`` and the app's backups say on a server.
BACKUPS_ON_SERVER = (
    "a PostgreSQL server is backed up by its administrator with pg_dump (and restored with "
    "pg_restore or psql), not by tenant-inspect"
)


class NoLocalChanges:
    """The change watch of a server: no exit backup is ever due (see :data:`BACKUPS_ON_SERVER`)."""

    def changed(self) -> bool:
        return False

    def close(self) -> None:
        pass


class PostgresStore:
    """An open server database, with this laptop's device id and clock."""

    keeps_backups = False
    read_only = False

    def __init__(self, engine: Engine, where: str, clock: HybridClock, *, is_new: bool) -> None:
        self.engine = engine
        self.location = where
        self.clock = clock
        self.device_id = clock.device
        self.is_new = is_new
        self._read = read_engine(engine)
        self._write = write_engine(engine)
        #: Inspection id → the team member this login is, on a server set up for members
        #: (``server init``): the author stamped on new rows, so "who recorded this
        #: interview" is the member PostgreSQL knows the login as (see ``access_sql``).
        self.authors: dict[str, str] = {}
        #: The inspections this login coordinates (it reads every name of those).
        self.coordinating: set[str] = set()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with StampingSession(self._read, expire_on_commit=False) as session:
            session.info["clock"] = self.clock
            session.info["authors"] = dict(self.authors)
            yield session

    @contextmanager
    def write(self, author_id: str | None = None) -> Iterator[Session]:
        """One write transaction (writers take turns), committed when the block ends."""
        with StampingSession(self._write, expire_on_commit=False) as session:
            session.info["clock"] = self.clock
            session.info["author_id"] = author_id
            session.info["authors"] = dict(self.authors)
            try:
                with session.begin():
                    yield session
            except sa_exc.OperationalError as exc:
                problem = storage_problem(exc, self.location)
                if problem is None:
                    raise
                raise problem from exc
            except sa_exc.ProgrammingError as exc:
                # A member's login lacks the privilege, or the row is another inspection's
                # (row-level security): PostgreSQL decides, and says so in one line.
                if getattr(getattr(exc, "orig", None), "sqlstate", "") != "42501":
                    raise
                raise UserError(
                    f"cannot save to the {self.location}: this login may not make that change "
                    "(the server's roles decide who may); nothing of this change was saved"
                ) from exc
            except sa_exc.DataError as exc:
                # PostgreSQL enforces the column widths SQLite only declares; the checks
                # before a save keep to them, but a value that slips past must be refused
                # in words, with everything in this transaction rolled back.
                reason = str(getattr(exc, "orig", exc)).splitlines()[0]
                raise UserError(
                    f"cannot save to the {self.location}: the server refused a value ({reason}); "
                    "nothing of this change was saved"
                ) from exc

    @contextmanager
    def sql_read(self) -> Iterator[Sql]:
        """Plain SQL on a read session's connection (the login's roles and policies hold)."""
        with self.read() as session:
            yield session_sql(session)

    @contextmanager
    def sql_write(self) -> Iterator[Sql]:
        """Plain SQL in a write session's transaction; nothing is stamped. The driver's own
        errors are turned into words as :meth:`write` turns SQLAlchemy's."""
        with self.write() as session:
            session.info["preserve_stamps"] = True
            try:
                yield session_sql(session)
            except Exception as exc:
                if getattr(exc, "sqlstate", None) is None:
                    raise
                from sqlalchemy import exc as sa_exc

                raise sa_exc.DBAPIError.instance(  # as SQLAlchemy would have wrapped it
                    "", None, exc, type(exc)
                ) from exc

    def withholds_names(self, inspection_id: str) -> bool:
        """A member's login that does not coordinate the inspection is shown only the names
        of the interviews it recorded (the administrator's login is nobody's: it sees all)."""
        return bool(self.authors) and inspection_id not in self.coordinating

    def explain(self, exc: BaseException, action: str = "save to") -> StorageProblem | None:
        return storage_problem(exc, self.location, action)

    def watch_changes(self) -> ChangeWatch:
        return NoLocalChanges()

    def rolling_backup(self, kind: str) -> Path:
        raise UserError(f"no backup made: {BACKUPS_ON_SERVER}")

    def backup(
        self, reason: str = "manual", *, keep: int | None = None, to: Path | None = None
    ) -> BackupResult:
        raise UserError(f"backup works on a data folder's own database; {BACKUPS_ON_SERVER}")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def stored_revision(conn: Connection) -> str | None:
    """The schema's Alembic revision on the server (None: no schema yet)."""
    if conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is None:
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _refuse_newer(where: str, revision: str | None) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise UserError(
            f"the {where} was set up by a newer version of tenant-inspect (schema {revision}); "
            "please upgrade tenant-inspect"
        )


def _migrate(engine: Engine, where: str) -> bool:
    try:
        return migrate_schema(engine, where)
    except sa_exc.ProgrammingError as exc:
        if getattr(getattr(exc, "orig", None), "sqlstate", "") != "42501":
            raise
        raise UserError(
            f"the {where} has an older schema than this tenant-inspect, and this login may "
            "not change it: its administrator must run 'tenant-inspect server init'"
        ) from None


def migrate_schema(engine: Engine, where: str) -> bool:
    """Bring the schema to :data:`SCHEMA_HEAD`; True if it was created from nothing.

    No backup first (see the module docstring). The advisory lock is held on the
    migrating connection until it is done; the revision is read again under it, since
    someone else may have migrated while this one waited.
    """
    with engine.connect() as conn:
        revision = stored_revision(conn)
        conn.commit()
        _refuse_newer(where, revision)
        if revision == SCHEMA_HEAD:
            return False
        conn.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
        try:
            revision = stored_revision(conn)
            conn.commit()
            _refuse_newer(where, revision)
            if revision != SCHEMA_HEAD:
                from ..schema import upgrade_on

                upgrade_on(conn)
        finally:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
            conn.commit()
        return revision is None


def logged_in_as(conn: Connection) -> tuple[dict[str, str], set[str]]:
    """Inspection id → member for this login, and the inspections it coordinates (both
    empty before ``server init``, and for the administrator, who is nobody's login)."""
    if conn.exec_driver_sql("SELECT to_regclass('ti_access.member_role')").scalar() is None:
        return {}, set()
    rows = conn.exec_driver_sql(
        "SELECT inspection_id, member_id, kind FROM ti_access.member_role "
        "WHERE rolname = current_user"
    ).all()
    return {str(r[0]): str(r[1]) for r in rows}, {str(r[0]) for r in rows if r[2] == "coordinator"}


def laptop_clock(data_dir: DataDir) -> HybridClock:
    """This laptop's clock: its device id and newest stamp come from its own data folder.

    The folder's SQLite settings are opened (created the first time) for that alone; the
    clock then never goes back for this device, whichever database it writes to.
    """
    from ..sqlite.store import open_sqlite_store

    with open_sqlite_store(data_dir) as local:
        return local.clock


def open_postgres_store(data_dir: DataDir, database: str, *, migrate: bool = True) -> PostgresStore:
    """Connect, migrate (unless ``migrate`` is False) and stamp with this laptop's clock."""
    url = engine_url(database)
    where = describe(url)
    clock = laptop_clock(data_dir)
    engine = make_engine(url)
    try:
        is_new = _migrate(engine, where) if migrate else False
        store = PostgresStore(engine, where, clock, is_new=is_new)
        with store.read() as session:
            store.authors, store.coordinating = logged_in_as(session.connection())
            observe_newest_stamps(clock, session)
    except sa_exc.OperationalError as exc:
        engine.dispose()
        problem = connect_problem(exc, where)
        if problem is None:
            raise
        raise problem from None
    except BaseException:
        engine.dispose()
        raise
    return store
