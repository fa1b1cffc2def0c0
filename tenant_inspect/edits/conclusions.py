"""Conclusions written from the conclusions screen: add, retype, reorder, delete — by id.

The screen holds plain copies (:mod:`tenant_inspect.views.conclusions`), never rows, so each
change names the conclusion by id and is applied here on the app's ordered writer. The ids
returned are what the screen selects once it has reloaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..views.conclusions import OVERALL

if TYPE_CHECKING:
    from sqlmodel import Session


def add_conclusion(session: Session, inspection_id: str, scope: str, text: str) -> str:
    """Add a conclusion at the end of ``scope`` (OVERALL or an area id); returns its id."""
    from tenant_inspect import analysis

    area_id = None if scope == OVERALL else scope
    return analysis.add_conclusion(session, inspection_id, text=text, area_id=area_id).id


def save_conclusion_text(session: Session, conclusion_id: str, text: str) -> None:
    """Store the text as typed (the screen has already refused an empty one)."""
    from tenant_inspect import models as m
    from tenant_inspect import records

    records.update(session, records.get(session, m.Conclusion, conclusion_id), text=text)


def move_conclusion(session: Session, conclusion_id: str, offset: int) -> str:
    """Move it ``offset`` places within its own list (the report keeps this order)."""
    from tenant_inspect import analysis, records
    from tenant_inspect import models as m

    analysis.move_conclusion(session, records.get(session, m.Conclusion, conclusion_id), offset)
    return conclusion_id


def delete_conclusion(session: Session, conclusion_id: str) -> None:
    """Tombstone it (merges and the report then leave it out)."""
    from tenant_inspect import models as m
    from tenant_inspect import records

    records.delete(session, records.get(session, m.Conclusion, conclusion_id))
