"""Recommendations as the recommendations screen shows them: R1, R2 … with their evidence.

Besides the recommendations themselves the screen needs the findings they may cite (to offer
them, and to name the ones cited) and the two evidence warnings of :mod:`tenant_inspect.checks`
— recommendations citing nothing, weaknesses nothing answers — computed here from the same
read, so the list and its warnings never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..checks import Warning
from ..vocabulary import KIND_LABELS
from .shared import AreaData, RecommendationData, read_areas, read_recommendations

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass(frozen=True)
class FindingInfo:
    """A finding a recommendation may cite; ``area_letter`` is '–' when it has no area."""

    id: str
    area_id: str | None
    area_letter: str
    kind: str
    text: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


#: A recommendation as the screen shows it: the report's type, R-number included.
#: An area a recommendation can belong to, with the letter the report gives it.


@dataclass(frozen=True)
class RecsData:
    """Everything the screen draws, read at one moment."""

    title: str
    areas: tuple[AreaData, ...]
    recs: tuple[RecommendationData, ...]
    findings: tuple[FindingInfo, ...]
    warnings: tuple[Warning, ...]

    def finding(self, finding_id: str) -> FindingInfo | None:
        return next((f for f in self.findings if f.id == finding_id), None)

    @property
    def unanswered(self) -> list[str]:
        """Ids of the weaknesses no recommendation answers."""
        return [i for w in self.warnings if w.code == "weakness-unanswered" for i in w.ids]


def load_recommendations(session: Session, inspection_id: str) -> RecsData:
    """Recommendations in report order; links to deleted findings are not counted."""
    from tenant_inspect import analysis, inspections
    from tenant_inspect.checks import recommendation_warnings

    inspection = inspections.get_inspection(session, inspection_id)
    iid = inspection.id
    areas = read_areas(session, iid)
    letters = {a.id: a.letter for a in areas}
    findings = analysis.findings(session, iid)
    recs = read_recommendations(session, iid, (f.id for f in findings))
    pairs = [(r.id, finding_id) for r in recs for finding_id in r.finding_ids]
    names: dict[str | None, str] = {a.id: a.title for a in areas}
    return RecsData(
        title=inspection.title,
        areas=areas,
        recs=recs,
        findings=tuple(
            FindingInfo(f.id, f.area_id, letters.get(f.area_id or "", "–"), f.kind, f.text)
            for f in findings
        ),
        warnings=tuple(recommendation_warnings(recs, findings, pairs, area_names=names)),
    )


def offer_order(findings: Sequence[FindingInfo], area_id: str | None) -> list[FindingInfo]:
    """Findings to pick from: this area's weaknesses, other weaknesses, then the rest.

    A recommendation answers weaknesses, most often its own area's, so those are the ones an
    inspector is looking for; the sort is stable, so each group keeps the findings' order.
    """

    def rank(f: FindingInfo) -> int:
        weak = f.kind == "weakness"
        here = area_id is not None and f.area_id == area_id
        return 0 if weak and here else 1 if weak else 2 if here else 3

    return sorted(findings, key=rank)


def shared_area(findings: Sequence[FindingInfo], cited: Sequence[str]) -> str | None:
    """The one area every cited finding belongs to, or None (none cited, mixed, or no area).

    A recommendation left at "Whole organisation" while all it answers is about one area
    puts it in the wrong part of the report, so the screen proposes this area instead.
    """
    wanted = set(cited)
    areas = {f.area_id for f in findings if f.id in wanted}
    if len(areas) != 1:
        return None
    return next(iter(areas))
