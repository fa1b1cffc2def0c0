"""``tenant-inspect doctor``: is the data safe, and if not, what to do.

Read-only: it never migrates or repairs, so it is safe to run on a database
that something else is complaining about — and while the app is open. When
the database is damaged or unreadable it names the newest backup that passes
SQLite's integrity check and prints the exact ``restore`` command to run.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime

from . import __version__
from .backups import PARTIAL_SUFFIX, BackupInfo, list_backups, newest_intact_backup
from .errors import UserError
from .locations import DataDir
from .lock import holder
from .migrations import KNOWN_REVISIONS, SCHEMA_HEAD
from .store import StorageProblem, stored_revision

#: Below this much free space the disk is reported as a problem.
LOW_DISK_BYTES = 50 * 1024 * 1024
#: How many of the newest backups are listed.
SHOW_BACKUPS = 5


@dataclass
class DoctorReport:
    lines: list[str] = field(default_factory=list)
    ok: bool = True

    def info(self, label: str, value: object) -> None:
        self.lines.append(f"{label + ':':<18} {value}")

    def problem(self, text: str) -> None:
        self.ok = False
        self.lines.append(f"PROBLEM: {text}")

    def note(self, text: str) -> None:
        self.lines.append(f"note: {text}")


def command(data_dir: DataDir, *args: str) -> str:
    """The exact command line to type for this data folder (quoted for this system)."""
    words = ["tenant-inspect"]
    if data_dir.source != "platformdirs":
        words += ["--data-dir", str(data_dir.path)]
    words += list(args)
    if sys.platform == "win32":  # pragma: no cover
        return subprocess.list2cmdline(words)
    return shlex.join(words)


def _when(info: BackupInfo) -> str:
    return info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _size(n: int) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n / 1024:.0f} KiB"


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


def _writable(path: os.PathLike[str] | str) -> str | None:
    """Why nothing can be saved in ``path``, or None if a file can be made there."""
    try:
        with tempfile.TemporaryFile(dir=path, prefix=".doctor-"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _open_read_only(db: os.PathLike[str] | str) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection; on a read-only folder SQLite needs ``immutable`` to read WAL files."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, False
    except sqlite3.OperationalError as exc:
        conn.close()
        text = str(exc).lower()
        if "readonly" not in text and "unable to open" not in text:
            raise
    return sqlite3.connect(f"file:{db}?immutable=1", uri=True), True


def run_doctor(data_dir: DataDir) -> DoctorReport:
    report = DoctorReport()
    report.info("tenant-inspect", __version__)
    report.info("data folder", f"{data_dir.path} (from {data_dir.source})")
    db = data_dir.db_path
    report.info("database", db)
    _check_folder(report, data_dir)
    _list_backups(report, data_dir)
    if not db.exists():
        report.info("status", "no database yet; it is created when you first use tenant-inspect")
        return report
    report.info("size", _size(db.stat().st_size))
    try:
        revision = stored_revision(db)
    except StorageProblem:
        revision = _revision_immutable(db)  # a read-only folder: said above; read anyway
    except UserError as exc:
        report.problem(f"{exc}.")
        _recovery(report, data_dir)
        return report
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
        conn, immutable = _open_read_only(db)
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
        return report
    if immutable:
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
    return report


def _revision_immutable(db: os.PathLike[str] | str) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _check_folder(report: DoctorReport, data_dir: DataDir) -> None:
    """Can anything be saved here, is there room, is the app open on it?"""
    if not data_dir.path.is_dir():
        return
    why = _writable(data_dir.path)
    if why is not None:
        report.problem(
            f"nothing can be saved in the data folder ({why}). Your data is intact, but "
            "tenant-inspect cannot save there: make the folder writable again, or use "
            "--data-dir to work in a folder you can write to."
        )
    try:
        free = shutil.disk_usage(data_dir.path).free
    except OSError:
        free = None
    if free is not None:
        report.info("free space", _size(free))
        if free < LOW_DISK_BYTES:
            report.problem(
                f"the disk is almost full ({_size(free)} free). Saving may fail; free some space "
                "(empty the recycle bin, move large files elsewhere)."
            )
    who = holder(data_dir)
    if who is False:
        report.info("open in the app", "no")
    else:
        pid = "" if who is True else f" (pid {who})"
        report.info("open in the app", f"yes{pid}; this check reads only, so that is fine")


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
                f"  {_when(info)}  {info.kind:<24} {_size(info.size):>9}  {info.path.name}"
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
