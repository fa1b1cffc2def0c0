"""Near-duplicate suggestions: same area, same kind, similar wording; fast on 1,000 findings."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tenant_inspect.similarity import content_words, score_texts, suggest_duplicates


@dataclass(frozen=True)
class F:
    id: str
    text: str
    area_id: str | None = "repairs"
    kind: str = "weakness"


def ids(result) -> list[tuple[str, str]]:
    return [(s.first_id, s.second_id) for s in result.suggestions]


def test_content_words_drop_function_words_but_keep_negations():
    assert content_words("The booklets aren't dated, and tenants can't tell.") == [
        "booklet",
        "not",
        "dated",
        "tenant",
        "not",
    ]
    assert content_words("No hearing loop in the tenants' lounges") == [
        "no",
        "hearing",
        "loop",
        "tenant",
        "lounge",
    ]


def test_the_same_point_in_other_words_is_suggested():
    a = F(
        "a", "The How to Get Involved booklet is undated, so tenants cannot tell if it is current."
    )
    b = F("b", "Get Involved booklet undated - tenants can't tell whether it's current")
    c = F("c", "Repairs appointments at sheltered schemes are often missed.")
    result = suggest_duplicates([a, b, c])
    assert ids(result) == [("a", "b")]
    assert result.suggestions[0].score >= 0.5


def test_identical_texts_score_one_and_order_is_kept():
    result = suggest_duplicates([F("x", "No hearing loop."), F("y", "No hearing loop.")])
    assert ids(result) == [("x", "y")]
    assert result.suggestions[0].score == 1.0


def test_different_area_or_kind_is_never_a_duplicate():
    text = "Staff have had no training on involvement."
    assert ids(suggest_duplicates([F("a", text), F("b", text, area_id="finance")])) == []
    assert ids(suggest_duplicates([F("a", text), F("b", text, kind="strength")])) == []


def test_unrelated_findings_in_the_same_area_are_not_suggested():
    rows = [
        F("1", "The Repairs Manager could name only one pledge."),
        F("2", "Residents are not asked for their views once mould work is done."),
        F("3", "Repairs does not tell Customer Services what it changed after complaints."),
    ]
    assert ids(suggest_duplicates(rows)) == []


def test_pairs_said_not_to_be_duplicates_are_left_out():
    rows = [F("x", "No hearing loop."), F("y", "No hearing loop.")]
    assert ids(suggest_duplicates(rows, exclude=[("y", "x")])) == []


def test_scores_are_symmetric_and_bounded():
    s1 = score_texts("Board does not reply to the Panel", "The Panel gets no reply from the Board")
    s2 = score_texts("The Panel gets no reply from the Board", "Board does not reply to the Panel")
    assert s1 == s2
    assert 0 <= s1[0] <= 1
    assert score_texts("", "")[0] == 0


def test_a_thousand_findings_are_compared_within_the_budget_and_it_is_respected():
    """A thousand findings (8 areas × 2 kinds) are compared pair by pair within each area and
    kind, well inside the comparison budget that bounds the worst case (its time is not
    measured here: timings belong to benchmarks/); a smaller budget stops early and says so."""
    rng = random.Random(7)
    words = [f"word{n}" for n in range(400)]
    areas = [f"area{n}" for n in range(8)]
    rows = [
        F(
            str(n),
            " ".join(rng.sample(words, 12)),
            rng.choice(areas),
            rng.choice(["strength", "weakness"]),
        )
        for n in range(1000)
    ]
    rows.append(F("dup", rows[0].text, rows[0].area_id, rows[0].kind))
    result = suggest_duplicates(rows)
    assert ("0", "dup") in ids(result)
    assert not result.truncated and 0 < result.compared < 1001 * 1000 // 2 // 8
    capped = suggest_duplicates(rows, max_comparisons=10)
    assert capped.truncated and capped.compared == 10
