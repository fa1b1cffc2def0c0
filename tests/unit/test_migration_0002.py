"""Migration 0002 (merge bookkeeping): a database made at 0001, with data, upgrades intact."""

from __future__ import annotations

import sqlite3

import pytest
from sqlmodel import select
from test_migrations import only_tables, only_what_the_first_schema_holds

from tenant_inspect import models as m
from tenant_inspect.demo import build_demo
from tenant_inspect.dump import dump_json
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.migrations import SCHEMA_HEAD
from tenant_inspect.storage.sqlite.engine import make_engine
from tenant_inspect.storage.sqlite.migrate import run_migrations, stored_revision
from tenant_inspect.store import open_store


def _columns(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


@pytest.fixture
def old_database(tmp_path):
    """A 0001 database holding the small demo plus a conflict row, and the demo's dump."""
    source = open_store(resolve_data_dir(tmp_path / "source"))
    inspection_id = build_demo(source, "small")
    with source.write() as s:
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
        only_what_the_first_schema_holds(s)
    with source.read() as s:
        expected = dump_json(s, inspection_id)
    source.close()
    old = resolve_data_dir(tmp_path / "old")
    old.path.mkdir(parents=True)
    engine = make_engine(old.db_path)
    run_migrations(engine, "0001")
    engine.dispose()
    conn = sqlite3.connect(old.db_path)
    conn.execute("ATTACH DATABASE ? AS src", (str(source.db_path),))
    conn.execute("PRAGMA foreign_keys=OFF")
    tables = [str(model.__tablename__) for model in m.SYNCED_MODELS] + ["conflict"]
    tables = [t for t in tables if _columns(conn, t)]  # (later tables are not there yet)
    conn.execute("DELETE FROM app_setting")
    conn.execute("INSERT INTO app_setting SELECT * FROM src.app_setting")
    for table in tables:
        cols = ", ".join(f'"{c}"' for c in _columns(conn, table))
        conn.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM src."{table}"')
    conn.commit()
    assert "field_seen" not in _columns(conn, "finding")
    conn.close()
    assert stored_revision(old.db_path) == "0001"
    return old, inspection_id, only_tables(expected, set(tables))


def test_a_0001_database_with_data_upgrades_intact(old_database):
    old, inspection_id, expected = old_database
    store = open_store(old)  # migrates, after a backup
    try:
        assert stored_revision(old.db_path) == SCHEMA_HEAD
        assert list(old.backup_dir.glob("*before-migration-0001.db"))
        with store.read() as s:
            got = dump_json(s, inspection_id)
            conflict = s.exec(select(m.Conflict)).one()
        # Every value survives byte for byte; the new columns start empty (nothing merged).
        assert got == expected
        assert (conflict.kind, conflict.kept_value, conflict.other_value) == ("edit", "a", "b")
    finally:
        store.close()


def test_new_columns_defaults_and_dropped_unique_keys(old_database):
    old, _, _ = old_database
    open_store(old).close()
    conn = sqlite3.connect(old.db_path)
    try:
        for model in m.SYNCED_MODELS:
            table = str(model.__tablename__)
            values = conn.execute(
                f'SELECT DISTINCT field_seen, deleted_seen FROM "{table}"'
            ).fetchall()
            assert values in ([], [("{}", "{}")]), table
        # Two laptops may now each copy the same questionnaire / link the same pair.
        row = conn.execute("SELECT * FROM recommendation_finding LIMIT 1").fetchone()
        cols = _columns(conn, "recommendation_finding")
        copy = dict(zip(cols, row, strict=True))
        copy["id"] = "another-id"
        conn.execute(
            f"INSERT INTO recommendation_finding ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [copy[c] for c in cols],
        )
        indexes = {r[1] for r in conn.execute("PRAGMA index_list('recommendation_finding')")}
        assert {
            "ix_recommendation_finding_finding_id",
            "ix_recommendation_finding_recommendation_id",
        } <= indexes
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_downgrade_and_upgrade_again(tmp_path):
    data = resolve_data_dir(tmp_path / "d")
    open_store(data).close()
    engine = make_engine(data.db_path)
    try:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", "tenant_inspect:migrations")
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
        assert stored_revision(data.db_path) == "0001"
        run_migrations(engine)
        assert stored_revision(data.db_path) == SCHEMA_HEAD
    finally:
        engine.dispose()
