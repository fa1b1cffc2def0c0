"""One inspection at a glance: its areas in report order with their progress, and the team.

The dashboard shows these numbers; they are gathered in one read (:func:`load_overview`, run
in a worker through ``services.read``) into plain frozen dataclasses, so the screen's words and
its "what next" rule are pure and tested without a database, and nothing here holds a session
once the read is over.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..summaries import interviews_expected
from .shared import MemberData, read_team

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


#: A member of the team, by name and role (the report's type).


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


def load_overview(session: Session, inspection_id: str) -> Overview:
    """Gather the dashboard's numbers in one read session (runs in a worker thread).

    Documents filed under no area count for the desktop review, because that is where the
    inspectors review them; interviewees are listed by role only, never by name.
    """
    # Imported here, not at the top: the screens import this module for its types, and the
    # database layer should load in the worker, not while the app starts.
    from .. import analysis, fieldwork, inspections

    inspection = inspections.get_inspection(session, inspection_id)
    areas = inspections.areas(session, inspection.id)
    desk = next((a.id for a in areas if a.kind == "desktop_review"), None)

    items: dict[str | None, list[tuple[str, str]]] = {}
    docs: Counter[str | None] = Counter()
    docs_done: Counter[str | None] = Counter()
    for doc in fieldwork.document_reviews(session, inspection.id):
        area_id = doc.area_id or desk
        docs[area_id] += 1
        docs_done[area_id] += doc.status == "complete"
        items.setdefault(area_id, []).append((doc.title, doc.status))

    talks: Counter[str | None] = Counter()
    talks_done: Counter[str | None] = Counter()
    talks_started: Counter[str | None] = Counter()
    for interview in fieldwork.interviews(session, inspection.id):
        talks[interview.area_id] += 1
        talks_done[interview.area_id] += interview.status == "complete"
        talks_started[interview.area_id] += interview.status == "in_progress"
        items.setdefault(interview.area_id, []).append(
            (interview.interviewee_role, interview.status)
        )

    by_area: dict[str | None, Counter[str]] = {}
    total: Counter[str] = Counter()
    for finding in analysis.findings(session, inspection.id):
        by_area.setdefault(finding.area_id, Counter())[finding.kind] += 1
        total[finding.kind] += 1

    rows = tuple(
        AreaProgress(
            id=a.id,
            letter=inspections.area_letter(index),
            name=a.name,
            kind=a.kind,
            documents=docs[a.id],
            documents_done=docs_done[a.id],
            interviews_planned=a.interviews_planned,
            interviews=talks[a.id],
            interviews_done=talks_done[a.id],
            interviews_started=talks_started[a.id],
            findings=dict(by_area.get(a.id, Counter())),
            items=tuple(items.get(a.id, ())),
        )
        for index, a in enumerate(areas)
    )
    team = read_team(session, inspection.id)
    return Overview(
        inspection_id=inspection.id,
        title=inspection.title,
        landlord=inspection.landlord,
        topic=inspection.topic,
        status=inspections.shown_status(session, inspection),
        areas=rows,
        team=team,
        findings=dict(total),
        unfiled_interviews=sum(n for a, n in talks.items() if a not in {r.id for r in rows}),
        unfiled_interviews_done=sum(
            n for a, n in talks_done.items() if a not in {r.id for r in rows}
        ),
    )
