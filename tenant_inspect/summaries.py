"""The one-line summary of an inspection shown in lists, and the one query that reads it.

Kept in its own light module (no SQLModel) so the TUI's home screen and the CLI's
``list`` can show the list before (or without) the heavy database libraries
loading (see :func:`tenant_inspect.store.quick_summaries`). The SQL and the
row → :class:`InspectionSummary` mapping live here once: :func:`read_summaries`
takes any "run this SQL, give me tuples" function, so the ORM-backed store
(``session.connection().exec_driver_sql``) and the plain-sqlite3 light path
run exactly the same text and can never drift apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .dates import parse_stored_time

#: Runs one SQL text (no parameters) and returns its rows as tuples.
RunSql = Callable[[str], Sequence[Any]]
#: Runs one SQL text with its parameters (``?`` marks) and returns its rows as tuples: the
#: light readers of one inspection (:func:`tenant_inspect.views.overview.read_overview`) take it.
RunQuery = Callable[[str, tuple[Any, ...]], Sequence[Any]]

#: Whether each live inspection's work has begun, been judged, been concluded: plain SQL that
#: both list readers (SQLModel and plain sqlite3) run, so home, ``list`` and the dashboard agree.
STAGE_SQL = """
SELECT i.id,
  EXISTS (SELECT 1 FROM document_review t WHERE t.inspection_id = i.id
          AND t.deleted_at IS NULL AND t.status <> 'not_started')
  OR EXISTS (SELECT 1 FROM interview t WHERE t.inspection_id = i.id
          AND t.deleted_at IS NULL AND t.status <> 'planned'),
  EXISTS (SELECT 1 FROM judgement t WHERE t.inspection_id = i.id AND t.deleted_at IS NULL),
  EXISTS (SELECT 1 FROM conclusion t WHERE t.inspection_id = i.id AND t.deleted_at IS NULL)
  OR EXISTS (SELECT 1 FROM recommendation t WHERE t.inspection_id = i.id
          AND t.deleted_at IS NULL)
FROM inspection i WHERE i.deleted_at IS NULL
"""

_COUNT = (
    "(SELECT count(*) FROM {table} t WHERE t.inspection_id = i.id AND t.deleted_at IS NULL{extra})"
)

#: Each live inspection with its progress counts (plain SQL, portable to PostgreSQL).
LIST_SQL = f"""
SELECT i.id, i.title, i.landlord, i.status, i.updated_at,
  {_COUNT.format(table="area", extra="")},
  {_COUNT.format(table="document_review", extra="")},
  {_COUNT.format(table="document_review", extra=" AND t.status = 'complete'")},
  {_COUNT.format(table="interview", extra="")},
  {_COUNT.format(table="interview", extra=" AND t.status = 'complete'")},
  {_COUNT.format(table="finding", extra="")},
  {_COUNT.format(table="recommendation", extra="")}
FROM inspection i WHERE i.deleted_at IS NULL
"""

#: Live areas with the interviews planned in each, for :func:`expected_by_inspection`.
AREAS_SQL = "SELECT inspection_id, id, interviews_planned FROM area WHERE deleted_at IS NULL"
#: Live interviews counted per (inspection, area), for :func:`expected_by_inspection`.
HELD_SQL = (
    "SELECT inspection_id, area_id, count(*) FROM interview WHERE deleted_at IS NULL"
    " GROUP BY inspection_id, area_id"
)


def status_shown(chosen: str, *, begun: bool, judged: bool, concluded: bool) -> str:
    """The status to show: the coordinator's choice, or, while they leave it at "planning"
    (the default, shown in Set-up as "follow the work"), the stage the work has reached.

    Derived, not stored: every laptop of a team works out the same stage from the same rows,
    so merging never meets two automatic statuses written on two laptops, and the shown stage
    can never lag behind the work. Any stage the coordinator picks wins over the automatic one.
    Fieldwork begins with the first review or interview started, analysis with the first
    judgement, writing the report with the first conclusion or recommendation; "complete"
    is only ever the coordinator's word.
    """
    if chosen != "planning":
        return chosen
    if concluded:
        return "reporting"
    if judged:
        return "analysis"
    return "fieldwork" if begun else "planning"


def stages_from_rows(rows: Iterable[tuple[Any, ...]]) -> dict[str, tuple[bool, bool, bool]]:
    """:data:`STAGE_SQL`'s rows as inspection id → (begun, judged, concluded)."""
    return {r[0]: (bool(r[1]), bool(r[2]), bool(r[3])) for r in rows}


def shown_for(chosen: str, inspection_id: str, stages: dict[str, tuple[bool, bool, bool]]) -> str:
    """:func:`status_shown` for one inspection of :func:`stages_from_rows`."""
    begun, judged, concluded = stages.get(inspection_id, (False, False, False))
    return status_shown(chosen, begun=begun, judged=judged, concluded=concluded)


#: What the interview numbers count, in words, wherever they are shown.
INTERVIEWS_COUNTED = "interviews done of those planned (or held, where more were held)"


def interviews_expected(planned_and_held: Iterable[tuple[int, int]]) -> int:
    """How many interviews an inspection expects: per area, those planned or, where more were
    held, those held (give interviews filed under no area as ``(0, held)``).

    Home, the dashboard and ``list`` all count with this one rule, so a coordinator never sees
    "16/17 done" on one screen and "3 of 19 still to do" on the next for the same inspection.
    """
    return sum(max(planned, held) for planned, held in planned_and_held)


def expected_by_inspection(
    areas: Iterable[tuple[str, str, int]], held: Iterable[tuple[str, str | None, int]]
) -> dict[str, int]:
    """:func:`interviews_expected` for many inspections at once, from plain rows.

    ``areas`` are live (inspection id, area id, interviews planned); ``held`` are live
    interviews counted by (inspection id, area id or None). Interviews whose area is gone
    count as filed under no area. Used by both list readers (SQLModel and plain sqlite3).
    """
    planned = {(insp, area): n for insp, area, n in areas}
    counts: Counter[tuple[str, str | None]] = Counter()
    for insp, area, n in held:
        counts[(insp, area if (insp, area) in planned else None)] += n
    pairs: dict[str, list[tuple[int, int]]] = {}
    for (insp, area), n in planned.items():
        pairs.setdefault(insp, []).append((n, counts[(insp, area)]))
    for (insp, area), n in counts.items():
        if area is None:
            pairs.setdefault(insp, []).append((0, n))
    return {insp: interviews_expected(p) for insp, p in pairs.items()}


def read_summaries(run: RunSql) -> list[InspectionSummary]:
    """Every live inspection's summary, most recently changed first, read with ``run``.

    The one reader of the list: :func:`tenant_inspect.inspections.list_inspections` passes
    its session's connection, the SQLite light path a plain read-only sqlite3 connection.
    """
    stages = stages_from_rows(run(STAGE_SQL))
    expected = expected_by_inspection(run(AREAS_SQL), run(HELD_SQL))
    out = []
    for r in run(LIST_SQL):
        updated = parse_stored_time(r[4])
        out.append(
            InspectionSummary(
                id=r[0],
                title=r[1],
                landlord=r[2],
                status=shown_for(r[3], r[0], stages),
                areas=r[5],
                documents=r[6],
                documents_done=r[7],
                interviews=r[8],
                interviews_done=r[9],
                findings=r[10],
                recommendations=r[11],
                updated_at=updated.isoformat(),
                interviews_expected=expected.get(r[0], 0),
            )
        )
    out.sort(key=lambda s: (s.updated_at, s.id), reverse=True)
    return out


@dataclass(frozen=True)
class InspectionSummary:
    """One line of the inspections list (CLI ``list`` and the TUI home screen)."""

    id: str
    title: str
    landlord: str
    status: str
    areas: int
    documents: int
    documents_done: int
    interviews: int
    interviews_done: int
    findings: int
    recommendations: int
    updated_at: str
    #: Interviews planned or held (:func:`interviews_expected`); ``interviews`` are those held.
    interviews_expected: int = 0

    @property
    def progress(self) -> int:
        """Fieldwork done, as a whole percentage (documents, and interviews expected)."""
        total = self.documents + max(self.interviews_expected, self.interviews)
        return round(100 * (self.documents_done + self.interviews_done) / total) if total else 0

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "landlord": self.landlord,
            "status": self.status,
            "areas": self.areas,
            "documents": self.documents,
            "documents_done": self.documents_done,
            "interviews": self.interviews,
            "interviews_done": self.interviews_done,
            "interviews_expected": self.interviews_expected,
            "findings": self.findings,
            "recommendations": self.recommendations,
            "progress": self.progress,
            "updated_at": self.updated_at,
        }
