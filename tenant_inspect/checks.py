"""Checks that keep judgements and recommendations tied to the evidence.

A landlord can wave away a judgement the evidence does not support, or a
recommendation that rests on nothing. These checks do not forbid anything —
a judgement weighs findings, it does not count them — but they say, in plain
words, where the coordinator should look again before the report goes out.

**The mismatch rule** (:func:`grade_mismatch`). For one area, count

* ``S`` — its strengths, counting good practice as a strength (good practice is
  a strength worth copying), and
* ``W`` — its weaknesses.

Observations are neither and are not counted; findings merged into another are
not counted (the survivor is). Then a grade contradicts the evidence when:

1. it says strengths are ahead ("Strengths considerably outweigh weaknesses" or
   "Strengths outweigh weaknesses") and ``W >= 2 × S`` with ``W >= 1`` — at
   least twice as many weaknesses as strengths (any weakness with no strength
   at all qualifies);
2. it says "Weaknesses outweigh strengths" and ``S >= 2 × W`` with ``S >= 1`` —
   at least twice as many strengths as weaknesses;
3. it says "Strengths considerably outweigh weaknesses" and ``W >= S`` with
   ``W >= 1`` — weaknesses at least as many as strengths (but fewer than twice
   as many, which rule 1 already covers) cannot be "considerably" outweighed;
4. any grade, when the area has no strengths and no weaknesses at all — there
   is nothing recorded to judge by.

"A balance of strengths and weaknesses" is only flagged by rule 4: a balance is
about weight, and a handful of serious weaknesses can balance many small
strengths. The thresholds are inclusive, so exactly twice as many counts.

**Recommendations** (:func:`recommendation_warnings`): a recommendation that
cites no finding, and a weakness that no recommendation answers (a weakness
merged into another counts through the survivor; internal weaknesses are
included, because the coordinator still has to decide about them).

The rules are pure functions of counts and ids, so they are tested without a
database; :func:`inspection_checks` gathers the same warnings for one
inspection from the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .vocabulary import GRADE_KEYS, GRADE_LABELS

if TYPE_CHECKING:
    from sqlmodel import Session

STRENGTH_KINDS = frozenset({"strength", "good_practice"})
WEAKNESS_KINDS = frozenset({"weakness"})
STRENGTHS_AHEAD = frozenset({"considerably_outweigh", "outweigh"})


@dataclass(frozen=True)
class Balance:
    """The evidence for one area: strengths (with good practice) and weaknesses."""

    strengths: int = 0
    weaknesses: int = 0
    good_practice: int = 0  # included in ``strengths``; kept to say so in words
    observations: int = 0


def count_evidence(findings: Iterable[Any]) -> Balance:
    """Count live, unmerged findings by kind (anything with ``kind``/``merged_into_id``)."""
    strengths = weaknesses = good = observations = 0
    for f in findings:
        if getattr(f, "merged_into_id", None) or getattr(f, "deleted_at", None):
            continue
        if f.kind in STRENGTH_KINDS:
            strengths += 1
            good += f.kind == "good_practice"
        elif f.kind in WEAKNESS_KINDS:
            weaknesses += 1
        else:
            observations += 1
    return Balance(strengths, weaknesses, good, observations)


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def evidence_words(balance: Balance) -> str:
    """'3 strengths (1 of them good practice) and 5 weaknesses'."""
    strengths = _n(balance.strengths, "strength", "strengths")
    if balance.good_practice:
        strengths += (
            " (good practice)"
            if balance.good_practice == balance.strengths == 1
            else f" ({balance.good_practice} of them good practice)"
        )
    return f"{strengths} and {_n(balance.weaknesses, 'weakness', 'weaknesses')}"


def grade_mismatch(grade: str, strengths: int, weaknesses: int) -> str | None:
    """Why ``grade`` contradicts the counts (see the module docstring), or None.

    ``strengths`` includes good practice. The sentence names the grade and the
    counts, and says what the rule found.
    """
    if grade not in GRADE_KEYS:
        return None
    s, w = strengths, weaknesses
    label = GRADE_LABELS[grade]
    counts = f"{_n(s, 'strength', 'strengths')} and {_n(w, 'weakness', 'weaknesses')}"
    if s == 0 and w == 0:
        return (
            f"“{label}” rests on no recorded strengths or weaknesses: record the findings "
            "behind it first."
        )
    if grade in STRENGTHS_AHEAD and w >= 1 and w >= 2 * s:
        ratio = "only weaknesses" if s == 0 else "at least twice as many weaknesses as strengths"
        return f"“{label}”, but this area has {counts}: {ratio}. Check the grade or the findings."
    if grade == "weaknesses_outweigh" and s >= 1 and s >= 2 * w:
        ratio = "only strengths" if w == 0 else "at least twice as many strengths as weaknesses"
        return f"“{label}”, but this area has {counts}: {ratio}. Check the grade or the findings."
    if grade == "considerably_outweigh" and w >= 1 and w >= s:
        return (
            f"“{label}”, but this area has {counts}: weaknesses are at least as many as "
            "strengths. Check the grade or the findings."
        )
    return None


# ---------------------------------------------------------------------------
# Recommendations
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Warning:
    """One thing to look at again. ``ids`` are the rows it is about (for jumping to them)."""

    code: str
    message: str
    area_id: str | None = None
    ids: tuple[str, ...] = field(default=())


def unlinked_recommendations(
    recommendations: Iterable[Any], links: Iterable[tuple[str, str]]
) -> list[Any]:
    """Recommendations (with ``id``) that cite no finding; ``links`` are (rec id, finding id)."""
    cited = {rec_id for rec_id, _ in links}
    return [r for r in recommendations if r.id not in cited]


def unanswered_weaknesses(
    findings: Iterable[Any],
    links: Iterable[tuple[str, str]],
    merged_into: dict[str, str] | None = None,
) -> list[Any]:
    """Live weaknesses no recommendation cites.

    ``links`` are (recommendation id, finding id) of live links to live
    recommendations. A link to a finding later merged away counts for the
    survivor (``merged_into`` maps merged ids to survivors).
    """
    merged_into = merged_into or {}
    answered = set()
    for _, finding_id in links:
        seen = set()
        while finding_id in merged_into and finding_id not in seen:
            seen.add(finding_id)
            finding_id = merged_into[finding_id]
        answered.add(finding_id)
    return [
        f
        for f in findings
        if f.kind in WEAKNESS_KINDS
        and not getattr(f, "merged_into_id", None)
        and f.id not in answered
    ]


def recommendation_warnings(
    recommendations: Iterable[Any],
    findings: Iterable[Any],
    links: Iterable[tuple[str, str]],
    *,
    area_names: dict[str | None, str] | None = None,
) -> list[Warning]:
    """Plain-English warnings: recommendations citing nothing; unanswered weaknesses by area."""
    recs = list(recommendations)
    links = list(links)
    live_recs = {r.id for r in recs}
    live_links = [(r, f) for r, f in links if r in live_recs]
    out: list[Warning] = []
    for rec in unlinked_recommendations(recs, live_links):
        number = getattr(rec, "number", 0)
        name = f"R{number}" if number else "A recommendation"
        out.append(
            Warning(
                "recommendation-cites-nothing",
                f"{name} cites no finding: link the findings it answers, so the landlord can "
                "see the evidence for it.",
                getattr(rec, "area_id", None),
                (rec.id,),
            )
        )
    names = area_names or {}
    by_area: dict[str | None, list[Any]] = {}
    for f in unanswered_weaknesses(findings, live_links):
        by_area.setdefault(f.area_id, []).append(f)
    for area_id, rows in by_area.items():
        where = names.get(area_id) or ("no area" if area_id is None else "an area")
        count = _n(len(rows), "weakness", "weaknesses")
        verb = "is" if len(rows) == 1 else "are"
        out.append(
            Warning(
                "weakness-unanswered",
                f"{where}: {count} {verb} not answered by any recommendation.",
                area_id,
                tuple(f.id for f in rows),
            )
        )
    return out


# ---------------------------------------------------------------------------
# From the database
# ---------------------------------------------------------------------------


def area_balances(session: Session, inspection_id: str) -> dict[str | None, Balance]:
    """The strength/weakness counts of every area (None: findings with no area)."""
    from .analysis import findings

    by_area: dict[str | None, list[Any]] = {}
    for f in findings(session, inspection_id):
        by_area.setdefault(f.area_id, []).append(f)
    return {area: count_evidence(rows) for area, rows in by_area.items()}


def inspection_checks(session: Session, inspection_id: str) -> list[Warning]:
    """Every warning for one inspection: final grades against the evidence, then recommendations."""
    from . import models as m
    from . import records
    from .analysis import findings, judgements, recommendations
    from .inspections import area_letter, areas

    area_rows = areas(session, inspection_id)
    names: dict[str | None, str] = {
        a.id: f"{area_letter(i)}. {a.name}" for i, a in enumerate(area_rows)
    }
    balances = area_balances(session, inspection_id)
    out: list[Warning] = []
    finals = {j.area_id: j for j in judgements(session, inspection_id) if j.is_final}
    for area in area_rows:
        judgement = finals.get(area.id)
        if judgement is None:
            continue
        balance = balances.get(area.id, Balance())
        problem = grade_mismatch(judgement.grade, balance.strengths, balance.weaknesses)
        if problem:
            out.append(
                Warning("grade-mismatch", f"{names[area.id]}: {problem}", area.id, (judgement.id,))
            )
    recs = recommendations(session, inspection_id)
    links = [
        (link.recommendation_id, link.finding_id)
        for link in records.live(session, m.RecommendationFinding, inspection_id=inspection_id)
    ]
    out += recommendation_warnings(recs, findings(session, inspection_id), links, area_names=names)
    return out
