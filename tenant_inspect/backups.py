"""Backups and restores of the database file.

Copies are made with SQLite's online backup API, never by copying the file:
a plain copy of a WAL database without its -wal file can miss committed data.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .errors import UserError

BACKUP_PREFIX = "tenant-inspect-"
DEFAULT_KEEP = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    taken_at: datetime


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backup_database(db_path: Path, backup_dir: Path, reason: str = "manual") -> Path:
    """Copy a live database to ``backup_dir`` safely; return the new file's path."""
    if not db_path.exists():
        raise UserError(f"there is no database to back up at {db_path}")
    backup_dir.mkdir(parents=True, exist_ok=True)
    safe_reason = "".join(c if c.isalnum() or c in "-_" else "-" for c in reason)
    dest = backup_dir / f"{BACKUP_PREFIX}{_timestamp()}-{safe_reason}.db"
    tmp = dest.with_suffix(".db.partial")
    src = sqlite3.connect(db_path)
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"backup to {backup_dir} failed: {exc}") from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"backup to {backup_dir} failed: {exc.strerror}") from exc
    finally:
        src.close()
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    return dest


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Backups, oldest first (names sort by time)."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in sorted(backup_dir.glob(f"{BACKUP_PREFIX}*.db")):
        stat = path.stat()
        found.append(BackupInfo(path, stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC)))
    return found


def prune_backups(
    backup_dir: Path, keep: int = DEFAULT_KEEP, reason: str | None = None
) -> list[Path]:
    """Delete all but the newest ``keep`` backups (of one reason, if given)."""
    if keep < 1:
        raise UserError("--keep must be at least 1")
    items = [b.path for b in list_backups(backup_dir)]
    if reason is not None:
        items = [p for p in items if p.stem.endswith(f"-{reason}")]
    doomed = items[:-keep]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def check_database_file(path: Path) -> str | None:
    """Why ``path`` is not a usable tenant-inspect database, or None if it is."""
    if not path.is_file():
        return f"{path} does not exist"
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            return f"{path} is not a SQLite database"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()
            if not result or result[0] != "ok":
                return (
                    f"{path} is damaged (integrity check: {result[0] if result else 'no answer'})"
                )
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"inspection", "alembic_version"} <= tables:
                return f"{path} is a SQLite file but not a tenant-inspect database"
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"{path} cannot be read as a database ({exc})"
    return None


def restore_into(source: Path, db_path: Path) -> None:
    """Replace the content of the live database with ``source`` (already checked)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(db_path)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
