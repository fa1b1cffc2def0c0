"""The action plan's read model: words for dates and statuses, overdue, changes, warnings."""

from __future__ import annotations

from datetime import date

import pytest

from tenant_inspect import action_plan, analysis, inspections, records
from tenant_inspect import models as m
from tenant_inspect.views.action_plan import ItemView, prospects_warnings
from tenant_inspect.views.action_plan_read import load_action_plan

TODAY = date(2027, 5, 1)


@pytest.fixture
def world(store):
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Repairs", landlord="Vale HA")
        area = inspections.add_area(s, insp.id, name="Repairs")
        r1 = analysis.add_recommendation(
            s, insp.id, text="Publish the charter", area_id=area.id, target_date=date(2027, 3, 31)
        )
        r2 = analysis.add_recommendation(s, insp.id, text="Train the staff")
        action_plan.set_response(
            s, r1, response="partly_accepted", reason="Budget", responsible_role="Head of Repairs"
        )
        a = action_plan.add_item(s, r1, key_actions="Draft", by_when="March 2027")
        b = action_plan.add_item(s, r1, key_actions="Consult", by_when="ongoing", status="on_track")
        c = action_plan.add_item(s, r2, key_actions="Train", by_when="14/06/2027")
        ids = {"insp": insp.id, "r1": r1.id, "r2": r2.id, "a": a.id, "b": b.id, "c": c.id}
    return store, ids


def _load(store, ids, today=TODAY):
    with store.read() as s:
        return load_action_plan(s, ids["insp"], today)


def test_recommendations_with_response_items_and_overdue_in_words(world):
    store, ids = world
    data = _load(store, ids)
    r1, r2 = data.recommendations
    assert (r1.number, r1.area_letter, r1.target_words) == ("R1", "B", "31 March 2027")
    assert (r1.response.response_words, r1.response.responsible_role) == (
        "Partly accepted",
        "Head of Repairs",
    )
    assert r2.response.response_words == "No response yet"
    a, b = r1.items
    assert (a.label, a.by_when_text, a.current_status_words) == (
        "R1.1",
        "March 2027",
        "Not started",
    )
    assert a.overdue and a.overdue_words == "overdue since 31 March 2027"
    assert (b.by_when_text, b.overdue, b.overdue_words) == ("ongoing", False, "")
    [c] = r2.items
    assert (c.label, c.by_when_text, c.overdue) == ("R2.1", "14 June 2027", False)


def test_rounds_in_order_and_what_changed_since_the_previous_round(world):
    store, ids = world
    with store.write() as s:
        get = lambda i: records.get(s, m.ActionPlanItem, ids[i])  # noqa: E731
        q2 = action_plan.start_round(s, ids["insp"], date(2027, 6, 30), "Quarter 2")
        q1 = action_plan.start_round(s, ids["insp"], date(2027, 3, 31), "Quarter 1")
        action_plan.record_entry(s, q1, get("a"), status="on_track", progress_note="Drafting")
        action_plan.record_entry(s, q1, get("b"), status="on_track", progress_note="Planned")
        action_plan.record_entry(s, q2, get("a"), status="done", progress_note="Published")
        action_plan.record_entry(s, q2, get("b"), status="on_track", progress_note="Two events")
        action_plan.record_entry(s, q2, get("c"), status="at_risk")
        q1_id, q2_id = q1.id, q2.id
    data = _load(store, ids)
    assert [(r.title, r.held_on_words) for r in data.rounds] == [
        ("Quarter 1", "31 March 2027"),
        ("Quarter 2", "30 June 2027"),
    ]
    assert [c.words for c in data.changes_since_previous(q1_id)] == [
        "R1.1: first seen, on track",
        "R1.2: first seen, on track",
    ]
    changes = data.changes_since_previous(q2_id)
    assert [c.words for c in changes] == [
        "R1.1: On track → Done; progress note changed",
        "R1.2: still on track; progress note changed",
        "R2.1: first seen, at risk",
    ]
    assert (changes[0].old_status, changes[0].new_status) == ("on_track", "done")
    # The latest round's status is the item's current one: done is no longer overdue.
    a = data.recommendations[0].items[0]
    assert (a.current_status, a.overdue) == ("done", False)
    assert [e.item_label for e in data.rounds[1].entries] == ["R1.1", "R1.2", "R2.1"]


def _items(statuses: list[str], overdue: int = 0) -> list[ItemView]:
    return [
        ItemView(f"i{n}", "r", f"R1.{n}", "", "", None, "", "", "", s, s, s, n < overdue, "")
        for n, s in enumerate(statuses)
    ]


def test_prospects_warnings_tie_grades_to_the_items():
    behind = _items(["off_track"] * 9 + ["on_track"] * 5)
    assert prospects_warnings({"capacity": "outweigh"}, behind) == (
        "capacity to improve: strengths outweigh weaknesses, but 9 of 14 items are off track "
        "or overdue",
    )
    # Overdue counts as behind, once; exactly half is enough.
    half = _items(["on_track"] * 4, overdue=2)
    assert prospects_warnings({"overall": "promising"}, half) == (
        "overall prospects: promising prospects, but 2 of 4 items are off track or overdue",
    )
    well = _items(["done"] * 6 + ["on_track"] * 2 + ["off_track"] * 2)
    assert prospects_warnings({"track_record": "weaknesses_outweigh", "overall": "poor"}, well) == (
        "track record of improvement: weaknesses outweigh strengths, but 8 of 10 items are on "
        "track or done",
        "overall prospects: poor prospects, but 8 of 10 items are on track or done",
    )
    assert prospects_warnings({"capacity": "outweigh"}, well) == ()
    assert prospects_warnings({"capacity": "balance", "overall": "uncertain"}, behind) == ()
    assert prospects_warnings({"capacity": "outweigh"}, []) == ()


def test_prospects_in_the_read_model(world):
    store, ids = world
    with store.write() as s:
        action_plan.set_prospects(
            s, ids["insp"], capacity="considerably_outweigh", overall="excellent", rationale="..."
        )
    p = _load(store, ids, today=date(2027, 12, 1)).prospects  # everything dated is late now
    assert p.grades[2] == (
        "capacity",
        "capacity to improve",
        "Strengths considerably outweigh weaknesses",
    )
    assert p.grades[0][2] == "Not judged"
    assert p.overall_words == "Excellent prospects"
    assert p.warnings == (
        "capacity to improve: strengths considerably outweigh weaknesses, but 2 of 3 items are "
        "off track or overdue",
        "overall prospects: excellent prospects, but 2 of 3 items are off track or overdue",
    )
