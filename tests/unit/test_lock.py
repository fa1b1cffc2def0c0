"""One app per data folder: the lock refuses a second window, never outlives its process,
and keeps restores and upgrades from pulling the data out from under an open app.

"Another process" is a real one here: a small Python child that takes the lock, or the CLI
run as a subprocess while this test process holds it.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tenant_inspect.errors import UserError
from tenant_inspect.locations import DataDir
from tenant_inspect.storage.sqlite import lock
from tenant_inspect.storage.sqlite.backups import backup_database
from tenant_inspect.storage.sqlite.engine import make_engine
from tenant_inspect.storage.sqlite.migrate import run_migrations, stored_revision
from tenant_inspect.storage.sqlite.restore import restore_database
from tenant_inspect.store import open_store

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("the two-process tests use POSIX signals", allow_module_level=True)

HOLD = """
import sys, time
from tenant_inspect.storage.sqlite.lock import acquire
from tenant_inspect.locations import resolve_data_dir
held = acquire(resolve_data_dir(sys.argv[1]))
print("held" if held.held else "not held", flush=True)
time.sleep(600)
"""


def _run(data_dir: DataDir, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenant_inspect", "--data-dir", str(data_dir.path), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def other_app(data_dir: DataDir) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the data folder's lock, as an open app does."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data_dir.path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    yield child
    if child.poll() is None:
        child.kill()
    child.wait(10)


def _fingerprint(path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [(t, conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()) for t in tables]
    finally:
        conn.close()


def test_the_lock_is_held_once_per_process(data_dir):
    first = lock.acquire(data_dir)
    try:
        assert first.held and lock.acquire(data_dir) is first
        assert lock.holder(data_dir) is False  # it is ours, not another process's
        assert lock.lock_path(data_dir).read_text().strip() == str(os.getpid())
    finally:
        first.release()
    again = lock.acquire(data_dir)
    assert again.held and again is not first
    again.release()


def test_another_process_is_refused_with_the_holders_pid(data_dir, other_app):
    with pytest.raises(lock.DataDirBusy) as err:
        lock.acquire(data_dir, retry_for=0.1)
    assert err.value.pid == other_app.pid
    assert f"already open on this data folder (pid {other_app.pid}); close it first" in str(
        err.value
    )
    assert lock.holder(data_dir) == other_app.pid


def test_a_killed_holder_leaves_no_stale_lock(data_dir, other_app):
    os.kill(other_app.pid, signal.SIGKILL)
    other_app.wait(10)
    assert lock.lock_path(data_dir).exists()  # the file stays; the lock went with the process
    assert lock.holder(data_dir) is False
    mine = lock.acquire(data_dir, retry_for=0)
    assert mine.held
    mine.release()


def test_a_folder_that_cannot_hold_a_lock_does_not_stop_the_app(data_dir, monkeypatch):
    def refuse(path, *, create):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(lock, "_open", refuse)
    unheld = lock.acquire(data_dir)
    assert not unheld.held  # the app then reports the read-only folder itself
    unheld.release()


def test_a_second_window_is_refused_before_textual_loads(data_dir):
    """The TUI command with the folder taken: exit 1, one line naming the pid, no Textual."""
    code = (
        "import sys\n"
        "from tenant_inspect.cli import main\n"
        "status = main(['--data-dir', sys.argv[1]])\n"
        "print(status, 'textual' in sys.modules)\n"
    )
    with lock.acquire(data_dir):
        out = subprocess.run(
            [sys.executable, "-c", code, str(data_dir.path)],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
    assert out.stdout.strip() == "1 False", out.stdout + out.stderr
    line = out.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert f"already open on this data folder (pid {os.getpid()}); close it first" in line


def test_cli_reads_and_writes_work_while_the_app_is_open(data_dir, tmp_path):
    store = open_store(data_dir)
    store.close()
    with lock.acquire(data_dir):
        made = _run(data_dir, "new", "--title", "Beside the app", "--landlord", "Vale HA")
        assert made.returncode == 0, made.stderr
        new_id = made.stdout.strip()
        listed = _run(data_dir, "list")
        assert listed.returncode == 0 and "Beside the app" in listed.stdout
        assert _run(data_dir, "dump", new_id[:8]).returncode == 0
        report = _run(data_dir, "report", new_id[:8], "-o", str(tmp_path / "r.md"))
        assert report.returncode == 0, report.stderr
        doctor = _run(data_dir, "doctor")
        assert doctor.returncode == 0, doctor.stdout
        assert f"open in the app:   yes (pid {os.getpid()})" in doctor.stdout


def test_restore_is_refused_while_the_app_is_open(data_dir, other_app):
    store = open_store(data_dir)
    with store.write() as s:
        from tenant_inspect import inspections

        inspections.create_inspection(s, title="Live", landlord="L")
    store.close()
    backup = backup_database(data_dir.db_path, data_dir.backup_dir)
    before = _fingerprint(data_dir.db_path)
    with pytest.raises(UserError, match=r"open on this data folder \(pid \d+\); close it before"):
        restore_database(data_dir, backup)
    assert _fingerprint(data_dir.db_path) == before
    other_app.kill()
    other_app.wait(10)
    restore_database(data_dir, backup)  # and once it is closed, it works


def test_an_upgrade_waits_until_the_app_is_closed(data_dir, other_app):
    data_dir.path.mkdir(parents=True, exist_ok=True)
    engine = make_engine(data_dir.db_path)
    run_migrations(engine, "0001")
    engine.dispose()
    with pytest.raises(UserError, match="close it before you upgrade its database"):
        open_store(data_dir)
    assert stored_revision(data_dir.db_path) == "0001"
    assert not list(data_dir.backup_dir.glob("*.db"))
    other_app.kill()
    other_app.wait(10)
    open_store(data_dir).close()
    assert stored_revision(data_dir.db_path) != "0001"
