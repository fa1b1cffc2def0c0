"""Judgements as the coordinator grades them: each area's evidence, grades and agreement.

For each area the judgements screen shows the strengths and weaknesses side by side with
their counts, the agreed grade and rationale, and the inspectors' own grades; a second tab
shows how far those own grades agree. :func:`load_judgements` reads all of it in one go (in
a worker) and works out the agreement figures there too, so the screen only draws.

The agreed grade and rationale here (``AreaJudgement.grade``/``rationale``) describe the
same thing as ``JudgementData`` in :mod:`tenant_inspect.report.outline`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..agreement import (
    AreaDisagreement,
    PairAgreement,
    Rating,
    TeamAgreement,
    all_pairs,
    area_disagreements,
    pair_agreement,
    team_agreement,
)
from ..checks import STRENGTH_KINDS, WEAKNESS_KINDS, Balance, count_evidence, grade_mismatch
from .findings import FindingRow
from .shared import MemberData, read_team

if TYPE_CHECKING:
    from sqlmodel import Session

#: What an inspector's grade is shown under once they have left the team.
REMOVED_MEMBER = "(removed member)"


@dataclass(frozen=True)
class IndependentGrade:
    """One inspector's own grade for an area, recorded before the team agrees."""

    judge_id: str
    judge_name: str
    grade: str
    rationale: str


@dataclass(frozen=True)
class AreaJudgement:
    """One area: its evidence, the agreed grade and the inspectors' own grades."""

    id: str
    letter: str
    name: str
    strengths: tuple[FindingRow, ...]
    weaknesses: tuple[FindingRow, ...]
    balance: Balance
    grade: str
    rationale: str
    independent: tuple[IndependentGrade, ...]

    @property
    def title(self) -> str:
        return f"{self.letter}. {self.name}"

    def mismatch_of(self, grade: str) -> str | None:
        """Why ``grade`` would contradict this area's evidence, or None (see checks)."""
        return grade_mismatch(grade, self.balance.strengths, self.balance.weaknesses)

    @property
    def mismatch(self) -> str | None:
        """Why the agreed grade contradicts the evidence; None while there is no grade."""
        if not self.grade:
            return None
        return self.mismatch_of(self.grade)


#: A member of the team, by name and role (the report's type).


@dataclass(frozen=True)
class Agreement:
    """How far the inspectors' own grades agree, in the order the coordinator reads it.

    Worked out when the data is read, because the kappas and the sorting by name need
    nothing the screen has (the agreed grades typed on screen do not enter into it).
    """

    team: TeamAgreement
    #: Every area with two or more own grades: furthest apart first, ties in report order.
    areas: tuple[AreaDisagreement, ...] = ()
    #: Every pair with two or more areas in common: most in common first, then by name.
    pairs: tuple[PairAgreement, ...] = ()
    #: Everyone who has recorded an own grade, by name.
    judges: tuple[str, ...] = ()
    #: The two inspectors to compare first (those with most areas in common), by name.
    default_pair: tuple[str, ...] = ()

    @property
    def to_discuss(self) -> tuple[AreaDisagreement, ...]:
        """The areas whose grades differ at all (one step or more)."""
        return tuple(d for d in self.areas if d.spread >= 1)


@dataclass(frozen=True)
class JudgementsData:
    title: str
    areas: tuple[AreaJudgement, ...]
    team: tuple[MemberData, ...]
    coordinator_id: str | None
    agreement: Agreement

    @property
    def ratings(self) -> list[Rating]:
        return [Rating(a.id, g.judge_id, g.grade) for a in self.areas for g in a.independent]

    @property
    def names(self) -> dict[str, str]:
        """Member id → name."""
        return {t.id: t.name for t in self.team}

    def area(self, area_id: str) -> AreaJudgement:
        return next(a for a in self.areas if a.id == area_id)

    def pair(self, judge_a: str, judge_b: str) -> PairAgreement:
        """Two chosen inspectors compared over the areas both graded."""
        return pair_agreement(self.ratings, judge_a, judge_b)

    @property
    def agreed_letters(self) -> list[str]:
        """The letters of the areas where every inspector gave the same grade, A to Z, AA ..."""
        letters = {a.id: a.letter for a in self.areas}
        found = (letters.get(d.area_id, "?") for d in self.agreement.areas if d.spread == 0)
        return sorted(found, key=lambda x: (len(x), x))


def agreement_of(areas: tuple[AreaJudgement, ...], names: dict[str, str]) -> Agreement:
    """The agreement figures for these areas' own grades, sorted for reading."""
    ratings = [Rating(a.id, g.judge_id, g.grade) for a in areas for g in a.independent]
    order = {a.id: i for i, a in enumerate(areas)}

    def name(judge: str) -> str:
        return (names.get(judge) or judge).casefold()

    found = sorted(
        area_disagreements(ratings),
        key=lambda d: (-d.disagreement, -d.spread, order.get(d.area_id, len(order))),
    )
    pairs = sorted(
        all_pairs(ratings),
        key=lambda p: (-p.areas, *sorted((name(p.judge_a), name(p.judge_b)))),
    )
    judges = sorted({r.judge_id for r in ratings}, key=name)
    first = sorted([pairs[0].judge_a, pairs[0].judge_b], key=name) if pairs else judges[:2]
    return Agreement(
        team_agreement(ratings), tuple(found), tuple(pairs), tuple(judges), tuple(first)
    )


def _independent(
    area_id: str,
    grades: dict[tuple[str, str], str],
    rationales: dict[tuple[str, str | None], str],
    names: dict[str, str],
) -> tuple[IndependentGrade, ...]:
    """The own grades for one area, by the inspector's name."""
    found = [
        IndependentGrade(
            judge, names.get(judge, REMOVED_MEMBER), grade, rationales.get((area, judge), "")
        )
        for (area, judge), grade in grades.items()
        if area == area_id
    ]
    return tuple(sorted(found, key=lambda g: (g.judge_name.casefold(), g.judge_id)))


def _area(
    area: Any,
    letter: str,
    findings: list[Any],
    final: Any,
    independent: tuple[IndependentGrade, ...],
) -> AreaJudgement:
    """One area as read: its live findings, its agreed judgement (if any), its own grades."""
    return AreaJudgement(
        id=area.id,
        letter=letter,
        name=area.name,
        strengths=tuple(FindingRow.from_model(f) for f in findings if f.kind in STRENGTH_KINDS),
        weaknesses=tuple(FindingRow.from_model(f) for f in findings if f.kind in WEAKNESS_KINDS),
        balance=count_evidence(findings),
        grade=final.grade if final else "",
        rationale=final.rationale if final else "",
        independent=independent,
    )


def load_judgements(session: Session, inspection_id: str) -> JudgementsData:
    """Every area of the inspection in report order, with the team and the agreement."""
    from .. import analysis, inspections
    from ..agreement import ratings_from_judgements

    inspection = inspections.get_inspection(session, inspection_id)
    iid = inspection.id
    team = read_team(session, iid)
    names = {t.id: t.name for t in team}
    findings: dict[str | None, list[Any]] = {}
    for f in analysis.findings(session, iid):
        findings.setdefault(f.area_id, []).append(f)
    all_judgements = analysis.judgements(session, iid)
    finals = {j.area_id: j for j in all_judgements if j.is_final}
    grades = {(r.area_id, r.judge_id): r.grade for r in ratings_from_judgements(all_judgements)}
    rationales = {(j.area_id, j.judge_id): j.rationale for j in all_judgements if not j.is_final}
    areas = tuple(
        _area(
            area,
            inspections.area_letter(index),
            findings.get(area.id, []),
            finals.get(area.id),
            _independent(area.id, grades, rationales, names),
        )
        for index, area in enumerate(inspections.areas(session, iid))
    )
    coordinator = next((t.id for t in team if t.role == "coordinator"), None)
    return JudgementsData(inspection.title, areas, team, coordinator, agreement_of(areas, names))
