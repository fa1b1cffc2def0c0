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


def run_doctor(data_dir: DataDir) -> DoctorReport:
    from .store import storage_backend

    backend = storage_backend(data_dir)
    report = DoctorReport()
    report.info("tenant-inspect", __version__)
    report.info("data folder", f"{data_dir.path} (from {data_dir.source})")
    report.info("database", backend.location)
    _check_folder(report, data_dir, backend)
    backend.diagnose(report)
    return report


def _check_folder(report: DoctorReport, data_dir: DataDir, backend: Backend) -> None:
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
