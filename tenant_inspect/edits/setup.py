"""Set-up's changes: details checked as they are typed, and the areas and team edited by id.

Set-up saves each detail as it is typed, so a value that cannot be stored (a date written
"3rd March", an empty title) must be caught *before* it reaches the writer, with a sentence
naming the field and the fix. :func:`check_detail` does that from the same limits the service
layer enforces (:data:`tenant_inspect.records.RULES`), so the screen and the store cannot
disagree about what is too long or required.

The screen knows areas and members by id only (it holds plain lines, not rows); the
functions below look the row up in the write session and call the service in
:mod:`tenant_inspect.inspections`, whose refusals (a duplicate name, an area still in use)
reach the user as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import inspections, records
from .. import models as m
from ..dates import DATE_FORMS, parse_day
from ..views.setup import SHORT_DETAILS

if TYPE_CHECKING:
    from sqlmodel import Session

#: Why a required detail cannot be left empty, in words.
REQUIRED_WORDS = {"title": "the inspection needs a title", "landlord": "give the landlord's name"}


def check_detail(field: str, text: str, name: str) -> tuple[Any, str | None]:
    """The value to store for what was typed in ``field``, or a message naming it and the fix.

    ``name`` is what the screen calls the field ("Start date"); one-line details are trimmed,
    the report's texts are kept as typed.
    """
    rule = records.RULES[m.Inspection][field]
    if isinstance(rule, records.Day):
        if not text.strip():
            return None, None
        try:
            return parse_day(text), None
        except ValueError:
            return None, (
                f"{name}: “{text.strip()}” is not a date. {DATE_FORMS}. "
                "Not saved until it is a date."
            )
    assert isinstance(rule, records.Text), f"{field} is not typed as text"
    value = text.strip() if field in SHORT_DETAILS else text
    if rule.required and not value:
        why = REQUIRED_WORDS.get(field, "it is required")
        return None, f"{name}: {why}. Not saved while it is empty."
    if rule.max_len is not None and len(value) > rule.max_len:
        return None, (
            f"{name}: too long ({len(value)} characters; at most {rule.max_len}). Not saved."
        )
    return value, None


def check_planned(text: str) -> str | None:
    """A check for "interviews planned": a whole number within the service's limits."""
    rule = records.RULES[m.Area]["interviews_planned"]
    assert isinstance(rule, records.Whole)
    if not text.isdigit() or not rule.minimum <= int(text) <= rule.maximum:
        return (
            f"Interviews planned: type a whole number from {rule.minimum} to {rule.maximum}, "
            "for example 3."
        )
    return None


def save_detail(session: Session, inspection_id: str, field: str, value: Any) -> None:
    """Store one detail (already checked by :func:`check_detail`)."""
    inspection = inspections.get_inspection(session, inspection_id)
    inspections.update_inspection(session, inspection, **{field: value})


# ---------------------------------------------------------------------------
# Areas (each returns the id the screen should select afterwards)
# ---------------------------------------------------------------------------


def add_area(session: Session, inspection_id: str, name: str, kind: str) -> str:
    return inspections.add_area(session, inspection_id, name=name, kind=kind).id


def rename_area(session: Session, area_id: str, name: str) -> str:
    return inspections.rename_area(session, records.get(session, m.Area, area_id), name).id


def move_area(session: Session, area_id: str, offset: int) -> str:
    """Earlier (-1) or later (+1) in the report; the letters follow."""
    inspections.move_area(session, records.get(session, m.Area, area_id), offset)
    return area_id


def plan_interviews(session: Session, area_id: str, planned: int) -> str:
    records.update(session, records.get(session, m.Area, area_id), interviews_planned=planned)
    return area_id


def remove_area(session: Session, area_id: str) -> None:
    """Refused (by the service) while documents, interviews or findings are filed under it."""
    inspections.remove_area(session, records.get(session, m.Area, area_id))


# ---------------------------------------------------------------------------
# Team
# ---------------------------------------------------------------------------


def add_member(session: Session, inspection_id: str, name: str) -> str:
    """Add someone; only the very first member of the team becomes its coordinator.

    Decided from the database, not from the list on screen (which may be a moment behind).
    """
    first = inspections.coordinator(session, inspection_id) is None
    role = "coordinator" if first else "inspector"
    return inspections.add_member(session, inspection_id, name=name, role=role).id


def make_coordinator(session: Session, member_id: str) -> str:
    inspections.set_coordinator(session, records.get(session, m.TeamMember, member_id))
    return member_id


def rename_member(session: Session, member_id: str, name: str) -> str:
    row = records.get(session, m.TeamMember, member_id)
    return inspections.update_member(session, row, name=name).id


def remove_member(session: Session, member_id: str) -> None:
    inspections.remove_member(session, records.get(session, m.TeamMember, member_id))
