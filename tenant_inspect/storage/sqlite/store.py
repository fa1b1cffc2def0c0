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
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ...clock import HybridClock
from ...doctor_report import command
from ...durable import create_private_file
from ...errors import UserError
from ...locations import DataDir, ensure_data_dir
from ...migrations import SCHEMA_HEAD
from ...models import AppSetting, new_id
from ..interface import BackupResult, ChangeWatch, StorageProblem
from ..stamping import StampingSession, observe_newest_stamps
from . import backups, migrate
from .connect import cannot_write, open_read_only
from .engine import make_engine
from .problems import read_only_problem, storage_problem


class SqliteStore:
    """An open data directory: one engine, this laptop's device id and clock.

    Besides the :class:`~tenant_inspect.store.Store` members it offers
    ``engine`` and ``db_path`` for SQLite-specific code and tests; the app and
    the CLI never use them.
    """

    def __init__(
        self,
        data_dir: DataDir,
        engine: Engine,
        device_id: str,
        *,
        is_new: bool = False,
        read_only: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self.device_id = device_id
        self.clock = HybridClock(device_id)
        self.is_new = is_new
        self.read_only = read_only
        self.keeps_backups = True
        self._write_engine = engine.execution_options(sqlite_immediate=True)
        self._lock = threading.Lock()

    @property
    def db_path(self) -> Path:
        return self.data_dir.db_path

    @property
    def location(self) -> str:
        return str(self.db_path)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; objects stay usable after it closes."""
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
        self.engine.dispose()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_sqlite_store(data_dir: DataDir, *, migrate_schema: bool = True) -> SqliteStore:
    """Open (creating if needed) the database in a data dir, migrating it first.

    A database made by a newer tenant-inspect is refused rather than touched,
    and so is an upgrade while the app is open on the folder in another
    process (see :mod:`.migrate`). A full disk or read-only folder gives a
    :class:`StorageProblem`.
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
    engine = make_engine(db_path)
    try:
        if migrate_schema:
            migrate.upgrade_if_behind(data_dir, engine, revision)
        store = SqliteStore(data_dir, engine, _device_id(engine), is_new=is_new)
        _observe_newest_stamp(store)
    except (sa_exc.OperationalError, sqlite3.OperationalError, OSError) as exc:
        engine.dispose()
        problem = storage_problem(exc, db_path, "open")
        if problem is None:
            raise
        raise problem from exc
    except BaseException:
        engine.dispose()
        raise
    return store


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
    engine = make_engine(db_path, read_only_uri=uri)
    try:
        with Session(engine) as session:
            setting = session.get(AppSetting, "device_id")
            device_id = setting.value if setting is not None else "readonly"
        store = SqliteStore(data_dir, engine, device_id, read_only=True)
        _observe_newest_stamp(store)
    except BaseException:
        engine.dispose()
        raise
    return store


def _device_id(engine: Engine) -> str:
    """This laptop's id: made once per database and kept in app_setting."""
    with Session(engine.execution_options(sqlite_immediate=True)) as session, session.begin():
        setting = session.get(AppSetting, "device_id")
        if setting is None:
            setting = AppSetting(key="device_id", value=new_id().split("-")[0])
            session.add(setting)
        return setting.value


def _observe_newest_stamp(store: SqliteStore) -> None:
    """Never hand out a stamp older than one already stored (clock set back)."""
    with store.read() as session:
        observe_newest_stamps(store.clock, session)
