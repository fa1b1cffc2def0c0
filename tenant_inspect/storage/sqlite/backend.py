"""The SQLite back-end seen from outside: what can be done with a data folder.

Some things happen without an open :class:`~tenant_inspect.store.Store` — the
home screen's list before SQLModel has loaded, the backup after the app has
closed its store, a restore (which replaces the file the store would hold),
the single-instance lock, ``doctor`` — so they hang off this small object
rather than the store. Creating it and importing this module cost nothing:
every method imports what it needs, so the cheap paths stay cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from ...doctor_report import DoctorReport
    from ...locations import DataDir
    from ...merged_files import MergedFile
    from ...summaries import InspectionSummary, RunQuery
    from .store import SqliteStore

T = TypeVar("T")


class SqliteBackend:
    """The database file ``tenant-inspect.db`` in a data folder."""

    def __init__(self, data_dir: DataDir) -> None:
        self.data_dir = data_dir

    @property
    def location(self) -> str:
        return str(self.data_dir.db_path)

    def open(self, *, migrate: bool = True, defer_orm: bool = False) -> SqliteStore:
        from .store import open_sqlite_store

        return open_sqlite_store(self.data_dir, migrate_schema=migrate, defer_orm=defer_orm)

    def is_read_only(self) -> bool:
        from .connect import cannot_write

        return cannot_write(self.data_dir.db_path)

    def make_private(self) -> list[Path]:
        from .privacy import make_private

        return make_private(self.data_dir)

    def quick_summaries(self) -> list[InspectionSummary] | None:
        from .fastread import quick_summaries

        return quick_summaries(self.data_dir.db_path)

    def quick_read(self, read: Callable[[RunQuery], T]) -> T | None:
        from .fastread import quick_read

        return quick_read(self.data_dir.db_path, read)

    def merged_files(self, digests: Sequence[str]) -> dict[str, MergedFile] | None:
        from .fastread import merged_files

        return merged_files(self.data_dir.db_path, digests)

    def rolling_backup(self, kind: str) -> Path:
        """Back up and keep the newest few of ``kind``; SQLite's own failures become a UserError.

        The caller (the app) then needs to know no sqlite3 exception to report it.
        """
        from .backups import rolling_backup_for

        return rolling_backup_for(self.data_dir, kind)

    def restore(self, source: Path) -> Path | None:
        from .restore import restore_database

        return restore_database(self.data_dir, source)

    def hold(self) -> AbstractContextManager[object]:
        from .lock import acquire

        return acquire(self.data_dir)

    def open_elsewhere(self) -> int | bool:
        from .lock import holder

        return holder(self.data_dir)

    def diagnose(self, report: DoctorReport) -> None:
        from .doctor import check_database
        from .privacy import check_privacy

        check_privacy(report, self.data_dir)
        check_database(report, self.data_dir)
