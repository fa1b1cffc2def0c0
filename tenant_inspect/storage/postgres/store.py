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

**Without the ORM.** Opened with ``defer_orm=True`` (``bundle import`` and ``sync``), on a
server whose schema is current, the store connects with plain psycopg exactly as the
engine would (the same URL and login, session settings and text loaders), runs
:meth:`PostgresStore.sql_read` and :meth:`PostgresStore.sql_write` on that one connection
(``REPEATABLE READ`` reads; writes under the same advisory write lock), and makes the
SQLAlchemy engine only when a session is first asked for. Anything else (an older schema,
a URL only SQLAlchemy reads) opens the store as before.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...clock import HybridClock
from ...errors import UserError
from ...mergestate.storage import observe_newest_stamps
from ...migrations import KNOWN_REVISIONS, SCHEMA_HEAD
from ...sql_marks import Sql, session_sql
from ..interface import BackupResult, ChangeWatch, StorageProblem
from . import CONNECT_TIMEOUT_S, LOADED_AS_TEXT, MIGRATION_LOCK_KEY, SESSION_OPTIONS, WRITE_LOCK_KEY
from .problems import connect_problem, storage_problem, write_refusal
from .url import connect_params, describe, describe_params, engine_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlmodel import Session

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

    def __init__(
        self,
        engine: Engine | None,
        where: str,
        clock: HybridClock,
        *,
        is_new: bool,
        database: str = "",
        connection: Any = None,
    ) -> None:
        self._engine = engine
        self._engine_sides: tuple[Engine, Engine] | None = None  # see _sides
        self._database = database  # the URL, to make the engine later (see the docstring)
        self._connection = connection  # plain psycopg, autocommit; None: sessions' own
        self._lock = threading.Lock()
        self._sql_lock = threading.Lock()
        self.location = where
        self.clock = clock
        self.device_id = clock.device
        self.is_new = is_new
        #: Inspection id → the team member this login is, on a server set up for members
        #: (``server init``): the author stamped on new rows, so "who recorded this
        #: interview" is the member PostgreSQL knows the login as (see ``access_sql``).
        self.authors: dict[str, str] = {}
        #: The inspections this login coordinates (it reads every name of those).
        self.coordinating: set[str] = set()

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use when the store was opened without it."""
        with self._lock:
            if self._engine is None:
                from .engine import make_engine

                self._engine = make_engine(engine_url(self._database))
            return self._engine

    def _sides(self) -> tuple[Engine, Engine]:
        """The engine's read side (one snapshot per transaction) and write side (the write
        lock first), made once."""
        engine = self.engine
        with self._lock:
            if self._engine_sides is None:
                from .engine import read_engine, write_engine

                self._engine_sides = (read_engine(engine), write_engine(engine))
            return self._engine_sides

    @contextmanager
    def read(self) -> Iterator[Session]:
        from ..stamping import StampingSession

        with StampingSession(self._sides()[0], expire_on_commit=False) as session:
            session.info["clock"] = self.clock
            session.info["authors"] = dict(self.authors)
            yield session

    @contextmanager
    def write(self, author_id: str | None = None) -> Iterator[Session]:
        """One write transaction (writers take turns), committed when the block ends.

        What the server refuses comes out in words (:func:`.problems.write_refusal`), with
        everything in the transaction rolled back."""
        from ..stamping import StampingSession

        with StampingSession(self._sides()[1], expire_on_commit=False) as session:
            session.info["clock"] = self.clock
            session.info["author_id"] = author_id
            session.info["authors"] = dict(self.authors)
            with self._refusals_in_words(), session.begin():
                yield session

    @contextmanager
    def sql_read(self) -> Iterator[Sql]:
        """Plain SQL in one snapshot (the login's roles and policies hold)."""
        if self._connection is None:
            with self.read() as session:
                yield session_sql(session)
            return
        with self._plain("BEGIN ISOLATION LEVEL REPEATABLE READ") as db:
            yield db

    @contextmanager
    def sql_write(self) -> Iterator[Sql]:
        """Plain SQL in one write transaction (writers take turns); nothing is stamped."""
        if self._connection is None:
            with self.write() as session:
                session.info["preserve_stamps"] = True
                yield session_sql(session)
            return
        with self._refusals_in_words(), self._plain("BEGIN") as db:
            db.run(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            yield db

    @contextmanager
    def _refusals_in_words(self) -> Iterator[None]:
        """What the server refused in a write, said in words (:func:`.problems.write_refusal`);
        the transaction inside has rolled back by then."""
        try:
            yield
        except Exception as exc:
            problem = write_refusal(exc, self.location)
            if problem is None:
                raise
            raise problem from exc

    @contextmanager
    def _plain(self, begin: str) -> Iterator[Sql]:
        """One transaction on the plain connection, one block at a time."""
        import psycopg

        with self._sql_lock:
            conn = self._connection
            conn.execute(begin)
            try:
                yield Sql(conn, psycopg.paramstyle, "postgresql")
            except BaseException:
                if not conn.closed and conn.info.transaction_status != 0:  # not idle
                    with suppress(psycopg.Error):  # a lost connection: the error below says so
                        conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

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
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
        if self._connection is not None:
            self._connection.close()

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
    from sqlalchemy import exc as sa_exc

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


def logged_in_as(db: Sql) -> tuple[dict[str, str], set[str]]:
    """Inspection id → member for this login, and the inspections it coordinates (both
    empty before ``server init``, and for the administrator, who is nobody's login)."""
    if db.run("SELECT to_regclass('ti_access.member_role')")[0][0] is None:
        return {}, set()
    rows = db.run(
        "SELECT inspection_id, member_id, kind FROM ti_access.member_role "
        "WHERE rolname = current_user"
    )
    return {str(r[0]): str(r[1]) for r in rows}, {str(r[0]) for r in rows if r[2] == "coordinator"}


def laptop_clock(data_dir: DataDir) -> HybridClock:
    """This laptop's clock: its device id and newest stamp come from its own data folder.

    The folder's SQLite settings are opened (created the first time) for that alone; the
    clock then never goes back for this device, whichever database it writes to.
    """
    from ..sqlite.store import open_sqlite_store

    with open_sqlite_store(data_dir, defer_orm=True) as local:
        return local.clock


def open_postgres_store(
    data_dir: DataDir, database: str, *, migrate: bool = True, defer_orm: bool = False
) -> PostgresStore:
    """Connect, migrate (unless ``migrate`` is False) and stamp with this laptop's clock.

    ``defer_orm``: plain psycopg if the schema is current (see the module docstring)."""
    if defer_orm:
        store = _open_plain(data_dir, database)
        if store is not None:
            return store
    from sqlalchemy import exc as sa_exc

    from .engine import make_engine

    url = engine_url(database)
    where = describe(url)
    clock = laptop_clock(data_dir)
    engine = make_engine(url)
    try:
        is_new = _migrate(engine, where) if migrate else False
        store = PostgresStore(engine, where, clock, is_new=is_new, database=database)
        with store.read() as session:
            db = session_sql(session)
            store.authors, store.coordinating = logged_in_as(db)
            observe_newest_stamps(clock, db)
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


def _open_plain(data_dir: DataDir, database: str) -> PostgresStore | None:
    """The store on one plain psycopg connection, or None where only the engine may open it
    (a URL only SQLAlchemy reads, no schema or another revision: migrate or refuse there)."""
    params = connect_params(database)
    if params is None:
        return None
    import psycopg
    from psycopg.types.string import TextLoader

    where = describe_params(params)
    try:
        conn = psycopg.connect(
            **({"connect_timeout": CONNECT_TIMEOUT_S} | params | {"options": SESSION_OPTIONS}),
            autocommit=True,
        )
    except psycopg.OperationalError as exc:
        raise connect_problem(exc, where) or exc from None
    try:
        for name in LOADED_AS_TEXT:
            conn.adapters.register_loader(name, TextLoader)
        db = Sql(conn, psycopg.paramstyle, "postgresql")
        if db.run("SELECT to_regclass('alembic_version')")[0][0] is None or db.run(
            "SELECT version_num FROM alembic_version"
        ) != [(SCHEMA_HEAD,)]:
            conn.close()
            return None
        clock = laptop_clock(data_dir)
        store = PostgresStore(None, where, clock, is_new=False, database=database, connection=conn)
        with store.sql_read() as db:
            store.authors, store.coordinating = logged_in_as(db)
            observe_newest_stamps(clock, db)
    except BaseException:
        conn.close()
        raise
    return store
