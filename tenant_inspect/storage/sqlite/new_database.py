"""A new, empty database file gets the current schema in one transaction, without Alembic.

Importing Alembic and running every migration from the first costs about half a second of
CPU on each new data folder, for a schema that is the same every time. So when the file is
empty, the statements of :mod:`.head_schema` (generated from the migrations, checked against
them by a test) are executed and the head revision is recorded in ``alembic_version``
exactly as Alembic would, all in one ``BEGIN IMMEDIATE`` transaction: a crash or a kill
half-way leaves the file as empty as it was, never tables without a revision, and the next
start simply makes it again. A second process opening the same new folder waits for the
first and then finds the schema made.

Anything else — a file with any table in it but no revision, a schema file that lags
behind :data:`~tenant_inspect.migrations.SCHEMA_HEAD` — is left to Alembic, as before.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from pathlib import Path

from ...migrations import SCHEMA_HEAD
from . import BUSY_TIMEOUT_MS
from .connect import connect, set_writer_pragmas
from .head_schema import read_head_schema


def create_at_head(db_path: Path) -> bool:
    """Give the empty database at ``db_path`` the head schema; False if it was not empty.

    The file exists already (made ``0600`` by the store); on failure the transaction rolls
    back and the exception (a full disk, a read-only file) goes to the caller, which says
    what happened.
    """
    schema = read_head_schema()
    if schema.revision != SCHEMA_HEAD:
        return False  # a migration was added without regenerating the file: Alembic's way
    conn = connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        set_writer_pragmas(conn, BUSY_TIMEOUT_MS)  # WAL, synchronous=FULL, as every writer
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
                conn.execute("ROLLBACK")
                return False
            for sql in schema.statements:
                conn.execute(sql)
            conn.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (schema.revision,))
            conn.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):  # the failure itself is what the caller must see
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    return True
