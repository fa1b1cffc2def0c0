"""What the set-up screen edits: an inspection's details, its areas and its team.

The details come back as one dict keyed by field name, because the screen edits them field
by field and saves each one as it is typed; the areas and the team come back as plain lines
in the order the report uses (areas lettered A, B, C ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlmodel import Session

#: One-line details, in the order the screen asks for them (trimmed when saved).
SHORT_DETAILS = (
    "title",
    "landlord",
    "topic",
    "report_number",
    "start_date",
    "end_date",
    "report_date",
)
#: The report's longer texts, kept as typed (line breaks and all).
REPORT_TEXTS = (
    "scope",
    "preface",
    "acknowledgements",
    "introduction",
    "methodology",
    "other_methods",
)
#: Every detail set-up shows; the status is chosen from a list.
DETAILS = (*SHORT_DETAILS, *REPORT_TEXTS, "status")


@dataclass(frozen=True)
class AreaLine:
    """An area as set-up lists it: its report letter, name, kind and interviews planned."""

    id: str
    letter: str
    name: str
    kind: str
    interviews_planned: int


@dataclass(frozen=True)
class MemberLine:
    """A member of the team: name and role (coordinator or inspector)."""

    id: str
    name: str
    role: str


def load_details(session: Session, inspection_id: str) -> dict[str, Any]:
    """The stored value of every detail in :data:`DETAILS` (dates as dates, blanks as None)."""
    from .. import inspections

    inspection = inspections.get_inspection(session, inspection_id)
    return {name: getattr(inspection, name) for name in DETAILS}


def load_work_stage(session: Session, inspection_id: str) -> str:
    """The stage the work has reached ("fieldwork" …), for the status list's "follow the work"
    choice: what the status would be if the coordinator left it to the work."""
    from .. import inspections
    from ..summaries import shown_for

    inspection = inspections.get_inspection(session, inspection_id)
    return shown_for("planning", inspection.id, inspections.work_stages(session))


def load_lists(session: Session, inspection_id: str) -> tuple[list[AreaLine], list[MemberLine]]:
    """The areas in report order and the team in its order."""
    from .. import inspections

    areas = [
        AreaLine(a.id, inspections.area_letter(i), a.name, a.kind, a.interviews_planned)
        for i, a in enumerate(inspections.areas(session, inspection_id))
    ]
    team = [MemberLine(t.id, t.name, t.role) for t in inspections.team(session, inspection_id)]
    return areas, team
