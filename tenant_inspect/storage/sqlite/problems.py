"""SQLite's disk-level failures, said in plain words (a full disk, a read-only folder ...).

An inspector must never see ``sqlite3.OperationalError: database or disk is
full`` and a traceback: they need to know what happened, that everything saved
before is safe, and what to do. :func:`storage_problem` turns SQLite's own
errors (raw, or wrapped by SQLAlchemy) and the matching ``OSError``\\ s into a
:class:`~tenant_inspect.store.StorageProblem`, and answers None for anything
else so real bugs still surface as bugs.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from ..interface import StorageProblem
from . import BUSY_TIMEOUT_MS

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
READ_ONLY = "the data folder is read-only"

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


def read_only_problem(what: str, *, advice: str | None = None) -> StorageProblem:
    """The refusal of a read-only store to ``what`` ("save to <file>" ...): nothing is tried,
    so nothing can fail half-way."""
    default = next(a for _, r, a in _STORAGE_ERRORS if r == READ_ONLY)
    advice = advice or default
    return StorageProblem(
        f"cannot {what}: {READ_ONLY}. Everything saved before is safe; {advice}",
        READ_ONLY,
        advice,
    )
