"""Who may read a data folder: its owner only (POSIX permissions).

The database and its backups hold interviewee names. tenant-inspect creates its folders
``0700`` and its files ``0600`` (:mod:`tenant_inspect.durable`), but a folder made by an
older version, copied with a file manager or restored from a stick may be readable by
every account on the computer. ``doctor`` names such files and folders
(:func:`check_privacy`) and ``doctor --fix-permissions`` makes them private
(:func:`make_private`). Only what tenant-inspect itself keeps there is touched: the data
folder, the database with its -wal and -shm files, the lock file, and the backups folder
with the files in it — never anything else a user put in the folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ...doctor_report import DoctorReport, command
from ...durable import PRIVATE_DIR, PRIVATE_FILE, loose_mode
from ...locations import DataDir
from .lock import LOCK_FILENAME

#: How many loose paths doctor lists before "... and N more".
SHOW_LOOSE = 6


def _ours(data_dir: DataDir) -> list[Path]:
    """The folders and files tenant-inspect keeps in ``data_dir`` that exist now."""
    db = data_dir.db_path
    paths = [data_dir.path, db, Path(f"{db}-wal"), Path(f"{db}-shm")]
    paths.append(data_dir.path / LOCK_FILENAME)
    if data_dir.backup_dir.is_dir():
        paths.append(data_dir.backup_dir)
        paths.extend(sorted(p for p in data_dir.backup_dir.iterdir() if p.is_file()))
    return [p for p in paths if p.exists() and not p.is_symlink()]


def loose_paths(data_dir: DataDir) -> list[tuple[Path, int]]:
    """Each of tenant-inspect's folders and files that others may read, with its mode."""
    found = []
    for path in _ours(data_dir):
        mode = loose_mode(path)
        if mode is not None:
            found.append((path, mode))
    return found


def make_private(data_dir: DataDir) -> list[Path]:
    """Folders to ``0700``, files to ``0600``; return the paths changed.

    Raises ``OSError`` only for a path whose mode cannot be changed (another owner, a
    read-only drive); everything before it has been changed.
    """
    changed = []
    for path, _ in loose_paths(data_dir):
        os.chmod(path, PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)
        changed.append(path)
    return changed


def check_privacy(report: DoctorReport, data_dir: DataDir) -> None:
    """A PROBLEM naming what others can read, and the command that makes it private."""
    loose = loose_paths(data_dir)
    if not loose:
        if os.name == "posix" and data_dir.path.is_dir():
            report.info("permissions", "private (only you can read your data)")
        return
    report.problem(
        "other people who use this computer can read your data, which includes "
        f"interviewee names ({len(loose)} file(s) or folder(s)):"
    )
    for path, mode in loose[:SHOW_LOOSE]:
        report.lines.append(f"  {stat.filemode(mode | _kind(path))}  {path}")
    if len(loose) > SHOW_LOOSE:
        report.lines.append(f"  ... and {len(loose) - SHOW_LOOSE} more")
    report.lines.append("To make them readable by you only, run:")
    report.lines.append(f"    {command(data_dir, 'doctor', '--fix-permissions')}")


def _kind(path: Path) -> int:
    return stat.S_IFDIR if path.is_dir() else stat.S_IFREG
