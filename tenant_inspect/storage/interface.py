"""The storage interface: what the app and the CLI may ask of any back-end.

Kept apart from :mod:`tenant_inspect.store` (which also *chooses* a back-end) so that back-ends
can name these types without importing the module that imports them: the import graph stays
one-way, store → storage, and a PostgreSQL back-end is one more package beside ``sqlite``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar, runtime_checkable

from ..errors import UserError

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..clock import HybridClock
    from ..doctor_report import DoctorReport
    from ..merged_files import MergedFile
    from ..sql_marks import Sql
    from ..summaries import InspectionSummary, RunQuery

T = TypeVar("T")


#: Kinds of rolling backup the app takes (the newest few of each are kept).
ON_START = "on-start"
ON_EXIT = "on-exit"


class StorageProblem(UserError):
    """The disk refused: ``reason`` says what happened, ``advice`` what to do about it."""

    def __init__(self, message: str, reason: str, advice: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.advice = advice


class BackupResult(NamedTuple):
    """A backup that was made, and the older ones of its kind removed to keep the count."""

    path: Path
    removed: list[Path]


class ChangeWatch(Protocol):
    """Tells whether anyone committed a change since the watch began."""

    def changed(self) -> bool:
        """True if a change was committed since the watch began (True if unsure)."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class Store(Protocol):
    """An open database. Use it as a context manager, or call :meth:`close`."""

    @property
    def device_id(self) -> str:
        """This laptop's id, made once per database; it is in every change stamp."""
        ...

    @property
    def clock(self) -> HybridClock:
        """The hybrid logical clock stamping this laptop's changes (a merge advances it)."""
        ...

    @property
    def location(self) -> str:
        """Where the data is, in words for messages (a file path, a server)."""
        ...

    @property
    def is_new(self) -> bool:
        """True when opening created the database: there is nothing to back up yet."""
        ...

    @property
    def keeps_backups(self) -> bool:
        """True when this program backs the data up (a file); False on a server, whose
        administrator backs it up with ``pg_dump`` (then :meth:`backup` refuses in words)."""
        ...

    @property
    def read_only(self) -> bool:
        """True when nothing can be saved (a read-only folder): look and export only.

        :meth:`write`, :meth:`rolling_backup` and :meth:`backup` into the data's own
        backups then refuse with a :class:`StorageProblem` before touching anything.
        """
        ...

    def read(self) -> AbstractContextManager[Session]:
        """A read-only session; objects stay usable after it closes."""
        ...

    def write(self, author_id: str | None = None) -> AbstractContextManager[Session]:
        """One write transaction, committed when the block ends, rolled back on any error.

        A disk-level failure comes out as a :class:`StorageProblem`.
        """
        ...

    def sql_read(self) -> AbstractContextManager[Sql]:
        """Plain SQL reads in one transaction, without the ORM (the merge's checks)."""
        ...

    def sql_write(self) -> AbstractContextManager[Sql]:
        """One write transaction of plain SQL, committed when the block ends, rolled back on
        any error; disk trouble comes out as a :class:`StorageProblem`.

        Rows are written exactly as given (the merge writes rows with the stamps they
        arrived with): nothing is stamped.
        """
        ...

    def explain(self, exc: BaseException, action: str = "save to") -> StorageProblem | None:
        """``exc`` as a :class:`StorageProblem` if it is disk trouble, else None (a real bug)."""
        ...

    def withholds_names(self, inspection_id: str) -> bool:
        """True when this connection is not shown every interviewee name of the inspection
        (an inspector's own login on a server: see ``storage/postgres/access_sql.py``).

        The names it cannot read arrive as ``''`` with their real stamps, so files written
        from it must leave names out (as ``--no-names`` does) rather than carry the blanks
        as if someone had erased them. Always False on a laptop.
        """
        ...

    def watch_changes(self) -> ChangeWatch:
        """Start watching for commits by anyone (the app skips its exit backup when none)."""
        ...

    def rolling_backup(self, kind: str) -> Path:
        """Back up now and keep only the newest few backups of ``kind`` (:data:`ON_START` ...)."""
        ...

    def backup(
        self, reason: str = "manual", *, keep: int | None = None, to: Path | None = None
    ) -> BackupResult:
        """A timestamped backup; with ``keep``, only the newest ``keep`` of ``reason`` stay.

        With ``to``, the copy goes to that folder instead (nothing there is ever deleted).
        """
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


class Backend(Protocol):
    """A data folder's storage, before or without opening it as a :class:`Store`."""

    @property
    def location(self) -> str:
        """Where the data is, in words for messages (a file path, a server)."""
        ...

    def open(self, *, migrate: bool = True, defer_orm: bool = False) -> Store:
        """Open the store, creating and migrating (after a backup) as needed.

        ``defer_orm``: the caller means to use only :meth:`Store.sql_read` and
        :meth:`Store.sql_write` (``bundle import``), so a back-end may leave SQLAlchemy
        unloaded until a session is first asked for."""
        ...

    def is_read_only(self) -> bool:
        """True if there is data here but nothing can be saved (cheap: no store is opened)."""
        ...

    def make_private(self) -> list[Path]:
        """Make the data readable by its owner only; return what was changed (doctor's fix)."""
        ...

    def quick_summaries(self) -> list[InspectionSummary] | None:
        """The inspections list without loading SQLModel, or None if the store must open first."""
        ...

    def quick_read(self, read: Callable[[RunQuery], T]) -> T | None:
        """``read`` (a light reader of plain SQL, such as the dashboard's overview) answered
        without loading SQLModel, or None if the store must open first (or ``read`` refused)."""
        ...

    def merged_files(self, digests: Sequence[str]) -> dict[str, MergedFile] | None:
        """Which of these files (by :func:`~tenant_inspect.merged_files.digest`) were merged
        here before, read without loading SQLModel; None if the store must open first."""
        ...

    def rolling_backup(self, kind: str) -> Path:
        """:meth:`Store.rolling_backup` without an open store (the app's exit backup)."""
        ...

    def restore(self, source: Path) -> Path | None:
        """Replace the data with a backup file; return where the replaced data was kept."""
        ...

    def hold(self) -> AbstractContextManager[object]:
        """This process's exclusive claim on the data (the TUI holds it for its whole life)."""
        ...

    def open_elsewhere(self) -> int | bool:
        """Is the app open on this data in another process? Its pid, True if unknown, or False."""
        ...

    def diagnose(self, report: DoctorReport) -> None:
        """Add ``doctor``'s checks of the stored data (and how to recover) to ``report``."""
        ...
