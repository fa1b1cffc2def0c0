"""Every migration, one test each, for every revision in ``KNOWN_REVISIONS`` — a new
migration is tested the moment it is listed there.

The fixture is a database made by the first released schema: a fresh file migrated to
revision 0001 only, then filled with the small demo inspection (built with today's code, its
rows copied into the columns 0001 has), a conflict and a tombstone, so every table holds
rows. For each step ``prev -> rev`` the database is brought to ``prev``, every row of every
table is recorded, ``rev`` is applied, and every row must still be there with every value of
every column that still exists unchanged. A migration that changes values on purpose says
so in ``CHANGED_BY`` below (and gets its own test, like test_migration_0002.py).

The whole way, through ``open_store`` as an inspector's laptop does it: a backup is taken
before anything changes (and is the old database, byte for byte in content), the demo reads
back exactly as it was built, and ``restore`` of that backup brings it all back again.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

from tenant_inspect import analysis, records
from tenant_inspect import models as m
from tenant_inspect.demo import build_demo
from tenant_inspect.dump import dump_json, json_for_terminals
from tenant_inspect.locations import DataDir, resolve_data_dir
from tenant_inspect.migrations import KNOWN_REVISIONS, SCHEMA_HEAD
from tenant_inspect.storage.sqlite.engine import make_engine
from tenant_inspect.storage.sqlite.migrate import run_migrations, stored_revision
from tenant_inspect.storage.sqlite.restore import restore_database
from tenant_inspect.store import Store, open_store

FIRST = KNOWN_REVISIONS[0]
STEPS = list(itertools.pairwise(KNOWN_REVISIONS))

#: {revision: {(table, column), ...}}: existing values a migration changes on purpose.
CHANGED_BY: dict[str, set[tuple[str, str]]] = {
    # Item statuses move to the monitoring scale (in rows and open conflicts) and the two new
    # item fields get their stamps (test_migration_0003.py).
    "0003": {
        ("action_plan_item", "status"),
        ("action_plan_item", "field_clocks"),
        ("conflict", "kept_value"),
        ("conflict", "other_value"),
    },
}

Rows = dict[str, dict[Any, dict[str, Any]]]


def only_what_the_first_schema_holds(s: Session) -> None:
    """Drop what no first-schema database can hold, so its dump is the upgrade's expectation.

    A by-when in words ("ongoing") arrived with 0003; before it a by-when was a date or empty.
    """
    for item in s.exec(select(m.ActionPlanItem)).all():
        item.by_when_words = ""


def build_source(data: DataDir) -> tuple[Path, str, str]:
    """A current database with the small demo, a conflict and a tombstone; and its dump."""
    store = open_store(data)
    try:
        inspection_id = build_demo(store, "small")
        with store.write() as s:
            s.add(
                m.Conflict(
                    inspection_id=inspection_id,
                    table_name="finding",
                    row_id="r1",
                    field="text",
                    kept_value="a",
                    other_value="b",
                )
            )
            finding = analysis.findings(s, inspection_id)[0]
            records.delete(s, finding)
            only_what_the_first_schema_holds(s)
        with store.read() as s:
            expected = dump_json(s, inspection_id)
    finally:
        store.close()
    return data.db_path, inspection_id, expected


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    return build_source(resolve_data_dir(tmp_path_factory.mktemp("source")))


def only_tables(dump: str, tables: set[str]) -> str:
    """A dump with the rows of tables not in ``tables`` left out (as a migration finds them)."""
    data = json.loads(dump)
    for name in data["tables"]:
        if name not in tables:
            data["tables"][name] = []
    return json_for_terminals(json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)) + "\n"


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name"
        )
    ]


def _columns(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def database_at_first_revision(source_db: Path, where: Path) -> DataDir:
    """A database made by the first released schema, holding the source's rows."""
    data = resolve_data_dir(where)
    data.path.mkdir(parents=True)
    engine = make_engine(data.db_path)
    run_migrations(engine, FIRST)
    engine.dispose()
    conn = sqlite3.connect(data.db_path)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("ATTACH DATABASE ? AS src", (str(source_db),))
        with conn:
            for table in _tables(conn):
                cols = [c for c in _columns(conn, table) if c in _columns(conn, table, "src")]
                names = ", ".join(f'"{c}"' for c in cols)
                conn.execute(f'DELETE FROM "{table}"')
                conn.execute(f'INSERT INTO "{table}" ({names}) SELECT {names} FROM src."{table}"')
        conn.execute("DETACH DATABASE src")
        empty = [t for t in _tables(conn) if not conn.execute(f'SELECT 1 FROM "{t}"').fetchone()]
        assert not empty, f"the fixture should fill every table; empty: {empty}"
    finally:
        conn.close()
    assert stored_revision(data.db_path) == FIRST
    return data


def _rows(db: Path) -> Rows:
    """Every row of every table, by primary key (rowid where there is none)."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        out: Rows = {}
        for table in _tables(conn):
            info = sorted(conn.execute(f'PRAGMA table_info("{table}")'), key=lambda r: r["pk"])
            pk = [r["name"] for r in info if r["pk"]]
            out[table] = {}
            for r in conn.execute(f'SELECT rowid AS "__rowid", * FROM "{table}"'):
                row = dict(r)
                rowid = row.pop("__rowid")
                out[table][tuple(row[c] for c in pk) if pk else rowid] = row
        return out
    finally:
        conn.close()


def database_at(tmp_path: Path, revision: str) -> tuple[DataDir, str]:
    """The demo in a database migrated from the first schema to ``revision`` only, and its
    inspection id: what a laptop last opened with that revision holds (a migration's own test
    starts from here)."""
    source_db, inspection_id, _ = build_source(resolve_data_dir(tmp_path / "source"))
    data = database_at_first_revision(source_db, tmp_path / "old")
    _migrate(data, revision)
    return data, inspection_id


def _migrate(data: DataDir, revision: str) -> None:
    engine = make_engine(data.db_path)
    try:
        run_migrations(engine, revision)
    finally:
        engine.dispose()


@pytest.mark.parametrize(("prev", "rev"), STEPS, ids=[f"{a}-to-{b}" for a, b in STEPS])
def test_each_migration_keeps_every_row_and_value(source, tmp_path, prev, rev):
    source_db, _, _ = source
    data = database_at_first_revision(source_db, tmp_path / "old")
    _migrate(data, prev)
    before = _rows(data.db_path)
    _migrate(data, rev)
    assert stored_revision(data.db_path) == rev
    after = _rows(data.db_path)
    allowed = CHANGED_BY.get(rev, set())
    for table, rows in before.items():
        assert table in after, f"migration {rev} dropped table {table}"
        assert set(after[table]) == set(rows), f"migration {rev} added or lost rows of {table}"
        for key, old in rows.items():
            new = after[table][key]
            for column, value in old.items():
                if column in new and (table, column) not in allowed:
                    assert new[column] == value, (rev, table, key, column)
    conn = sqlite3.connect(data.db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_first_schema_to_head_through_open_store_with_backup_and_restore(source, tmp_path):
    source_db, inspection_id, expected = source
    data = database_at_first_revision(source_db, tmp_path / "laptop")
    old_rows = _rows(data.db_path)

    # Tables made after the first schema cannot hold the demo's rows in the old database.
    expected = only_tables(expected, set(old_rows))
    store = open_store(data)  # what the app does on start: back up, then migrate
    try:
        assert stored_revision(data.db_path) == SCHEMA_HEAD
        with store.read() as s:
            assert dump_json(s, inspection_id) == expected
    finally:
        store.close()

    [backup] = data.backup_dir.glob(f"*-before-migration-{FIRST}.db")
    assert stored_revision(backup) == FIRST
    assert _rows(backup) == old_rows  # the backup *is* the old database
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()

    # Something goes wrong after the upgrade; restore brings the backup back (and upgrades it).
    store = open_store(data)
    with store.write() as s:
        s.get(m.Inspection, inspection_id).title = "Changed after the upgrade"  # type: ignore[union-attr]
    store.close()
    safety = restore_database(data, backup)
    assert safety is not None and safety.exists()
    assert stored_revision(data.db_path) == SCHEMA_HEAD
    store = open_store(data)
    try:
        with store.read() as s:
            assert dump_json(s, inspection_id) == expected
    finally:
        store.close()


def test_known_revisions_are_all_tested():
    assert [a for a, _ in STEPS] + [SCHEMA_HEAD] == list(KNOWN_REVISIONS)
    assert set(CHANGED_BY) <= set(KNOWN_REVISIONS[1:])


# -- the same migrations on PostgreSQL ------------------------------------------------------


def _pg_rows(conn: Any, tables: list[str]) -> Rows:
    """Every row of every table on the server, as text where SQLite keeps text."""
    out: Rows = {}
    for table in tables:
        cur = conn.execute(f'SELECT * FROM "{table}"')
        names = [d.name for d in cur.description]
        key = "id" if "id" in names else names[0]
        out[table] = {row[names.index(key)]: dict(zip(names, row, strict=True)) for row in cur}
    return out


def _copy_into_server(conn: Any, source_db: Path, tables: list[str]) -> None:
    """The first-schema database's rows, copied into the server's tables of the same names."""
    src = sqlite3.connect(source_db)
    try:
        conn.execute("SET session_replication_role = replica")  # parents and children any order
        for table in tables:
            types = dict(
                conn.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_name = %s",
                    (table,),
                ).fetchall()
            )
            cols = [c for c in _columns(src, table) if c in types]
            marks = ", ".join(["%s"] * len(cols))
            names = ", ".join(f'"{c}"' for c in cols)
            rows = [
                [
                    bool(v) if types[c] == "boolean" and v is not None else v
                    for c, v in zip(cols, r, strict=True)
                ]
                for r in src.execute(f'SELECT {names} FROM "{table}"')
            ]
            with conn.cursor() as cur:
                cur.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        conn.execute("SET session_replication_role = origin")
    finally:
        src.close()


def test_every_migration_on_postgres_keeps_every_row_and_the_dump(source, tmp_path, pg_url):
    """The same chain on the server: 0001 filled with the demo's rows, then each revision in
    turn keeps every row and value (bar ``CHANGED_BY``); then the store opened on it (no
    file backup: there is no file) dumps exactly what SQLite dumped."""
    import psycopg
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from psycopg.types.string import TextLoader
    from sqlmodel import SQLModel

    from tenant_inspect.storage.postgres.engine import make_engine as make_pg_engine
    from tenant_inspect.storage.postgres.url import engine_url
    from tenant_inspect.storage.schema import upgrade_on

    source_db, inspection_id, expected = source
    first = database_at_first_revision(source_db, tmp_path / "old")
    url = engine_url(pg_url)
    engine = make_pg_engine(url)  # as the store runs them: JSON and dates read as text
    with engine.connect() as c:
        upgrade_on(c, FIRST)
    conn = psycopg.connect(url.render_as_string(hide_password=False).replace("+psycopg", ""))
    for name in ("json", "date"):
        conn.adapters.register_loader(name, TextLoader)
    try:
        sq = sqlite3.connect(first.db_path)
        tables = _tables(sq)
        sq.close()
        _copy_into_server(conn, first.db_path, tables)
        conn.commit()
        for rev in KNOWN_REVISIONS[1:]:
            before = _pg_rows(conn, tables)
            conn.commit()
            with engine.connect() as c:
                upgrade_on(c, rev)
            after = _pg_rows(conn, tables)
            conn.commit()
            allowed = CHANGED_BY.get(rev, set())
            for table, rows in before.items():
                assert set(after[table]) == set(rows), (rev, table)
                for key, old in rows.items():
                    for column, value in old.items():
                        if column in after[table][key] and (table, column) not in allowed:
                            assert after[table][key][column] == value, (rev, table, key, column)
    finally:
        conn.close()
        engine.dispose()
    store = open_store(resolve_data_dir(tmp_path / "laptop", pg_url))  # migrates to the head
    try:
        assert isinstance(store, Store) and not store.keeps_backups
        with store.read() as s:
            assert dump_json(s, inspection_id) == only_tables(expected, set(tables))
        with store.engine.connect() as c:  # type: ignore[attr-defined]
            assert compare_metadata(MigrationContext.configure(c), SQLModel.metadata) == []
            # 0003's data steps (statuses, stamps of the new fields) down and up again.
            _alembic(c, "downgrade", "0002")
            assert (
                "by_when_words"
                not in c.exec_driver_sql(
                    "SELECT field_clocks FROM action_plan_item LIMIT 1"
                ).scalar_one()
            )
            _alembic(c, "upgrade", "head")
            clocks = c.exec_driver_sql("SELECT field_clocks FROM action_plan_item").scalars()
            assert all("by_when_words" in json.loads(text) for text in clocks)
    finally:
        store.close()
    assert not list((tmp_path / "laptop" / "backups").glob("*before-migration*"))  # no file


def _alembic(connection: Any, command_name: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "tenant_inspect:migrations")
    cfg.attributes["connection"] = connection
    getattr(command, command_name)(cfg, revision)
