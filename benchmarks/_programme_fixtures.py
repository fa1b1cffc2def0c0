"""A programme of large inspections, on a throw-away PostgreSQL server and in a SQLite folder.

The large demo takes about 5.5 s to build, so 100 of them would take ten minutes per side.
Instead one is built with the real ``demo --size large`` command, put on the server with the
real ``bundle import`` of its full export, and then copied ``copies`` times *in each
database* with ``INSERT ... SELECT``: every synced table's rows of that inspection, under
new ids. Each copy gets a fresh uuid4 for every id; every ``id`` / ``*_id`` column is
rewritten through that map (so each copy's rows refer only to each other), and the tables
whose ids the bundle format derives from their parents (answers, interviewers, responses,
monitoring entries...) get the id :func:`tenant_inspect.bundle_derived_ids.derived_id`
gives for the rewritten row, as the bundle reader insists. Stamps, tombstones and content
are kept, so each copy is as real as the original: the app reads, exports and syncs it.
The same statement runs on both back-ends (``?`` marks turned into the driver's), so both
hold the same 100 inspections.
"""

from __future__ import annotations

import sqlite3
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _pty import ROOT

sys.path.insert(0, str(ROOT))
from tenant_inspect.bundle_derived_ids import DERIVED_IDS, derived_id
from tenant_inspect.bundle_format_tables import ROW_MODELS

Exec = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]
ManyExec = Callable[[str, Sequence[Sequence[Any]]], None]


def _columns(run: Exec, table: str, dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [str(r[1]) for r in run(f"PRAGMA table_info({table})", ())]
    return [
        str(r[0])
        for r in run(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "AND table_schema = current_schema() ORDER BY ordinal_position",
            (table,),
        )
    ]


def _id_columns(columns: list[str]) -> list[str]:
    return [c for c in columns if c == "id" or c.endswith("_id")]


def _rows_of(run: Exec, table: str, columns: list[str], source: str) -> list[dict[str, Any]]:
    """``table``'s rows belonging to inspection ``source`` (the inspection row itself too)."""
    key = "id" if table == "inspection" else "inspection_id"
    if key not in columns:  # a child table without an inspection column: through its parent
        raise RuntimeError(f"{table} has no inspection_id; the copier needs one")
    cols = ", ".join(columns)
    return [
        dict(zip(columns, row, strict=True))
        for row in run(f"SELECT {cols} FROM {table} WHERE {key} = ?", (source,))
    ]


def clone_inspection(
    run: Exec, many: ManyExec, dialect: str, source: str, copies: int
) -> list[str]:
    """Copy inspection ``source`` ``copies`` times in one database; the new ids."""
    tables = list(ROW_MODELS)
    columns = {t: _columns(run, t, dialect) for t in tables}
    rows = {t: _rows_of(run, t, columns[t], source) for t in tables}
    # Every id the inspection owns, except those derived from their parents.
    own = [str(r["id"]) for t in tables if t not in DERIVED_IDS for r in rows[t]]
    run("CREATE TEMPORARY TABLE idmap (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL)", ())
    made: list[str] = []
    for n in range(copies):
        mapping = {old: str(uuid.uuid4()) for old in own}
        for t in DERIVED_IDS:  # after their parents: the id follows from the new parents
            for r in rows[t]:
                moved = {k: mapping.get(str(v), v) if v is not None else v for k, v in r.items()}
                moved = {k: str(v) if isinstance(v, uuid.UUID) else v for k, v in moved.items()}
                new = derived_id(t, moved)
                mapping[str(r["id"])] = new if new is not None else str(uuid.uuid4())
        run("DELETE FROM idmap", ())
        many("INSERT INTO idmap (old_id, new_id) VALUES (?, ?)", list(mapping.items()))
        for t in tables:
            if not rows[t]:
                continue
            cast = "" if dialect == "sqlite" else "::text"
            ids = set(_id_columns(columns[t]))
            select = ", ".join(
                f"COALESCE((SELECT m.new_id FROM idmap m WHERE m.old_id = s.{c}{cast}), "
                f"s.{c}{cast})" + ("" if dialect == "sqlite" else f"::{_pg_type(run, t, c)}")
                if c in ids
                else f"s.{c}"
                for c in columns[t]
            )
            key = "id" if t == "inspection" else "inspection_id"
            run(
                f"INSERT INTO {t} ({', '.join(columns[t])}) SELECT {select} FROM {t} s "
                f"WHERE s.{key} = ?",
                (source,),
            )
        new_id = mapping[source]
        run("UPDATE inspection SET title = title || ? WHERE id = ?", (f" — copy {n + 1}", new_id))
        made.append(new_id)
    run("DROP TABLE idmap", ())
    return made


_PG_TYPES: dict[tuple[str, str], str] = {}


def _pg_type(run: Exec, table: str, column: str) -> str:
    if (table, column) not in _PG_TYPES:
        [(kind,)] = run(
            "SELECT data_type FROM information_schema.columns WHERE table_name = ? "
            "AND column_name = ? AND table_schema = current_schema()",
            (table, column),
        )
        _PG_TYPES[(table, column)] = str(kind)
    return _PG_TYPES[(table, column)]


def clone_sqlite(db: Path, source: str, copies: int) -> tuple[list[str], float]:
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    try:

        def run(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
            return conn.execute(sql, params).fetchall()

        def many(sql: str, params: Sequence[Sequence[Any]]) -> None:
            conn.executemany(sql, params)

        made = clone_inspection(run, many, "sqlite", source, copies)
        conn.commit()
    finally:
        conn.close()
    return made, time.perf_counter() - started


def clone_postgres(url: str, source: str, copies: int) -> tuple[list[str], float]:
    import psycopg

    started = time.perf_counter()
    user, rest = url.removeprefix("postgresql://").split("@/", 1)
    dbname, host = rest.split("?host=", 1)
    with psycopg.connect(host=host, user=user, dbname=dbname) as conn:

        def run(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
            cur = conn.execute(sql.replace("?", "%s"), tuple(params))  # type: ignore[arg-type]
            return cur.fetchall() if cur.description else []

        def many(sql: str, params: Sequence[Sequence[Any]]) -> None:
            with conn.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), params)  # type: ignore[arg-type]

        made = clone_inspection(run, many, "postgres", source, copies)
        conn.commit()
    # The server as a programme meets it after months of use, not straight after a bulk
    # load: autovacuum has analysed every table and marked its settled pages all-visible
    # (which lets counts be answered from an index alone). PostgreSQL's own advice after a
    # bulk load ("Populating a Database") is the same command; a laptop's day of work,
    # synced later, is not yet vacuumed when it is measured.
    with psycopg.connect(host=host, user=user, dbname=dbname, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
    return made, time.perf_counter() - started
