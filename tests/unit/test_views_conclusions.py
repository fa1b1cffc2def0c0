"""The conclusions screen's read model and writes, without Textual: what the coordinator sees."""

from __future__ import annotations

import pytest

from tenant_inspect import analysis, inspections
from tenant_inspect.edits import conclusions as conclusion_edits
from tenant_inspect.views.conclusions import OVERALL, load_conclusions


@pytest.fixture
def ids(store) -> dict[str, str]:
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        repairs = inspections.add_area(s, i.id, name="Repairs")
        gone = inspections.add_area(s, i.id, name="Gone")
        analysis.add_conclusion(s, i.id, text="Tenants are asked.")
        analysis.add_conclusion(s, i.id, text="Repairs listens.", area_id=repairs.id)
        analysis.add_conclusion(s, i.id, text="Repairs acts.", area_id=repairs.id)
        analysis.add_conclusion(s, i.id, text="About a deleted area.", area_id=gone.id)
        inspections.remove_area(s, gone)
        return {"inspection": i.id, "repairs": repairs.id, "gone": gone.id}


def read(store, inspection_id: str):
    with store.read() as s:
        return load_conclusions(s, inspection_id)


def test_the_whole_inspection_comes_first_then_each_area_by_letter(store, ids):
    data = read(store, ids["inspection"])
    assert data.title == "Resident involvement"
    titles = [s.title for s in data.scopes]
    assert titles[0] == "The whole inspection"
    assert titles[1:3] == ["A. Desktop review", "B. Repairs"]
    assert data.scopes[0].id == OVERALL


def test_each_scope_lists_its_own_conclusions_in_order(store, ids):
    data = read(store, ids["inspection"])
    assert [r.text for r in data.of(OVERALL)] == ["Tenants are asked."]
    assert [r.text for r in data.of(ids["repairs"])] == ["Repairs listens.", "Repairs acts."]


def test_a_removed_areas_conclusions_are_not_shown_anywhere(store, ids):
    data = read(store, ids["inspection"])
    assert ids["gone"] not in [s.id for s in data.scopes]
    assert "About a deleted area." not in [r.text for r in data.rows]


def test_add_move_retype_and_delete_show_in_the_next_read(store, ids):
    iid, repairs = ids["inspection"], ids["repairs"]
    with store.write() as s:
        new_id = conclusion_edits.add_conclusion(s, iid, OVERALL, "Poor at telling.")
    assert [r.text for r in read(store, iid).of(OVERALL)] == [
        "Tenants are asked.",
        "Poor at telling.",
    ]
    with store.write() as s:
        assert conclusion_edits.move_conclusion(s, new_id, -1) == new_id
        conclusion_edits.save_conclusion_text(s, new_id, "Poor at telling, mostly.")
    assert [r.text for r in read(store, iid).of(OVERALL)] == [
        "Poor at telling, mostly.",
        "Tenants are asked.",
    ]
    first_in_repairs = read(store, iid).of(repairs)[0].id
    with store.write() as s:
        conclusion_edits.delete_conclusion(s, first_in_repairs)
        conclusion_edits.add_conclusion(s, iid, repairs, "Repairs learns.")
    assert [r.text for r in read(store, iid).of(repairs)] == ["Repairs acts.", "Repairs learns."]
    assert len(read(store, iid).of(OVERALL)) == 2  # an area's change leaves the others alone
