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
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, create_engine

from . import BUSY_TIMEOUT_MS


def _on_connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if sys.platform == "darwin":
        cur.execute("PRAGMA fullfsync=ON")
    cur.close()


def _on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(db_path: Path) -> Engine:
    """An engine for one database file with our PRAGMAs and transaction handling."""
    engine = create_engine(
        f"sqlite:///{db_path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine
