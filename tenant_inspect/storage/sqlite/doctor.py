"""``doctor``'s checks of a SQLite database: backups, schema, integrity, the way back.

Read-only: it never migrates or repairs, so it is safe to run on a database
that something else is complaining about — and while the app is open. When
the database is damaged or unreadable it names the newest backup that passes
SQLite's integrity check and prints the exact ``restore`` command to run.
The report itself and the checks of the folder (room, writable) are the
back-end-neutral part, in :mod:`tenant_inspect.doctor`.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from ...doctor_report import SHOW_BACKUPS, DoctorReport, command, human_size
from ...errors import UserError
from ...locations import DataDir
from ...migrations import KNOWN_REVISIONS, SCHEMA_HEAD
from ..interface import StorageProblem
from .backups import PARTIAL_SUFFIX, BackupInfo, list_backups, newest_intact_backup
from .connect import is_immutable, open_read_only
from .migrate import stored_revision


def _when(info: BackupInfo) -> str:
    return info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _recovery(report: DoctorReport, data_dir: DataDir) -> None:
    """Say exactly how to get the data back: the newest intact backup and the command."""
    good = newest_intact_backup(data_dir.backup_dir)
    if good is None:
        report.lines.append(
            "No intact backup was found here. Do not delete anything: copy the whole data "
            f"folder ({data_dir.path}) somewhere safe. If you have a backup elsewhere (a USB "
            f"stick, an email), restore it with: {command(data_dir, 'restore', 'FILE')}"
        )
        return
    report.lines.append(
        f"The newest intact backup is from {_when(good)} ({good.kind}). To go back to it, "
        "close tenant-inspect and run:"
    )
    report.lines.append(f"    {command(data_dir, 'restore', str(good.path))}")
    report.lines.append(
        "(The damaged database is kept as a 'before-restore' backup, so nothing is thrown away.)"
    )


def check_database(report: DoctorReport, data_dir: DataDir) -> None:
    """List the backups, then check the database file; end with the verdict."""
    _list_backups(report, data_dir)
    db = data_dir.db_path
    if not db.exists():
        report.info("status", "no database yet; it is created when you first use tenant-inspect")
        return
    report.info("size", human_size(db.stat().st_size))
    try:
        revision = stored_revision(db)
    except StorageProblem as exc:  # unreadable, not damaged: the message says what to do
        report.problem(f"{exc}.")
        return
    except UserError as exc:
        report.problem(f"{exc}.")
        _recovery(report, data_dir)
        return
    if revision is None:
        report.info(
            "schema", f"not set up yet (current is {SCHEMA_HEAD}); it will be on next start"
        )
    elif revision == SCHEMA_HEAD:
        report.info("schema", f"{revision} (current)")
    elif revision in KNOWN_REVISIONS:
        report.info(
            "schema",
            f"{revision}; will be upgraded to {SCHEMA_HEAD} on next start (after a backup)",
        )
    else:
        report.problem(
            f"schema {revision} is newer than this tenant-inspect knows; upgrade tenant-inspect"
        )
    try:
        conn, uri = open_read_only(db)
        immutable = is_immutable(uri)
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if revision:
                inspections = conn.execute(
                    "SELECT count(*) FROM inspection WHERE deleted_at IS NULL"
                ).fetchone()[0]
                report.info("inspections", inspections)
                device = conn.execute(
                    "SELECT value FROM app_setting WHERE key='device_id'"
                ).fetchone()
                report.info("device id", device[0] if device else "not set yet")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        report.problem(f"the database cannot be read ({exc}).")
        _recovery(report, data_dir)
        return
    if immutable and Path(f"{db}-wal").exists():
        report.note(
            "read without its -wal file (the folder is read-only); recent saves may not show"
        )
    if integrity == ["ok"]:
        report.info("integrity", "ok")
    else:
        report.problem(
            "integrity check failed: "
            + "; ".join(integrity[:5])
            + ". Stop using this database (close tenant-inspect now)."
        )
        _recovery(report, data_dir)
    if fk:
        report.problem(f"{len(fk)} row(s) point at missing records (foreign key check)")
    if not immutable:
        report.info("journal", mode)
    if mode != "wal" and not immutable:
        report.lines.append(
            "note: the journal switches to WAL when tenant-inspect next opens the database"
        )
    report.lines.append(
        "All is well." if report.ok else "Something is wrong: see the PROBLEM lines above."
    )


def _list_backups(report: DoctorReport, data_dir: DataDir) -> None:
    found = list_backups(data_dir.backup_dir)
    if not found:
        report.info("backups", f"none yet in {data_dir.backup_dir}")
        report.note(
            "the app makes one each time it starts and when it closes; "
            f"'{command(data_dir, 'backup')}' makes one now"
        )
    else:
        report.info("backups", f"{len(found)} in {data_dir.backup_dir}; newest first:")
        for info in reversed(found[-SHOW_BACKUPS:]):
            report.lines.append(
                f"  {_when(info)}  {info.kind:<24} {human_size(info.size):>9}  {info.path.name}"
            )
        if found:
            age = datetime.now().astimezone() - found[-1].taken_at
            if age.days >= 7:
                report.note(f"the newest backup is {age.days} days old")
    partial = (
        list(data_dir.backup_dir.glob(f"*{PARTIAL_SUFFIX}")) if data_dir.backup_dir.is_dir() else []
    )
    if partial:
        report.note(
            f"{len(partial)} unfinished backup copy(ies) (*{PARTIAL_SUFFIX}) from an interrupted "
            "backup; they are not used and can be deleted"
        )
