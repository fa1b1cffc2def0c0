"""Grades written from the judgements screen: the agreed grade, and an inspector's own grade.

The screen hands these to the app's ordered writer (the agreed grade through the autosave
queue, as its rationale is typed). They exist so the screen says *what* it saves in the
coordinator's terms and the core decides how a judgement row is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session


def save_agreed_grade(
    session: Session,
    inspection_id: str,
    area_id: str,
    *,
    grade: str,
    rationale: str,
    coordinator_id: str | None,
) -> None:
    """The team's agreed grade and rationale for one area, recorded under the coordinator."""
    from .. import analysis

    analysis.set_judgement(
        session,
        inspection_id,
        area_id=area_id,
        grade=grade,
        rationale=rationale,
        judge_id=coordinator_id,
        is_final=True,
    )


def save_own_grade(
    session: Session, inspection_id: str, area_id: str, *, judge_id: str, grade: str, why: str
) -> None:
    """One inspector's own grade for one area (replacing theirs), before the team agrees."""
    from .. import analysis

    analysis.set_judgement(
        session, inspection_id, area_id=area_id, grade=grade, rationale=why, judge_id=judge_id
    )
