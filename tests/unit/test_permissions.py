"""Interviewee names stay private on a shared computer: the data folder, the database (with
its -wal and -shm), the backups and the lock file are the owner's only (POSIX), whatever the
umask; ``doctor`` names anything others can read and ``doctor --fix-permissions`` fixes it.
"""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tenant_inspect import inspections
from tenant_inspect.cli import main
from tenant_inspect.locations import DataDir, resolve_data_dir
from tenant_inspect.store import open_store, storage_backend

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True, params=[0o022, 0o000])
def umask(request) -> Iterator[int]:
    """The usual umask, and none at all: private must not depend on it."""
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def assert_private(data: DataDir) -> None:
    assert mode(data.path) == 0o700
    assert mode(data.backup_dir) == 0o700
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{data.db_path}{suffix}")
        if path.exists():
            assert mode(path) == 0o600, path
    for path in data.backup_dir.iterdir():
        assert mode(path) == 0o600, path


def test_new_and_demo_make_a_private_folder_and_database(tmp_path, capsys):
    for command in (["new", "--title", "T", "--landlord", "L"], ["demo"]):
        data = resolve_data_dir(tmp_path / command[0] / "data")
        assert main(["--data-dir", str(data.path), *command]) == 0
        assert_private(data)
        assert mode(data.path.parent) != 0o700  # a parent made on the way is left ordinary


def test_the_wal_and_shm_of_an_open_store_are_private(data_dir):
    with open_store(data_dir) as store:
        with store.write() as s:
            inspections.create_inspection(s, title="T", landlord="L")
        with store.read() as s:
            inspections.list_inspections(s)
            assert Path(f"{data_dir.db_path}-wal").exists()
            assert Path(f"{data_dir.db_path}-shm").exists()
            assert_private(data_dir)


def test_backups_restores_and_the_lock_are_private(data_dir, tmp_path, capsys):
    d = ["--data-dir", str(data_dir.path)]
    assert main([*d, "new", "--title", "T", "--landlord", "L"]) == 0
    assert main([*d, "backup"]) == 0
    assert main([*d, "backup", "--to", str(tmp_path / "copies" / "here")]) == 0
    [manual] = data_dir.backup_dir.glob("*-manual.db")
    assert mode(tmp_path / "copies" / "here") == 0o700
    for copy in (tmp_path / "copies" / "here").iterdir():
        assert mode(copy) == 0o600
    elsewhere = resolve_data_dir(tmp_path / "restored")
    assert main(["--data-dir", str(elsewhere.path), "restore", str(manual)]) == 0
    assert_private(elsewhere)
    with storage_backend(data_dir).hold():
        assert mode(data_dir.path / "tenant-inspect.lock") == 0o600
    assert_private(data_dir)


async def test_the_app_makes_a_private_folder_database_and_backups(data_dir):
    from screens.app import TenantInspectApp

    for _ in range(2):  # the first start creates the database, the second backs it up
        app = TenantInspectApp(data_dir)
        try:
            async with app.run_test():
                # Waited for off the event loop: the store's worker may still need the loop
                # (call_from_thread), and blocking it here held both until the 30 s timeout.
                # The store opens once the first screen is drawn: wait for it to have opened,
                # then for its start-up backup.
                await asyncio.to_thread(app.wait_store)
                await asyncio.to_thread(app.wait_startup)
                assert_private(data_dir)
        finally:
            app.shutdown_store()
    assert list(data_dir.backup_dir.glob("*-on-start.db"))
    assert_private(data_dir)


def test_reports_are_written_private(data_dir, tmp_path):
    from tenant_inspect.report import render_report

    store = open_store(data_dir)
    try:
        with store.write() as s:
            iid = inspections.create_inspection(s, title="T", landlord="L").id
        for name in ("report.docx", "report.md"):
            render_report(store, iid, tmp_path / name)
            assert mode(tmp_path / name) == 0o600, name
    finally:
        store.close()


def test_doctor_names_what_others_can_read_and_its_fix_works(data_dir, capsys):
    d = ["--data-dir", str(data_dir.path)]
    assert main([*d, "new", "--title", "T", "--landlord", "L"]) == 0
    assert main([*d, "backup"]) == 0
    assert main([*d, "doctor"]) == 0
    out = capsys.readouterr().out
    assert "permissions:       private" in out and "All is well." in out

    [backup] = data_dir.backup_dir.iterdir()
    loose = {data_dir.path: 0o755, data_dir.backup_dir: 0o755, data_dir.db_path: 0o644}
    loose[backup] = 0o644
    for path, bits in loose.items():
        path.chmod(bits)
    assert main([*d, "doctor"]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM: other people who use this computer can read your data" in out
    assert "(4 file(s) or folder(s))" in out
    assert f"drwxr-xr-x  {data_dir.path}\n" in out
    assert f"-rw-r--r--  {data_dir.db_path}\n" in out
    assert f"-rw-r--r--  {backup}\n" in out
    fix = out.split("To make them readable by you only, run:\n")[1].splitlines()[0].strip()
    words = shlex.split(fix)
    assert words[0] == "tenant-inspect" and words[-2:] == ["doctor", "--fix-permissions"]

    assert main(words[1:]) == 0  # the very command doctor printed
    out = capsys.readouterr().out
    # 4, or more: the first doctor's read-only look may have left -wal and -shm files
    assert re.search(r"made private: +[4-9] file\(s\) or folder\(s\)", out), out
    assert "All is well." in out
    assert_private(data_dir)
    assert main([*d, "list"]) == 0  # still the owner's to use
