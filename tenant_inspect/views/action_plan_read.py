"""Reading the action plan with plain SQL: the one loader the screens and both reports use.

Like the dashboard's overview (:mod:`.overview`), the read takes any "run this SQL with these
parameters" function (:data:`~tenant_inspect.summaries.RunQuery`): the store runs it on its
session's connection (:func:`load_action_plan`), and a report written from the
command line runs it on a read-only sqlite3 connection before SQLModel has even loaded
(:func:`tenant_inspect.report.snapshot.read_report_data`). One reader, so the screens and
the reports can never disagree about an item's status or what is overdue. The programme
views, which need only each plan's overdue items, read them with :func:`read_overdue`: the
same queries and the same two rules (:func:`current_statuses`, :func:`is_overdue`).

Each query copies the service it replaces (:mod:`tenant_inspect.action_plan`): live rows
only (``deleted_at IS NULL``); recommendations and items by (position, creation, id); rounds
by (date held, creation, id); a response and the prospects by their derived ids.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..bundle_derived_ids import derived_row_id
from ..dates import show_day
from ..summaries import RunQuery
from ..vocabulary import PROSPECT_WORDS, RESPONSE_WORDS, area_letter
from .action_plan import (
    QUESTIONS,
    ActionPlanData,
    EntryView,
    ItemView,
    ProspectsView,
    RecommendationPlan,
    ResponseView,
    RoundView,
    by_when_text,
    changes_since_previous,
    grade_words,
    label_key,
    prospects_warnings,
    status_words,
)

if TYPE_CHECKING:
    from sqlmodel import Session

_LIVE = "WHERE inspection_id = ? AND deleted_at IS NULL"
TITLE_SQL = "SELECT title FROM inspection WHERE id = ?"
AREAS_SQL = f"SELECT id FROM area {_LIVE} ORDER BY position, created_at, id"
RECOMMENDATIONS_SQL = (
    "SELECT id, number, text, area_id, target_date, internal FROM recommendation "
    f"{_LIVE} ORDER BY position, created_at, id"
)
_ITEMS = f"FROM action_plan_item {_LIVE} ORDER BY position, created_at, id"
ITEMS_SQL = (
    "SELECT id, recommendation_id, key_outcomes, key_actions, by_when, by_when_words, "
    f"progress, how_we_know, status {_ITEMS}"
)
ROUNDS_SQL = f"SELECT id, held_on, title, summary, created_at FROM monitoring_round {_LIVE}"
_ENTRIES = f"FROM monitoring_entry {_LIVE}"
ENTRIES_SQL = (
    f"SELECT round_id, item_id, status, progress_note, evidence {_ENTRIES} ORDER BY created_at, id"
)
#: What decides an item's overdue state alone (:func:`read_overdue`, which the programme runs
#: for every inspection at once): the items' dates and statuses in the plan's order, and the
#: entries' statuses. Their texts (most of the bytes) and the entries' order (one entry per
#: round and item, so moot: :func:`current_statuses`) are left out: for 100 inspections on a
#: server, the 37,600 entries with their notes, sorted, took 0.15 s to read; without, 0.05 s.
ITEM_DUES_SQL = f"SELECT id, recommendation_id, by_when, status {_ITEMS}"
#: The recommendations as the labels need them (id and number, in the plan's order): their
#: wording is a third of the bytes of 6,000 recommendations and no overdue item shows it.
RECOMMENDATION_NUMBERS_SQL = (
    f"SELECT id, number FROM recommendation {_LIVE} ORDER BY position, created_at, id"
)
ENTRY_STATUSES_SQL = f"SELECT round_id, item_id, status {_ENTRIES}"
RESPONSES_SQL = (
    "SELECT id, response, reason, responsible_role, sponsor_role, costs, customer_say "
    f"FROM action_plan_response {_LIVE}"
)
PROSPECTS_SQL = (
    "SELECT track_record, performance_management, capacity, overall, rationale "
    "FROM prospects WHERE id = ? AND deleted_at IS NULL"
)


def load_action_plan(session: Session, inspection_id: str, today: date) -> ActionPlanData:
    """Everything the action-plan and monitoring screens (and reports) show, as of ``today``.

    The reading is :func:`read_action_plan` (plain SQL), run on the
    session's connection after its pending changes are flushed, so a plan read inside a
    write (an import comparing with what is stored) sees what was just written.
    """
    from ..inspections import get_inspection

    inspection = get_inspection(session, inspection_id)  # refuses a missing one in words
    session.flush()
    from ..sql_marks import runner

    return read_action_plan(runner(session.connection()), inspection.id, today)


def read_action_plan(run: RunQuery, inspection_id: str, today: date) -> ActionPlanData:
    """Everything the action-plan and monitoring screens (and reports) show, as of ``today``.

    ``inspection_id`` is a full id (callers resolve prefixes first).
    """
    (title,) = run(TITLE_SQL, (inspection_id,))[0]
    letters = {row[0]: area_letter(i) for i, row in enumerate(run(AREAS_SQL, (inspection_id,)))}
    recs, items_by_rec, labels = _items(run, inspection_id, RECOMMENDATIONS_SQL, ITEMS_SQL)
    rounds, per_round = _rounds(run, inspection_id, ENTRIES_SQL)
    latest = current_statuses(rounds, per_round, labels)
    round_views: list[tuple[Any, tuple[EntryView, ...]]] = []
    for r in rounds:
        views = tuple(
            EntryView(item_id, labels[item_id], note, status, status_words(status), evidence)
            for _, item_id, status, note, evidence in sorted(
                per_round.get(r[0], ()), key=lambda e: label_key(labels.get(e[1]))
            )
            if item_id in labels
        )
        round_views.append((r, views))
    changes = changes_since_previous([(r[0], views) for r, views in round_views])

    responses = {row[0]: row for row in run(RESPONSES_SQL, (inspection_id,))}
    plans = tuple(
        _plan(rec, items_by_rec.get(rec[0], []), labels, latest, letters, responses, today)
        for rec in recs
    )
    prospects_row = run(PROSPECTS_SQL, (derived_row_id("prospects", inspection_id=inspection_id),))
    return ActionPlanData(
        inspection_id=inspection_id,
        title=title,
        today=today,
        recommendations=plans,
        rounds=tuple(
            RoundView(
                id=r[0],
                held_on=(held := day(r[1])),
                held_on_words=show_day(held) if held else "",
                title=r[2],
                summary=r[3],
                entries=views,
                changes=changes[r[0]],
            )
            for r, views in round_views
        ),
        prospects=_prospects(
            prospects_row[0] if prospects_row else None, [i for p in plans for i in p.items]
        ),
    )


def read_overdue(run: RunQuery, inspection_id: str, today: date) -> list[tuple[str, date, str]]:
    """The plan's overdue items as ``(label, by_when, current status)``, in the plan's order:
    exactly the items :func:`read_action_plan` marks overdue (the same rows, labels and rules:
    :func:`current_statuses`, :func:`is_overdue`), without the texts or the rest of the plan.
    The programme views need only these, for every inspection at once, and building each
    whole plan (every monitoring entry's view and change) was most of their time."""
    recs, items_by_rec, labels = _items(
        run, inspection_id, RECOMMENDATION_NUMBERS_SQL, ITEM_DUES_SQL
    )
    latest = current_statuses(*_rounds(run, inspection_id, ENTRY_STATUSES_SQL), labels)
    out = []
    for rec in recs:
        for item_id, _, by_when, status in items_by_rec.get(rec[0], ()):
            due, current = day(by_when), latest.get(item_id, status)
            if due is not None and is_overdue(due, current, today):
                out.append((labels[item_id], due, current))
    return out


def _items(
    run: RunQuery, inspection_id: str, recs_sql: str, items_sql: str
) -> tuple[Any, dict[str, list[Any]], dict[str, str]]:
    """The live recommendations (``recs_sql``: id and number first), their live items
    (``items_sql``: id and recommendation first), both in the plan's order, and each item's
    label ("R2.1")."""
    recs = run(recs_sql, (inspection_id,))
    rec_ids = {r[0] for r in recs}
    items_by_rec: dict[str, list[Any]] = {}
    for row in run(items_sql, (inspection_id,)):
        if row[1] in rec_ids:  # items of a deleted recommendation are not part of the plan
            items_by_rec.setdefault(row[1], []).append(row)
    labels: dict[str, str] = {}
    for rec_id, number, *_ in recs:
        for n, item in enumerate(items_by_rec.get(rec_id, ()), start=1):
            labels[item[0]] = f"R{number}.{n}"
    return recs, items_by_rec, labels


def _rounds(
    run: RunQuery, inspection_id: str, entries_sql: str
) -> tuple[list[Any], dict[str, list[Any]]]:
    """The live monitoring rounds, oldest first, and each one's entries (``entries_sql``:
    round, item and status first)."""
    rounds = sorted(
        run(ROUNDS_SQL, (inspection_id,)),
        key=lambda r: (day(r[1]) or date.min, r[4], r[0]),
    )
    per_round: dict[str, list[Any]] = {}
    for row in run(entries_sql, (inspection_id,)):
        per_round.setdefault(row[0], []).append(row)
    return rounds, per_round


def current_statuses(
    rounds: list[Any], per_round: dict[str, list[Any]], labels: dict[str, str]
) -> dict[str, str]:
    """Item → its status in the latest round that has an entry for it (rounds oldest first);
    an item no round has seen keeps the plan's own status (the callers' default). One entry
    per round and item (its id is derived from both), so the order within a round is moot."""
    latest: dict[str, str] = {}
    for r in rounds:
        for row in per_round.get(r[0], ()):
            if row[1] in labels:
                latest[row[1]] = row[2]
    return latest


def is_overdue(due: date | None, current_status: str, today: date) -> bool:
    """Past its date and not done, as the panel last saw it."""
    return due is not None and due < today and current_status != "done"


def day(value: Any) -> date | None:
    """A stored date: text in SQLite, a date from drivers that convert (PostgreSQL)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _plan(
    rec: Any,
    rows: list[Any],
    labels: dict[str, str],
    latest: dict[str, str],
    letters: dict[str, str],
    responses: dict[str, Any],
    today: date,
) -> RecommendationPlan:
    rec_id, number, text, area_id, target_date, internal = rec
    views = []
    for item_id, _, outcomes, actions, by_when, words, progress, how, status in rows:
        due = day(by_when)
        current = latest.get(item_id, status)
        late = is_overdue(due, current, today)
        views.append(
            ItemView(
                id=item_id,
                recommendation_id=rec_id,
                label=labels[item_id],
                key_outcomes=outcomes,
                key_actions=actions,
                by_when=due,
                by_when_text=by_when_text(due, words),
                progress=progress,
                how_we_know=how,
                status=status,
                current_status=current,
                current_status_words=status_words(current),
                overdue=late,
                overdue_words=f"overdue since {show_day(due)}" if late and due else "",
            )
        )
    response = responses.get(derived_row_id("action_plan_response", recommendation_id=rec_id))
    target = day(target_date)
    return RecommendationPlan(
        id=rec_id,
        number=f"R{number}",
        text=text,
        area_letter=letters.get(area_id or "", ""),
        target_date=target,
        target_words=show_day(target) if target else "",
        internal=bool(internal),
        response=ResponseView()
        if response is None
        else ResponseView(
            response[1],
            RESPONSE_WORDS.get(response[1], response[1]),
            *response[2:],
        ),
        items=tuple(views),
    )


def _prospects(row: Any, items: list[ItemView]) -> ProspectsView:
    grades = dict(zip((f for f, _ in QUESTIONS), row[:3], strict=True)) if row else {}
    grades = {f: grades.get(f, "") for f, _ in QUESTIONS}
    overall = row[3] if row else ""

    return ProspectsView(
        grades=tuple(
            (f, q, grade_words(grades[f]) if grades[f] else "Not judged") for f, q in QUESTIONS
        ),
        overall=overall,
        overall_words=PROSPECT_WORDS.get(overall, overall),
        rationale=row[4] if row else "",
        warnings=prospects_warnings({**grades, "overall": overall}, items),
        grade_keys=tuple((f, grades[f]) for f, _ in QUESTIONS),
    )
