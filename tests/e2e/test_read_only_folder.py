"""A read-only data folder (a copy on a write-protected stick, a rescue from a broken laptop):
look and export work, nothing pretends to save, nothing is created or changed there.

Real processes on a really read-only folder (see ``tests/support/read_only.py``), in the two
shapes such a copy comes in: the database alone (the app was closed: SQLite must read it as
``immutable``), and with the -wal and -shm files of an app that was still open (the newest
saves are only in the -wal; ``mode=ro`` reads them). Commands that follow one another in a
test run in one such process, one after the other through ``cli.main`` (``run_cli_batch``),
as the other end-to-end tests run them in theirs: each is still judged by its own exit
status and output.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tenant_inspect import inspections
from tenant_inspect.bundle.write import export_bundle
from tenant_inspect.locations import DataDir, resolve_data_dir
from tenant_inspect.store import open_store
from tests.support.read_only import listing, read_only, run_cli_batch, runner

NOTE = "is read-only: you can look and export, but nothing can be saved there."


def run(folder: Path, *args: str, preexec) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenant_inspect", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        preexec_fn=preexec,
    )


def _seed(data_dir: DataDir, title: str) -> str:
    with open_store(data_dir) as store, store.write() as s:
        insp = inspections.create_inspection(s, title=title, landlord="Vale HA")
        inspections.add_member(s, insp.id, name="Ann", role="inspector")
        return insp.id


def _with_wal(tmp_path: Path) -> tuple[DataDir, str]:
    """A copy of a folder taken while the app had it open: the last save only in the -wal."""
    live = resolve_data_dir(tmp_path / "live")
    insp = _seed(live, "Checkpointed")
    keeper = sqlite3.connect(live.db_path)  # the open app: keeps the -wal and -shm in place
    keeper.execute("SELECT count(*) FROM inspection").fetchone()  # now it holds the -shm
    with open_store(live) as store, store.write() as s:
        inspections.update_inspection(s, inspections.get_inspection(s, insp), title="In the WAL")
    copy = tmp_path / "rescued"
    shutil.copytree(live.path, copy)
    keeper.close()
    assert Path(f"{copy / 'tenant-inspect.db'}-wal").stat().st_size > 0
    return resolve_data_dir(copy), "In the WAL"


def _closed(tmp_path: Path) -> tuple[DataDir, str]:
    data = resolve_data_dir(tmp_path / "stick")
    _seed(data, "Weeks of notes")
    assert not Path(f"{data.db_path}-wal").exists()
    return data, "Weeks of notes"


@pytest.fixture(params=["database only", "with -wal and -shm"])
def folder(request, tmp_path) -> tuple[DataDir, str]:
    return (_closed if request.param == "database only" else _with_wal)(tmp_path)


def test_look_and_export_work_and_say_nothing_can_be_saved(folder, tmp_path):
    preexec = runner()
    data, title = folder
    out = tmp_path / "out"
    out.mkdir()
    before = listing(data.path)
    with read_only(data.path):
        listed = run(data.path, "list", preexec=preexec)
        assert listed.returncode == 0, listed.stderr
        assert f"{title} (Vale HA)" in listed.stdout
        assert listed.stderr == f"tenant-inspect: note: the data folder {data.path} {NOTE}\n"
        insp = listed.stdout.splitlines()[1].split()[0]
        commands = [
            ["list", "--json"],
            ["dump", insp, "-o", str(out / "dump.json")],
            ["report", insp, "-o", str(out / "report.md")],
            ["bundle", "export", insp, "-o", str(out / "bundle.zip")],
            ["bundle", "export", insp, "--for", "Ann", "-o", str(out / "kit.zip")],
        ]
        for args, done in zip(commands, run_cli_batch(data.path, commands, preexec), strict=True):
            assert done.returncode == 0, (args, done.stderr)
            assert NOTE in done.stderr and "Traceback" not in done.stderr
        assert title in (out / "dump.json").read_text(encoding="utf-8")
        assert title in (out / "report.md").read_text(encoding="utf-8")
        assert (out / "bundle.zip").stat().st_size > 0
        assert (out / "kit.zip").stat().st_size > 0  # made, though it cannot be noted here
        assert listing(data.path) == before  # no lock file, no -shm, no backup: nothing


def test_writing_commands_refuse_plainly_and_change_nothing(folder, tmp_path):
    preexec = runner()
    data, title = folder
    other = resolve_data_dir(tmp_path / "elsewhere")
    with open_store(other) as store:
        with store.write() as s:
            insp = inspections.create_inspection(s, title="From elsewhere", landlord="L").id
        export_bundle(store, insp, tmp_path / "return.zip")
    before = listing(data.path)
    refusals = [
        (["new", "--title", "T", "--landlord", "L"], "cannot save to"),
        (["demo"], "cannot save to"),
        (["bundle", "import", str(tmp_path / "return.zip"), "--new-inspection"], "cannot save"),
        (["backup"], "backup --to FOLDER"),
        (["restore", str(tmp_path / "elsewhere" / "tenant-inspect.db")], "cannot restore"),
    ]
    with read_only(data.path):
        *refused, listed = run_cli_batch(
            data.path, [args for args, _ in refusals] + [["list"]], preexec
        )
        for (args, words), done in zip(refusals, refused, strict=True):
            assert done.returncode == 1, (args, done.stdout, done.stderr)
            lines = done.stderr.splitlines()
            assert "Traceback" not in done.stderr, done.stderr
            assert lines[0].endswith(NOTE) and len(lines) == 2, (args, lines)
            assert words in lines[1] and "read-only" in lines[1], (args, lines)
        assert f"{title} (Vale HA)" in listed.stdout and "From elsewhere" not in listed.stdout
        assert listing(data.path) == before


def test_a_backup_of_a_read_only_folder_goes_where_it_is_told(folder, tmp_path):
    preexec = runner()
    data, title = folder
    with read_only(data.path):
        done = run(data.path, "backup", "--to", str(tmp_path / "copies"), preexec=preexec)
    assert done.returncode == 0, done.stderr
    [copy] = (tmp_path / "copies").glob("tenant-inspect-*-manual.db")
    assert done.stdout.strip() == f"Backed up to {copy}"
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT title FROM inspection").fetchall() == [(title,)]
    finally:
        conn.close()
