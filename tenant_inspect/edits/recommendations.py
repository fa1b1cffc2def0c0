"""Recommendations written from the recommendations screen: fields, order, links — by id.

The screen holds plain copies (:mod:`tenant_inspect.views.recommendations`), so every change
names the recommendation (and finding) by id and runs here on the app's ordered writer.
Numbering is :mod:`tenant_inspect.analysis`'s job: adding, moving and deleting renumber R1…Rn
there, and links are by id, so renumbering never loses them. Functions return the id the
screen should select once it has reloaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlmodel import Session


def save_recommendation_field(session: Session, rec_id: str, field: str, value: Any) -> None:
    """Store one checked field (text, sub-actions, levels, target date, area)."""
    from tenant_inspect import analysis, records
    from tenant_inspect import models as m

    rec = records.get(session, m.Recommendation, rec_id)
    analysis.update_recommendation(session, rec, **{field: value})


def add_recommendation(session: Session, inspection_id: str, text: str, area_id: str | None) -> str:
    """Add one at the end (it becomes the last R number); returns its id."""
    from tenant_inspect import analysis

    return analysis.add_recommendation(session, inspection_id, text=text, area_id=area_id).id


def move_recommendation(session: Session, rec_id: str, offset: int) -> str:
    """Move it ``offset`` places; every recommendation is renumbered in the new order."""
    from tenant_inspect import analysis, records
    from tenant_inspect import models as m

    analysis.move_recommendation(session, records.get(session, m.Recommendation, rec_id), offset)
    return rec_id


def delete_recommendation(session: Session, rec_id: str) -> None:
    """Delete it and its links; the ones after it move up one number."""
    from tenant_inspect import analysis, records
    from tenant_inspect import models as m

    analysis.delete_recommendation(session, records.get(session, m.Recommendation, rec_id))


def set_links(session: Session, rec_id: str, wanted: Sequence[str]) -> str:
    """Make the recommendation cite exactly ``wanted`` (links added or tombstoned)."""
    from tenant_inspect import analysis, records
    from tenant_inspect import models as m

    rec = records.get(session, m.Recommendation, rec_id)
    have = {f.id for f in analysis.linked_findings(session, rec)}
    for finding_id in have - set(wanted):
        analysis.unlink_finding(session, rec, records.get(session, m.Finding, finding_id))
    for finding_id in wanted:
        if finding_id not in have:
            analysis.link_finding(session, rec, records.get(session, m.Finding, finding_id))
    return rec_id


def link_one(session: Session, rec_id: str, finding_id: str) -> str:
    """Add one cited finding (from the list of unanswered weaknesses)."""
    from tenant_inspect import analysis, records
    from tenant_inspect import models as m

    rec = records.get(session, m.Recommendation, rec_id)
    analysis.link_finding(session, rec, records.get(session, m.Finding, finding_id))
    return rec_id
