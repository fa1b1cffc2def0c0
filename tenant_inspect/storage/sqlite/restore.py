"""Restoring the database from a backup file.

The file is checked before anything changes (a SQLite file, intact, a
tenant-inspect database, not from a newer version); the current database is
backed up first, then replaced through SQLite's backup API and migrated.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ...durable import create_private_file
from ...errors import UserError
from ...locations import DataDir, ensure_data_dir
from ...migrations import KNOWN_REVISIONS
from .backups import backup_database, check_database_file
from .connect import cannot_write, connect, folder_is_read_only, open_read_only
from .migrate import stored_revision


def restore_database(data_dir: DataDir, source: Path) -> Path | None:
    """Restore ``source``; return the safety backup of the replaced database, if any."""
    from .store import open_sqlite_store

    problem = check_database_file(source)
    if problem:
        raise UserError(f"cannot restore: {problem}")
    revision = stored_revision(source)
    if revision not in KNOWN_REVISIONS:
        raise UserError(
            f"cannot restore: {source} was made by a newer version of tenant-inspect "
            f"(schema {revision}); please upgrade first"
        )
    if source.resolve() == data_dir.db_path.resolve():
        raise UserError("cannot restore: that file is the live database itself")
    if cannot_write(data_dir.db_path) or folder_is_read_only(data_dir.path):
        raise UserError(
            f"cannot restore into {data_dir.path}: the data folder is read-only. Nothing was "
            "changed; make the folder writable again, or restore into another folder with "
            "--data-dir"
        )
    ensure_data_dir(data_dir)
    safety = None
    if data_dir.db_path.exists():
        safety = backup_database(
            data_dir.db_path, data_dir.backup_dir, reason="before-restore", raw_if_damaged=True
        )
    restore_into(source, data_dir.db_path)
    _new_device_id(data_dir)
    open_sqlite_store(data_dir).close()  # migrates an older backup to the current schema
    return safety


def _new_device_id(data_dir: DataDir) -> None:
    """Give the restored database a fresh device id.

    The backup's change stamps were already handed out (and may have reached
    the coordinator in a return file); stamping new edits with the same device
    id could reuse them. A new id makes every later change distinct.
    """
    from ...models import new_id

    conn = connect(data_dir.db_path)
    try:
        with conn:
            conn.execute(
                "UPDATE app_setting SET value = ? WHERE key = 'device_id'",
                (new_id().split("-")[0],),
            )
    finally:
        conn.close()


def restore_into(source: Path, db_path: Path) -> None:
    """Replace the content of the live database with ``source`` (already checked).

    Refused while the app is open on the folder in another process: its
    screens and pending saves belong to the database being replaced. The
    folder's lock is held while the content is replaced, so the app cannot
    start half-way through.
    """
    from .lock import acquire, refuse_if_open_elsewhere

    data_dir = DataDir(db_path.parent, "restore")
    refuse_if_open_elsewhere(data_dir, "restore a backup")
    with acquire(data_dir):
        try:
            _copy_into(source, db_path)
        except sqlite3.DatabaseError as exc:
            # Busy, read-only, full: say so. But a live file that is no database
            # any more (the caller kept a byte copy of it) must not block the
            # way back: start from a fresh file.
            if isinstance(exc, sqlite3.OperationalError) or check_database_file(db_path) is None:
                raise UserError(f"cannot restore into {db_path}: {exc}") from exc
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            _copy_into(source, db_path)


def _copy_into(source: Path, db_path: Path) -> None:
    src, _ = open_read_only(source)
    try:
        create_private_file(db_path)  # a database made here is private (0600)
        dest = connect(db_path)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
