"""Every sqlite3 connection to a file, opened so that no character in its path changes the file.

Why this module: a folder may be called ``a?b``, ``a#b``, ``50%`` or ``Siân Ō`` on every
system, but SQLite's ``file:`` URIs give ``?`` (parameters), ``#`` (fragment) and ``%``
(escapes) their own meanings. A URI built by pasting a path cut ``/x/a?b/tenant-inspect.db``
down to ``/x/a`` — new work went to a file outside the folder — and ``/x/a#b/…`` opened
(and created) ``/x/a``, where ``doctor`` then found an empty, "intact" database. So:

* a connection that may write is opened with the plain path (:func:`connect`): no URI at all;
* a read-only one needs a URI (``mode=ro``, ``immutable=1``), built by :func:`file_uri`,
  which percent-encodes the whole path (SQLite decodes it back to the same bytes).

Every connection that may write then gets the same PRAGMAs (:func:`set_writer_pragmas`),
whether the engine made it or it is the one that gives a new file its schema.

Read-only data folders (a copy on a write-protected stick, a rescue from a damaged laptop)
need care with WAL databases (https://www.sqlite.org/wal.html#readonly): ``mode=ro`` reads
the -wal file when it and the -shm exist, but fails when the -shm cannot be created;
``immutable=1`` then works but ignores any -wal. :func:`read_only_uri` chooses ``immutable``
only when ``mode=ro`` failed *and* the folder really is read-only — on a writable folder
another process may be writing, and ``immutable`` would read torn pages.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote, urlencode


def file_uri(path: os.PathLike[str] | str, **params: str) -> str:
    """A ``file:`` URI naming exactly ``path`` (made absolute), with ``params`` as its query."""
    posix = Path(os.path.abspath(path)).as_posix()
    if not posix.startswith("/"):  # a Windows drive: file:///C:/...
        posix = "/" + posix
    query = f"?{urlencode(params)}" if params else ""
    return f"file://{quote(posix, safe='/')}{query}"


def connect(
    path: os.PathLike[str] | str, *, timeout: float = 5.0, check_same_thread: bool = True
) -> sqlite3.Connection:
    """A read-write connection (creating the file if missing), by plain path — never a URI."""
    return sqlite3.connect(
        os.path.abspath(path), timeout=timeout, check_same_thread=check_same_thread
    )


def set_writer_pragmas(conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    """Autocommit (``BEGIN`` is ours) and the PRAGMAs every connection that may write gets.

    WAL, ``synchronous=FULL`` (a committed answer survives a power cut), ``foreign_keys=ON``
    and a busy timeout, plus ``fullfsync`` on macOS, where fsync alone does not reach the
    platter. Shared by the engine's connections and the one that makes a new database.
    """
    conn.isolation_level = None
    cur = conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    if sys.platform == "darwin":
        cur.execute("PRAGMA fullfsync=ON")
    cur.close()


def connect_uri(
    uri: str, *, timeout: float = 5.0, check_same_thread: bool = True
) -> sqlite3.Connection:
    """A connection to a URI made by :func:`file_uri` or :func:`read_only_uri`."""
    return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=check_same_thread)


def folder_is_read_only(folder: Path) -> bool:
    """True if no file can be created in ``folder`` (permissions, a read-only drive ...).

    Asked by trying, not by ``os.access``: that answers for the real user id and knows
    nothing of read-only mounts. A folder that does not exist is not "read-only".
    """
    if not folder.is_dir():
        return False
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".tenant-inspect-probe-"):
            pass
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return False


def cannot_write(db_path: Path) -> bool:
    """True if the database exists but nothing may be saved to it (file or folder read-only)."""
    if not db_path.is_file():
        return False
    if folder_is_read_only(db_path.parent):
        return True
    try:
        with open(db_path, "r+b"):  # opening for writing changes nothing
            pass
    except OSError:
        return True
    return False


def open_read_only(db_path: Path, *, timeout: float = 5.0) -> tuple[sqlite3.Connection, str]:
    """A read-only connection to ``db_path`` that has read its schema, and the URI it used.

    ``mode=ro`` first; ``immutable=1`` (any -wal file unread: see the module's docstring)
    only when that failed because the folder is read-only. Other failures are raised.
    """
    uri = file_uri(db_path, mode="ro")
    try:
        conn = connect_uri(uri, timeout=timeout)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn, uri
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if not ("readonly" in text or "unable to open" in text) or not folder_is_read_only(
            db_path.parent
        ):
            raise
    uri = file_uri(db_path, immutable="1")
    return connect_uri(uri, timeout=timeout), uri


def is_immutable(uri: str) -> bool:
    """True for a URI that reads the main file only (any -wal file is ignored)."""
    return uri.endswith("immutable=1")
