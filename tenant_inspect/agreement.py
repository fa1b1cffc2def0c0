"""How far the inspectors agree on their independent judgements.

Before the team agrees a judgement for an area, inspectors may each record their
own grade on the four-point scale (``Judgement`` rows with ``is_final`` unset).
This module turns those grades into three things the coordinator can act on:

* **Pairs** — weighted Cohen's kappa for two inspectors over the areas both
  judged (:func:`pair_agreement`, :func:`all_pairs`).
* **The team** — one figure for everybody (:func:`team_agreement`).
* **Areas to discuss** — where the grades are furthest apart
  (:func:`area_disagreements`, :func:`areas_to_discuss`).

The scale is ordinal, so "Strengths outweigh" against "A balance" (one step) is
a smaller disagreement than against "Weaknesses outweigh" (two steps). Weighted
kappas give partial credit for near misses. With ``k`` points and grades ``i``
and ``j`` (0 = best), the agreement weights are

* unweighted: ``w = 1`` if ``i == j`` else ``0`` (Cohen 1960);
* linear:     ``w = 1 - |i - j| / (k - 1)`` (Cicchetti & Allison 1971), so on
  four points one step apart counts 2/3, two steps 1/3, three steps 0;
* quadratic:  ``w = 1 - (i - j)² / (k - 1)²`` (Fleiss & Cohen 1973): one step
  counts 8/9, two steps 5/9.

Every kappa here is ``(p_o - p_e) / (1 - p_e)``: the weighted agreement
observed, less the agreement expected by chance from how often each grade was
used, as a share of the most that could be gained over chance. 1 is complete
agreement, 0 no better than chance, below 0 worse than chance.

**Which team statistic, and why.** A tenant inspection does not use a fully
crossed design: each area is judged by whichever two or three inspectors
interviewed there, so most pairs of inspectors share none or one or two areas.
The mean of pairwise kappas (Light's kappa) needs every pair to have rated the
same areas, and a kappa over one or two shared areas is noise, so it is not a
useful team figure here. Fleiss' kappa (1971) was designed for exactly this
situation — each subject rated by a (possibly different) set of raters — and
treats the raters of an area as interchangeable. We use its generalisation with
agreement weights and a varying number of raters per subject (Gwet, *Handbook
of Inter-Rater Reliability*, 4th ed., 2014, ch. 3)::

    r_i      = number of grades for area i (only areas with r_i >= 2 are used)
    r_ik     = number of those grades in category k
    r*_ik    = sum_l w_kl * r_il
    p_o      = mean_i  sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1))
    pi_k     = mean_i  r_ik / r_i
    p_e      = sum_k sum_l w_kl * pi_k * pi_l
    kappa    = (p_o - p_e) / (1 - p_e)

With unweighted (identity) weights and the same number of raters for every
subject this is exactly Fleiss' kappa (the unit tests reproduce Fleiss's own
1971 example, kappa = 0.430). The team figure shown is the linear-weighted one:
with only four points, quadratic weights give a one-step disagreement 8/9 of
full credit, which flatters a team that is regularly one step apart; linear
weights keep one step visibly short of agreement. The unweighted and quadratic
figures are returned too.

The interpretation in words uses the bands of Landis & Koch (1977), which are a
convention, not a test; with eight or so areas any kappa is a rough guide, and
the screens say how many areas it rests on.

Pure Python, no database and no Textual: callers pass plain
:class:`Rating` values (see :func:`ratings_from_judgements`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Literal

from .models import GRADE_KEYS

Weights = Literal["unweighted", "linear", "quadratic"]

#: Points on the judgement scale.
SCALE = len(GRADE_KEYS)

#: Landis & Koch (1977): upper bound of each band (inclusive) and its words. Below 0 is
#: "poor"; 0.00-0.20 "slight" and so on.
LANDIS_KOCH: tuple[tuple[float, str], ...] = (
    (0.20, "slight agreement"),
    (0.40, "fair agreement"),
    (0.60, "moderate agreement"),
    (0.80, "substantial agreement"),
    (1.0, "almost perfect agreement"),
)

_EPS = 1e-12


# ---------------------------------------------------------------------------
# Weights and the two kappas
# ---------------------------------------------------------------------------


def weight(i: int, j: int, k: int, weights: Weights = "linear") -> float:
    """Agreement weight of categories ``i`` and ``j`` on a ``k``-point scale (1 = same)."""
    if weights == "unweighted" or k < 2:
        return 1.0 if i == j else 0.0
    if weights == "linear":
        return 1.0 - abs(i - j) / (k - 1)
    if weights == "quadratic":
        return 1.0 - ((i - j) / (k - 1)) ** 2
    raise ValueError(f"unknown weights {weights!r}: use unweighted, linear or quadratic")


def weight_matrix(k: int, weights: Weights = "linear") -> list[list[float]]:
    return [[weight(i, j, k, weights) for j in range(k)] for i in range(k)]


@dataclass(frozen=True)
class Kappa:
    """A kappa with what it was made of.

    ``value`` is None when chance agreement is already complete (everyone used
    one and the same grade throughout), where kappa is 0/0; ``observed`` then
    tells whether they agreed.
    """

    value: float | None
    observed: float
    expected: float
    subjects: int

    @property
    def words(self) -> str:
        return interpret(self.value)


def _kappa(observed: float, expected: float, subjects: int) -> Kappa:
    if 1.0 - expected < _EPS:
        return Kappa(None, observed, expected, subjects)
    return Kappa((observed - expected) / (1.0 - expected), observed, expected, subjects)


def cohen_kappa_table(table: Sequence[Sequence[float]], weights: Weights = "linear") -> Kappa:
    """Weighted Cohen's kappa from a k×k table (rows: first rater, columns: second).

    Cohen (1960) unweighted, Cohen (1968) weighted: ``p_o = sum w_ij p_ij``,
    ``p_e = sum w_ij p_i. p_.j``.
    """
    k = len(table)
    if k == 0 or any(len(row) != k for row in table):
        raise ValueError("the table must be square (the same categories for both raters)")
    n = float(sum(sum(row) for row in table))
    if n <= 0:
        raise ValueError("the table is empty")
    rows = [sum(table[i]) / n for i in range(k)]
    cols = [sum(table[i][j] for i in range(k)) / n for j in range(k)]
    w = weight_matrix(k, weights)
    observed = sum(w[i][j] * table[i][j] / n for i in range(k) for j in range(k))
    expected = sum(w[i][j] * rows[i] * cols[j] for i in range(k) for j in range(k))
    return _kappa(observed, expected, int(n))


def cohen_kappa(
    first: Sequence[int], second: Sequence[int], k: int = SCALE, weights: Weights = "linear"
) -> Kappa:
    """Weighted Cohen's kappa from paired ratings (category indexes 0..k-1)."""
    if len(first) != len(second):
        raise ValueError("both raters must rate the same subjects")
    if not first:
        raise ValueError("no subjects rated by both")
    table = [[0] * k for _ in range(k)]
    for a, b in zip(first, second, strict=True):
        table[a][b] += 1
    return cohen_kappa_table(table, weights)


def fleiss_kappa(counts: Sequence[Sequence[int]], weights: Weights = "unweighted") -> Kappa:
    """Fleiss' kappa, generalised to agreement weights and a varying number of raters.

    ``counts[i][k]`` is how many raters put subject ``i`` in category ``k``.
    Subjects with fewer than two ratings are left out (they say nothing about
    agreement). See the module docstring for the formula (Gwet 2014); with
    ``weights="unweighted"`` and equal row totals it is Fleiss (1971).
    """
    rows = [list(row) for row in counts if sum(row) >= 2]
    if not rows:
        raise ValueError("no subject has two or more ratings")
    k = len(rows[0])
    if any(len(row) != k for row in rows):
        raise ValueError("every subject needs a count for every category")
    w = weight_matrix(k, weights)
    observed = 0.0
    shares = [0.0] * k
    for row in rows:
        r = sum(row)
        star = [sum(w[a][b] * row[b] for b in range(k)) for a in range(k)]
        observed += sum(row[a] * (star[a] - 1) for a in range(k)) / (r * (r - 1))
        for a in range(k):
            shares[a] += row[a] / r
    n = len(rows)
    observed /= n
    shares = [s / n for s in shares]
    expected = sum(w[a][b] * shares[a] * shares[b] for a in range(k) for b in range(k))
    return _kappa(observed, expected, n)


def interpret(value: float | None) -> str:
    """Landis & Koch's words for a kappa ("moderate agreement" ...)."""
    if value is None:
        return "cannot be worked out (every grade was the same)"
    if value < 0:
        return "poor agreement (worse than chance)"
    for upper, words in LANDIS_KOCH:
        if value <= upper + _EPS:
            return words
    return LANDIS_KOCH[-1][1]


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
                if self.linear.observed >= 1 - _EPS
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
