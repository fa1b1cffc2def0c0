"""Light reads on a server with plain psycopg 3: no SQLAlchemy, no SQLModel, nothing written.

Opening the store on a server imports the ORM, makes an engine, checks the schema, opens
this laptop's clock: over a second before ``programme list`` or ``list`` reads anything, on
a server that answers the query itself in a fraction of that. So, as on a laptop
(:mod:`..sqlite.fastread`), the list, the programme views, the dashboard's overview and
``bundle import`` of files merged before are answered here first, with the very readers the
store runs (:mod:`..light_reads`), and this module only decides whether it may answer:

* the URL is one :func:`.url.connect_params` reads as the engine does;
* the connection is made as the engine makes its own: the same URL, so the same login role
  (row-level security and the interviewee-name view apply exactly as in the store), the
  same session settings (:data:`~tenant_inspect.storage.postgres.SESSION_OPTIONS`; JIT
  off besides, :data:`LIGHT_OPTIONS`, which changes no result) and ``json``/``jsonb``/``date``
  loaded as text, so every row is the one the store's session would give;
* the schema's revision is exactly :data:`~tenant_inspect.migrations.SCHEMA_HEAD`;
* everything is read in one read-only ``REPEATABLE READ`` transaction (one snapshot, as the
  store's read sessions).

Anything else — no schema yet, an older or newer one, a server that cannot be reached
within :data:`~tenant_inspect.storage.postgres.LIGHT_CONNECT_TIMEOUT_S`, a refused login, a
query PostgreSQL refuses — answers None, and the caller opens the store, which migrates,
refuses or says what is wrong in one line (:mod:`.problems`). The shorter connection
timeout is for the TUI, whose first paint waits for this; the store then waits the full
:data:`~tenant_inspect.storage.postgres.CONNECT_TIMEOUT_S`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ...migrations import SCHEMA_HEAD
from ...sql_marks import for_paramstyle
from .. import light_reads
from . import LIGHT_CONNECT_TIMEOUT_S, LOADED_AS_TEXT, SESSION_OPTIONS
from .url import connect_params

if TYPE_CHECKING:
    from ...merged_files import MergedFile
    from ...summaries import InspectionSummary, RunQuery

T = TypeVar("T")

#: The engine's session settings, and no JIT compilation: the list's queries are whole-table
#: reads whose estimated cost passes the server's ``jit_above_cost``, and compiling them took
#: 60 ms of a 210 ms query for 100 inspections, more than it saved. (A server older than
#: PostgreSQL 11 does not know the setting: the connection fails, and the store answers.)
LIGHT_OPTIONS = f"{SESSION_OPTIONS} -c jit=off"


def quick_summaries(database: str) -> list[InspectionSummary] | None:
    """Summaries, most recently changed first, or None if the store is needed."""
    return _read_current(database, light_reads.summaries)


def quick_read(database: str, read: Callable[[RunQuery], T]) -> T | None:
    """``read`` (a light reader of plain SQL) answered here, or None if the store is needed
    (also when the reader refuses: :func:`..light_reads.answer`)."""
    return _read_current(database, lambda run: light_reads.answer(run, read))


def merged_files(database: str, digests: Sequence[str]) -> dict[str, MergedFile] | None:
    """The files among ``digests`` merged on the server before, or None if the store must
    open (:func:`..light_reads.merged_files`)."""
    return _read_current(database, lambda run: light_reads.merged_files(run, digests))


def light_connect_params(database: str) -> dict[str, Any] | None:
    """The keywords the engine would connect with (:func:`.engine.make_engine`), with the
    light path's shorter wait for the connection; None where only the store may judge."""
    params = connect_params(database)
    if params is None:
        return None
    try:
        asked = float(params.get("connect_timeout", LIGHT_CONNECT_TIMEOUT_S))
    except ValueError:
        return None  # the store's connection says what is wrong with it
    return params | {
        "options": LIGHT_OPTIONS,
        "connect_timeout": max(1, round(min(asked, LIGHT_CONNECT_TIMEOUT_S))),
    }


def _read_current(database: str, read: Callable[[RunQuery], T | None]) -> T | None:
    """``read`` in one read-only snapshot of the server, if the schema is current."""
    params = light_connect_params(database)
    if params is None:
        return None
    try:
        import psycopg
        from psycopg.types.string import TextLoader
    except ImportError:  # the store says how to install it
        return None
    try:
        conn = psycopg.connect(**params)
    except psycopg.Error:
        return None
    try:
        for name in LOADED_AS_TEXT:
            conn.adapters.register_loader(name, TextLoader)
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True

        def run(sql: str, values: tuple[Any, ...] = ()) -> Sequence[Any]:
            return conn.execute(for_paramstyle(sql, psycopg.paramstyle), values).fetchall()

        # The first statement begins the transaction, so the check and the reads share it.
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if not row or row[0] != SCHEMA_HEAD:
            return None
        return read(run)
    except psycopg.Error:
        return None
    finally:
        conn.close()
