"""The SQLAlchemy engine for one database file: PRAGMAs and transaction handling.

* PRAGMAs are per connection, so they are set in the engine's ``connect``
  event: WAL, ``synchronous=FULL`` (a committed answer survives a power cut),
  ``foreign_keys=ON`` and a busy timeout (and ``fullfsync`` on macOS, where
  fsync alone does not reach the platter).
* Python's sqlite3 driver begins transactions lazily, which breaks SAVEPOINTs
  and transactional DDL. We switch it to autocommit and emit ``BEGIN`` from
  SQLAlchemy's ``begin`` event — ``BEGIN IMMEDIATE`` for write sessions (the
  ``sqlite_immediate`` execution option) so a second writer waits for the busy
  timeout instead of failing mid-way.
* Connections are made by :mod:`.connect` (a ``creator``), never from a ``sqlite:///``
  URL: SQLAlchemy and SQLite would read ``?``, ``#`` or ``%`` in the folder's name as
  parts of a URL and open another file. A read-only data folder gets read-only
  connections (``mode=ro`` or ``immutable``), without the PRAGMAs that only writers need.
"""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, create_engine
from sqlalchemy.pool import QueuePool

from . import BUSY_TIMEOUT_MS
from .connect import connect, connect_uri, set_writer_pragmas


def _on_connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
    set_writer_pragmas(dbapi_conn, BUSY_TIMEOUT_MS)  # autocommit: we emit BEGIN (_on_begin)


def _on_connect_read_only(dbapi_conn: sqlite3.Connection, record: Any) -> None:
    dbapi_conn.isolation_level = None
    dbapi_conn.execute("PRAGMA foreign_keys=ON")


def _on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(db_path: Path, *, read_only_uri: str | None = None) -> Engine:
    """An engine for one database file with our PRAGMAs and transaction handling.

    With ``read_only_uri`` (from :func:`.connect.open_read_only`) every connection reads
    only; the store refuses writes before they reach SQLite.
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    if read_only_uri is None:
        creator = partial(connect, db_path, timeout=timeout, check_same_thread=False)
    else:
        creator = partial(connect_uri, read_only_uri, timeout=timeout, check_same_thread=False)
    engine = create_engine(
        # The URL only names the dialect and the file (for messages); ``creator`` connects.
        URL.create("sqlite", database=str(db_path)),
        creator=creator,
        poolclass=QueuePool,
    )
    event.listen(engine, "connect", _on_connect if read_only_uri is None else _on_connect_read_only)
    event.listen(engine, "begin", _on_begin)
    return engine
