"""Files that survive a power cut and stay private, shared by everything that writes files.

Bundles and reports are written to a temporary file in the target folder, flushed and
renamed over the target; the rename itself is only on disk once the folder is synced
(:func:`fsync_directory`).

Everything tenant-inspect writes holds interviewee names: the database, its backups, kits,
return files and reports. On a shared computer other accounts must not read them, so on
POSIX new files are created ``0600`` and the folders tenant-inspect makes ``0700``
(:func:`create_private_file`, :func:`open_private`, :func:`make_private_dir`). The modes are
given when the file or folder is created — never widened afterwards, and independent of the
umask (which can only take bits away; a folder is chmod-ed after ``mkdir`` so an odd umask
cannot leave it unusable). Windows keeps files in the user's own profile and ignores these
modes, which is harmless.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .errors import UserError

#: Modes of what tenant-inspect creates: readable and writable by the owner only.
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); harmless to skip where unsupported."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def open_private(path: os.PathLike[str] | str) -> int:
    """Create ``path`` (which must not exist) for writing, readable by its owner only.

    Returns the file descriptor, as :func:`os.open` does (wrap it with :func:`os.fdopen`).
    This is the call for a temporary file that is then renamed over a report or a kit.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, PRIVATE_FILE)


def create_private_file(path: os.PathLike[str] | str) -> bool:
    """Create ``path`` empty and private unless it exists; True if it was created here.

    SQLite creates a database with ``0644``; making the (empty, valid) file first gives
    the database — and the -wal and -shm files SQLite copies its mode to — ``0600``.
    """
    try:
        os.close(open_private(path))
    except FileExistsError:
        return False
    return True


def make_private_dir(path: Path, *, parents: bool = False) -> bool:
    """Create the folder ``path`` ``0700`` unless it exists; True if it was created here.

    An existing folder is left as it is: it may be one the user chose and shares on
    purpose (``doctor`` says when the data in it is readable by others). Missing parents
    get the usual permissions.
    """
    if parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=PRIVATE_DIR)
    except FileExistsError:
        if not path.is_dir():
            raise
        return False
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_DIR)
    return True


def loose_mode(path: Path) -> int | None:
    """``path``'s permission bits if others than its owner may use it, else None.

    None too where the question makes no sense (Windows) or the file has gone.
    """
    if os.name != "posix":  # pragma: no cover - POSIX modes only
        return None
    try:
        mode = stat.S_IMODE(path.lstat().st_mode)
    except OSError:
        return None
    return mode if mode & 0o077 else None


def write_text_atomically(path: Path, text: Callable[[Callable[[str], object]], None]) -> None:
    """Write to a temp file beside the target, fsync, then rename over it.

    ``text`` is called with the file's ``write``, so a long text need not be in memory.
    """
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            text(fh.write)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror}") from exc
    except BaseException:  # reading failed half-way: no half-written file is left behind
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomically(target: Path, write: Callable[[IO[bytes]], object]) -> int:
    """Write a file whole or not at all; return its size in bytes.

    ``write`` fills a temporary file beside ``target`` (private: ``mkstemp`` makes it
    ``0600``), which is flushed, fsynced and renamed over the target, and the folder synced.
    Any failure removes the temporary file and leaves a previous target untouched; an
    ``OSError`` becomes one :class:`UserError` line naming the file. Reports, kits, return
    files, the action plan sent to the landlord and the spreadsheets all write this way.
    """
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=directory)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from exc
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
            size = fh.tell()
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_directory(directory)
    return size


def write_bytes_atomically(target: Path, data: bytes) -> int:
    """:func:`write_atomically` for content already in memory."""
    return write_atomically(target, lambda fh: fh.write(data))
