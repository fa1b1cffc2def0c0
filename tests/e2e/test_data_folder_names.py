"""Any folder name works: ``?``, ``#``, ``%``, spaces and non-ASCII letters are legal in folder
names everywhere, and must never change which file tenant-inspect reads and writes.

SQLite's ``file:`` URIs give ``?``, ``#`` and ``%`` meanings; a path pasted into one used to
send new work to a file *outside* the folder (``a?b``), let ``doctor`` pass a damaged database
(``a#b``: it checked an empty file beside the folder) or fail to open the folder at all
(``50%41``). Each command runs on such folders, and afterwards the folder's parent holds
the folder and nothing else.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tenant_inspect.cli import main
from tenant_inspect.locations import resolve_data_dir

NAMES = ["a?b", "a#b", "50%", "50%41", "with space", "Siân Ō", "x?mode=ro#y"]


@pytest.fixture(params=NAMES)
def folder(request, tmp_path) -> Path:
    parent = tmp_path / "parent"
    parent.mkdir()
    return parent / request.param


def _titles(db: Path) -> list[str]:
    """Read straight from the file inside the folder (a plain path: no URI involved)."""
    conn = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT title FROM inspection"))
    finally:
        conn.close()


def _cli(capsys, *args: str) -> str:
    code = main(list(args))
    captured = capsys.readouterr()
    assert code == 0, (args, captured.err)
    return captured.out


def test_every_command_uses_the_database_inside_the_folder(folder, tmp_path, capsys):
    d = ["--data-dir", str(folder)]
    data = resolve_data_dir(folder)
    made = _cli(capsys, *d, "new", "--title", "Repairs", "--landlord", "Vale HA").strip()
    demo = _cli(capsys, *d, "demo").strip()
    assert data.db_path.is_file()
    assert len(_titles(data.db_path)) == 2 and "Repairs" in _titles(data.db_path)

    listed = json.loads(_cli(capsys, *d, "list", "--json"))
    assert {r["id"] for r in listed} == {made, demo}
    child = subprocess.run(
        [sys.executable, "-m", "tenant_inspect", *d, "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 0 and "Repairs (Vale HA)" in child.stdout, child.stderr

    report = tmp_path / "report.md"
    _cli(capsys, *d, "report", made[:8], "-o", str(report))
    assert "Repairs" in report.read_text(encoding="utf-8")

    doctor = _cli(capsys, *d, "doctor")
    assert "inspections:       2" in doctor and "All is well." in doctor

    backed = _cli(capsys, *d, "backup").strip()
    backup = Path(backed.removeprefix("Backed up to "))
    assert backup.parent == data.backup_dir and backup.is_file()
    _cli(capsys, *d, "new", "--title", "After the backup", "--landlord", "L")
    _cli(capsys, *d, "restore", str(backup))
    assert len(_titles(data.db_path)) == 2 and "After the backup" not in _titles(data.db_path)

    assert sorted(p.name for p in folder.parent.iterdir()) == [folder.name]


def test_doctor_and_list_on_a_damaged_database_in_such_a_folder(folder, capsys):
    d = ["--data-dir", str(folder)]
    data = resolve_data_dir(folder)
    _cli(capsys, *d, "demo")
    _cli(capsys, *d, "backup")
    raw = bytearray(data.db_path.read_bytes())
    raw[4096:12288] = b"\xff" * 8192
    data.db_path.write_bytes(bytes(raw))

    assert main([*d, "doctor"]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM:" in out and "All is well." not in out
    assert "The newest intact backup is from" in out

    assert main([*d, "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and str(data.db_path) in err
    assert sorted(p.name for p in folder.parent.iterdir()) == [folder.name]
