"""``tenant-inspect doctor``: is the data safe, and if not, what to do.

Read-only: it never migrates or repairs, so it is safe to run on a database
that something else is complaining about — and while the app is open. This
module holds the report and the checks any back-end shares (the folder: can
anything be saved there, is there room, is the app open on it); the checks of
the database itself (schema, integrity, backups, how to recover) belong to the
back-end and are reached through :func:`tenant_inspect.store.storage_backend`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import TYPE_CHECKING

from . import __version__
from .doctor_report import DoctorReport, human_size
from .locations import DataDir

if TYPE_CHECKING:
    from .store import Backend

#: Below this much free space the disk is reported as a problem.
LOW_DISK_BYTES = 50 * 1024 * 1024


def _writable(path: os.PathLike[str] | str) -> str | None:
    """Why nothing can be saved in ``path``, or None if a file can be made there."""
    try:
        with tempfile.TemporaryFile(dir=path, prefix=".doctor-"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def run_doctor(data_dir: DataDir, *, fix_permissions: bool = False) -> DoctorReport:
    """Check the data folder; with ``fix_permissions``, first make the data private.

    Fixing permissions is the one change doctor makes, and only when asked: it is safe
    (nothing is read or written, only who may read) and a volunteer can run it.
    """
    from .store import storage_backend

    backend = storage_backend(data_dir)
    report = DoctorReport()
    report.info("tenant-inspect", __version__)
    report.info("data folder", f"{data_dir.path} (from {data_dir.source})")
    report.info("database", backend.location)
    if fix_permissions:
        _fix_permissions(report, backend)
    _check_folder(report, data_dir, backend)
    backend.diagnose(report)
    return report


def _check_folder(report: DoctorReport, data_dir: DataDir, backend: Backend) -> None:
    """Can anything be saved here, is there room, is the app open on it?"""
    if not data_dir.path.is_dir():
        return
    why = _writable(data_dir.path)
    if why is not None:
        looking = (
            "tenant-inspect opens it read-only (you can look and export)"
            if backend.is_read_only()
            else "tenant-inspect cannot save there"
        )
        report.problem(
            f"nothing can be saved in the data folder ({why}). Your data is intact, and "
            f"{looking}: to work on it, make the folder writable again, or copy it to your "
            "own disk and use --data-dir there."
        )
    try:
        free = shutil.disk_usage(data_dir.path).free
    except OSError:
        free = None
    if free is not None:
        report.info("free space", human_size(free))
        if free < LOW_DISK_BYTES:
            report.problem(
                f"the disk is almost full ({human_size(free)} free). Saving may fail; free some "
                "space (empty the recycle bin, move large files elsewhere)."
            )
    who = backend.open_elsewhere()
    if who is False:
        report.info("open in the app", "no")
    else:
        pid = "" if who is True else f" (pid {who})"
        report.info("open in the app", f"yes{pid}; this check reads only, so that is fine")


def _fix_permissions(report: DoctorReport, backend: Backend) -> None:
    try:
        changed = backend.make_private()
    except OSError as exc:
        report.problem(
            f"could not make {exc.filename} private ({exc.strerror}). Is the data folder on "
            "a drive that cannot keep permissions (a USB stick), or owned by another account?"
        )
        return
    if changed:
        report.info("made private", f"{len(changed)} file(s) or folder(s); only you can read them")
    else:
        report.info("made private", "nothing to change")
