"""The SQLite store: engine, connection PRAGMAs, sessions, migrations.

Why it looks like this (see ../shared/PITFALLS.md and docs/architecture.md):

* PRAGMAs are per connection, so they are set in the engine's ``connect``
  event: WAL, ``synchronous=FULL`` (a committed answer survives a power cut),
  ``foreign_keys=ON`` and a busy timeout.
* Python's sqlite3 driver begins transactions lazily, which breaks SAVEPOINTs
  and transactional DDL. We switch it to autocommit and emit ``BEGIN`` from
  SQLAlchemy's ``begin`` event — ``BEGIN IMMEDIATE`` for write sessions so a
  second writer waits for the busy timeout instead of failing mid-way.
* Every synced row is stamped (UTC times, device, hybrid-logical-clock stamp
  per changed field) in ``before_flush``, so no caller can forget to.
* Schema changes go through the Alembic migrations in
  ``tenant_inspect/migrations``; the stored revision is read with plain
  sqlite3 first so Alembic is only imported when the schema is behind, and a
  backup is taken before any migration touches an existing database.
* Disk trouble (full, read-only, I/O errors, a damaged file) comes back as a
  :class:`StorageProblem` — a ``UserError`` that says what happened, that
  everything saved before is safe, and what to do — never as a traceback.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine, create_engine
from sqlmodel import Session

from . import backups
from .clock import HybridClock
from .errors import UserError
from .locations import DataDir, ensure_data_dir
from .migrations import SCHEMA_HEAD
from .models import SYNCED_MODELS, AppSetting, SyncedRow, new_id, utcnow
from .settings import author_for

BUSY_TIMEOUT_MS = 10_000


class StorageProblem(UserError):
    """The disk refused: ``reason`` says what happened, ``advice`` what to do about it."""

    def __init__(self, message: str, reason: str, advice: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.advice = advice


#: (words in SQLite's message, what it means, what to do), in the order checked.
_STORAGE_ERRORS = (
    (
        ("disk is full", "database or disk is full"),
        "the disk is full",
        "free some space (empty the recycle bin, move large files elsewhere)",
    ),
    (
        ("readonly", "read-only"),
        "the data folder is read-only",
        "make the folder writable again, or start tenant-inspect with --data-dir set to a "
        "folder you can write to",
    ),
    (
        ("unable to open database file",),
        "the database file cannot be opened (the folder may be read-only, moved, or on a "
        "drive that was removed)",
        "check the data folder is there and writable; 'tenant-inspect doctor' shows where it is",
    ),
    (
        ("disk i/o error",),
        "the disk reported an error while writing",
        "check the drive (is it full, removed or failing?); 'tenant-inspect doctor' checks the "
        "database",
    ),
    (
        ("database is locked", "database is busy"),
        f"another program kept the database busy for more than {BUSY_TIMEOUT_MS // 1000} s",
        "close other programs using the data folder and try again",
    ),
    (
        ("malformed", "file is not a database"),
        "the database file is damaged",
        "run 'tenant-inspect doctor': it says which backup to restore and how",
    ),
)
_STORAGE_ERRNOS = {
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the data folder is read-only",
    errno.EACCES: "the data folder is read-only",
    errno.EPERM: "the data folder is read-only",
    errno.EIO: "the disk reported an error while writing",
}


def storage_problem(
    exc: BaseException, db_path: Path, action: str = "save to"
) -> StorageProblem | None:
    """A plain :class:`StorageProblem` for a disk-level failure, or None for anything else.

    ``exc`` may be SQLite's own error, SQLAlchemy's wrapper of it, or an ``OSError``.
    """
    if isinstance(exc, StorageProblem):
        return exc
    original: BaseException = getattr(exc, "orig", None) or exc
    found: tuple[str, str] | None = None
    if isinstance(original, sqlite3.DatabaseError):
        text = str(original).lower()
        for words, reason, advice in _STORAGE_ERRORS:
            if any(w in text for w in words):
                found = (reason, advice)
                break
    elif isinstance(original, OSError) and original.errno in _STORAGE_ERRNOS:
        reason = _STORAGE_ERRNOS[original.errno]
        advice = next(a for _, r, a in _STORAGE_ERRORS if r == reason)
        found = (reason, advice)
    if found is None:
        return None
    reason, advice = found
    return StorageProblem(
        f"cannot {action} {db_path}: {reason}. Everything saved before is safe; {advice}",
        reason,
        advice,
    )


class StampingSession(Session):
    """A Session whose flushes stamp synced rows (see module docstring).

    ``info`` keys: ``clock`` (HybridClock), ``author_id`` (team member or
    None) and ``preserve_stamps`` (True while a merge writes rows exactly as
    they arrived).
    """


@event.listens_for(StampingSession, "before_flush")
def _stamp_rows(session: Session, flush_context: Any, instances: Any) -> None:
    clock: HybridClock | None = session.info.get("clock")
    if clock is None or session.info.get("preserve_stamps"):
        return
    author = session.info.get("author_id")
    now = utcnow()
    for index, obj in enumerate(o for o in session.new if isinstance(o, SyncedRow)):
        # Rows added in one flush keep their order: a microsecond apart.
        created = now + timedelta(microseconds=index)
        stamp = clock.now()
        obj.created_at = created
        obj.updated_at = created
        obj.device_id = clock.device
        if obj.author_id is None:
            obj.author_id = author or author_for(
                session, getattr(obj, "inspection_id", None), clock.device
            )
        obj.hlc = stamp
        obj.field_clocks = {
            name: stamp for name in type(obj).model_fields if name not in obj.BOOKKEEPING
        }
    for obj in session.dirty:
        if not isinstance(obj, SyncedRow) or not session.is_modified(obj):
            continue
        state = inspect(obj)
        changed = [
            attr.key
            for attr in state.attrs
            if attr.key not in obj.BOOKKEEPING and attr.history.has_changes()
        ]
        if not changed:
            continue
        stamp = clock.now()
        obj.updated_at = now
        obj.hlc = stamp
        obj.field_clocks = {**(obj.field_clocks or {}), **dict.fromkeys(changed, stamp)}


def _on_connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if sys.platform == "darwin":
        cur.execute("PRAGMA fullfsync=ON")
    cur.close()


def _on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(db_path: Path) -> Engine:
    """An engine for one database file with our PRAGMAs and transaction handling."""
    engine = create_engine(
        f"sqlite:///{db_path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def stored_revision(db_path: Path) -> str | None:
    """The Alembic revision of a database file, read cheaply with sqlite3.

    Returns None for a missing or empty database.
    """
    if not db_path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise storage_problem(exc, db_path, "open") or UserError(
            f"cannot open {db_path}: {exc}"
        ) from exc
    try:
        row = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return rev[0] if rev else None
    except sqlite3.DatabaseError as exc:
        # A read-only folder or a full disk is not a damaged database: say which it is.
        problem = storage_problem(exc, db_path, "open")
        if problem is not None and "damaged" not in problem.reason:
            raise problem from exc
        if "malformed" in str(exc):
            raise UserError(f"{db_path} is damaged ({exc})") from exc
        raise UserError(f"{db_path} is not a tenant-inspect database ({exc})") from exc
    finally:
        conn.close()


def run_migrations(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema with the packaged Alembic scripts."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "tenant_inspect:migrations")
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


class Store:
    """An open data directory: one engine, this laptop's device id and clock."""

    def __init__(self, data_dir: DataDir, engine: Engine, device_id: str) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self.device_id = device_id
        self.clock = HybridClock(device_id)
        self._write_engine = engine.execution_options(sqlite_immediate=True)
        self._lock = threading.Lock()

    @property
    def db_path(self) -> Path:
        return self.data_dir.db_path

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
        back and leaves the database exactly as it was.
        """
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

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(data_dir: DataDir, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the database in a data dir, migrating it first.

    A database made by a newer tenant-inspect is refused rather than touched,
    and so is an upgrade while the app is open on the folder in another
    process (it would be left working on a schema it does not know). A
    full disk or read-only folder gives a :class:`StorageProblem`.
    """
    try:
        ensure_data_dir(data_dir)
    except OSError as exc:
        raise UserError(f"cannot create the data folder {data_dir.path}: {exc.strerror}") from exc
    db_path = data_dir.db_path
    revision = stored_revision(db_path)
    if revision is not None and revision not in _known_revisions():
        raise UserError(
            f"{db_path} was made by a newer version of tenant-inspect (schema {revision}); "
            "please upgrade tenant-inspect"
        )
    engine = make_engine(db_path)
    try:
        if migrate and revision != SCHEMA_HEAD:
            if revision is not None:
                from .lock import refuse_if_open_elsewhere

                refuse_if_open_elsewhere(data_dir, "upgrade its database")
                backups.backup_database(
                    db_path, data_dir.backup_dir, reason=f"before-migration-{revision}"
                )
            run_migrations(engine)
        store = Store(data_dir, engine, _device_id(engine))
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


def _known_revisions() -> set[str]:
    from .migrations import KNOWN_REVISIONS

    return set(KNOWN_REVISIONS)


def _device_id(engine: Engine) -> str:
    """This laptop's id: made once per database and kept in app_setting."""
    with Session(engine.execution_options(sqlite_immediate=True)) as session, session.begin():
        setting = session.get(AppSetting, "device_id")
        if setting is None:
            setting = AppSetting(key="device_id", value=new_id().split("-")[0])
            session.add(setting)
        return setting.value


def _observe_newest_stamp(store: Store) -> None:
    """Never hand out a stamp older than one already stored (clock set back)."""
    with store.read() as session:
        for model in SYNCED_MODELS:
            stamp = session.execute(select(func.max(model.hlc))).scalar()
            if stamp:
                store.clock.observe(stamp)
