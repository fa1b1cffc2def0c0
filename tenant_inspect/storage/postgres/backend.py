"""The PostgreSQL back-end seen from outside: what a server means for each duty of a back-end.

* The cheap start-up readers (:meth:`quick_summaries`, :meth:`quick_read`,
  :meth:`merged_files`) read with plain psycopg, as the SQLite ones read with plain sqlite3
  (:mod:`.fastread`): the same login, settings and SQL as the store, without loading the
  ORM; None (open the store) when the schema is not current or anything else is off.
* Backups and restore belong to the server's administrator (``pg_dump``), so they are
  refused with a sentence saying so; the app takes none.
* There is no single-instance lock: several people may work on the server at once, and
  its transactions keep them apart (writers take turns: see :mod:`.engine`).
* File permissions mean nothing on a server (its roles and privileges decide who reads
  what); ``doctor --fix-permissions`` still makes this laptop's own settings private.
* ``doctor`` reports the connection (server, database, user — never the password), the
  schema's revision and whether it is current.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ...errors import UserError

if TYPE_CHECKING:
    from ...doctor_report import DoctorReport
    from ...locations import DataDir
    from ...merged_files import MergedFile
    from ...summaries import InspectionSummary, RunQuery
    from .store import PostgresStore

T = TypeVar("T")


class PostgresBackend:
    """The server database named by ``database`` (a URL); ``data_dir`` holds this laptop's
    own settings."""

    def __init__(self, data_dir: DataDir, database: str) -> None:
        self.data_dir = data_dir
        self.database = database

    @property
    def location(self) -> str:
        from .url import describe, engine_url

        try:
            return describe(engine_url(self.database))
        except UserError:
            return "a PostgreSQL database (the URL given cannot be read)"

    def open(self, *, migrate: bool = True, defer_orm: bool = False) -> PostgresStore:
        """(``defer_orm`` is a SQLite economy: the server's store always has its engine.)"""
        from .store import open_postgres_store

        return open_postgres_store(
            self.data_dir, self.database, migrate=migrate, defer_orm=defer_orm
        )

    def is_read_only(self) -> bool:
        return False  # what a user may change is the server's business (its privileges)

    def make_private(self) -> list[Path]:
        from ..sqlite.privacy import make_private

        return make_private(self.data_dir)  # this laptop's settings; the server has roles

    def quick_summaries(self) -> list[InspectionSummary] | None:
        from .fastread import quick_summaries

        return quick_summaries(self.database)

    def quick_read(self, read: Callable[[RunQuery], T]) -> T | None:
        from .fastread import quick_read

        return quick_read(self.database, read)

    def merged_files(self, digests: Sequence[str]) -> dict[str, MergedFile] | None:
        from .fastread import merged_files

        return merged_files(self.database, digests)

    def rolling_backup(self, kind: str) -> Path:
        from .store import BACKUPS_ON_SERVER

        raise UserError(f"no backup made: {BACKUPS_ON_SERVER}")

    def restore(self, source: Path) -> Path | None:
        from .store import BACKUPS_ON_SERVER

        raise UserError(f"restore replaces a data folder's own database; {BACKUPS_ON_SERVER}")

    def hold(self) -> AbstractContextManager[object]:
        return _nothing_held()

    def open_elsewhere(self) -> int | bool:
        return False  # several people may work on a server at once

    def diagnose(self, report: DoctorReport) -> None:
        from .doctor import check_server

        check_server(report, self.database)


@contextmanager
def _nothing_held() -> Iterator[object]:
    """No single-instance lock on a server: its transactions keep concurrent users apart."""
    yield None
