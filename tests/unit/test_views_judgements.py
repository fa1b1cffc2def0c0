"""The judgements read model: what the coordinator sees for each area and on the agreement tab.

Built through the service layer as the app would, read with :func:`load_judgements`, and
checked for what a person notices: which areas, in what order, which counts and words.
"""

from __future__ import annotations

from typing import Any

import pytest

from tenant_inspect import analysis, inspections
from tenant_inspect.edits import judgements as judgement_edits
from tenant_inspect.views.judgements import REMOVED_MEMBER, JudgementsData, load_judgements


@pytest.fixture
def seeded(store: Any) -> dict[str, str]:
    """Repairs: 1 strength, 3 weaknesses. Finance: a strength, good practice, a weakness.

    Own grades: Bob and Cat one step apart on Repairs, all three agree on Finance.
    """
    ids: dict[str, str] = {}
    with store.write() as s:
        iid = ids["inspection"] = inspections.create_inspection(
            s, title="Resident involvement", landlord="Vale Homes"
        ).id
        ids["desk"] = inspections.areas(s, iid)[0].id
        repairs = ids["repairs"] = inspections.add_area(s, iid, name="Repairs").id
        finance = ids["finance"] = inspections.add_area(s, iid, name="Finance").id
        for name, role in [("Ann Coord", "coordinator"), ("cat", "inspector"), ("Bob", "")]:
            member = inspections.add_member(s, iid, name=name, role=role or "inspector")
            ids[name.split()[0].lower()] = member.id
        analysis.add_finding(s, iid, kind="strength", text="Quick repairs.", area_id=repairs)
        for n in range(3):
            analysis.add_finding(s, iid, kind="weakness", text=f"Gap {n}.", area_id=repairs)
        analysis.add_finding(s, iid, kind="observation", text="Noted.", area_id=repairs)
        analysis.add_finding(s, iid, kind="strength", text="Clear budget.", area_id=finance)
        analysis.add_finding(s, iid, kind="good_practice", text="Open books.", area_id=finance)
        analysis.add_finding(s, iid, kind="weakness", text="No VFM measure.", area_id=finance)
        for area, who, grade in [
            (repairs, "bob", "balance"),
            (repairs, "cat", "weaknesses_outweigh"),
            (finance, "bob", "outweigh"),
            (finance, "cat", "outweigh"),
            (finance, "ann", "outweigh"),
        ]:
            judgement_edits.save_own_grade(
                s, iid, area, judge_id=ids[who], grade=grade, why=f"{who} on it"
            )
    return ids


def load(store: Any, inspection_id: str) -> JudgementsData:
    with store.read() as s:
        return load_judgements(s, inspection_id)


def test_areas_in_report_order_with_their_evidence_side_by_side(
    store: Any, seeded: dict[str, str]
) -> None:
    data = load(store, seeded["inspection"])
    assert data.title == "Resident involvement"
    assert [a.title for a in data.areas][1:] == ["B. Repairs", "C. Finance"]
    repairs, finance = data.area(seeded["repairs"]), data.area(seeded["finance"])
    # Observations are neither strengths nor weaknesses; good practice counts as a strength.
    assert [f.text for f in repairs.strengths] == ["Quick repairs."]
    assert [f.text for f in repairs.weaknesses] == ["Gap 0.", "Gap 1.", "Gap 2."]
    assert (repairs.balance.strengths, repairs.balance.weaknesses) == (1, 3)
    assert [f.kind for f in finance.strengths] == ["strength", "good_practice"]
    assert (finance.balance.strengths, finance.balance.good_practice) == (2, 1)
    assert repairs.grade == "" and repairs.mismatch is None  # nothing to warn about yet


def test_the_agreed_grade_is_saved_once_and_warned_about_against_the_evidence(
    store: Any, seeded: dict[str, str]
) -> None:
    iid, repairs = seeded["inspection"], seeded["repairs"]
    coordinator = load(store, iid).coordinator_id
    assert coordinator == seeded["ann"]
    for rationale in ("Few", "Few strengths."):  # typed twice: one agreed grade, updated
        with store.write() as s:
            judgement_edits.save_agreed_grade(
                s, iid, repairs, grade="outweigh", rationale=rationale, coordinator_id=coordinator
            )
    area = load(store, iid).area(repairs)
    assert (area.grade, area.rationale) == ("outweigh", "Few strengths.")
    assert area.mismatch is not None and "1 strength and 3 weaknesses" in area.mismatch
    assert area.mismatch_of("weaknesses_outweigh") is None
    with store.read() as s:
        finals = [j for j in analysis.judgements(s, iid) if j.is_final]
    assert [(j.area_id, j.judge_id) for j in finals] == [(repairs, seeded["ann"])]
    # The agreed grade is not an inspector's own grade: the agreement is unchanged.
    assert [g.judge_name for g in area.independent] == ["Bob", "cat"]


def test_inspectors_own_grades_by_name_and_a_removed_member_still_counted(
    store: Any, seeded: dict[str, str]
) -> None:
    iid = seeded["inspection"]
    finance = load(store, iid).area(seeded["finance"])
    assert [(g.judge_name, g.grade) for g in finance.independent] == [
        ("Ann Coord", "outweigh"),
        ("Bob", "outweigh"),
        ("cat", "outweigh"),  # by name whatever the case
    ]
    assert finance.independent[1].rationale == "bob on it"
    with store.write() as s:
        bob = next(t for t in inspections.team(s, iid) if t.name == "Bob")
        inspections.remove_member(s, bob)
    finance = load(store, iid).area(seeded["finance"])
    assert REMOVED_MEMBER in [g.judge_name for g in finance.independent]


def test_agreement_areas_to_discuss_first_and_the_pair_to_compare(
    store: Any, seeded: dict[str, str]
) -> None:
    data = load(store, seeded["inspection"])
    agreement = data.agreement
    assert agreement.team.areas == 2 and agreement.team.grades == 5
    assert agreement.team.judges == 3
    # Repairs is one step apart: to discuss. Finance: all agree.
    assert [d.area_id for d in agreement.to_discuss] == [seeded["repairs"]]
    assert agreement.to_discuss[0].spread == 1
    assert data.agreed_letters == ["C"]
    # Everyone who graded, by name; the first pair has most areas in common (Bob and cat).
    names = data.names
    assert [names[j] for j in agreement.judges] == ["Ann Coord", "Bob", "cat"]
    assert [names[j] for j in agreement.default_pair] == ["Bob", "cat"]
    first = agreement.pairs[0]
    assert {names[first.judge_a], names[first.judge_b]} == {"Bob", "cat"}
    assert (first.areas, first.same) == (2, 1)
    # Ann shares one area with each: too few for the table of pairs, but comparable.
    assert len(agreement.pairs) == 1
    chosen = data.pair(seeded["ann"], seeded["bob"])
    assert (chosen.areas, chosen.same, chosen.linear) == (1, 1, None)


def test_no_own_grades_yet_means_nothing_to_agree_on(store: Any) -> None:
    with store.write() as s:
        iid = inspections.create_inspection(s, title="Fresh", landlord="Vale Homes").id
        inspections.add_area(s, iid, name="Repairs")
    data = load(store, iid)
    assert data.team == () and data.coordinator_id is None
    assert data.agreement.team.linear is None
    assert data.agreement.areas == () and data.agreement.pairs == ()
    assert data.agreement.default_pair == () and data.agreed_letters == []
    assert all(not a.independent for a in data.areas)
