"""``list`` and ``doctor`` on a healthy, current data folder never load the ORM.

Why: importing SQLAlchemy and SQLModel costs several times what the whole command
should (DESIGN.md, "Performance budgets"). Checked by what is imported, in a real
process, never by timing. ``list`` reads with the same SQL the store runs
(:func:`tenant_inspect.summaries.read_summaries`), so the light path and the full
store agree by construction; the last test checks the fallback still migrates.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli_run import cli_ok
from tests.support.orm_probe import heavy_imports


def _run(d: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenant_inspect", "--data-dir", str(d), *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def d(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    made = _run(d, "new", "--title", "Repairs", "--landlord", "Vale HA")
    assert made.returncode == 0, made.stderr
    return d


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["doctor"]])
def test_light_commands_do_not_import_the_orm(d: Path, args: list[str]) -> None:
    loaded, errors = heavy_imports(d, *args)
    assert loaded == "0 []", loaded + errors


def test_list_on_an_older_schema_opens_the_full_store_which_migrates(d: Path) -> None:
    db = d / "tenant-inspect.db"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'not-yet'")
    # The light path declines (schema not current); the full store then refuses a revision
    # it does not know, exactly as before the light path existed.
    refused = _run(d, "list")
    assert refused.returncode == 1 and "newer" in refused.stderr.lower() + refused.stdout


def test_list_writes_nothing(d: Path) -> None:
    """The database and its log are untouched (SQLite may create an empty -wal/-shm to read)."""
    db = d / "tenant-inspect.db"
    wal = d / "tenant-inspect.db-wal"
    before = (db.read_bytes(), wal.read_bytes() if wal.exists() else b"")
    listed = _run(d, "list", "--json")
    assert [r["title"] for r in json.loads(listed.stdout)] == ["Repairs"]
    assert (db.read_bytes(), wal.read_bytes() if wal.exists() else b"") == before


def _dump(d: Path, inspection_id: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(cli_ok(d, "dump", inspection_id))  # in this process
    return data


def test_bundle_import_merges_without_loading_the_orm(tmp_path: Path) -> None:
    """``bundle import`` runs the merge on a bare sqlite3 connection (``Store.sql_write``):
    into a new laptop, then a later file with changes into the same laptop. What arrives is
    exactly what was sent (``dump`` alike on both), and SQLAlchemy is never imported."""
    coordinator, laptop = tmp_path / "coordinator", tmp_path / "laptop"
    inspection_id = cli_ok(coordinator, "demo").strip()
    first = tmp_path / "first.zip"
    cli_ok(coordinator, "bundle", "export", inspection_id, "-o", str(first))
    assert heavy_imports(laptop, "bundle", "import", str(first), "--new-inspection") == ("0 []", "")
    assert _dump(laptop, inspection_id) == _dump(coordinator, inspection_id)

    from tenant_inspect import analysis
    from tenant_inspect.locations import resolve_data_dir
    from tenant_inspect.store import open_store

    store = open_store(resolve_data_dir(coordinator))
    try:
        with store.write() as session:
            analysis.add_finding(
                session, inspection_id, kind="strength", text="Repairs are booked in one call."
            )
    finally:
        store.close()
    later = tmp_path / "later.zip"
    cli_ok(coordinator, "bundle", "export", inspection_id, "-o", str(later))
    assert heavy_imports(laptop, "bundle", "import", str(later)) == ("0 []", "")
    merged = _dump(laptop, inspection_id)
    assert merged == _dump(coordinator, inspection_id)
    texts = [f["text"] for f in merged["tables"]["finding"]]  # type: ignore[index]
    assert "Repairs are booked in one call." in texts
