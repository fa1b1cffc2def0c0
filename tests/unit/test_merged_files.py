"""Importing the very same file again is answered from the record of files merged here.

The record may only ever save work, never change an outcome: a file merged before gives
"0 added, 0 updated, N unchanged" (what the join gives, since it is idempotent), a file
with any other bytes runs the whole merge, a file whose import changed nothing writes
nothing, and a restored backup forgets what was merged after it.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from bundle_helpers import export, fingerprint, import_ok, laptop, make_team_inspection

from tenant_inspect import analysis, merged_files, records
from tenant_inspect import models as m


@pytest.fixture
def world(tmp_path):
    coord, inspector = laptop(tmp_path, "coord"), laptop(tmp_path, "inspector")
    team = make_team_inspection(coord)
    import_ok(inspector, export(coord, team.inspection, tmp_path / "kit.zip"))
    with inspector.write() as s:
        analysis.update_finding(s, records.get(s, m.Finding, team.finding), text="Changed there")
    back = export(inspector, team.inspection, tmp_path / "back.zip")
    yield coord, team, back
    coord.close()
    inspector.close()


def _recorded(store) -> list[str]:
    conn = sqlite3.connect(store.db_path)
    try:
        rows = conn.execute(
            "SELECT key FROM app_setting WHERE key LIKE ?", (merged_files.PREFIX + "%",)
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def test_a_file_merged_before_changes_nothing_and_reports_every_row_unchanged(world):
    coord, team, back = world
    [first] = import_ok(coord, back)
    assert first.updated == 1
    assert _recorded(coord) == [merged_files.key(merged_files.digest(back) or "")]
    before = fingerprint(coord)
    [again] = import_ok(coord, back)
    assert (again.added, again.updated, again.conflicts) == (0, 0, 0)
    assert again.unchanged == first.added + first.updated + first.unchanged
    assert again.inspection_id == team.inspection
    assert fingerprint(coord) == before


def test_later_edits_here_are_kept_when_the_file_comes_again(world):
    coord, team, back = world
    import_ok(coord, back)
    with coord.write() as s:
        analysis.update_finding(s, records.get(s, m.Finding, team.finding), text="Decided here")
    import_ok(coord, back)
    with coord.read() as s:
        assert records.get(s, m.Finding, team.finding).text == "Decided here"


def test_a_file_that_changed_nothing_is_not_recorded(world, tmp_path):
    coord, team, _ = world
    own = export(coord, team.inspection, tmp_path / "own.zip")
    before = fingerprint(coord)
    [result] = import_ok(coord, own)
    assert (result.added, result.updated) == (0, 0)
    assert _recorded(coord) == []
    assert fingerprint(coord) == before


def test_a_restored_backup_forgets_files_merged_after_it(world):
    coord, _, back = world
    saved = coord.backup("manual").path
    import_ok(coord, back)
    coord.close()
    from tenant_inspect.store import open_store, storage_backend

    storage_backend(coord.data_dir).restore(saved)
    reopened = open_store(coord.data_dir)
    try:
        [again] = import_ok(reopened, back)
        assert again.updated == 1  # merged for real, not answered from a forgotten record
    finally:
        reopened.close()


def test_the_cli_answers_a_reimport_without_loading_the_orm(world):
    coord, _, back = world
    import_ok(coord, back)
    code = (
        "import sys, io, contextlib\n"
        "from tenant_inspect.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    code = main(sys.argv[1:])\n"
        "print(out.getvalue().strip())\n"
        "print(code, sorted(m for m in ('sqlalchemy', 'sqlmodel') if m in sys.modules))\n"
    )
    args = ["--data-dir", str(coord.data_dir.path), "bundle", "import", str(back)]
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )
    lines = out.stdout.strip().splitlines()
    assert lines[-1] == "0 []", out.stdout + out.stderr
    assert lines[0].startswith(f"{Path(back).name}: 0 added, 0 updated, ")
