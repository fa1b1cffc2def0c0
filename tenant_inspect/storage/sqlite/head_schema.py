"""The schema a new SQLite database gets: the DDL the migrations make, kept in a data file.

Why: every new data folder (a new laptop, ``demo`` or ``new`` in a fresh folder, the first
``sync`` into an empty laptop, hundreds of test subprocesses) would otherwise import Alembic
and run every migration from 0001, about half a second of CPU, to end up with the same
schema each time. :mod:`.new_database` executes this file's statements instead.

Why it cannot drift: ``tenant_inspect/migrations/head_schema.sql`` is never written by hand.
:func:`generate` migrates an empty database with Alembic and copies out the ``sql`` of
every table, index, trigger and view in ``sqlite_master``, in the order SQLite created them
(SQLite's own ``sqlite_`` objects are made implicitly and left out), with the revision the
migrations reached. A test regenerates it and compares byte for byte, and checks the
revision is :data:`~tenant_inspect.migrations.SCHEMA_HEAD`.

One thing is put in order on the way (:func:`canonical`): Alembic's batch mode (SQLite's way
of altering a table: build a copy, move the rows, rename) writes a rebuilt table's
constraints and creates its indexes in the order of a Python set, which changes from run to
run, so no two Alembic-made databases need list them alike. The file keeps a table's
constraint clauses sorted (its primary key first) and each run of consecutive ``CREATE
INDEX`` statements sorted: the same tables, columns, keys and indexes, one spelling.

After adding a migration::

    python -m tenant_inspect.storage.sqlite.head_schema --write

Reading the file costs no Alembic and no SQLAlchemy; only :func:`generate` needs them.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
from contextlib import closing
from importlib import resources
from pathlib import Path
from typing import NamedTuple

#: The data file, in the migrations package beside the revisions it is made from.
FILE_NAME = "head_schema.sql"
REGENERATE = "python -m tenant_inspect.storage.sqlite.head_schema --write"
_REVISION_LINE = "-- revision: "
_HEADER = (
    "-- The schema of a new tenant-inspect SQLite database: what the Alembic migrations make,\n"
    "-- statement by statement in the order SQLite created them. Generated, never edited:\n"
    f"-- after adding a migration run `{REGENERATE}`.\n"
)


class HeadSchema(NamedTuple):
    """The revision the statements bring an empty database to, and the statements."""

    revision: str
    statements: tuple[str, ...]


def schema_path() -> Path:
    """Where the data file is in a checkout (for ``--write`` and the test)."""
    return Path(str(resources.files("tenant_inspect.migrations").joinpath(FILE_NAME)))


def read_head_schema() -> HeadSchema:
    """The committed schema: its revision and statements, exactly as :func:`render` wrote them.

    Read as package data, so an installed (even zipped) tenant-inspect finds it too.
    """
    data = resources.files("tenant_inspect.migrations").joinpath(FILE_NAME)
    return parse(data.read_text(encoding="utf-8"))


def parse(text: str) -> HeadSchema:
    """The revision (header line ``-- revision: X``) and the statements of a schema file.

    Header comments run up to the first statement; each statement ends with ``;`` at the end
    of a line where SQLite says it is complete (a ``;`` inside a string does not end one).
    """
    revision = ""
    statements: list[str] = []
    pending = ""
    for line in text.splitlines(keepends=True):
        if not statements and not pending and line.startswith("--"):
            if line.startswith(_REVISION_LINE):
                revision = line[len(_REVISION_LINE) :].strip()
            continue
        if not pending and not line.strip():
            continue  # the blank line between statements
        pending += line
        end = pending.rstrip("\n")
        if end.endswith(";") and sqlite3.complete_statement(pending):
            statements.append(end[:-1])
            pending = ""
    if pending.strip() or not revision:
        raise ValueError(f"{FILE_NAME} is incomplete or has no revision; {REGENERATE}")
    return HeadSchema(revision, tuple(statements))


def render(schema: HeadSchema) -> str:
    """The file's text for ``schema``; :func:`parse` gives ``schema`` back (checked here)."""
    body = "".join(f"{sql};\n\n" for sql in schema.statements)
    text = f"{_HEADER}{_REVISION_LINE}{schema.revision}\n\n{body}".rstrip("\n") + "\n"
    if parse(text) != schema:
        raise ValueError("a statement cannot be written so that it reads back unchanged")
    return text


_CONSTRAINT_LINE = re.compile(r"\t(CONSTRAINT \S+ )?(PRIMARY KEY|FOREIGN KEY|UNIQUE|CHECK)\b")
_INDEX = re.compile(r"CREATE (UNIQUE )?INDEX ")


def _constraint_order(line: str) -> tuple[bool, str]:
    """Primary key first (SQLite numbers its automatic indexes in clause order), then by text."""
    match = _CONSTRAINT_LINE.match(line)
    return (match is None or match.group(2) != "PRIMARY KEY", line)


def _sorted_constraints(sql: str) -> str:
    """A ``CREATE TABLE`` whose closing run of table-constraint clauses (one a line) is sorted."""
    lines = sql.split("\n")
    if not sql.startswith("CREATE TABLE ") or lines[-1] != ")":
        return sql
    start = len(lines) - 1
    while start > 1 and _CONSTRAINT_LINE.match(lines[start - 1]):
        start -= 1
    clauses = sorted((line.removesuffix(", ") for line in lines[start:-1]), key=_constraint_order)
    return "\n".join([*lines[:start], *(f"{c}, " for c in clauses[:-1]), *clauses[-1:], ")"])


def canonical(statements: tuple[str, ...]) -> tuple[str, ...]:
    """``statements`` in the one order Alembic's runs may differ in (see the module's docstring).

    Only what a batch rebuild shuffles moves: a table's constraint clauses, and indexes
    among consecutive ``CREATE INDEX`` statements; tables and everything else keep SQLite's
    creation order, so every statement still follows what it depends on.
    """
    out: list[str] = []
    indexes: list[str] = []
    for sql in statements:
        if _INDEX.match(sql):
            indexes.append(sql)
            continue
        out.extend(sorted(indexes))
        indexes = []
        out.append(_sorted_constraints(sql))
    out.extend(sorted(indexes))
    return tuple(out)


def schema_of(conn: sqlite3.Connection) -> HeadSchema:
    """The schema of an open database: its objects' DDL in creation order (made
    :func:`canonical`), and its revision."""
    statements = tuple(
        row[0]
        for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
        )
    )
    (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return HeadSchema(str(revision), canonical(statements))


def _tables_with_rows(conn: sqlite3.Connection) -> list[str]:
    """Tables holding rows, besides the revision's."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name != 'alembic_version'"
        )
    ]
    return [t for t in tables if conn.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone()]


def generate() -> str:
    """The file's text, made now: an empty database migrated by Alembic, read back."""
    from ..schema import upgrade_on
    from .engine import make_engine

    with tempfile.TemporaryDirectory(prefix="head-schema-") as folder:
        db_path = Path(folder) / "alembic.db"
        engine = make_engine(db_path)  # the store's own PRAGMAs, as on a laptop
        try:
            with engine.connect() as conn:
                upgrade_on(conn)
        finally:
            engine.dispose()
        with closing(sqlite3.connect(db_path)) as conn:
            # The file keeps no rows: a migration that inserts some would make new
            # databases differ from migrated ones, so it must teach this module first.
            filled = _tables_with_rows(conn)
            if filled:
                raise ValueError(f"the migrations leave rows in {', '.join(filled)}")
            return render(schema_of(conn))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tenant_inspect.storage.sqlite.head_schema",
        description=f"Check (default) or rewrite {FILE_NAME} from the Alembic migrations.",
    )
    parser.add_argument("--write", action="store_true", help="rewrite the file")
    args = parser.parse_args(argv)
    text = generate()
    path = schema_path()
    if args.write:
        path.write_bytes(text.encode("utf-8"))
        print(f"wrote {path} ({len(parse(text).statements)} statements)")
        return 0
    if path.read_bytes() != text.encode("utf-8"):
        print(f"{path} is out of date; run: {REGENERATE}", file=sys.stderr)
        return 1
    print(f"{path} is up to date")
    return 0


if __name__ == "__main__":  # pragma: no cover - a developer's command
    sys.exit(main())
