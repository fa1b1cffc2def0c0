"""``tenant-inspect doctor``: is the data safe, and if not, what to do.

Read-only: it never migrates or repairs, so it is safe to run on a database
that something else is complaining about.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from . import __version__
from .backups import list_backups
from .errors import UserError
from .locations import DataDir
from .migrations import KNOWN_REVISIONS, SCHEMA_HEAD
from .store import stored_revision


@dataclass
class DoctorReport:
    lines: list[str] = field(default_factory=list)
    ok: bool = True

    def info(self, label: str, value: object) -> None:
        self.lines.append(f"{label + ':':<18} {value}")

    def problem(self, text: str) -> None:
        self.ok = False
        self.lines.append(f"PROBLEM: {text}")


def run_doctor(data_dir: DataDir) -> DoctorReport:
    report = DoctorReport()
    report.info("tenant-inspect", __version__)
    report.info("data folder", f"{data_dir.path} (from {data_dir.source})")
    db = data_dir.db_path
    report.info("database", db)
    backups = list_backups(data_dir.backup_dir)
    latest = backups[-1].path.name if backups else "none yet"
    report.info("backups", f"{len(backups)} in {data_dir.backup_dir} (latest: {latest})")
    if not db.exists():
        report.info("status", "no database yet; it is created when you first use tenant-inspect")
        return report
    report.info("size", f"{db.stat().st_size / 1024:.0f} KiB")
    try:
        revision = stored_revision(db)
    except UserError as exc:
        report.problem(f"{exc}. Restore a backup with 'tenant-inspect restore FILE'.")
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
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
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
        report.problem(
            f"the database cannot be read ({exc}). Restore a backup with 'tenant-inspect restore FILE'."
        )
        return report
    if integrity == ["ok"]:
        report.info("integrity", "ok")
    else:
        report.problem(
            "integrity check failed: "
            + "; ".join(integrity[:5])
            + ". Stop using this database; restore the newest backup with 'tenant-inspect restore FILE'."
        )
    if fk:
        report.problem(f"{len(fk)} row(s) point at missing records (foreign key check)")
    report.info("journal", mode)
    if mode != "wal":
        report.lines.append(
            "note: the journal switches to WAL when tenant-inspect next opens the database"
        )
    report.lines.append(
        "All is well." if report.ok else "Something is wrong: see the PROBLEM lines above."
    )
    return report
