"""Backups are real copies, pruning keeps the newest, restore checks before it touches anything."""

from __future__ import annotations

import sqlite3

import pytest
from sqlmodel import select

from tenant_inspect import models as m
from tenant_inspect.errors import UserError
from tenant_inspect.storage.sqlite.backups import backup_database, list_backups, prune_backups
from tenant_inspect.storage.sqlite.restore import restore_database
from tenant_inspect.store import open_store


def _titles(data_dir):
    s = open_store(data_dir)
    try:
        with s.read() as session:
            return sorted(i.title for i in session.exec(select(m.Inspection)).all())
    finally:
        s.close()


def _add(data_dir, title):
    s = open_store(data_dir)
    with s.write() as session:
        session.add(m.Inspection(title=title, landlord="L"))
    s.close()


def test_backup_then_restore_round_trip(data_dir):
    _add(data_dir, "Before")
    backup = backup_database(data_dir.db_path, data_dir.backup_dir)
    _add(data_dir, "After")
    assert _titles(data_dir) == ["After", "Before"]
    safety = restore_database(data_dir, backup)
    assert _titles(data_dir) == ["Before"]
    # The replaced database was kept, with the later work in it.
    assert safety is not None and safety.exists()
    conn = sqlite3.connect(safety)
    assert sorted(r[0] for r in conn.execute("SELECT title FROM inspection")) == ["After", "Before"]
    conn.close()


def test_backup_includes_data_still_in_the_wal(data_dir):
    s = open_store(data_dir)
    with s.write() as session:
        session.add(m.Inspection(title="In WAL", landlord="L"))
    # The store is still open, so the row may live only in the -wal file.
    backup = backup_database(data_dir.db_path, data_dir.backup_dir)
    s.close()
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT title FROM inspection").fetchall() == [("In WAL",)]
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_prune_keeps_the_newest(data_dir):
    _add(data_dir, "x")
    made = [backup_database(data_dir.db_path, data_dir.backup_dir) for _ in range(5)]
    removed = prune_backups(data_dir.backup_dir, keep=2)
    assert removed == made[:3]
    assert [b.path for b in list_backups(data_dir.backup_dir)] == made[3:]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello, not a database", "is not a SQLite database"),
        (None, "does not exist"),
    ],
)
def test_restore_refuses_bad_files_and_changes_nothing(data_dir, tmp_path, content, message):
    _add(data_dir, "Keep me")
    bad = tmp_path / "bad.db"
    if content is not None:
        bad.write_bytes(content)
    before = data_dir.db_path.read_bytes()
    with pytest.raises(UserError, match=message):
        restore_database(data_dir, bad)
    assert _titles(data_dir) == ["Keep me"]
    assert data_dir.db_path.read_bytes() == before
    assert not list(data_dir.backup_dir.glob("*before-restore*"))


def test_restore_refuses_other_sqlite_databases(data_dir, tmp_path):
    _add(data_dir, "Keep me")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="not a tenant-inspect database"):
        restore_database(data_dir, other)
    assert _titles(data_dir) == ["Keep me"]


def test_restore_refuses_a_backup_from_a_newer_version(data_dir, tmp_path):
    _add(data_dir, "Keep me")
    newer = backup_database(data_dir.db_path, tmp_path / "elsewhere")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="newer version"):
        restore_database(data_dir, newer)


def test_restore_refuses_a_damaged_file(data_dir, tmp_path):
    _add(data_dir, "Keep me")
    copy = backup_database(data_dir.db_path, tmp_path / "elsewhere")
    raw = bytearray(copy.read_bytes())
    # Wreck the second page (the first table's b-tree) but keep the header.
    raw[4096:8192] = b"\xff" * 4096
    copy.write_bytes(bytes(raw))
    with pytest.raises(UserError, match=r"damaged|cannot be read|not a"):
        restore_database(data_dir, copy)
    assert _titles(data_dir) == ["Keep me"]


def test_a_restored_database_gets_a_new_device_id(data_dir):
    _add(data_dir, "x")
    s = open_store(data_dir)
    before = s.device_id
    s.close()
    backup = backup_database(data_dir.db_path, data_dir.backup_dir)
    restore_database(data_dir, backup)
    s = open_store(data_dir)
    try:
        assert s.device_id != before and len(s.device_id) == 8
    finally:
        s.close()


# ---------------------------------------------------------------------------
# Rolling backups (the app's on-start / on-exit copies)
# ---------------------------------------------------------------------------


def test_rolling_backups_keep_the_newest_of_their_own_kind_only(data_dir):
    from tenant_inspect.storage.sqlite.backups import ON_EXIT, ON_START, rolling_backup

    _add(data_dir, "x")
    manual = backup_database(data_dir.db_path, data_dir.backup_dir, reason="manual")
    starts = [
        rolling_backup(data_dir.db_path, data_dir.backup_dir, ON_START, keep=3) for _ in range(5)
    ]
    exits = [
        rolling_backup(data_dir.db_path, data_dir.backup_dir, ON_EXIT, keep=3) for _ in range(2)
    ]
    kept = [b.path for b in list_backups(data_dir.backup_dir)]
    assert kept == [manual, *starts[-3:], *exits]
    assert [b.kind for b in list_backups(data_dir.backup_dir)] == [
        "manual", "on-start", "on-start", "on-start", "on-exit", "on-exit"
    ]  # fmt: skip


def test_a_killed_backup_leaves_only_a_partial_file_which_the_next_one_clears(data_dir):
    from tenant_inspect.storage.sqlite.backups import ON_START, rolling_backup

    _add(data_dir, "x")
    data_dir.backup_dir.mkdir(exist_ok=True)
    stale = data_dir.backup_dir / "tenant-inspect-20260101T000000000000Z-on-start.db.partial"
    stale.write_bytes(b"half a copy")
    other = data_dir.backup_dir / "tenant-inspect-20260101T000000000000Z-manual.db.partial"
    other.write_bytes(b"maybe still being written by the CLI")
    assert list_backups(data_dir.backup_dir) == []  # a .partial is never taken for a backup
    rolling_backup(data_dir.db_path, data_dir.backup_dir, ON_START)
    assert not stale.exists() and other.exists()


def test_change_watch_sees_commits_from_other_connections_only(data_dir):
    from tenant_inspect.storage.sqlite.backups import ChangeWatch

    _add(data_dir, "x")
    watch = ChangeWatch(data_dir.db_path)
    try:
        assert _titles(data_dir) == ["x"]  # reading changes nothing
        assert not watch.changed()
        _add(data_dir, "y")
        assert watch.changed()
    finally:
        watch.close()
    assert watch.changed()  # closed: unsure, so "changed" (a backup too many, never one too few)


def test_newest_intact_backup_skips_a_damaged_one(data_dir):
    from tenant_inspect.storage.sqlite.backups import newest_intact_backup

    _add(data_dir, "x")
    good = backup_database(data_dir.db_path, data_dir.backup_dir, reason="on-start")
    bad = backup_database(data_dir.db_path, data_dir.backup_dir, reason="on-exit")
    raw = bytearray(bad.read_bytes())
    raw[4096:8192] = b"\xff" * 4096
    bad.write_bytes(bytes(raw))
    found = newest_intact_backup(data_dir.backup_dir)
    assert found is not None and found.path == good


def test_restore_over_a_database_sqlite_cannot_read_keeps_its_bytes(data_dir):
    _add(data_dir, "Good")
    backup = backup_database(data_dir.db_path, data_dir.backup_dir)
    data_dir.db_path.write_bytes(b"garbage" * 1000)  # the live file is wrecked
    safety = restore_database(data_dir, backup)
    assert _titles(data_dir) == ["Good"]
    assert safety is not None and safety.read_bytes() == b"garbage" * 1000
    assert "before-restore" in safety.name


def test_a_manual_backup_of_a_wrecked_database_is_refused(data_dir):
    _add(data_dir, "x")
    data_dir.db_path.write_bytes(b"garbage" * 1000)
    with pytest.raises(UserError, match=r"backup to .* failed"):
        backup_database(data_dir.db_path, data_dir.backup_dir)
    assert list_backups(data_dir.backup_dir) == []
    assert not list(data_dir.backup_dir.glob("*.partial"))
