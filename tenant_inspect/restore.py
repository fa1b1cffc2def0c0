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
        safety = backup_database(data_dir.db_path, data_dir.backup_dir, reason="before-restore")
    restore_into(source, data_dir.db_path)
    open_store(data_dir).close()  # migrates an older backup to the current schema
    return safety
