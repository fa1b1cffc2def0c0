"""The SQLite :class:`~tenant_inspect.store.Store`: one engine on one database file.

Sessions are :class:`~tenant_inspect.storage.stamping.StampingSession`\\ s, so
every synced row is stamped on flush; writes run in ``BEGIN IMMEDIATE``
transactions (see :mod:`.engine`). Disk trouble (full, read-only, I/O errors,
a damaged file) comes back as a :class:`~tenant_inspect.store.StorageProblem`
— a ``UserError`` that says what happened, that everything saved before is
safe, and what to do — never as a traceback.

A data folder that is read-only (a copy on a write-protected stick, a rescue from a
damaged laptop) opens *read-only*: every connection only reads (see
:mod:`.connect`), :attr:`SqliteStore.read_only` says so, and :meth:`SqliteStore.write`
refuses at once with a :class:`StorageProblem` instead of letting SQLite fail half-way.
Nothing is created there: no folder, no backup, no device id.

**Plain SQL without the ORM.** :meth:`SqliteStore.sql_read` and :meth:`SqliteStore.sql_write`
hand out a bare ``sqlite3`` connection with the same PRAGMAs and ``BEGIN IMMEDIATE`` as the
engine's, for the merge, which is plain SQL throughout. Opened with ``defer_orm=True`` (the
CLI's ``bundle import``), the store makes its SQLAlchemy engine only when a session is first
asked for, so a command that only merges never imports SQLAlchemy, SQLModel or the models
(about 0.45 s of CPU). A database that needs a migration makes the engine at once, as before.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ...clock import HybridClock
from ...doctor_report import command
from ...durable import create_private_file
from ...errors import UserError
from ...fresh_values import new_id
from ...locations import DataDir, ensure_data_dir
from ...mergestate.storage import observe_newest_stamps
from ...migrations import SCHEMA_HEAD
from ...sql_marks import Sql
from ..interface import BackupResult, ChangeWatch, StorageProblem
from . import BUSY_TIMEOUT_MS, backups, migrate
from .connect import cannot_write, connect, connect_uri, open_read_only, set_writer_pragmas
from .problems import read_only_problem, storage_problem

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session


class SqliteStore:
    """An open data directory: one engine, this laptop's device id and clock.

    Besides the :class:`~tenant_inspect.store.Store` members it offers
    ``engine`` and ``db_path`` for SQLite-specific code and tests; the app and
    the CLI never use them.
    """

    def __init__(
        self,
        data_dir: DataDir,
        engine: Engine | None,
        device_id: str,
        *,
        is_new: bool = False,
        read_only_uri: str | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.device_id = device_id
        self.clock = HybridClock(device_id)
        self.is_new = is_new
        self.read_only = read_only_uri is not None
        self.keeps_backups = True
        self._read_only_uri = read_only_uri
        self._engine = engine
        self._immediate: Engine | None = None
        self._lock = threading.Lock()
        #: Bare connections not in use (see :meth:`_connection`).
        self._idle: list[sqlite3.Connection] = []

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use (see the module docstring)."""
        with self._lock:
            if self._engine is None:
                from .engine import make_engine

                self._engine = make_engine(self.db_path, read_only_uri=self._read_only_uri)
            return self._engine

    @property
    def _write_engine(self) -> Engine:
        """The engine's ``BEGIN IMMEDIATE`` side, made once."""
        if self._immediate is None:
            self._immediate = self.engine.execution_options(sqlite_immediate=True)
        return self._immediate

    @property
    def db_path(self) -> Path:
        return self.data_dir.db_path

    def _connect(self) -> sqlite3.Connection:
        """A bare connection, set up as the engine sets up its own (autocommit: we BEGIN)."""
        timeout = BUSY_TIMEOUT_MS / 1000
        if self._read_only_uri is not None:
            conn = connect_uri(self._read_only_uri, timeout=timeout, check_same_thread=False)
            conn.isolation_level = None
            conn.execute("PRAGMA foreign_keys=ON")
            return conn
        conn = connect(self.db_path, timeout=timeout, check_same_thread=False)
        set_writer_pragmas(conn, BUSY_TIMEOUT_MS)
        return conn

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A bare connection for one block, kept open afterwards for the next.

        Kept, not closed: closing the last connection to a WAL database checkpoints it (an
        fsync), which made every file of a 12-file import pay two. One block uses a
        connection at a time; the app's threads each take their own."""
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = self._connect()
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.close()  # never hand on a connection in an unknown state
                raise
            self._give_back(conn)
            raise
        self._give_back(conn)

    def _give_back(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            self._idle.append(conn)

    @contextmanager
    def sql_read(self) -> Iterator[Sql]:
        """Plain SQL reads in one transaction (one snapshot of the database)."""
        with self._connection() as conn:
            conn.execute("BEGIN")
            try:
                yield Sql(conn, "qmark", "sqlite")
            finally:
                if conn.in_transaction:  # a read changes nothing; this ends the snapshot
                    conn.execute("ROLLBACK")

    @contextmanager
    def sql_write(self) -> Iterator[Sql]:
        """One ``BEGIN IMMEDIATE`` transaction of plain SQL, committed when the block ends,
        rolled back on any error (disk trouble comes out as a :class:`StorageProblem`).

        Rows are written exactly as given: nothing is stamped (the merge writes rows with
        the stamps they arrived with)."""
        if self.read_only:
            raise read_only_problem(f"save to {self.db_path}")
        try:
            with self._connection() as conn:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield Sql(conn, "qmark", "sqlite")
                except BaseException:
                    if conn.in_transaction:  # SQLite may have rolled back already (disk full)
                        conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            problem = storage_problem(exc, self.db_path)
            if problem is None:
                raise
            raise problem from exc

    @property
    def location(self) -> str:
        return str(self.db_path)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; objects stay usable after it closes."""
        from ..stamping import StampingSession

        with StampingSession(self.engine, expire_on_commit=False) as session:
            session.info["clock"] = self.clock
            yield session

    @contextmanager
    def write(self, author_id: str | None = None) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE), committed when the block ends.

        Everything inside commits together or not at all: an exception rolls
        back and leaves the database exactly as it was. A read-only store
        refuses before the block runs.
        """
        if self.read_only:
            raise read_only_problem(f"save to {self.db_path}")
        from sqlalchemy import exc as sa_exc

        from ..stamping import StampingSession

        with StampingSession(self._write_engine, expire_on_commit=False) as session:
            session.info["clock"] = self.clock
            session.info["author_id"] = author_id
            try:
                with session.begin():
                    yield session
            except (sa_exc.OperationalError, sqlite3.OperationalError) as exc:
                # Full disk, read-only folder ...: the transaction rolled back, so
                # the database holds exactly what it held before; say so plainly.
                problem = storage_problem(exc, self.db_path)
                if problem is None:
                    raise
                raise problem from exc

    def withholds_names(self, inspection_id: str) -> bool:
        return False  # a laptop's own file: whoever opens it reads it all

    def explain(self, exc: BaseException, action: str = "save to") -> StorageProblem | None:
        return storage_problem(exc, self.db_path, action)

    def watch_changes(self) -> ChangeWatch:
        """A :class:`~.backups.ChangeWatch`; if SQLite refuses one, a watch that always says yes.

        Without a working watch the exit backup is simply always taken; a read-only
        store cannot change, so its watch never says yes.
        """
        if self.read_only:
            return backups.NeverChanged()
        try:
            return backups.ChangeWatch(self.db_path)
        except sqlite3.Error:
            return backups.AlwaysChanged()

    def rolling_backup(self, kind: str) -> Path:
        if self.read_only:
            raise read_only_problem(f"make a backup in {self.data_dir.backup_dir}")
        return backups.rolling_backup_for(self.data_dir, kind)

    def backup(
        self, reason: str = "manual", *, keep: int | None = None, to: Path | None = None
    ) -> BackupResult:
        """A backup in the backups folder, or in the folder ``to`` (then nothing is pruned)."""
        if to is None and self.read_only:
            raise read_only_problem(
                f"make a backup in {self.data_dir.backup_dir}",
                advice="put the copy in a folder you can write to: "
                + command(self.data_dir, "backup", "--to", "FOLDER"),
            )
        folder = self.data_dir.backup_dir if to is None else to
        path = backups.backup_database(
            self.db_path, folder, reason=reason, read_only=self.read_only
        )
        removed = (
            backups.prune_backups(folder, keep=keep, reason=reason)
            if keep is not None and to is None
            else []
        )
        return BackupResult(path, removed)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
            if self._engine is not None:
                self._engine.dispose()
        for conn in idle:
            conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_sqlite_store(
    data_dir: DataDir, *, migrate_schema: bool = True, defer_orm: bool = False
) -> SqliteStore:
    """Open (creating if needed) the database in a data dir, migrating it first.

    A database made by a newer tenant-inspect is refused rather than touched,
    and so is an upgrade while the app is open on the folder in another
    process (see :mod:`.migrate`). A full disk or read-only folder gives a
    :class:`StorageProblem`. ``defer_orm``: make the SQLAlchemy engine only when a
    session is first asked for (see the module docstring).
    """
    db_path = data_dir.db_path
    if cannot_write(db_path):
        return _open_read_only(data_dir)
    try:
        ensure_data_dir(data_dir)
        is_new = create_private_file(db_path)  # SQLite would make it 0644
    except OSError as exc:
        if data_dir.path.is_dir():  # there, but nothing can be made in it: say why
            raise storage_problem(exc, db_path, "open") or UserError(
                f"cannot open {db_path}: {exc.strerror}"
            ) from exc
        raise UserError(f"cannot create the data folder {data_dir.path}: {exc.strerror}") from exc
    revision = migrate.stored_revision(db_path)
    migrate.refuse_newer(db_path, revision)
    engine: Engine | None = None
    try:
        if migrate_schema and migrate.is_behind(revision):
            from .new_database import create_at_head

            if revision is not None or not create_at_head(db_path):  # a new file needs no ORM
                from .engine import make_engine

                engine = make_engine(db_path)
                migrate.upgrade_if_behind(data_dir, engine, revision)
        elif not defer_orm:
            from .engine import make_engine

            engine = make_engine(db_path)
        store = SqliteStore(data_dir, engine, "", is_new=is_new)
        store.device_id = _device_id(store)
        store.clock = HybridClock(store.device_id)
        _observe_newest_stamp(store)
    except (sqlite3.OperationalError, OSError) as exc:
        if engine is not None:
            engine.dispose()
        problem = storage_problem(exc, db_path, "open")
        if problem is None:
            raise
        raise problem from exc
    except BaseException as exc:
        if engine is not None:
            engine.dispose()
        problem = _sqlalchemy_problem(exc, db_path)
        if problem is None:
            raise
        raise problem from exc
    return store


def _sqlalchemy_problem(exc: BaseException, db_path: Path) -> StorageProblem | None:
    """A migration's disk trouble (SQLAlchemy wraps SQLite's error) as a StorageProblem."""
    import sys

    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy import exc as sa_exc

    if not isinstance(exc, sa_exc.OperationalError):
        return None
    return storage_problem(exc, db_path, "open")


def _open_read_only(data_dir: DataDir) -> SqliteStore:
    """Open a database nothing can be saved to: read-only connections, nothing created.

    Only a database with the current schema can be read this way: an older one would
    need the upgrade that cannot be written.
    """
    db_path = data_dir.db_path
    revision = migrate.stored_revision(db_path)
    migrate.refuse_newer(db_path, revision)
    if revision != SCHEMA_HEAD:
        raise read_only_problem(
            f"open {db_path}",
            advice="this version of tenant-inspect must upgrade the database before it can "
            "show it; copy the whole folder to your own disk and open the copy with --data-dir",
        )
    try:
        conn, uri = open_read_only(db_path)
        conn.close()
    except sqlite3.DatabaseError as exc:
        raise storage_problem(exc, db_path, "open") or UserError(
            f"cannot open {db_path}: {exc}"
        ) from exc
    store = SqliteStore(data_dir, None, "readonly", read_only_uri=uri)
    with store.sql_read() as db:
        rows = db.run("SELECT value FROM app_setting WHERE \"key\" = 'device_id'")
    if rows:
        store.device_id = str(rows[0][0])
        store.clock = HybridClock(store.device_id)
    _observe_newest_stamp(store)
    return store


def _device_id(store: SqliteStore) -> str:
    """This laptop's id: made once per database and kept in app_setting."""
    with store.sql_write() as db:
        db.run(
            "INSERT INTO app_setting (\"key\", value) VALUES ('device_id', ?) "
            'ON CONFLICT ("key") DO NOTHING',
            (new_id().split("-")[0],),
        )
        ((device_id,),) = db.run("SELECT value FROM app_setting WHERE \"key\" = 'device_id'")
    return str(device_id)


def _observe_newest_stamp(store: SqliteStore) -> None:
    """Never hand out a stamp older than one already stored (clock set back)."""
    with store.sql_read() as db:
        observe_newest_stamps(store.clock, db)
