"""The SQLAlchemy engine for a PostgreSQL server (psycopg 3).

Three choices, each so that the code above the store needs no second spelling:

* **Rows read as SQLite returns them.** The plain-SQL readers and the merge's bulk
  reads expect JSON columns as text (they parse it themselves) and dates as ISO text
  (the merge compares plain values). Every connection therefore loads ``json``,
  ``jsonb`` and ``date`` as text, and the engine's JSON and Date types parse that text
  for the ORM. The merge writes its stored forms (JSON text, ISO dates) through the DB-API
  cursor, where psycopg sends text untyped and the server gives it the column's type; JSON
  values go out untyped too, so the server, not a ``::VARCHAR`` cast, types them. (Other
  text keeps SQLAlchemy's cast: the catalogue queries of reflection need it.)
* **One writer at a time.** A write transaction first takes a transaction-level advisory
  lock (:data:`~tenant_inspect.storage.postgres.WRITE_LOCK_KEY`), the counterpart of
  SQLite's ``BEGIN IMMEDIATE``: the merge checks and then writes, and relies on nobody
  writing in between. Readers never wait. (Finer locks are for the sync work to come.)
* **Reads see one snapshot.** Read sessions run in ``REPEATABLE READ``, as a SQLite read
  transaction does, so a streamed ``dump`` or a report never mixes two moments.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy import types as sqltypes
from sqlalchemy.engine import Engine, create_engine

from . import CONNECT_TIMEOUT_S, LOADED_AS_TEXT, SESSION_OPTIONS, WRITE_LOCK_KEY

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Dialect


class _JsonText(sqltypes.JSON):
    """JSON that arrives as text (see :func:`_on_connect`) and is parsed here for the ORM."""

    render_bind_cast = False

    def bind_processor(self, dialect: Dialect) -> Any:
        return self._make_bind_processor(None, json.dumps)  # type: ignore[no-untyped-call]

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        def process(value: Any) -> Any:
            return json.loads(value) if isinstance(value, str) else value

        return process


class _DateText(sqltypes.Date):
    """A date that arrives as ISO text (see :func:`_on_connect`), turned back into a date."""

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        def process(value: Any) -> Any:
            return date.fromisoformat(value) if isinstance(value, str) else value

        return process


def _on_connect(dbapi_conn: Any, record: Any) -> None:
    from psycopg.types.string import TextLoader

    for name in LOADED_AS_TEXT:
        dbapi_conn.adapters.register_loader(name, TextLoader)


def _on_begin(conn: Any) -> None:
    if conn.get_execution_options().get("tenant_write", False):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def make_engine(url: URL) -> Engine:
    """An engine for the server at ``url`` (already mapped to psycopg by :mod:`.url`)."""
    connect_args: dict[str, Any] = {"options": SESSION_OPTIONS}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    dialect = engine.dialect
    # An instance attribute, read when a type is first used: set before anything runs.
    dialect.colspecs = {
        **dialect.colspecs,
        sqltypes.JSON: _JsonText,
        sqltypes.Date: _DateText,
    }
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def write_engine(engine: Engine) -> Engine:
    """The engine's write side: each transaction takes the write lock first."""
    return engine.execution_options(tenant_write=True)


def read_engine(engine: Engine) -> Engine:
    """The engine's read side: each transaction sees one snapshot."""
    return engine.execution_options(isolation_level="REPEATABLE READ")
