"""The mismatch rule at its boundaries, and the recommendation checks."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from tenant_inspect import analysis, checks, inspections
from tenant_inspect.checks import (
    Balance,
    count_evidence,
    evidence_words,
    grade_mismatch,
    recommendation_warnings,
    unanswered_weaknesses,
)

CONSIDERABLY, OUTWEIGH, BALANCE, WEAK = (
    "considerably_outweigh",
    "outweigh",
    "balance",
    "weaknesses_outweigh",
)


@pytest.mark.parametrize(
    ("grade", "strengths", "weaknesses", "flagged"),
    [
        # Rule 1: strengths said to be ahead, weaknesses at least twice the strengths.
        (OUTWEIGH, 2, 4, True),  # exactly twice: flagged (inclusive)
        (OUTWEIGH, 2, 3, False),  # just under twice
        (OUTWEIGH, 0, 1, True),  # a weakness and no strength at all
        (OUTWEIGH, 3, 5, False),
        (CONSIDERABLY, 3, 6, True),
        # Rule 2: weaknesses said to be ahead, strengths at least twice the weaknesses.
        (WEAK, 4, 2, True),  # exactly twice
        (WEAK, 3, 2, False),  # just under
        (WEAK, 1, 0, True),  # only strengths
        (WEAK, 1, 5, False),
        # Rule 3: "considerably" needs strengths clearly ahead.
        (CONSIDERABLY, 3, 3, True),  # as many weaknesses as strengths
        (CONSIDERABLY, 4, 3, False),  # one more strength: not flagged
        (CONSIDERABLY, 5, 0, False),
        (OUTWEIGH, 3, 3, False),  # rule 3 is only for "considerably"
        # Rule 4: nothing recorded.
        (BALANCE, 0, 0, True),
        (OUTWEIGH, 0, 0, True),
        # A balance is about weight: never flagged on counts alone.
        (BALANCE, 10, 1, False),
        (BALANCE, 1, 10, False),
    ],
)
def test_mismatch_rule_boundaries(grade, strengths, weaknesses, flagged):
    assert (grade_mismatch(grade, strengths, weaknesses) is not None) is flagged


def test_mismatch_is_said_in_words():
    text = grade_mismatch(OUTWEIGH, 1, 5)
    assert text == (
        "“Strengths outweigh weaknesses”, but this area has 1 strength and 5 weaknesses: "
        "at least twice as many weaknesses as strengths. Check the grade or the findings."
    )
    assert "only strengths" in (grade_mismatch(WEAK, 2, 0) or "")
    assert "at least as many as strengths" in (grade_mismatch(CONSIDERABLY, 2, 3) or "")
    assert "no recorded strengths or weaknesses" in (grade_mismatch(BALANCE, 0, 0) or "")
    assert grade_mismatch("unknown", 0, 9) is None


def test_good_practice_counts_as_a_strength_and_observations_do_not_count():
    rows = [
        NS(kind="strength"),
        NS(kind="good_practice"),
        NS(kind="weakness"),
        NS(kind="observation"),
        NS(kind="weakness", merged_into_id="x"),  # merged away: the survivor counts
    ]
    balance = count_evidence(rows)
    assert balance == Balance(strengths=2, weaknesses=1, good_practice=1, observations=1)
    assert evidence_words(balance) == "2 strengths (1 of them good practice) and 1 weakness"


def test_recommendation_warnings():
    recs = [NS(id="r1", number=1, area_id="a"), NS(id="r2", number=2, area_id=None)]
    findings = [
        NS(id="w1", kind="weakness", area_id="a"),
        NS(id="w2", kind="weakness", area_id="a"),
        NS(id="w3", kind="weakness", area_id="b"),
        NS(id="s1", kind="strength", area_id="a"),
    ]
    links = [("r1", "w1"), ("gone", "w2")]  # a link from a deleted recommendation does not count
    warnings = recommendation_warnings(recs, findings, links, area_names={"a": "B. Repairs"})
    assert [(w.code, w.message) for w in warnings] == [
        (
            "recommendation-cites-nothing",
            "R2 cites no finding: link the findings it answers, so the landlord can see the "
            "evidence for it.",
        ),
        ("weakness-unanswered", "B. Repairs: 1 weakness is not answered by any recommendation."),
        ("weakness-unanswered", "an area: 1 weakness is not answered by any recommendation."),
    ]
    assert warnings[1].ids == ("w2",)


def test_a_link_to_a_merged_weakness_answers_its_survivor():
    findings = [NS(id="keep", kind="weakness", area_id=None)]
    assert unanswered_weaknesses(findings, [("r", "dup")], {"dup": "keep"}) == []
    assert len(unanswered_weaknesses(findings, [("r", "other")], {})) == 1


def test_inspection_checks_from_the_database(store):
    with store.write() as s:
        i = inspections.create_inspection(s, title="RI", landlord="Vale")
        repairs = inspections.add_area(s, i.id, name="Repairs")
        analysis.add_finding(s, i.id, kind="strength", text="Quick", area_id=repairs.id)
        weak = [
            analysis.add_finding(s, i.id, kind="weakness", text=f"W{n}", area_id=repairs.id)
            for n in range(2)
        ]
        analysis.set_judgement(s, i.id, area_id=repairs.id, grade=OUTWEIGH, is_final=True)
        analysis.add_recommendation(s, i.id, text="Fix it", finding_ids=[weak[0].id])
        analysis.add_recommendation(s, i.id, text="Talk more")
        found = checks.inspection_checks(s, i.id)
    assert [w.code for w in found] == [
        "grade-mismatch",
        "recommendation-cites-nothing",
        "weakness-unanswered",
    ]
    assert found[0].message.startswith("B. Repairs: “Strengths outweigh weaknesses”, but")
    assert found[1].message.startswith("R2 cites no finding")
    assert found[2].message == "B. Repairs: 1 weakness is not answered by any recommendation."
