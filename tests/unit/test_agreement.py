"""Agreement statistics, checked against published values.

Sources of the reference values:

* Stata Base Reference Manual, ``[R] kappa``, example 2: two radiologists grade
  85 xeromammograms on a four-point ordinal scale (normal, benign disease,
  suspicion of cancer, cancer; Boyd et al., J. Natl Cancer Inst. 68:357, 1982).
  Stata prints agreement 63.53 %, expected 30.82 %, kappa 0.4728 unweighted;
  86.67 %, 69.11 %, 0.5684 with its linear weights ``wgt(w)``; and 94.77 %,
  84.09 %, 0.6714 with quadratic weights ``wgt(w2)``.
* SAS/STAT PROC FREQ (AGREE) on a 3×3 table: simple kappa 0.4842, weighted
  kappa (Cicchetti–Allison weights, i.e. linear) 0.4701 (as reproduced in
  statsmodels' test suite).
* Fleiss (1971), "Measuring nominal scale agreement among many raters",
  Psychological Bulletin 76:378: 30 patients, 6 psychiatrists, 5 diagnoses,
  kappa = .430 (R package irr, ``kappam.fleiss(diagnoses)`` = 0.4302445).
* Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5
  categories, P̄ = 0.378, P̄e = 0.213, kappa = 0.210.
"""

from __future__ import annotations

from itertools import permutations

import pytest

from tenant_inspect.agreement import (
    Rating,
    all_pairs,
    area_disagreements,
    areas_to_discuss,
    cohen_kappa,
    cohen_kappa_table,
    fleiss_kappa,
    interpret,
    pair_agreement,
    ratings_from_judgements,
    team_agreement,
    weight,
)
from tenant_inspect.vocabulary import GRADE_KEYS

XEROMAMMOGRAMS = [
    [21, 12, 0, 0],
    [4, 17, 1, 0],
    [3, 9, 15, 2],
    [0, 0, 0, 1],
]

SAS_TABLE = [[0, 4, 1], [0, 8, 0], [0, 1, 5]]

#: Fleiss (1971), as the irr package's ``diagnoses`` data (rows: patients, columns: raters).
DIAGNOSES = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]  # fmt: skip

WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]  # fmt: skip


def counts_of(rows: list[list[int]], k: int) -> list[list[int]]:
    return [[row.count(c + 1) for c in range(k)] for row in rows]


# -- Cohen ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weights", "observed", "expected", "kappa"),
    [
        ("unweighted", 0.6353, 0.3082, 0.4728),
        ("linear", 0.8667, 0.6911, 0.5684),
        ("quadratic", 0.9477, 0.8409, 0.6714),
    ],
)
def test_weighted_kappa_matches_stata_xeromammogram_example(weights, observed, expected, kappa):
    result = cohen_kappa_table(XEROMAMMOGRAMS, weights)
    assert result.observed == pytest.approx(observed, abs=5e-5)
    assert result.expected == pytest.approx(expected, abs=5e-5)
    assert result.value == pytest.approx(kappa, abs=5e-5)
    assert result.subjects == 85


def test_kappa_matches_sas_proc_freq():
    assert cohen_kappa_table(SAS_TABLE, "unweighted").value == pytest.approx(0.4842, abs=5e-5)
    assert cohen_kappa_table(SAS_TABLE, "linear").value == pytest.approx(0.4701, abs=5e-5)


def test_kappa_from_paired_ratings_equals_kappa_from_the_table():
    first, second = [], []
    for i, row in enumerate(XEROMAMMOGRAMS):
        for j, n in enumerate(row):
            first += [i] * n
            second += [j] * n
    for weights in ("unweighted", "linear", "quadratic"):
        assert cohen_kappa(first, second, 4, weights).value == pytest.approx(
            cohen_kappa_table(XEROMAMMOGRAMS, weights).value
        )


def test_weights_on_the_four_point_scale():
    assert [weight(0, j, 4, "linear") for j in range(4)] == pytest.approx([1, 2 / 3, 1 / 3, 0])
    assert [weight(0, j, 4, "quadratic") for j in range(4)] == pytest.approx([1, 8 / 9, 5 / 9, 0])
    assert [weight(1, j, 4, "unweighted") for j in range(4)] == [0, 1, 0, 0]


def test_kappa_by_hand_for_a_small_case():
    # Two judges, four areas: grades (0,0), (1,2), (2,2), (3,1). Linear weights.
    first, second = [0, 1, 2, 3], [0, 2, 2, 1]
    w = lambda i, j: 1 - abs(i - j) / 3  # noqa: E731
    observed = (w(0, 0) + w(1, 2) + w(2, 2) + w(3, 1)) / 4
    p1 = [1 / 4, 1 / 4, 1 / 4, 1 / 4]
    p2 = [1 / 4, 1 / 4, 2 / 4, 0]
    expected = sum(w(i, j) * p1[i] * p2[j] for i in range(4) for j in range(4))
    assert cohen_kappa(first, second).value == pytest.approx((observed - expected) / (1 - expected))


def test_perfect_agreement_and_the_undefined_case():
    assert cohen_kappa([0, 1, 2, 3], [0, 1, 2, 3]).value == pytest.approx(1.0)
    same = cohen_kappa([1, 1, 1], [1, 1, 1])  # chance agreement is already complete
    assert same.value is None and same.observed == 1.0
    assert "cannot be worked out" in same.words


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        cohen_kappa([0, 1], [0])
    with pytest.raises(ValueError):
        cohen_kappa_table([[1, 2], [3]])
    with pytest.raises(ValueError):
        weight(0, 1, 4, "cubic")  # type: ignore[arg-type]


# -- Fleiss -----------------------------------------------------------------------


def test_fleiss_kappa_matches_fleiss_1971():
    result = fleiss_kappa(counts_of(DIAGNOSES, 5))
    assert result.value == pytest.approx(0.4302445, abs=1e-7)
    assert result.subjects == 30


def test_fleiss_kappa_matches_the_wikipedia_example():
    result = fleiss_kappa(WIKIPEDIA_FLEISS)
    assert result.observed == pytest.approx(0.378, abs=5e-4)
    assert result.expected == pytest.approx(0.213, abs=5e-4)
    assert result.value == pytest.approx(0.210, abs=5e-4)


def brute_force_weighted_fleiss(rows: list[list[int]], k: int, weights: str) -> float:
    """The same statistic written independently: every ordered pair of different raters."""
    rows = [r for r in rows if len(r) >= 2]
    agree = []
    for row in rows:
        pairs = list(permutations(range(len(row)), 2))
        agree.append(sum(weight(row[a], row[b], k, weights) for a, b in pairs) / len(pairs))
    observed = sum(agree) / len(agree)
    share = [sum(row.count(c) / len(row) for row in rows) / len(rows) for c in range(k)]
    expected = sum(
        weight(a, b, k, weights) * share[a] * share[b] for a in range(k) for b in range(k)
    )
    return (observed - expected) / (1 - expected)


@pytest.mark.parametrize("weights", ["unweighted", "linear", "quadratic"])
def test_weighted_fleiss_with_varying_judges_matches_the_pairwise_definition(weights):
    # Areas judged by 2, 3 or 4 inspectors, as in a real inspection.
    grades = [[0, 1], [1, 1, 2], [3, 3], [2, 3, 3, 1], [0, 0, 1], [2, 2], [1, 3]]
    counts = [[row.count(c) for c in range(4)] for row in grades]
    assert fleiss_kappa(counts, weights).value == pytest.approx(
        brute_force_weighted_fleiss(grades, 4, weights)
    )


def test_fleiss_ignores_subjects_with_one_rating():
    base = fleiss_kappa([[2, 0, 0, 0], [0, 1, 1, 0], [0, 0, 2, 0]], "linear")
    more = fleiss_kappa([[2, 0, 0, 0], [0, 1, 1, 0], [0, 0, 2, 0], [0, 0, 0, 1]], "linear")
    assert base == more
    with pytest.raises(ValueError):
        fleiss_kappa([[1, 0, 0, 0]])


# -- words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (-0.1, "poor"),
        (0.0, "slight"),
        (0.2, "slight"),
        (0.21, "fair"),
        (0.4, "fair"),
        (0.41, "moderate"),
        (0.6, "moderate"),
        (0.61, "substantial"),
        (0.8, "substantial"),
        (0.81, "almost perfect"),
        (1.0, "almost perfect"),
    ],
)
def test_landis_koch_bands(value, words):
    assert interpret(value).startswith(words)


# -- judgements ----------------------------------------------------------------------


def r(area: str, judge: str, index: int) -> Rating:
    return Rating(area, judge, GRADE_KEYS[index])


TEAM = [
    r("A", "ann", 0), r("A", "bob", 1),
    r("B", "ann", 1), r("B", "bob", 1), r("B", "cat", 2),
    r("C", "bob", 3), r("C", "cat", 3),
    r("D", "ann", 2), r("D", "cat", 0),
    r("E", "ann", 3),  # judged by one only: says nothing about agreement
]  # fmt: skip


def test_team_agreement_is_weighted_fleiss_over_areas_with_two_or_more_grades():
    team = team_agreement(TEAM)
    assert (team.areas, team.judges, team.grades) == (4, 3, 9)
    grades = [[0, 1], [1, 1, 2], [3, 3], [2, 0]]
    assert team.value == pytest.approx(brute_force_weighted_fleiss(grades, 4, "linear"))
    assert team.quadratic is not None and team.quadratic.value == pytest.approx(
        brute_force_weighted_fleiss(grades, 4, "quadratic")
    )
    assert team.words == interpret(team.value)


def test_team_agreement_without_enough_grades():
    assert team_agreement([r("A", "ann", 0)]).words == "not enough independent judgements yet"
    everyone_same = team_agreement([r("A", "ann", 1), r("A", "bob", 1)])
    assert everyone_same.value is None
    assert everyone_same.words.startswith("complete agreement")


def test_pair_agreement_uses_only_shared_areas():
    pair = pair_agreement(TEAM, "ann", "bob")
    assert (pair.areas, pair.same) == (2, 1)
    assert pair.linear is not None
    assert pair.linear.value == pytest.approx(cohen_kappa([0, 1], [1, 1]).value)
    lonely = pair_agreement(TEAM, "bob", "nobody")
    assert lonely.areas == 0 and lonely.linear is None
    assert [(p.judge_a, p.judge_b) for p in all_pairs(TEAM)] == [
        ("ann", "bob"),
        ("ann", "cat"),
        ("bob", "cat"),
    ]


def test_areas_to_discuss_are_ordered_by_disagreement():
    found = area_disagreements(TEAM)
    assert [d.area_id for d in found] == ["D", "A", "B", "C"]
    d = found[0]
    assert d.spread == 2 and d.disagreement == pytest.approx(2 / 3)
    assert (d.highest, d.lowest) == (GRADE_KEYS[0], GRADE_KEYS[2])
    b = next(x for x in found if x.area_id == "B")
    assert b.disagreement == pytest.approx((0 + 1 + 1) / 3 / 3)
    assert [x.area_id for x in areas_to_discuss(TEAM)] == ["D", "A", "B"]
    assert [x.area_id for x in areas_to_discuss(TEAM, min_spread=2)] == ["D"]


class J:
    def __init__(self, id, area_id, judge_id, grade, is_final=False, updated_at=0):
        self.id, self.area_id, self.judge_id, self.grade = id, area_id, judge_id, grade
        self.is_final, self.updated_at = is_final, updated_at


def test_ratings_from_judgements_skip_final_and_keep_the_latest_per_judge():
    rows = [
        J("1", "A", "ann", "outweigh", updated_at=1),
        J("2", "A", "ann", "balance", updated_at=2),  # the same judge again (a merge): latest wins
        J("3", "A", "coord", "outweigh", is_final=True),
        J("4", "A", None, "balance"),
        J("5", "B", "bob", "not-a-grade"),
    ]
    assert ratings_from_judgements(rows) == [Rating("A", "ann", "balance")]
