"""Data folders the benchmarks share, built with the real command (or, for bulk, the API).

* :func:`home_folder` — the start-up fixtures: the small demo, an empty inspection and the
  large demo (3 inspections), optionally after ``extra`` plain inspections (47 makes 50).
  The large demo is made last, so it is the most recently changed and heads the home list:
  its landlord is what "home painted" waits for, and Enter opens it.
* :func:`copy_folder` — a fresh copy per run, so no run sees another's lock, backups or
  ``-wal`` file.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from _pty import APP, app, run

LARGE_LANDLORD = "Hollins Brook"  # the large demo's landlord, shown under its title at 80×24

_BULK = """
import sys
from tenant_inspect import inspections
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store

store = open_store(resolve_data_dir(sys.argv[1]))
with store.write() as s:
    for n in range(int(sys.argv[2])):
        inspections.create_inspection(
            s, title=f"Estate services review {n + 1}", landlord=f"Landlord {n + 1}"
        )
store.close()
"""


def home_folder(data: Path, extra: int = 0) -> Path:
    """``extra`` plain inspections, then the small demo, an empty one and the large demo."""
    if extra:
        run([APP[0], "-c", _BULK, str(data), str(extra)])
    run(app(data, "demo"))
    run(app(data, "new", "--title", "Spring scrutiny", "--landlord", "Vale HA"))
    run(app(data, "demo", "--size", "large"))
    return data


def large_demo_id(data: Path) -> str:
    """The id of the large demo in ``data`` (plain sqlite3, read-only)."""
    conn = sqlite3.connect(f"file:{data / 'tenant-inspect.db'}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT id FROM inspection WHERE landlord LIKE ? ORDER BY updated_at DESC",
            (f"{LARGE_LANDLORD}%",),
        ).fetchone()
    finally:
        conn.close()
    return str(row[0])


def copy_folder(src: Path, dst: Path) -> Path:
    """A fresh copy of a data folder (database only: no backups, no lock)."""
    if dst.exists():
        shutil.rmtree(dst)
    dst.mkdir(parents=True)
    s, d = sqlite3.connect(src / "tenant-inspect.db"), sqlite3.connect(dst / "tenant-inspect.db")
    try:
        s.backup(d)
    finally:
        s.close()
        d.close()
    return dst
