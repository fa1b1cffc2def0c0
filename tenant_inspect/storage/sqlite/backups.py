"""Backups of the database file, and watching it for changes.

Copies are made with SQLite's online backup API, never by copying the file:
a plain copy of a WAL database without its -wal file can miss committed data.
A copy is written to ``….db.partial``, fsynced and renamed, so a ``.db`` in
the backups folder is always complete: a copy interrupted by a kill or a full
disk stays a ``.partial`` (ignored, and cleared by the next backup of its kind).

Kinds of backup (the end of the file name): ``manual`` (``tenant-inspect
backup``), ``on-start`` and ``on-exit`` (the TUI's rolling backups, the newest
:data:`DEFAULT_KEEP` of each kept), ``before-migration-<rev>`` and
``before-restore`` (kept until you delete them).

Backups hold everything the database holds, interviewee names included, so the
backups folder is made ``0700`` and every copy ``0600`` (POSIX) before a byte is
written to it. A manual backup may go to another folder (``backup --to``): the way
to keep a copy of a data folder that is read-only, where no backup can be written.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ...durable import create_private_file, make_private_dir
from ...errors import UserError
from ..interface import ON_EXIT as ON_EXIT  # the kinds are named by the interface
from ..interface import ON_START as ON_START
from .connect import connect, open_read_only

if TYPE_CHECKING:
    from ...locations import DataDir

BACKUP_PREFIX = "tenant-inspect-"
DEFAULT_KEEP = 10
PARTIAL_SUFFIX = ".db.partial"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    taken_at: datetime

    @property
    def kind(self) -> str:
        """``manual``, ``on-start``, ``before-migration-0001`` ... (from the file name)."""
        stem = self.path.stem[len(BACKUP_PREFIX) :]
        _, _, kind = stem.partition("-")
        return kind or "unknown"


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backup_database(
    db_path: Path,
    backup_dir: Path,
    reason: str = "manual",
    *,
    raw_if_damaged: bool = False,
    read_only: bool = False,
) -> Path:
    """Copy a live database to ``backup_dir`` safely; return the new file's path.

    With ``raw_if_damaged`` (the copy kept before a restore), a file SQLite can
    no longer read is copied byte for byte instead, with its -wal file: a
    damaged database is exactly the one that must be kept, not refused. With
    ``read_only`` the database is in a read-only folder and is read as such.
    """
    if not db_path.exists():
        raise UserError(f"there is no database to back up at {db_path}")
    safe_reason = "".join(c if c.isalnum() or c in "-_" else "-" for c in reason)
    dest = backup_dir / f"{BACKUP_PREFIX}{_timestamp()}-{safe_reason}.db"
    tmp = dest.with_suffix(PARTIAL_SUFFIX)
    try:
        make_private_dir(backup_dir, parents=True)
        create_private_file(tmp)
    except OSError as exc:
        raise UserError(f"backup to {backup_dir} failed: {exc.strerror or exc}") from exc
    try:
        _sqlite_copy(db_path, tmp, read_only=read_only)
    except sqlite3.DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        if not raw_if_damaged or isinstance(exc, sqlite3.OperationalError):
            raise UserError(f"backup to {backup_dir} failed: {exc}") from exc
        _raw_copy(db_path, tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"backup to {backup_dir} failed: {exc.strerror}") from exc
    try:
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"backup to {backup_dir} failed: {exc.strerror}") from exc
    return dest


def _sqlite_copy(db_path: Path, tmp: Path, *, read_only: bool = False) -> None:
    src = open_read_only(db_path)[0] if read_only else connect(db_path)
    try:
        out = connect(tmp)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
    finally:
        src.close()


def _raw_copy(db_path: Path, tmp: Path, dest: Path) -> None:
    """Byte copies of a damaged database and its -wal file (kept beside ``dest``)."""
    try:
        create_private_file(tmp)  # copyfile keeps the mode of a file that exists: 0600
        shutil.copyfile(db_path, tmp)
        wal = Path(f"{db_path}-wal")
        if wal.exists():
            create_private_file(f"{dest}-wal")
            shutil.copyfile(wal, f"{dest}-wal")
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"backup to {dest.parent} failed: {exc.strerror}") from exc


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


def rolling_backup(db_path: Path, backup_dir: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """Back up, then keep only the newest ``keep`` backups of this kind.

    Used by the TUI (``on-start``, ``on-exit``), which holds the data folder's
    lock: no other process makes backups of these kinds, so a ``.partial`` of
    the same kind left behind is from a copy that was killed and can go.
    """
    for stale in backup_dir.glob(f"{BACKUP_PREFIX}*-{reason}{PARTIAL_SUFFIX}"):
        stale.unlink(missing_ok=True)
    path = backup_database(db_path, backup_dir, reason=reason)
    prune_backups(backup_dir, keep=keep, reason=reason)
    return path


class ChangeWatch:
    """Tells whether anyone committed a change to a database since the watch began.

    SQLite's ``PRAGMA data_version`` changes, for one connection, whenever any
    *other* connection commits; this keeps such a connection open (idle, no
    transaction: it blocks nobody). The TUI uses it to skip the backup on exit
    when nothing was changed, so ten quick looks never push real work out of
    the rolling backups.
    """

    def __init__(self, db_path: Path) -> None:
        self._conn: sqlite3.Connection | None = connect(db_path, check_same_thread=False)
        self._start = self._version()

    def _version(self) -> int:
        assert self._conn is not None
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """True if a change was committed since the watch began (True if unsure)."""
        if self._conn is None:
            return True
        try:
            return self._version() != self._start
        except sqlite3.Error:
            return True

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


class AlwaysChanged:
    """The watch used when SQLite would not open one: unsure, so always "changed"."""

    def changed(self) -> bool:
        return True

    def close(self) -> None:
        pass


class NeverChanged:
    """The watch of a read-only database: nothing can change it, so no exit backup."""

    def changed(self) -> bool:
        return False

    def close(self) -> None:
        pass


def newest_intact_backup(backup_dir: Path, limit: int = 20) -> BackupInfo | None:
    """The newest backup that passes :func:`check_database_file` (checking at most ``limit``)."""
    for info in reversed(list_backups(backup_dir)[-limit:]):
        if check_database_file(info.path) is None:
            return info
    return None


def check_database_file(path: Path) -> str | None:
    """Why ``path`` is not a usable tenant-inspect database, or None if it is."""
    if not path.is_file():
        return f"{path} does not exist"
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            return f"{path} is not a SQLite database"
    try:
        conn, _ = open_read_only(path)
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


def rolling_backup_for(data_dir: DataDir, kind: str) -> Path:
    """:func:`rolling_backup` of a data folder, with SQLite's own failures as a UserError.

    The app reports it without knowing any sqlite3 exception (it only sees the interface).
    """
    try:
        return rolling_backup(data_dir.db_path, data_dir.backup_dir, kind)
    except sqlite3.Error as exc:
        raise UserError(str(exc)) from exc
