"""One full-screen app per data folder: a lock held for the TUI's whole life.

Why a lock and not "two windows working side by side": SQLite itself keeps
two processes from corrupting the file (every write is a ``BEGIN IMMEDIATE``
transaction with a busy timeout), but two TUIs would each show — and autosave
— their own copy of the same notes, so the window closed last would silently
overwrite what was typed in the other. An inspector who double-starts the app
is far better served by a clear "it is already open" than by that.

So :func:`acquire` takes an exclusive advisory lock on ``tenant-inspect.lock``
in the data folder (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows)
and holds it until the process ends. The operating system drops the lock when
the process dies, however it dies (SIGKILL, power button, crash), so a stale
lock file never blocks anyone: the file may stay behind, the lock does not.
The holder writes its pid into the file so the refusal can name it.

Commands of the CLI do not take the lock: reading (``list``, ``dump``,
``report``, ``doctor``) is always safe beside the app, and writing commands
are single SQLite transactions that wait for the app's (millisecond) saves.
Two things would pull the data out from under a running app and so refuse
while it is open: ``restore`` and a schema upgrade (see :func:`holder`).

Only the standard library is used, so taking the lock costs nothing at start.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from pathlib import Path
from typing import IO

from ...durable import PRIVATE_FILE, make_private_dir
from ...errors import UserError
from ...locations import DataDir

LOCK_FILENAME = "tenant-inspect.lock"
#: Where the Windows lock byte sits: far beyond the pid, which must stay readable.
_WINDOWS_LOCK_OFFSET = 1 << 20
#: How long to keep trying before saying the folder is in use. Another process
#: only *checks* the lock for a few microseconds (``doctor``, ``restore``); an
#: app that really holds it holds it for good.
RETRY_FOR_S = 0.5

#: Locks this process holds, by lock-file path: checks made from inside the
#: app (opening the store, a restore) must not mistake it for another one.
_HELD: dict[str, DataDirLock] = {}


class DataDirBusy(UserError):
    """Another tenant-inspect has the data folder open; ``pid`` is its process id if known."""

    def __init__(self, message: str, pid: int | None) -> None:
        super().__init__(message)
        self.pid = pid


def lock_path(data_dir: DataDir) -> Path:
    return data_dir.path / LOCK_FILENAME


def busy_message(data_dir: DataDir, pid: int | None) -> str:
    who = f"pid {pid}" if pid is not None else "another process"
    return (
        f"tenant-inspect is already open on this data folder ({who}); close it first. "
        f"(The folder is {data_dir.path}.)"
    )


class DataDirLock:
    """The held lock (or, where locking is impossible, a record that none is held)."""

    def __init__(self, path: Path, handle: IO[bytes] | None) -> None:
        self.path = path
        self._handle = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        _HELD.pop(str(self.path), None)
        try:
            _unlock(handle)
        finally:
            handle.close()

    def __enter__(self) -> DataDirLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(data_dir: DataDir, *, retry_for: float = RETRY_FOR_S) -> DataDirLock:
    """Take the data folder's lock for this process or raise :class:`DataDirBusy`.

    A folder that cannot hold a lock file (read-only, missing drive, a file
    system without locks) gives an unheld lock rather than an error: the app
    then opens a read-only folder read-only, or reports the real problem when
    it tries to open the database.
    """
    path = lock_path(data_dir)
    mine = _HELD.get(str(path))
    if mine is not None:
        return mine
    try:
        make_private_dir(data_dir.path, parents=True)
        handle = _open(path, create=True)
    except OSError:
        return DataDirLock(path, None)
    deadline = time.monotonic() + retry_for
    while True:
        try:
            _lock(handle)
            break
        except OSError as exc:
            if not _is_busy(exc):
                handle.close()
                return DataDirLock(path, None)
            if time.monotonic() >= deadline:
                pid = _read_pid(handle)
                handle.close()
                raise DataDirBusy(busy_message(data_dir, pid), pid) from None
            time.sleep(0.02)
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
    except OSError:
        pass  # the pid is only for the message; the lock is what matters
    lock = DataDirLock(path, handle)
    _HELD[str(path)] = lock
    return lock


def holder(data_dir: DataDir) -> int | bool:
    """Is another process holding the lock? Its pid, ``True`` if unknown, or ``False``.

    Checking takes the lock for an instant (there is no way to ask without
    trying), which :func:`acquire`'s short retry absorbs.
    """
    path = lock_path(data_dir)
    if str(path) in _HELD:
        return False
    try:
        handle = _open(path, create=False)
    except OSError:
        return False  # no lock file (never opened) or unreadable: nothing to respect
    try:
        try:
            _lock(handle)
        except OSError as exc:
            if not _is_busy(exc):
                return False
            pid = _read_pid(handle)
            return pid if pid is not None else True
        _unlock(handle)
        return False
    finally:
        handle.close()


def refuse_if_open_elsewhere(data_dir: DataDir, action: str) -> None:
    """Raise :class:`DataDirBusy` when the app is open on ``data_dir`` in another process."""
    who = holder(data_dir)
    if who is False:
        return
    pid = None if who is True else int(who)
    name = f"pid {pid}" if pid is not None else "another process"
    raise DataDirBusy(
        f"tenant-inspect is open on this data folder ({name}); close it before you {action}",
        pid,
    )


# ---------------------------------------------------------------------------
# Platform details
# ---------------------------------------------------------------------------


def _open(path: Path, *, create: bool) -> IO[bytes]:
    """The lock file, for writing (to take it) or only for reading (to check it)."""
    flags = getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    if create:
        fd = os.open(path, flags | os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        return os.fdopen(fd, "r+b", buffering=0)
    fd = os.open(path, flags | os.O_RDONLY)
    return os.fdopen(fd, "rb", buffering=0)


def _is_busy(exc: OSError) -> bool:
    return isinstance(exc, BlockingIOError) or exc.errno in (
        errno.EAGAIN,
        errno.EACCES,
        errno.EWOULDBLOCK,
        errno.EDEADLK,
    )


def _read_pid(handle: IO[bytes]) -> int | None:
    try:
        handle.seek(0)
        text = handle.read(32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
