"""The store interface: what the app and the CLI may ask of wherever the data is kept.

Why an interface: the laptop keeps its data in SQLite, a programme keeps every
inspection on a PostgreSQL server (DESIGN.md, "Programmes"), and the screens
and commands must not care which. Everything they need is here —

* :class:`Store`, an open database: ``read()`` / ``write()`` sessions, this
  laptop's ``device_id`` and ``clock``, change notifications, backups, and
  :meth:`Store.explain`, which turns a disk-level failure into a
  :class:`StorageProblem` an inspector can act on;
* :class:`Backend`, the same storage before (or without) opening it: the
  cheap start-up list, the backup after the app closed, restore, the
  single-instance lock and ``doctor``'s checks;
* :func:`open_store`, :func:`storage_backend`, :func:`quick_summaries`,
  :func:`quick_read` and :func:`rolling_backup`, which pick the back-end for a data folder.

Everything specific to one back-end lives in :mod:`tenant_inspect.storage`
(SQLite in :mod:`tenant_inspect.storage.sqlite`, PostgreSQL in
:mod:`tenant_inspect.storage.postgres`). This module imports nothing
heavy — no SQLAlchemy, no sqlite3 — so the CLI's light commands and the TUI's
first paint can import it for free; the back-end loads when it is first used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from .storage.interface import (
    ON_EXIT,
    ON_START,
    Backend,
    BackupResult,
    ChangeWatch,
    StorageProblem,
    Store,
)

__all__ = [
    "ON_EXIT",
    "ON_START",
    "Backend",
    "BackupResult",
    "ChangeWatch",
    "StorageProblem",
    "Store",
    "open_store",
    "quick_read",
    "quick_summaries",
    "rolling_backup",
    "storage_backend",
]

if TYPE_CHECKING:
    from pathlib import Path

    from .locations import DataDir
    from .summaries import InspectionSummary, RunQuery


T = TypeVar("T")


def storage_backend(data_dir: DataDir) -> Backend:
    """The back-end that keeps the data: a PostgreSQL server when a database URL was given
    (``--database`` / ``TENANT_INSPECT_DATABASE``), else the SQLite file in the data folder."""
    if data_dir.database:
        from .storage.postgres.backend import PostgresBackend

        return PostgresBackend(data_dir, data_dir.database)
    from .storage.sqlite.backend import SqliteBackend

    return SqliteBackend(data_dir)


def open_store(data_dir: DataDir, *, migrate: bool = True, defer_orm: bool = False) -> Store:
    """Open (creating if needed) the data folder's database, migrating it first.

    A database made by a newer tenant-inspect is refused rather than touched,
    and so is an upgrade while the app is open on the folder in another
    process. A full disk or read-only folder gives a :class:`StorageProblem`.
    ``defer_orm``: see :meth:`Backend.open`.
    """
    return storage_backend(data_dir).open(migrate=migrate, defer_orm=defer_orm)


def quick_summaries(data_dir: DataDir) -> list[InspectionSummary] | None:
    """The inspections list read cheaply (before SQLModel loads), or None if it cannot be."""
    return storage_backend(data_dir).quick_summaries()


def quick_read(data_dir: DataDir, read: Callable[[RunQuery], T]) -> T | None:
    """A light reader of plain SQL (the dashboard's overview) run cheaply, before SQLModel
    loads, or None if it cannot be (then read through the store)."""
    return storage_backend(data_dir).quick_read(read)


def rolling_backup(data_dir: DataDir, kind: str) -> Path:
    """A rolling backup of the folder's data when no store is open (the app's exit backup)."""
    return storage_backend(data_dir).rolling_backup(kind)
