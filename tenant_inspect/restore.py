"""Restoring the database from a backup file.

The file is checked before anything changes (a SQLite file, intact, a
tenant-inspect database, not from a newer version); the current database is
backed up first, then replaced through SQLite's backup API and migrated.
"""

from __future__ import annotations

from pathlib import Path

from .backups import backup_database, check_database_file, restore_into
from .errors import UserError
from .locations import DataDir, ensure_data_dir
from .migrations import KNOWN_REVISIONS
from .store import open_store, stored_revision


def restore_database(data_dir: DataDir, source: Path) -> Path | None:
    """Restore ``source``; return the safety backup of the replaced database, if any."""
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
    ensure_data_dir(data_dir)
    safety = None
    if data_dir.db_path.exists():
        safety = backup_database(
            data_dir.db_path, data_dir.backup_dir, reason="before-restore", raw_if_damaged=True
        )
    restore_into(source, data_dir.db_path)
    _new_device_id(data_dir)
    open_store(data_dir).close()  # migrates an older backup to the current schema
    return safety


def _new_device_id(data_dir: DataDir) -> None:
    """Give the restored database a fresh device id.

    The backup's change stamps were already handed out (and may have reached
    the coordinator in a return file); stamping new edits with the same device
    id could reuse them. A new id makes every later change distinct.
    """
    import sqlite3

    from .models import new_id

    conn = sqlite3.connect(data_dir.db_path)
    try:
        with conn:
            conn.execute(
                "UPDATE app_setting SET value = ? WHERE key = 'device_id'",
                (new_id().split("-")[0],),
            )
    finally:
        conn.close()
