"""One inspection at a glance: its areas in report order with their progress, and the team.

The dashboard shows these numbers; they are gathered in one read (:func:`read_overview`) into
plain frozen dataclasses, so the screen's words and its "what next" rule are pure and tested
without a database, and nothing here holds a session once the read is over.

The read is plain SQL over any "run this SQL with these parameters" function, like the
inspections list's (:func:`tenant_inspect.summaries.read_summaries`): the store runs it on
its session's connection (:func:`load_overview`, in a worker), and the SQLite light path on a
read-only sqlite3 connection before SQLModel has even loaded
(:func:`tenant_inspect.storage.sqlite.fastread.quick_read`, asked by the app's
``quick_overview``), so the dashboard can show an inspection opened during start-up at once.
One reader, so the two can never disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..dates import parse_stored_time
from ..errors import NotFound
from ..summaries import STAGE_SQL, RunQuery, interviews_expected, shown_for, stages_from_rows
from ..team_order import team_order
from ..vocabulary import area_letter
from .shared import MemberData

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass(frozen=True)
class AreaProgress:
    """One area's line on the dashboard."""

    id: str
    letter: str
    name: str
    kind: str
    documents: int = 0
    documents_done: int = 0
    interviews_planned: int = 0
    interviews: int = 0
    interviews_done: int = 0
    interviews_started: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    #: The documents or interviews of the area: (what, status), interviewees by role only.
    items: tuple[tuple[str, str], ...] = ()

    @property
    def interviews_expected(self) -> int:
        """Planned, or more if more interviews were actually held than planned."""
        return interviews_expected([(self.interviews_planned, self.interviews)])


@dataclass(frozen=True)
class Overview:
    """Everything the dashboard shows about one inspection."""

    inspection_id: str
    title: str
    landlord: str
    topic: str
    status: str
    areas: tuple[AreaProgress, ...]
    team: tuple[MemberData, ...]
    findings: dict[str, int]
    #: Interviews filed under no area (held, and of those done): they count too.
    unfiled_interviews: int = 0
    unfiled_interviews_done: int = 0

    @property
    def interviews_expected(self) -> int:
        """Planned or held, by the same rule as home and ``list`` (:mod:`..summaries`)."""
        pairs = [(a.interviews_planned, a.interviews) for a in self.areas]
        return interviews_expected([*pairs, (0, self.unfiled_interviews)])

    @property
    def interviews_done(self) -> int:
        return sum(a.interviews_done for a in self.areas) + self.unfiled_interviews_done

    @property
    def coordinator(self) -> MemberData | None:
        """Who coordinates (None until someone is marked): the dashboard asks for one."""
        return next((t for t in self.team if t.role == "coordinator"), None)


# Each query copies the ORM read it replaces (see :func:`read_overview`): live rows only
# (``deleted_at IS NULL``), in ``records.live``'s creation order.
_LIVE = "WHERE inspection_id = ? AND deleted_at IS NULL"
_ORDER = "ORDER BY created_at, id"
#: ``records.resolve``: a live inspection by id or unique id prefix (LIKE with ``/`` escapes,
#: as SQLAlchemy's ``startswith(autoescape=True)`` writes it).
INSPECTION_SQL = (
    "SELECT id, title, landlord, topic, status FROM inspection"
    " WHERE id LIKE ? ESCAPE '/' AND deleted_at IS NULL LIMIT 3"
)
AREAS_SQL = (
    f"SELECT id, name, kind, position, created_at, interviews_planned FROM area {_LIVE} {_ORDER}"
)
DOCUMENTS_SQL = f"SELECT area_id, title, status FROM document_review {_LIVE} {_ORDER}"
INTERVIEWS_SQL = f"SELECT area_id, interviewee_role, status FROM interview {_LIVE} {_ORDER}"
#: ``analysis.findings``: live findings not merged into another one.
FINDINGS_SQL = f"SELECT area_id, kind FROM finding {_LIVE} AND merged_into_id IS NULL {_ORDER}"
TEAM_SQL = f"SELECT id, name, role, position, include_in_report FROM team_member {_LIVE} {_ORDER}"
#: :data:`~tenant_inspect.summaries.STAGE_SQL` (``inspections.shown_status``) for one inspection.
STAGE_ONE_SQL = f"{STAGE_SQL.rstrip()} AND i.id = ?"


def _inspection_row(run: RunQuery, id_or_prefix: str) -> Any:
    """The inspection's row, refused in ``records.resolve``'s very words."""
    prefix = id_or_prefix.strip().lower()
    if not prefix:
        raise NotFound("give the id of the inspection")
    escaped = prefix.replace("/", "//").replace("%", "/%").replace("_", "/_")
    matches = run(INSPECTION_SQL, (escaped + "%",))
    if not matches:
        raise NotFound(f"no inspection has an id starting with '{prefix}'")
    if len(matches) > 1:
        raise NotFound(
            f"'{prefix}' matches more than one inspection; type more of the id "
            f"({', '.join(r[0][:12] for r in matches[:2])} ...)"
        )
    return matches[0]


def resolve_inspection(run: RunQuery, id_or_prefix: str) -> str:
    """The full id of a live inspection given by id or unique prefix (refused in words)."""
    return str(_inspection_row(run, id_or_prefix)[0])


def read_overview(run: RunQuery, inspection_id: str) -> Overview:
    """Gather the dashboard's numbers with ``run`` (the store's session or plain sqlite3).

    Documents filed under no area count for the desktop review, because that is where the
    inspectors review them; interviewees are listed by role only, never by name. Areas come
    in ``inspections.areas``'s report order, the team in ``inspections.team``'s; findings
    count as in ``analysis.findings`` (live, not merged away); the status is
    ``inspections.shown_status``. ``tests/unit/test_overview_sql.py`` holds the two paths equal.
    """
    inspection_id, title, landlord, topic, chosen = _inspection_row(run, inspection_id)
    areas = sorted(
        run(AREAS_SQL, (inspection_id,)),
        key=lambda a: (a[3], parse_stored_time(a[4]), a[0]),
    )
    desk = next((a[0] for a in areas if a[2] == "desktop_review"), None)

    items: dict[str | None, list[tuple[str, str]]] = {}
    docs: Counter[str | None] = Counter()
    docs_done: Counter[str | None] = Counter()
    for doc_area, doc_title, doc_status in run(DOCUMENTS_SQL, (inspection_id,)):
        area_id = doc_area or desk
        docs[area_id] += 1
        docs_done[area_id] += doc_status == "complete"
        items.setdefault(area_id, []).append((doc_title, doc_status))

    talks: Counter[str | None] = Counter()
    talks_done: Counter[str | None] = Counter()
    talks_started: Counter[str | None] = Counter()
    for talk_area, role, talk_status in run(INTERVIEWS_SQL, (inspection_id,)):
        talks[talk_area] += 1
        talks_done[talk_area] += talk_status == "complete"
        talks_started[talk_area] += talk_status == "in_progress"
        items.setdefault(talk_area, []).append((role, talk_status))

    by_area: dict[str | None, Counter[str]] = {}
    total: Counter[str] = Counter()
    for finding_area, kind in run(FINDINGS_SQL, (inspection_id,)):
        by_area.setdefault(finding_area, Counter())[kind] += 1
        total[kind] += 1

    rows = tuple(
        AreaProgress(
            id=a_id,
            letter=area_letter(index),
            name=name,
            kind=kind,
            documents=docs[a_id],
            documents_done=docs_done[a_id],
            interviews_planned=planned,
            interviews=talks[a_id],
            interviews_done=talks_done[a_id],
            interviews_started=talks_started[a_id],
            findings=dict(by_area.get(a_id, Counter())),
            items=tuple(items.get(a_id, ())),
        )
        for index, (a_id, name, kind, _, _, planned) in enumerate(areas)
    )
    members = sorted(run(TEAM_SQL, (inspection_id,)), key=lambda t: team_order(t[3], t[1], t[0]))
    stages = stages_from_rows(run(STAGE_ONE_SQL, (inspection_id,)))
    shown_ids = {r.id for r in rows}
    return Overview(
        inspection_id=inspection_id,
        title=title,
        landlord=landlord,
        topic=topic,
        status=shown_for(chosen, inspection_id, stages),
        areas=rows,
        team=tuple(MemberData(t[0], t[1], t[2], bool(t[4])) for t in members),
        findings=dict(total),
        unfiled_interviews=sum(n for a, n in talks.items() if a not in shown_ids),
        unfiled_interviews_done=sum(n for a, n in talks_done.items() if a not in shown_ids),
    )


def load_overview(session: Session, inspection_id: str) -> Overview:
    """:func:`read_overview` on the store's session (runs in a worker thread).

    Flushed first: the ORM reads this replaced flushed pending changes before querying, and
    plain SQL on the connection would not see them otherwise.
    """
    session.flush()
    from ..sql_marks import runner

    return read_overview(runner(session.connection()), inspection_id)
