"""Plain SQL written once with ``?`` marks, run on whichever driver the store uses.

Why: the light readers (the list, the dashboard's overview, the report's snapshot, the
merge's bulk reads and writes ...) are plain SQL, written once so the read-only sqlite3
path and the store's session can never drift apart. sqlite3 takes ``?`` marks; psycopg
(PostgreSQL) takes ``%s`` and reads every other ``%`` as the start of one. Rewriting the
text here, once per distinct statement (cached), keeps one spelling in the source and costs
the SQLite paths nothing: for a ``qmark`` driver the text is returned as it is, and the
CLI's plain-sqlite3 readers never come here at all. Imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session


class Run(Protocol):
    """Runs one SQL text (``?`` marks) with its parameters, if any; returns the rows.

    Fits both :data:`~tenant_inspect.summaries.RunSql` and
    :data:`~tenant_inspect.summaries.RunQuery`.
    """

    def __call__(self, sql: str, params: tuple[Any, ...] = ()) -> Sequence[Any]: ...


def for_paramstyle(sql: str, paramstyle: str) -> str:
    """``sql`` (``?`` marks) as the driver with this DB-API ``paramstyle`` expects it."""
    if paramstyle == "qmark":
        return sql
    return _format_marks(sql)


@lru_cache(maxsize=1024)
def _format_marks(sql: str) -> str:
    """``?`` outside quotes becomes ``%s``; every literal ``%`` is doubled."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if ch == "%":
            out.append("%%")
        elif quote:
            out.append(ch)
            if ch == quote:  # '' inside a literal closes and reopens: still right
                quote = ""
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        else:
            out.append(ch)
    return "".join(out)


def runner(connection: Connection) -> Run:
    """A :class:`Run` on a SQLAlchemy connection (any dialect), for the plain-SQL readers."""
    style = connection.dialect.paramstyle

    def run(sql: str, params: tuple[Any, ...] = ()) -> Sequence[Any]:
        return connection.exec_driver_sql(for_paramstyle(sql, style), params).all()

    return run


class Sql:
    """One DB-API connection inside a transaction its owner began and will end.

    The merge, ``sync`` and the settings they keep run their plain SQL through this, so the
    same statements serve the store's session (:func:`session_sql`, the app) and a bare
    ``sqlite3`` or psycopg connection (:meth:`~tenant_inspect.store.Store.sql_write`, the
    CLI's ``bundle import``, which then never imports the ORM). Marks are ``?``.
    """

    def __init__(self, connection: Any, paramstyle: str, dialect: str) -> None:
        self.connection = connection
        self.paramstyle = paramstyle
        self.dialect = dialect  # "sqlite" or "postgresql", as SQLAlchemy names them

    def text(self, sql: str) -> str:
        """``sql`` as this driver expects it."""
        return for_paramstyle(sql, self.paramstyle)

    def cursor(self) -> Any:
        """A DB-API cursor of the connection (close it when done)."""
        return self.connection.cursor()

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Run one statement; its rows (none for a statement that returns none)."""
        cursor = self.connection.cursor()
        try:
            cursor.execute(self.text(sql), tuple(params))
            return list(cursor.fetchall()) if cursor.description is not None else []
        finally:
            cursor.close()

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""
        rows = [tuple(r) for r in rows]
        if not rows:
            return
        cursor = self.connection.cursor()
        try:
            cursor.executemany(self.text(sql), rows)
        finally:
            cursor.close()


def session_sql(session: Session) -> Sql:
    """The :class:`Sql` of a session's connection, inside the session's transaction."""
    connection = session.connection()
    driver = connection.connection.driver_connection
    return Sql(driver, connection.dialect.paramstyle, connection.dialect.name)
