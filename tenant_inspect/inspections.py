"""Inspections, their team, their areas and the questionnaires they use.

Shared by the CLI and the TUI. Functions take an open write (or read)
session from :class:`~tenant_inspect.store.Store` so callers decide what
commits together.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from . import models as m
from . import records
from .errors import NotFound, ValidationError
from .questionnaire import Questionnaire, parse_questionnaire
from .sql_marks import runner
from .summaries import STAGE_SQL, InspectionSummary, read_summaries, shown_for, stages_from_rows
from .team_order import team_order
from .vocabulary import DEFAULT_ACKNOWLEDGEMENTS, DEFAULT_PREFACE
from .vocabulary import area_letter as area_letter

DESKTOP_REVIEW_NAME = "Desktop review"

# ---------------------------------------------------------------------------
# Inspections
# ---------------------------------------------------------------------------


def create_inspection(
    session: Session, *, title: str, landlord: str, with_desktop_review: bool = True, **fields: Any
) -> m.Inspection:
    """A new inspection with good default texts and its desktop-review area."""
    fields.setdefault("preface", DEFAULT_PREFACE)
    fields.setdefault("acknowledgements", DEFAULT_ACKNOWLEDGEMENTS)
    inspection = records.create(
        session,
        m.Inspection,
        title=(title or "").strip(),
        landlord=(landlord or "").strip(),
        **fields,
    )
    if with_desktop_review:
        add_area(session, inspection.id, name=DESKTOP_REVIEW_NAME, kind="desktop_review")
    return inspection


def update_inspection(session: Session, inspection: m.Inspection, **fields: Any) -> m.Inspection:
    return records.update(session, inspection, **fields)


def delete_inspection(session: Session, inspection: m.Inspection) -> None:
    records.delete(session, inspection)


def get_inspection(session: Session, id_or_prefix: str) -> m.Inspection:
    return records.resolve(session, m.Inspection, id_or_prefix)


def work_stages(session: Session) -> dict[str, tuple[bool, bool, bool]]:
    """Each live inspection's (begun, judged, concluded), for :func:`shown_status`."""
    return stages_from_rows(runner(session.connection())(STAGE_SQL))


def shown_status(session: Session, inspection: m.Inspection) -> str:
    """The status people see: the coordinator's choice, or the stage the work has reached."""
    return shown_for(inspection.status, inspection.id, work_stages(session))


def list_inspections(session: Session) -> list[InspectionSummary]:
    """Every live inspection with its progress counts, most recently changed first.

    Runs :func:`~tenant_inspect.summaries.read_summaries` — the same SQL the light
    path runs over plain sqlite3 — on this session's connection.
    """
    return read_summaries(runner(session.connection()))


# ---------------------------------------------------------------------------
# Team
# ---------------------------------------------------------------------------


def team(session: Session, inspection_id: str) -> list[m.TeamMember]:
    members = records.live(session, m.TeamMember, inspection_id=inspection_id)
    return sorted(members, key=lambda t: team_order(t.position, t.name, t.id))


def add_member(
    session: Session, inspection_id: str, *, name: str, role: str = "inspector", **fields: Any
) -> m.TeamMember:
    existing = team(session, inspection_id)
    name = (name or "").strip()
    if any(t.name.lower() == name.lower() for t in existing):
        raise ValidationError([f"team member: {name!r} is already in the team"])
    member = records.create(
        session,
        m.TeamMember,
        parent={"inspection_id": inspection_id},
        name=name,
        role=role,
        position=records.next_position(existing),
        **fields,
    )
    if role == "coordinator":
        set_coordinator(session, member)
    return member


def update_member(session: Session, member: m.TeamMember, **fields: Any) -> m.TeamMember:
    records.update(session, member, **fields)
    if fields.get("role") == "coordinator":
        set_coordinator(session, member)
    return member


def set_coordinator(session: Session, member: m.TeamMember) -> None:
    """Make one member the coordinator; anyone else who was becomes an inspector."""
    for other in team(session, member.inspection_id):
        if other.id != member.id and other.role == "coordinator":
            records.update(session, other, role="inspector")
    if member.role != "coordinator":
        records.update(session, member, role="coordinator")


def coordinator(session: Session, inspection_id: str) -> m.TeamMember | None:
    """The coordinator (:func:`tenant_inspect.settings.coordinator_id`, one rule for both)."""
    from .settings import coordinator_id

    if session.autoflush:  # as a query would: members added in this session count
        session.flush()
    member_id = coordinator_id(session, inspection_id)
    return None if member_id is None else session.get(m.TeamMember, member_id)


def remove_member(session: Session, member: m.TeamMember) -> None:
    records.delete(session, member)


# ---------------------------------------------------------------------------
# Areas
# ---------------------------------------------------------------------------


def areas(session: Session, inspection_id: str) -> list[m.Area]:
    """Areas in report order (the report letters them A, B, C ...)."""
    rows = records.live(session, m.Area, inspection_id=inspection_id)
    return sorted(rows, key=lambda a: (a.position, a.created_at, a.id))


def add_area(
    session: Session, inspection_id: str, *, name: str, kind: str = "department", **fields: Any
) -> m.Area:
    existing = areas(session, inspection_id)
    name = (name or "").strip()
    if any(a.name.lower() == name.lower() for a in existing):
        raise ValidationError([f"area: there is already an area called {name!r}"])
    return records.create(
        session,
        m.Area,
        parent={"inspection_id": inspection_id},
        name=name,
        kind=kind,
        position=records.next_position(existing),
        **fields,
    )


def rename_area(session: Session, area: m.Area, name: str) -> m.Area:
    name = (name or "").strip()
    others = [a for a in areas(session, area.inspection_id) if a.id != area.id]
    if any(a.name.lower() == name.lower() for a in others):
        raise ValidationError([f"area: there is already an area called {name!r}"])
    return records.update(session, area, name=name)


def move_area(session: Session, area: m.Area, offset: int) -> list[m.Area]:
    """Move an area up (-1) or down (+1); positions are rewritten 0..n-1."""
    ordered = areas(session, area.inspection_id)
    index = next(i for i, a in enumerate(ordered) if a.id == area.id)
    target = max(0, min(len(ordered) - 1, index + offset))
    ordered.insert(target, ordered.pop(index))
    for position, row in enumerate(ordered):
        if row.position != position:
            records.update(session, row, position=position)
    return ordered


def remove_area(session: Session, area: m.Area) -> None:
    """Tombstone an area, refusing while work is still filed under it."""
    in_use = {
        "document reviews": records.count_live(session, m.DocumentReview, area_id=area.id),
        "interviews": records.count_live(session, m.Interview, area_id=area.id),
        "findings": records.count_live(session, m.Finding, area_id=area.id),
        "recommendations": records.count_live(session, m.Recommendation, area_id=area.id),
    }
    used = [f"{n} {what}" for what, n in in_use.items() if n]
    if used:
        raise ValidationError(
            [f"area {area.name!r} still has {', '.join(used)}; move or delete them first"]
        )
    records.delete(session, area)


def desktop_review_area(session: Session, inspection_id: str) -> m.Area | None:
    return next((a for a in areas(session, inspection_id) if a.kind == "desktop_review"), None)


# ---------------------------------------------------------------------------
# Questionnaire copies
# ---------------------------------------------------------------------------

_PARSED: dict[str, Questionnaire] = {}
_BY_KEY: dict[tuple[str, str, str], Questionnaire] = {}


def use_questionnaire(
    session: Session, inspection_id: str, questionnaire: Questionnaire
) -> m.QuestionnaireCopy:
    """Keep the exact text of a questionnaire with the inspection (once per version)."""
    existing = session.exec(
        select(m.QuestionnaireCopy).where(
            m.QuestionnaireCopy.inspection_id == inspection_id,
            m.QuestionnaireCopy.questionnaire_id == questionnaire.id,
            m.QuestionnaireCopy.version == questionnaire.version,
        )
    ).first()
    if existing is not None:
        if existing.sha256 != questionnaire.sha256:
            raise ValidationError(
                [
                    f"questionnaire {questionnaire.id!r} version {questionnaire.version} differs "
                    "from the copy this inspection already uses; give the changed file a new version"
                ]
            )
        return existing
    copy = m.QuestionnaireCopy(
        inspection_id=inspection_id,
        questionnaire_id=questionnaire.id,
        version=questionnaire.version,
        title=questionnaire.title,
        kind=questionnaire.kind,
        sha256=questionnaire.sha256,
        source_text=questionnaire.source_text,
    )
    session.add(copy)
    session.flush()
    return copy


def questionnaire_for(
    session: Session, inspection_id: str, qid: str, version: str
) -> Questionnaire:
    """The questionnaire an interview or review was started with, from the inspection's copy."""
    # A copy never changes once stored (a changed file must get a new version),
    # so the parsed questionnaire is cached per inspection, id and version:
    # autosave asks for it on every keystroke burst.
    cache_key = (inspection_id, qid, version)
    cached = _BY_KEY.get(cache_key)
    if cached is not None:
        return cached
    copy = session.exec(
        select(m.QuestionnaireCopy).where(
            m.QuestionnaireCopy.inspection_id == inspection_id,
            m.QuestionnaireCopy.questionnaire_id == qid,
            m.QuestionnaireCopy.version == version,
            col(m.QuestionnaireCopy.deleted_at).is_(None),
        )
    ).first()
    if copy is None:
        raise NotFound(f"this inspection has no copy of questionnaire {qid!r} version {version}")
    parsed = _PARSED.get(copy.sha256)
    if parsed is None:
        parsed = parse_questionnaire(copy.source_text, f"{qid} {version} (stored copy)")
        _PARSED[copy.sha256] = parsed
    _BY_KEY[cache_key] = parsed
    return parsed


def questionnaire_copies(session: Session, inspection_id: str) -> list[m.QuestionnaireCopy]:
    rows = records.live(session, m.QuestionnaireCopy, inspection_id=inspection_id)
    return sorted(rows, key=lambda c: (c.questionnaire_id, c.version))
