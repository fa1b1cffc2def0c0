"""Views across a whole programme: every inspection in one store, the weaknesses that recur
across them by theme, and the landlords' action-plan items that are overdue (issue 13).

A programme (a housing group's or a tenants' organisation's many panels) keeps its
inspections on one server; the same views work on a laptop's own data folder. Plain SQL
over a "run this SQL" function (``?`` marks, as every light reader), so the command line
and the screen read the same way on SQLite and PostgreSQL.

No free text leaves these views: not a finding's wording, not an action's. They count and
name inspections, areas, themes and item numbers (R2.1), because a finding or an action may
quote an interviewee, and programme views are for people who were not on the panel. The
coordinator opens the inspection for the words, where its own redaction applies.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from .dates import show_day
from .summaries import RunQuery, read_summaries
from .themes import UnknownIdError, theme_label
from .views import action_plan_read as plan_sql
from .views.action_plan import status_words
from .views.action_plan_read import day, read_overdue

if TYPE_CHECKING:
    from sqlmodel import Session

INSPECTIONS_SQL = (
    "SELECT id, start_date, end_date, report_date FROM inspection WHERE deleted_at IS NULL"
)
AREAS_SQL = "SELECT inspection_id, name FROM area WHERE deleted_at IS NULL AND kind <> 'desktop_review' ORDER BY position, created_at, id"
WEAKNESSES_SQL = (
    "SELECT f.inspection_id, f.themes, a.name FROM finding f LEFT JOIN area a ON a.id = f.area_id "
    "WHERE f.deleted_at IS NULL AND f.merged_into_id IS NULL AND f.kind = 'weakness' "
    "AND NOT f.internal"
)


@dataclass(frozen=True)
class ProgrammeInspection:
    """One inspection as the programme sees it."""

    id: str
    title: str
    landlord: str
    year: int | None
    status: str
    areas: tuple[str, ...]
    findings: int
    recommendations: int
    overdue: int

    def as_json(self) -> dict[str, Any]:
        return {**self.__dict__, "areas": list(self.areas)}


@dataclass(frozen=True)
class RecurringWeakness:
    """A theme and the weaknesses recorded against it across the programme."""

    theme: str
    label: str
    weaknesses: int
    inspections: tuple[str, ...]  # titles, in the programme's order
    areas: tuple[str, ...]  # area names the weaknesses were in, most frequent first

    def as_json(self) -> dict[str, Any]:
        return {**self.__dict__, "inspections": list(self.inspections), "areas": list(self.areas)}


@dataclass(frozen=True)
class OverdueItem:
    """An action-plan item past its date and not done."""

    inspection_id: str
    inspection: str
    landlord: str
    label: str  # "R2.1"
    by_when: str
    status: str
    days_late: int

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _year(row: Sequence[Any]) -> int | None:
    for value in row[1:]:
        found = day(value)
        if found is not None:
            return found.year
    return None


def _all_inspections(sql: str, key: str = "inspection_id") -> str:
    """``sql`` (one inspection's rows: ``key = ?``) for every inspection, ``key`` first."""
    batched = sql.replace("SELECT ", f"SELECT {key}, ", 1).replace(
        f"WHERE {key} = ? AND ", "WHERE "
    )
    assert batched.count("?") == 0, sql  # the reader's SQL changed shape: update this map
    return batched


#: The plan reader's per-inspection queries (:mod:`.views.action_plan_read`), each as one
#: query for the programme.
_BATCHED = {
    plan_sql.TITLE_SQL: "SELECT id, title FROM inspection",
    plan_sql.PROSPECTS_SQL: _all_inspections(plan_sql.PROSPECTS_SQL, "id"),
    **{
        sql: _all_inspections(sql)
        for sql in (
            plan_sql.AREAS_SQL,
            plan_sql.RECOMMENDATIONS_SQL,
            plan_sql.RECOMMENDATION_NUMBERS_SQL,
            plan_sql.ITEMS_SQL,
            plan_sql.ROUNDS_SQL,
            plan_sql.ENTRIES_SQL,
            plan_sql.RESPONSES_SQL,
            plan_sql.ITEM_DUES_SQL,
            plan_sql.ENTRY_STATUSES_SQL,
        )
    },
}


def batched_runner(run: RunQuery) -> RunQuery:
    """``run``, answering the plan reader's per-inspection queries from one query per
    table over the whole store (the rows grouped by inspection, their order kept), so reading
    every inspection's plan costs one query per table rather than one per table and
    inspection: on a server each query is a round trip. The reader itself is unchanged, so
    each plan reads the same."""
    cache: dict[str, dict[Any, list[tuple[Any, ...]]]] = {}

    def batched(sql: str, params: tuple[Any, ...]) -> Sequence[Any]:
        whole = _BATCHED.get(sql)
        if whole is None or len(params) != 1:
            return run(sql, params)
        if sql not in cache:
            grouped: dict[Any, list[tuple[Any, ...]]] = {}
            for row in run(whole, ()):
                grouped.setdefault(row[0], []).append(tuple(row[1:]))
            cache[sql] = grouped
        return cache[sql].get(params[0], [])

    return batched


@dataclass(frozen=True)
class ProgrammeData:
    """Everything the programme views show, read once: the inspections, each weakness's
    themes and area (no text), and every overdue item."""

    today: date
    inspections: tuple[ProgrammeInspection, ...]
    weaknesses: tuple[tuple[str, tuple[str, ...], str], ...]  # (inspection, themes, area)
    overdue: tuple[OverdueItem, ...]


def read_programme(run: RunQuery, today: date, *, weaknesses: bool = True) -> ProgrammeData:
    """Every inspection in the store (newest work first, as the home list orders them),
    its weaknesses' themes and its overdue items, as of ``today``. Without ``weaknesses``
    (a view that does not show them) their rows, one per weakness, are not read."""
    years = {row[0]: _year(row) for row in run(INSPECTIONS_SQL, ())}
    areas: dict[str, list[str]] = {}
    for inspection_id, name in run(AREAS_SQL, ()):
        areas.setdefault(inspection_id, []).append(name)
    inspections: list[ProgrammeInspection] = []
    overdue: list[OverdueItem] = []
    plans = batched_runner(run)
    for s in read_summaries(lambda sql: run(sql, ())):
        items = read_overdue(plans, s.id, today)
        inspections.append(
            ProgrammeInspection(
                s.id, s.title, s.landlord, years.get(s.id), s.status,
                tuple(areas.get(s.id, ())), s.findings, s.recommendations, len(items),
            )
        )  # fmt: skip
        overdue.extend(
            OverdueItem(
                s.id, s.title, s.landlord, label, show_day(by_when), status_words(current),
                (today - by_when).days,
            )
            for label, by_when, current in items
        )  # fmt: skip
    overdue.sort(key=lambda o: (-o.days_late, o.inspection, o.label))
    themed = tuple(
        (inspection_id, tuple(json.loads(themes) if isinstance(themes, str) else themes or ()),
         area or "")
        for inspection_id, themes, area in (run(WEAKNESSES_SQL, ()) if weaknesses else ())
    )  # fmt: skip
    return ProgrammeData(today, tuple(inspections), themed, tuple(overdue))


def _words(i: ProgrammeInspection) -> str:
    return " ".join((i.title, i.landlord, *i.areas, str(i.year or ""), i.status))


def search(
    inspections: Sequence[ProgrammeInspection],
    *,
    landlord: str = "",
    year: int | None = None,
    area: str = "",
    status: str = "",
    text: str = "",
) -> list[ProgrammeInspection]:
    """The inspections matching every filter given: words match anywhere, in any case;
    every word of ``text`` must be in the title, landlord, an area, the year or the stage
    (a search box: "riverside 2026 repairs"); ``year`` is the fieldwork's."""

    def has(haystack: str, needle: str) -> bool:
        return needle.casefold() in haystack.casefold()

    return [
        i
        for i in inspections
        if (not landlord or has(i.landlord, landlord))
        and (year is None or i.year == year)
        and (not area or any(has(a, area) for a in i.areas))
        and (not status or i.status == status)
        and (not text or all(has(_words(i), word) for word in text.split()))
    ]


def _label(theme_id: str) -> str:
    try:
        return theme_label(theme_id)
    except UnknownIdError:  # a theme a newer version added: shown by its id
        return theme_id


def recurring_weaknesses(
    data: ProgrammeData, inspections: Sequence[ProgrammeInspection]
) -> list[RecurringWeakness]:
    """Themes of the weaknesses across ``inspections``: those found in the most inspections
    first, then by how many weaknesses (internal findings left out, as in public reports)."""
    wanted = {i.id: i.title for i in inspections}
    order = {i.id: n for n, i in enumerate(inspections)}
    counts: dict[str, int] = {}
    where: dict[str, set[str]] = {}
    area_counts: dict[str, dict[str, int]] = {}
    for inspection_id, themes, area in data.weaknesses:
        if inspection_id not in wanted:
            continue
        for theme_id in dict.fromkeys(themes):
            counts[theme_id] = counts.get(theme_id, 0) + 1
            where.setdefault(theme_id, set()).add(inspection_id)
            if area:
                per = area_counts.setdefault(theme_id, {})
                per[area] = per.get(area, 0) + 1
    out = [
        RecurringWeakness(
            theme_id,
            _label(theme_id),
            counts[theme_id],
            tuple(wanted[i] for i in sorted(where[theme_id], key=order.__getitem__)),
            tuple(
                sorted(area_counts.get(theme_id, {}), key=lambda a: (-area_counts[theme_id][a], a))
            ),
        )
        for theme_id in counts
    ]
    out.sort(key=lambda w: (-len(w.inspections), -w.weaknesses, w.label))
    return out


def overdue_items(
    data: ProgrammeData, inspections: Sequence[ProgrammeInspection]
) -> list[OverdueItem]:
    """The overdue items of ``inspections``' plans, the longest overdue first."""
    wanted = {i.id for i in inspections}
    return [o for o in data.overdue if o.inspection_id in wanted]


def load_programme(session: Session, today: date) -> ProgrammeData:
    """:func:`read_programme` on the store's session (any dialect)."""
    from .sql_marks import runner

    return read_programme(runner(session.connection()), today)
