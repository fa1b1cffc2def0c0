"""``doctor`` says what is wrong and exactly how to recover, and never changes anything."""

from __future__ import annotations

import shlex
from collections import namedtuple

import pytest

from tenant_inspect import doctor, doctor_report
from tenant_inspect.cli import main
from tenant_inspect.doctor import run_doctor
from tenant_inspect.locations import DataDir, resolve_data_dir
from tenant_inspect.storage.sqlite.backups import backup_database
from tenant_inspect.store import open_store


def _with_data(data_dir: DataDir, title: str = "Keep me") -> None:
    from tenant_inspect import inspections

    store = open_store(data_dir)
    with store.write() as s:
        inspections.create_inspection(s, title=title, landlord="L")
    store.close()


def _wreck(path, start=4096, end=8192):
    raw = bytearray(path.read_bytes())
    raw[start:end] = b"\xff" * (end - start)
    path.write_bytes(bytes(raw))


def _text(data_dir: DataDir) -> str:
    return "\n".join(run_doctor(data_dir).lines)


def test_a_healthy_folder_lists_the_newest_backups_with_their_times(data_dir):
    _with_data(data_dir)
    made = [
        backup_database(data_dir.db_path, data_dir.backup_dir, reason=r)
        for r in ("before-migration-0001", "manual", "on-start", "on-start", "on-exit", "on-exit")
    ]
    report = run_doctor(data_dir)
    text = "\n".join(report.lines)
    assert report.ok and "All is well." in text
    assert "backups:           6 in" in text and "newest first" in text
    listed = [line for line in report.lines if line.startswith("  20")]
    assert len(listed) == doctor_report.SHOW_BACKUPS
    assert [line.split()[-1] for line in listed] == [p.name for p in reversed(made[1:])]
    assert "on-exit" in listed[0] and "manual" in listed[-1]
    assert "open in the app:   no" in text and "free space:" in text


def test_a_damaged_database_gets_the_exact_restore_command_which_works(data_dir, capsys):
    _with_data(data_dir, "Weeks of notes")
    good = backup_database(data_dir.db_path, data_dir.backup_dir, reason="on-exit")
    newer = backup_database(data_dir.db_path, data_dir.backup_dir, reason="on-start")
    _wreck(newer)  # the newest backup is damaged too: doctor must not suggest it
    data_dir.db_path.write_bytes(b"garbage" * 1000)
    report = run_doctor(data_dir)
    assert not report.ok
    text = "\n".join(report.lines)
    assert "PROBLEM:" in text
    commands = [line.strip() for line in report.lines if " restore " in line]
    assert commands == [doctor_report.command(data_dir, "restore", str(good))]
    assert str(newer) not in text
    # The printed command is the whole recovery.
    words = shlex.split(commands[0])
    assert words[0] == "tenant-inspect"
    assert main(words[1:]) == 0
    capsys.readouterr()
    assert run_doctor(data_dir).ok
    from tenant_inspect.cli import main as cli

    assert cli(["--data-dir", str(data_dir.path), "list"]) == 0
    assert "Weeks of notes" in capsys.readouterr().out


def test_a_failed_integrity_check_points_at_the_newest_intact_backup(data_dir):
    _with_data(data_dir)
    good = backup_database(data_dir.db_path, data_dir.backup_dir, reason="manual")
    _wreck(data_dir.db_path)
    text = _text(data_dir)
    assert "PROBLEM:" in text
    assert f"restore {good}" in text


def test_no_intact_backup_says_to_keep_everything_and_ask(data_dir):
    _with_data(data_dir)
    data_dir.db_path.write_bytes(b"garbage" * 1000)
    text = _text(data_dir)
    assert "No intact backup was found here. Do not delete anything" in text
    assert doctor_report.command(data_dir, "restore", "FILE") in text


def test_the_command_names_a_chosen_folder_and_quotes_spaces(tmp_path):
    spaced = resolve_data_dir(tmp_path / "my data")
    cmd = doctor_report.command(spaced, "restore", str(tmp_path / "a b.db"))
    assert shlex.split(cmd) == [
        "tenant-inspect",
        "--data-dir",
        str(tmp_path / "my data"),
        "restore",
        str(tmp_path / "a b.db"),
    ]
    default = DataDir(tmp_path, "platformdirs")
    assert doctor_report.command(default, "backup") == "tenant-inspect backup"


def test_a_full_disk_and_a_read_only_folder_are_problems(data_dir, monkeypatch):
    _with_data(data_dir)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(doctor.shutil, "disk_usage", lambda p: usage(10**9, 10**9, 5 * 1024**2))
    monkeypatch.setattr(doctor, "_writable", lambda p: "Read-only file system")
    report = run_doctor(data_dir)
    text = "\n".join(report.lines)
    assert not report.ok
    assert "the disk is almost full (5.0 MiB free)" in text
    assert "nothing can be saved in the data folder (Read-only file system)" in text
    assert "Your data is intact" in text
    assert "restore" not in text  # nothing is damaged: no talk of restoring


@pytest.mark.parametrize("partial", [True, False])
def test_unfinished_backup_copies_are_mentioned(data_dir, partial):
    _with_data(data_dir)
    data_dir.backup_dir.mkdir(exist_ok=True)
    if partial:
        (data_dir.backup_dir / "tenant-inspect-x-on-start.db.partial").write_bytes(b"x")
    assert ("unfinished backup" in _text(data_dir)) is partial
