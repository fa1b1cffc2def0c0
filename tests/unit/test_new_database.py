"""A new laptop's database is made from the committed head schema, and is the one the
migrations would have made: same tables, columns, keys, indexes and revision, the same file
settings, a clean bill from ``doctor``, and later migrations run on it as on any other.

The committed schema itself is checked against a database Alembic migrates now, byte for
byte, so it cannot fall behind the migrations unnoticed.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from tenant_inspect import inspections
from tenant_inspect.doctor import run_doctor
from tenant_inspect.locations import DataDir, resolve_data_dir
from tenant_inspect.migrations import SCHEMA_HEAD
from tenant_inspect.storage.sqlite import new_database
from tenant_inspect.storage.sqlite.engine import make_engine
from tenant_inspect.storage.sqlite.head_schema import (
    REGENERATE,
    HeadSchema,
    generate,
    read_head_schema,
    schema_of,
    schema_path,
)
from tenant_inspect.storage.sqlite.migrate import run_migrations, stored_revision
from tenant_inspect.store import open_store

ROOT = Path(__file__).resolve().parents[2]

#: What the store relies on in the file itself (the rest are per-connection PRAGMAs).
FILE_PRAGMAS = ("journal_mode", "user_version", "application_id", "page_size", "auto_vacuum")


def made_by_alembic(where: Path) -> DataDir:
    """A data folder whose database the migrations made, from the first to the head."""
    data = resolve_data_dir(where)
    data.path.mkdir(parents=True)
    engine = make_engine(data.db_path)
    try:
        run_migrations(engine)
    finally:
        engine.dispose()
    open_store(data).close()  # the device id, as on any first start
    return data


def made_new(where: Path) -> DataDir:
    data = resolve_data_dir(where)
    open_store(data).close()
    return data


def _schema(db: Path) -> HeadSchema:
    with closing(sqlite3.connect(db)) as conn:
        return schema_of(conn)


def _what_sqlite_sees(db: Path) -> dict[str, Any]:
    """Every table's columns, foreign keys and indexes as SQLite reads them, and file PRAGMAs.

    Independent of how the DDL is spelt: foreign keys and indexes as sorted lists, automatic
    indexes by what they cover rather than by their numbered names.
    """
    with closing(sqlite3.connect(db)) as conn:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        seen: dict[str, Any] = {p: conn.execute(f"PRAGMA {p}").fetchone()[0] for p in FILE_PRAGMAS}
        for table in tables:
            indexes = []
            for _, name, unique, origin, partial in conn.execute(f'PRAGMA index_list("{table}")'):
                columns = [r[2] for r in conn.execute(f'PRAGMA index_info("{name}")')]
                shown = name if origin == "c" else f"automatic ({origin})"
                indexes.append((shown, unique, origin, partial, columns))
            seen[table] = {
                "columns": conn.execute(f'PRAGMA table_xinfo("{table}")').fetchall(),
                "foreign keys": sorted(
                    r[2:] for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')
                ),
                "indexes": sorted(indexes),
                "rows": conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0],
            }
        return seen


def test_the_committed_schema_is_what_the_migrations_make_now():
    """Fails when a migration changed without regenerating the file; the message says how."""
    committed = schema_path().read_bytes()
    assert generate().encode("utf-8") == committed, (
        f"{schema_path().name} differs from what the migrations make; run: {REGENERATE}"
    )
    assert read_head_schema().revision == SCHEMA_HEAD, f"the schema file lags; run: {REGENERATE}"


def test_a_new_folder_gets_the_schema_the_migrations_make(tmp_path):
    new = made_new(tmp_path / "new")
    migrated = made_by_alembic(tmp_path / "migrated")
    assert stored_revision(new.db_path) == SCHEMA_HEAD
    assert _schema(new.db_path) == _schema(migrated.db_path) == read_head_schema()
    assert _what_sqlite_sees(new.db_path) == _what_sqlite_sees(migrated.db_path)
    with closing(sqlite3.connect(new.db_path)) as conn:
        assert conn.execute("SELECT * FROM alembic_version").fetchall() == [(SCHEMA_HEAD,)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not list(new.backup_dir.iterdir())  # nothing to back up in a brand-new database
    report = run_doctor(new)
    assert report.ok and "All is well." in report.lines


def test_a_new_folder_never_loads_alembic(tmp_path):
    script = textwrap.dedent(
        """
        import sys
        from tenant_inspect.locations import resolve_data_dir
        from tenant_inspect.store import open_store
        open_store(resolve_data_dir(sys.argv[1])).close()
        print(sorted(m for m in sys.modules if m.split(".")[0] == "alembic"))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]"
    assert stored_revision(tmp_path / "data" / "tenant-inspect.db") == SCHEMA_HEAD


NEXT_MIGRATION = '''
"""A future migration: a column and an index on a table the batch mode rebuilds."""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("finding") as batch_op:
        batch_op.add_column(sa.Column("flag", sa.String(length=10), nullable=True))
        batch_op.alter_column("kind", existing_type=sa.String(length=20), nullable=True)
        batch_op.create_index("ix_finding_flag", ["flag"])
'''


def _upgrade_with_a_future_migration(data: DataDir, scripts: Path) -> None:
    from alembic import command
    from alembic.config import Config

    engine = make_engine(data.db_path)
    try:
        with engine.connect() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(scripts))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()


def test_the_next_migration_runs_on_a_new_database_as_on_a_migrated_one(tmp_path):
    """A future batch migration: same schema after it whichever way the database was made,
    and what was saved before it is still there."""
    scripts = tmp_path / "scripts"
    source = ROOT / "tenant_inspect" / "migrations"
    shutil.copytree(source, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_future.py").write_text(NEXT_MIGRATION.format(head=SCHEMA_HEAD))
    after = []
    for data in (made_new(tmp_path / "new"), made_by_alembic(tmp_path / "migrated")):
        store = open_store(data)
        with store.write() as s:
            inspection = inspections.create_inspection(s, title="Kept", landlord="L")
        store.close()
        _upgrade_with_a_future_migration(data, scripts)
        assert stored_revision(data.db_path) == "9001"
        with closing(sqlite3.connect(data.db_path)) as conn:
            assert conn.execute("SELECT id, title FROM inspection").fetchall() == [
                (inspection.id, "Kept")
            ]
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        after.append(data.db_path)
    assert _schema(after[0]) == _schema(after[1])
    assert "flag VARCHAR(10)" in "".join(_schema(after[0]).statements)
    seen = [_what_sqlite_sees(db) for db in after]
    for table in seen[0]:
        if isinstance(seen[0][table], dict):
            seen[0][table].pop("rows")
            seen[1][table].pop("rows")
    assert seen[0] == seen[1]


def test_a_failure_half_way_leaves_an_empty_file_that_the_next_start_completes(
    tmp_path, monkeypatch
):
    data = resolve_data_dir(tmp_path / "data")
    head = read_head_schema()
    half = len(head.statements) // 2
    broken = HeadSchema(head.revision, (*head.statements[:half], "CREATE TABLE broken ("))
    monkeypatch.setattr(new_database, "read_head_schema", lambda: broken)
    with pytest.raises(sqlite3.OperationalError):
        open_store(data)
    with closing(sqlite3.connect(data.db_path)) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    assert stored_revision(data.db_path) is None
    monkeypatch.undo()
    open_store(data).close()
    assert _schema(data.db_path) == head
    assert run_doctor(data).ok


KILLED_HALF_WAY = """
import os, signal, sys
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.storage.sqlite import new_database
from tenant_inspect.storage.sqlite.head_schema import HeadSchema, read_head_schema
from tenant_inspect.store import open_store

head = read_head_schema()

def statements():
    for number, sql in enumerate(head.statements):
        if number == len(head.statements) // 2:
            os.kill(os.getpid(), signal.SIGKILL)
        yield sql

new_database.read_head_schema = lambda: HeadSchema(head.revision, statements())
open_store(resolve_data_dir(sys.argv[1]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_process_killed_half_way_leaves_no_half_made_database(tmp_path):
    where = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-c", KILLED_HALF_WAY, str(where)], cwd=ROOT, capture_output=True
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    data = resolve_data_dir(where)
    assert stored_revision(data.db_path) is None
    with closing(sqlite3.connect(data.db_path)) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    open_store(data).close()
    assert _schema(data.db_path) == read_head_schema()
    assert run_doctor(data).ok


def test_two_starts_on_one_new_folder_make_the_schema_once(tmp_path):
    data = resolve_data_dir(tmp_path / "data")
    data.path.mkdir(parents=True)
    data.db_path.touch()
    results: list[bool] = []
    starts = [
        threading.Thread(target=lambda: results.append(new_database.create_at_head(data.db_path)))
        for _ in range(2)
    ]
    for start in starts:
        start.start()
    for start in starts:
        start.join()
    assert sorted(results) == [False, True]
    assert _schema(data.db_path) == read_head_schema()
    open_store(data).close()  # the second start finds the schema made and opens it
    assert stored_revision(data.db_path) == SCHEMA_HEAD


def test_a_file_with_tables_but_no_revision_is_not_taken_for_a_new_one(tmp_path):
    data = resolve_data_dir(tmp_path / "data")
    data.path.mkdir(parents=True)
    with closing(sqlite3.connect(data.db_path)) as conn:
        conn.execute("CREATE TABLE notes (text)")
        conn.execute("INSERT INTO notes VALUES ('mine')")
        conn.commit()
    assert new_database.create_at_head(data.db_path) is False
    with closing(sqlite3.connect(data.db_path)) as conn:
        assert conn.execute("SELECT * FROM notes").fetchall() == [("mine",)]
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (1,)
