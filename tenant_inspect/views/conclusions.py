"""Conclusions as the conclusions screen lists them: one ordered list per area, one overall.

The report prints each area's conclusions after its judgement and the overall ones in their
own section, so the screen shows them grouped the same way. A conclusion whose area has been
deleted is not shown at all (the report drops it too), rather than surfacing in the wrong list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .shared import OVERALL as OVERALL
from .shared import ConclusionData, read_areas, read_conclusions

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass(frozen=True)
class Scope:
    """Whose conclusions: the whole inspection (id OVERALL) or one area."""

    id: str
    title: str


#: One conclusion, in report order within its ``scope`` (the report's type).


@dataclass(frozen=True)
class ConclusionsData:
    """Everything the screen draws: the scopes to choose from and every live conclusion."""

    title: str
    scopes: tuple[Scope, ...]
    rows: tuple[ConclusionData, ...]

    def of(self, scope: str) -> list[ConclusionData]:
        return [r for r in self.rows if r.scope == scope]


def load_conclusions(session: Session, inspection_id: str) -> ConclusionsData:
    """The whole inspection first, then each area by its letter, with conclusions in order."""
    from tenant_inspect import inspections

    inspection = inspections.get_inspection(session, inspection_id)
    areas = read_areas(session, inspection.id)
    scopes = [Scope(OVERALL, "The whole inspection")] + [Scope(a.id, a.title) for a in areas]
    live_areas = {a.id for a in areas}
    rows = [
        c
        for c in read_conclusions(session, inspection.id)
        if c.area_id is None or c.area_id in live_areas
    ]
    return ConclusionsData(inspection.title, tuple(scopes), tuple(rows))
