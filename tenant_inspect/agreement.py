"""How far the inspectors agree on their independent judgements.

Before the team agrees a judgement for an area, inspectors may each record their
own grade on the four-point scale (``Judgement`` rows with ``is_final`` unset).
This module turns those grades into three things the coordinator can act on:

* **Pairs** — weighted Cohen's kappa for two inspectors over the areas both
  judged (:func:`pair_agreement`, :func:`all_pairs`).
* **The team** — one figure for everybody (:func:`team_agreement`).
* **Areas to discuss** — where the grades are furthest apart
  (:func:`area_disagreements`, :func:`areas_to_discuss`).

How the kappas are computed, and why the team figure is a weighted Fleiss' kappa, is
explained in :mod:`.kappa`; its names are re-exported here.

Pure Python, no database and no Textual: callers pass plain
:class:`Rating` values (see :func:`ratings_from_judgements`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from .kappa import (
    EPS,
    LANDIS_KOCH,
    SCALE,
    Kappa,
    Weights,
    cohen_kappa,
    cohen_kappa_table,
    fleiss_kappa,
    interpret,
    weight,
    weight_matrix,
)
from .vocabulary import GRADE_KEYS

__all__ = [
    "LANDIS_KOCH",
    "SCALE",
    "AreaDisagreement",
    "Kappa",
    "PairAgreement",
    "Rating",
    "TeamAgreement",
    "Weights",
    "all_pairs",
    "area_disagreements",
    "areas_to_discuss",
    "cohen_kappa",
    "cohen_kappa_table",
    "fleiss_kappa",
    "interpret",
    "pair_agreement",
    "ratings_from_judgements",
    "team_agreement",
    "weight",
    "weight_matrix",
]

# ---------------------------------------------------------------------------
# Judgements: pairs, team, areas
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rating:
    """One inspector's independent grade for one area (``grade`` is a GRADE_KEYS key)."""

    area_id: str
    judge_id: str
    grade: str

    @property
    def index(self) -> int:
        return GRADE_KEYS.index(self.grade)


def ratings_from_judgements(judgements: Iterable[Any]) -> list[Rating]:
    """The independent grades among judgement rows (final ones and unknown judges left out).

    If one judge has two grades for an area (two laptops merged), the one
    updated last counts.
    """
    latest: dict[tuple[str, str], Any] = {}
    for j in judgements:
        if j.is_final or not j.judge_id or j.grade not in GRADE_KEYS:
            continue
        key = (j.area_id, j.judge_id)
        if key not in latest or (j.updated_at, j.id) > (latest[key].updated_at, latest[key].id):
            latest[key] = j
    return [Rating(j.area_id, j.judge_id, j.grade) for j in latest.values()]


def _dedupe(ratings: Iterable[Rating]) -> dict[tuple[str, str], Rating]:
    """Keyed by (area, judge); a later rating for the same key replaces an earlier one."""
    return {(r.area_id, r.judge_id): r for r in ratings}


@dataclass(frozen=True)
class PairAgreement:
    """Two inspectors over the areas both judged."""

    judge_a: str
    judge_b: str
    areas: int
    same: int
    linear: Kappa | None
    quadratic: Kappa | None

    @property
    def exact_share(self) -> float:
        return self.same / self.areas if self.areas else 0.0


def pair_agreement(
    ratings: Iterable[Rating], judge_a: str, judge_b: str, *, min_areas: int = 2
) -> PairAgreement:
    """Weighted kappas for two judges; None kappas when they share fewer than ``min_areas``."""
    by_key = _dedupe(ratings)
    areas_a = {area: r.index for (area, judge), r in by_key.items() if judge == judge_a}
    areas_b = {area: r.index for (area, judge), r in by_key.items() if judge == judge_b}
    shared = sorted(set(areas_a) & set(areas_b))
    first = [areas_a[a] for a in shared]
    second = [areas_b[a] for a in shared]
    same = sum(x == y for x, y in zip(first, second, strict=True))
    if len(shared) < max(1, min_areas):
        return PairAgreement(judge_a, judge_b, len(shared), same, None, None)
    return PairAgreement(
        judge_a,
        judge_b,
        len(shared),
        same,
        cohen_kappa(first, second, weights="linear"),
        cohen_kappa(first, second, weights="quadratic"),
    )


def all_pairs(ratings: Iterable[Rating], *, min_areas: int = 2) -> list[PairAgreement]:
    """Every pair of judges who share at least ``min_areas`` areas, most shared first."""
    rated = list(_dedupe(ratings).values())
    judges = sorted({r.judge_id for r in rated})
    out = []
    for a, b in combinations(judges, 2):
        pair = pair_agreement(rated, a, b, min_areas=min_areas)
        if pair.areas >= min_areas:
            out.append(pair)
    out.sort(key=lambda p: (-p.areas, p.judge_a, p.judge_b))
    return out


@dataclass(frozen=True)
class TeamAgreement:
    """The team figure: generalised (weighted) Fleiss' kappa over areas with ≥ 2 grades."""

    areas: int
    judges: int
    grades: int
    linear: Kappa | None
    quadratic: Kappa | None
    unweighted: Kappa | None

    @property
    def value(self) -> float | None:
        """The headline figure (linear weights)."""
        return self.linear.value if self.linear else None

    @property
    def words(self) -> str:
        if self.linear is None:
            return "not enough independent judgements yet"
        if self.linear.value is None:
            return (
                "complete agreement (everyone gave the same grade)"
                if self.linear.observed >= 1 - EPS
                else interpret(None)
            )
        return interpret(self.linear.value)


def _counts(ratings: Iterable[Rating]) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    for r in ratings:
        counts.setdefault(r.area_id, [0] * SCALE)[r.index] += 1
    return counts


def team_agreement(ratings: Iterable[Rating]) -> TeamAgreement:
    """Agreement of the whole team over every area judged by two or more inspectors."""
    rated = list(_dedupe(ratings).values())
    counts = {area: row for area, row in _counts(rated).items() if sum(row) >= 2}
    used = [r for r in rated if r.area_id in counts]
    judges = len({r.judge_id for r in used})
    if not counts:
        return TeamAgreement(0, judges, len(used), None, None, None)
    rows = [counts[a] for a in sorted(counts)]
    return TeamAgreement(
        areas=len(rows),
        judges=judges,
        grades=len(used),
        linear=fleiss_kappa(rows, "linear"),
        quadratic=fleiss_kappa(rows, "quadratic"),
        unweighted=fleiss_kappa(rows, "unweighted"),
    )


@dataclass(frozen=True)
class AreaDisagreement:
    """How far apart the independent grades for one area are.

    ``spread`` is the number of steps between the highest and lowest grade;
    ``disagreement`` is the mean over pairs of grades of ``|i - j| / (k - 1)``
    (0 when all agree, 1 when every pair is at opposite ends of the scale) —
    one minus the linear agreement weight, so it matches the team figure.
    """

    area_id: str
    grades: tuple[str, ...]
    spread: int
    disagreement: float

    @property
    def highest(self) -> str:
        return min(self.grades, key=GRADE_KEYS.index)

    @property
    def lowest(self) -> str:
        return max(self.grades, key=GRADE_KEYS.index)


def area_disagreements(ratings: Iterable[Rating]) -> list[AreaDisagreement]:
    """Every area with two or more independent grades, most disagreement first."""
    by_area: dict[str, list[Rating]] = {}
    for r in _dedupe(ratings).values():
        by_area.setdefault(r.area_id, []).append(r)
    out = []
    for area, rows in by_area.items():
        if len(rows) < 2:
            continue
        rows.sort(key=lambda r: (r.index, r.judge_id))
        indexes = [r.index for r in rows]
        pairs = list(combinations(indexes, 2))
        mean = sum(abs(a - b) for a, b in pairs) / (len(pairs) * (SCALE - 1))
        out.append(
            AreaDisagreement(area, tuple(r.grade for r in rows), max(indexes) - min(indexes), mean)
        )
    out.sort(key=lambda d: (-d.disagreement, -d.spread, d.area_id))
    return out


def areas_to_discuss(ratings: Iterable[Rating], *, min_spread: int = 1) -> list[AreaDisagreement]:
    """Areas where the inspectors' grades are at least ``min_spread`` steps apart."""
    return [d for d in area_disagreements(ratings) if d.spread >= min_spread]
