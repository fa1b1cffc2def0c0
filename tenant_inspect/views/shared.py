"""What a screen and the report both describe, as one plain type each, with one builder each.

An area, a finding with its evidence, a conclusion, a recommendation and a team member are
read the same way whether the recommendations screen, the findings board or the report asks
for them, so the report (:mod:`tenant_inspect.report.model`) and the read models of this
package use these frozen dataclasses and these builders, and cannot drift apart (a
recommendation on screen cites exactly the findings the report says it is based on).

Nothing here imports the database layer at import time: the builders import it when called,
and the types are plain copies, safe to keep on the UI thread once the session has closed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from ..vocabulary import kind_label

if TYPE_CHECKING:
    from sqlmodel import Session

#: The scope id of the whole inspection's conclusions (areas use their own ids).
OVERALL = "overall"

_F = TypeVar("_F", bound="FindingData")


@dataclass(frozen=True)
class AreaData:
    """An area of the inspection; ``letter`` is the one the report gives it (A, B …)."""

    id: str
    name: str
    kind: str
    description: str = ""
    letter: str = ""

    @property
    def title(self) -> str:
        return f"{self.letter}. {self.name}"


@dataclass(frozen=True)
class FindingData:
    """A finding with its evidence: the document or interview it was made on, if any."""

    id: str
    area_id: str | None
    kind: str
    text: str
    document_id: str | None = None
    interview_id: str | None = None
    themes: tuple[str, ...] = ()
    internal: bool = False

    @classmethod
    def from_model(cls: type[_F], finding: Any, **extra: Any) -> _F:
        """A plain copy of a stored finding; ``extra`` sets (or overrides) further fields."""
        fields: dict[str, Any] = {
            "id": finding.id,
            "area_id": finding.area_id,
            "kind": finding.kind,
            "text": finding.text,
            "document_id": finding.document_review_id,
            "interview_id": finding.interview_id,
            "themes": tuple(finding.themes or ()),
            "internal": finding.internal,
        }
        return cls(**{**fields, **extra})

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


@dataclass(frozen=True)
class ConclusionData:
    """A conclusion about one area (``area_id``) or the whole inspection (None)."""

    id: str
    area_id: str | None
    text: str
    internal: bool = False

    @property
    def scope(self) -> str:
        """Whose conclusion: the area's id, or OVERALL for the whole inspection."""
        return self.area_id or OVERALL


@dataclass(frozen=True)
class RecommendationData:
    """A recommendation; ``finding_ids`` are the live findings it cites, once each, in link
    order; ``number`` is its R-number (R1, R2 …), 0 when not numbered."""

    id: str
    area_id: str | None
    text: str
    sub_actions: tuple[str, ...] = ()
    expected_benefits: str = ""
    impact: str = ""
    cost: str = ""
    priority: str = ""
    target_date: date | None = None
    finding_ids: tuple[str, ...] = ()
    internal: bool = False
    number: int = 0


@dataclass(frozen=True)
class MemberData:
    """A member of the team, by name and role; ``in_report`` if the report may list them."""

    id: str
    name: str
    role: str = "inspector"
    in_report: bool = True


def read_areas(session: Session, inspection_id: str) -> tuple[AreaData, ...]:
    """The inspection's areas in report order, lettered A, B …"""
    from ..inspections import area_letter, areas

    return tuple(
        AreaData(a.id, a.name, a.kind, a.description, area_letter(i))
        for i, a in enumerate(areas(session, inspection_id))
    )


def read_conclusions(session: Session, inspection_id: str) -> tuple[ConclusionData, ...]:
    """Every live conclusion, in order (areas' and overall ones together)."""
    from ..analysis import conclusions

    return tuple(
        ConclusionData(c.id, c.area_id, c.text, c.internal)
        for c in conclusions(session, inspection_id)
    )


def read_team(session: Session, inspection_id: str) -> tuple[MemberData, ...]:
    """The whole team in its order, those left out of the report too."""
    from ..inspections import team

    return tuple(
        MemberData(t.id, t.name, t.role, t.include_in_report) for t in team(session, inspection_id)
    )


def read_recommendations(
    session: Session, inspection_id: str, findings: Iterable[str]
) -> tuple[RecommendationData, ...]:
    """Recommendations in order, each citing the live links to ``findings`` (live finding ids).

    A link to a finding deleted or merged away is not counted, and a finding linked twice
    (after a merge, say) is cited once, where it was first linked.
    """
    from .. import models as m
    from .. import records
    from ..analysis import recommendations

    live = set(findings)
    links: dict[str, list[str]] = {}
    for link in records.live(session, m.RecommendationFinding, inspection_id=inspection_id):
        if link.finding_id in live:
            links.setdefault(link.recommendation_id, []).append(link.finding_id)
    return tuple(
        RecommendationData(
            id=r.id,
            area_id=r.area_id,
            text=r.text,
            sub_actions=tuple(r.sub_actions or ()),
            expected_benefits=r.expected_benefits,
            impact=r.impact,
            cost=r.cost,
            priority=r.priority,
            target_date=r.target_date,
            finding_ids=tuple(dict.fromkeys(links.get(r.id, ()))),
            internal=r.internal,
            number=r.number,
        )
        for r in recommendations(session, inspection_id)
    )
