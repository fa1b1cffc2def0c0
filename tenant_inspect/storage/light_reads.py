"""What a back-end's light path answers, given a way to run plain SQL: written once here.

Both light paths (SQLite's plain sqlite3 in :mod:`.sqlite.fastread`, PostgreSQL's plain
psycopg in :mod:`.postgres.fastread`) decide only whether they may answer (the database is
there, its schema is exactly current) and how a query runs; what is read and when a reader's
answer is left to the store is decided here, so the two can never disagree. The queries
themselves are the readers' own (:func:`~tenant_inspect.summaries.read_summaries`,
:mod:`tenant_inspect.merged_files`...), the ones the store's session runs too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from ..errors import UserError
from ..summaries import InspectionSummary, RunQuery, read_summaries

if TYPE_CHECKING:
    from ..merged_files import MergedFile

T = TypeVar("T")


def summaries(run: RunQuery) -> list[InspectionSummary]:
    """The inspections list, most recently changed first."""
    return read_summaries(lambda sql: run(sql, ()))


def answer(run: RunQuery, read: Callable[[RunQuery], T]) -> T | None:
    """``read``'s answer, or None when it refuses (an inspection not found) or a row cannot
    be read (a stored time nothing can read): the store's read then says why, in the
    caller's usual way."""
    try:
        return read(run)
    except (UserError, ValueError):
        return None


def merged_files(run: RunQuery, digests: Sequence[str]) -> dict[str, MergedFile] | None:
    """The files among ``digests`` merged here before, or None when one of their
    inspections has open conflicts: ``bundle import`` then opens the store to count the ones
    worth showing, as after any import."""
    from .. import merged_files as merged  # (not needed by the TUI's first paint)

    found = merged.lookup(run, digests)
    for inspection_id in {f.inspection_id for f in found.values()}:
        if run(merged.ANY_OPEN_CONFLICT_SQL, (inspection_id,)):
            return None
    return found
