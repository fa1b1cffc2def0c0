"""Agreement statistics on an ordinal scale: weighted Cohen's and Fleiss' kappas.

The mathematics behind :mod:`.agreement`, kept apart from the judgements it is applied to
so each can be read (and checked against the literature) on its own.

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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .vocabulary import GRADE_KEYS

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

EPS = 1e-12


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
    if 1.0 - expected < EPS:
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
        if value <= upper + EPS:
            return words
    return LANDIS_KOCH[-1][1]
