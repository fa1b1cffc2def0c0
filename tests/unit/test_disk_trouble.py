"""A full disk or a read-only data folder: a clear message, nothing saved is lost, nothing
is claimed to be saved that was not.

Three ways in, from simulated to real:

* the store's write raising SQLite's own "database or disk is full" (monkeypatched);
* a child process whose files may not grow past a limit (``RLIMIT_FSIZE``): SQLite's real
  write fails half-way through a transaction;
* a child process for which the data folder really is read-only. Tests run as root here,
  and root ignores file permissions, so the child first gives up the capability that lets
  it (``CAP_DAC_OVERRIDE``); where that is impossible the test is skipped and says why.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc

from tenant_inspect import inspections
from tenant_inspect import models as m
from tenant_inspect.autosave import AutoSaver
from tenant_inspect.errors import UserError
from tenant_inspect.locations import DataDir
from tenant_inspect.store import StorageProblem, Store, open_store
from tests.support.read_only import run_cli_batch

FULL = "database or disk is full"


def fingerprint(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        digest = hashlib.sha256()
        for (table,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
        ).fetchall():
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def _inspection(store: Store, title: str = "Saved before") -> str:
    with store.write() as s:
        return inspections.create_inspection(s, title=title, landlord="L").id


def _title(store: Store, insp_id: str) -> str:
    with store.read() as s:
        row = s.get(m.Inspection, insp_id)
        assert row is not None
        return row.title


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError(FULL),
        sa_exc.OperationalError("COMMIT", {}, sqlite3.OperationalError(FULL)),
    ],
    ids=["sqlite3", "sqlalchemy"],
)
def test_a_full_disk_during_a_write_is_one_clear_line_and_changes_nothing(store, error):
    insp = _inspection(store)
    before = fingerprint(store.db_path)
    with pytest.raises(StorageProblem) as err, store.write() as s:
        inspections.update_inspection(s, s.get(m.Inspection, insp), title="Half-way")
        s.flush()
        raise error
    message = str(err.value)
    assert message.startswith(f"cannot save to {store.db_path}: the disk is full.")
    assert "Everything saved before is safe" in message and "free some space" in message
    assert "\n" not in message
    assert fingerprint(store.db_path) == before
    assert _title(store, insp) == "Saved before"


def test_other_database_errors_are_not_dressed_up_as_disk_trouble(store):
    with pytest.raises(sqlite3.OperationalError, match="no such table"), store.write():
        raise sqlite3.OperationalError("no such table: nowhere")
    assert store.explain(ValueError("x")) is None


def test_autosave_reports_a_full_disk_and_never_says_saved(store, monkeypatch):
    insp = _inspection(store)
    saved: list[str] = []
    errors: list[tuple[str, BaseException]] = []
    done = threading.Event()

    def on_error(key: str, exc: BaseException) -> None:
        errors.append((key, exc))
        done.set()

    saver = AutoSaver(store, on_saved=saved.append, on_error=on_error)

    def setter(title: str):
        return lambda s: inspections.update_inspection(s, s.get(m.Inspection, insp), title=title)

    def full(*args, **kwargs):
        raise sqlite3.OperationalError(FULL)

    try:
        before = fingerprint(store.db_path)
        monkeypatch.setattr(store, "write", full)
        saver.submit("title", setter("Typed while the disk was full"), delay=0.01)
        assert done.wait(5)
        assert saver.flush()
        assert saved == []  # no "saved" for a save that failed
        [(key, exc)] = errors
        problem = store.explain(exc)
        assert key == "title" and problem is not None and problem.reason == "the disk is full"
        monkeypatch.undo()
        assert fingerprint(store.db_path) == before
        assert _title(store, insp) == "Saved before"
        # Space freed: the next keystroke saves the whole text.
        saver.submit("title", setter("Typed while the disk was full!"), delay=0.01)
        assert saver.flush()
        assert saved == ["title"]
        assert _title(store, insp) == "Typed while the disk was full!"
    finally:
        saver.stop()


CHILD_FULL = r"""
import os, resource, signal, sys
from tenant_inspect import inspections
from tenant_inspect.errors import UserError
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store
data = resolve_data_dir(sys.argv[1])
store = open_store(data)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG, not death
used = sum(os.path.getsize(p) for p in data.path.glob("tenant-inspect.db*"))
resource.setrlimit(resource.RLIMIT_FSIZE, (used + 100_000, resource.RLIM_INFINITY))
saved = 0
try:
    for n in range(10_000):
        with store.write() as s:
            inspections.create_inspection(s, title=f"Row {n}", landlord="L", scope="s" * 3000)
        saved += 1
except UserError as exc:
    print(saved, exc, sep="\n", flush=True)
else:
    print(saved, "no error", sep="\n", flush=True)
# Space comes back: the same open store carries on.
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
with store.write() as s:
    inspections.create_inspection(s, title="After", landlord="L")
store.close()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX only")
def test_files_that_cannot_grow_fail_cleanly_and_keep_every_commit(data_dir: DataDir):
    store = open_store(data_dir)
    _inspection(store)
    store.close()
    out = subprocess.run(
        [sys.executable, "-c", CHILD_FULL, str(data_dir.path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    saved_text, message = out.stdout.splitlines()[:2]
    saved = int(saved_text)
    assert saved > 0 and message.startswith(f"cannot save to {data_dir.db_path}: ")
    assert "Everything saved before is safe" in message
    conn = sqlite3.connect(data_dir.db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        titles = [r[0] for r in conn.execute("SELECT title FROM inspection ORDER BY created_at")]
    finally:
        conn.close()
    # Every committed row survived, the failed one is not half there, and work went on after.
    assert titles == ["Saved before", *(f"Row {n}" for n in range(saved)), "After"]


def _drop_dac_override() -> None:
    """In the child: give up root's power to ignore file permissions (Linux prctl)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _read_only_runner():
    """How to run a child that really cannot write a 0555 folder, or skip saying why."""
    if os.name != "posix":
        pytest.skip("read-only folders are simulated on POSIX only")
    if os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        pytest.skip("running as root, which ignores permissions, and cannot drop that here")
    probe = subprocess.run(
        [sys.executable, "-c", "pass"], preexec_fn=_drop_dac_override, capture_output=True
    )
    if probe.returncode != 0:
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE in a child process")
    return _drop_dac_override


def test_a_read_only_data_folder_says_so_and_keeps_the_data(data_dir: DataDir):
    preexec = _read_only_runner()
    store = open_store(data_dir)
    _inspection(store, "Weeks of notes")
    store.close()
    before = fingerprint(data_dir.db_path)
    for path in (data_dir.db_path, data_dir.backup_dir, data_dir.path):
        path.chmod(0o444 if path.is_file() else 0o555)
    try:
        commands = [["new", "--title", "T", "--landlord", "L"], ["list"], ["backup"], ["doctor"]]
        *done, doctor = run_cli_batch(data_dir.path, commands, preexec)  # one child, in turn
        for args, out in zip(commands[:-1], done, strict=True):
            note, *rest = out.stderr.splitlines()
            assert note.endswith(
                "is read-only: you can look and export, but nothing can be saved there."
            )
            if args == ["list"]:  # looking works (tests/e2e/test_read_only_folder.py has more)
                assert out.returncode == 0 and "Weeks of notes (L)" in out.stdout, out.stderr
                continue
            assert out.returncode == 1, (args, out.stdout, out.stderr)
            [line] = rest
            assert "Traceback" not in line, line
            assert "the data folder is read-only" in line, line
            assert "Everything saved before is safe" in line
            assert "not a tenant-inspect database" not in line
        assert doctor.returncode == 1
        assert "PROBLEM: nothing can be saved in the data folder" in doctor.stdout
        assert "inspections:       1" in doctor.stdout and "integrity:         ok" in doctor.stdout
        assert " restore " not in doctor.stdout  # nothing is damaged: no talk of restoring
    finally:
        for path in (data_dir.path, data_dir.backup_dir, data_dir.db_path):
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert fingerprint(data_dir.db_path) == before


def test_open_store_turns_disk_trouble_into_a_user_error(data_dir: DataDir, monkeypatch):
    from tenant_inspect.storage.sqlite import store as store_module

    open_store(data_dir).close()

    def full(engine):
        raise sa_exc.OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError(FULL))

    monkeypatch.setattr(store_module, "_device_id", full)
    with pytest.raises(UserError, match=r"^cannot open .*: the disk is full\."):
        open_store(data_dir)
