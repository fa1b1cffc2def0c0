"""The action plan's services: by-when in every form, validation in words, order, tombstones."""

from __future__ import annotations

from datetime import date

import pytest

from tenant_inspect import action_plan, analysis, inspections, records
from tenant_inspect import models as m
from tenant_inspect.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14/06/2027", (date(2027, 6, 14), "")),
        ("14 June 2027", (date(2027, 6, 14), "")),
        ("14 Jun 2027", (date(2027, 6, 14), "")),
        ("2027-06-14", (date(2027, 6, 14), "")),
        ("  14.6.2027 ", (date(2027, 6, 14), "")),
        ("March 2027", (date(2027, 3, 31), "March 2027")),
        ("Mar 2027", (date(2027, 3, 31), "March 2027")),
        ("march  2027", (date(2027, 3, 31), "March 2027")),
        ("03/2027", (date(2027, 3, 31), "March 2027")),
        ("2027-03", (date(2027, 3, 31), "March 2027")),
        ("Feb 2028", (date(2028, 2, 29), "February 2028")),
        ("December 2027", (date(2027, 12, 31), "December 2027")),
        ("ongoing", (None, "ongoing")),
        ("Completed", (None, "completed")),
        ("CONTINUOUS", (None, "continuous")),
        ("", (None, "")),
        ("   ", (None, "")),
    ],
)
def test_parse_by_when_accepts_days_months_and_words(typed, expected):
    assert action_plan.parse_by_when(typed) == expected


@pytest.mark.parametrize(
    "typed", ["soon", "31/02/2027", "13/2027", "2027", "Q3 2027", "next March"]
)
def test_parse_by_when_refuses_anything_else_naming_the_forms(typed):
    with pytest.raises(ValueError) as info:
        action_plan.parse_by_when(typed)
    message = str(info.value)
    assert typed.strip() in message
    for form in ("14/06/2027", "March 2027", "ongoing", "completed", "continuous"):
        assert form in message


@pytest.fixture
def plan(store):
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Repairs", landlord="Vale HA")
        rec = analysis.add_recommendation(s, insp.id, text="Publish the repairs charter")
        yield_ids = (insp.id, rec.id)
    return store, *yield_ids


def _rec(s, rec_id):
    return records.get(s, m.Recommendation, rec_id)


def test_items_take_typed_by_when_and_keep_their_order(plan):
    store, _, rec_id = plan
    with store.write() as s:
        rec = _rec(s, rec_id)
        a = action_plan.add_item(s, rec, key_actions="Draft", by_when="March 2027")
        b = action_plan.add_item(s, rec, key_actions="Consult", by_when="ongoing")
        c = action_plan.add_item(s, rec, key_actions="Publish", by_when=date(2027, 6, 1))
        assert (a.by_when, a.by_when_words) == (date(2027, 3, 31), "March 2027")
        assert (b.by_when, b.by_when_words) == (None, "ongoing")
        assert [i.position for i in (a, b, c)] == [0, 1, 2]
        action_plan.move_item(s, c, 0)
        assert [i.key_actions for i in action_plan.items(s, rec)] == ["Publish", "Draft", "Consult"]
        action_plan.move_item(s, c, 99)  # clamped to the end
        assert [i.key_actions for i in action_plan.items(s, rec)] == ["Draft", "Consult", "Publish"]
        action_plan.update_item_field(s, b, "by_when", "14/06/2027")
        assert (b.by_when, b.by_when_words) == (date(2027, 6, 14), "")
        action_plan.delete_item(s, a)
        assert a.deleted_at is not None  # a tombstone, not a removal
        assert [i.key_actions for i in action_plan.items(s, rec)] == ["Consult", "Publish"]
        assert s.get(m.ActionPlanItem, a.id) is not None


def test_bad_input_is_refused_in_words_and_nothing_changes(plan):
    store, _, rec_id = plan
    with store.write() as s:
        item = action_plan.add_item(s, _rec(s, rec_id), key_actions="Draft", by_when="2027-03")
        item_id = item.id
    with store.write() as s:
        item = records.get(s, m.ActionPlanItem, item_id)
        with pytest.raises(ValidationError) as info:
            action_plan.update_item(s, item, by_when="whenever", status="finished")
        text = str(info.value)
        assert "by when" in text and "whenever" in text and "March 2027" in text
        assert "status must be one of not_started, on_track, at_risk, off_track, done" in text
        with pytest.raises(ValidationError, match="responsible is now kept in the response"):
            action_plan.update_item(s, item, responsible="Ms Smith")
        with pytest.raises(ValidationError, match="response must be one of"):
            action_plan.set_response_field(s, _rec(s, rec_id), "response", "maybe")
        with pytest.raises(ValidationError, match="capacity must be one of"):
            action_plan.set_prospects_field(s, item.inspection_id, "capacity", "great")
        with pytest.raises(ValidationError, match="date it was held on is needed"):
            action_plan.start_round(s, item.inspection_id, "next week", "Q1")
        with pytest.raises(ValidationError, match="sponsor role is too long"):
            action_plan.set_response_field(s, _rec(s, rec_id), "sponsor_role", "x" * 201)
    with store.read() as s:
        item = records.get(s, m.ActionPlanItem, item_id)
        assert (item.by_when, item.by_when_words, item.status) == (
            date(2027, 3, 31),
            "March 2027",
            "not_started",
        )
        assert action_plan.get_response(s, _rec(s, rec_id)) is None
        assert action_plan.get_prospects(s, item.inspection_id) is None
        assert records.live(s, m.MonitoringRound) == []


def test_one_response_per_recommendation_under_its_derived_id(plan):
    store, insp_id, rec_id = plan
    with store.write() as s:
        rec = _rec(s, rec_id)
        first = action_plan.set_response_field(s, rec, "response", "partly_accepted")
        again = action_plan.set_response_field(s, rec, "responsible_role", "Head of Repairs")
        assert first.id == again.id == action_plan.response_id(rec_id)
        assert (again.response, again.responsible_role) == ("partly_accepted", "Head of Repairs")
        prospects = action_plan.set_prospects_field(s, insp_id, "capacity", "outweigh")
        assert prospects.id == action_plan.prospects_id(insp_id)
        records.delete(s, again)  # (deleted on some laptop): the next write brings it back
        back = action_plan.set_response_field(s, rec, "reason", "Budget agreed")
        assert back.id == first.id and back.deleted_at is None
        assert len(records.live(s, m.ActionPlanResponse)) == 1


def test_rounds_entries_and_deleting_a_round(plan):
    store, insp_id, rec_id = plan
    with store.write() as s:
        item = action_plan.add_item(s, _rec(s, rec_id), key_actions="Draft")
        q2 = action_plan.start_round(s, insp_id, "30/06/2027", "Quarter 2 review")
        q1 = action_plan.start_round(s, insp_id, date(2027, 3, 31), "Quarter 1 review")
        assert [r.title for r in action_plan.rounds(s, insp_id)] == [
            "Quarter 1 review",
            "Quarter 2 review",
        ]
        entry = action_plan.record_entry(s, q1, item, status="on_track", progress_note="Drafted")
        same = action_plan.record_entry(s, q1, item, evidence="Draft seen")
        assert entry.id == same.id == action_plan.entry_id(q1.id, item.id)
        assert (same.status, same.progress_note, same.evidence) == (
            "on_track",
            "Drafted",
            "Draft seen",
        )
        action_plan.record_entry(s, q2, item, status="off_track")
        action_plan.delete_round(s, q2)
        assert [r.title for r in action_plan.rounds(s, insp_id)] == ["Quarter 1 review"]
        assert [e.round_id for e in records.live(s, m.MonitoringEntry)] == [q1.id]
        gone = s.get(m.MonitoringEntry, action_plan.entry_id(q2.id, item.id))
        assert gone is not None and gone.deleted_at is not None  # a tombstone that travels
        with pytest.raises(ValidationError, match="monitoring round has been deleted"):
            action_plan.record_entry(s, q2, item, status="done")


def test_redating_a_round_moves_it_and_a_bad_date_changes_nothing(plan):
    store, insp_id, _rec_id = plan
    with store.write() as s:
        q1 = action_plan.start_round(s, insp_id, "31/03/2027", "Quarter 1 review")
        action_plan.start_round(s, insp_id, "30/06/2027", "Quarter 2 review")
        action_plan.update_round(s, q1, held_on="1 September 2027", title="Quarter 3 review")
        assert [(r.held_on, r.title) for r in action_plan.rounds(s, insp_id)] == [
            (date(2027, 6, 30), "Quarter 2 review"),
            (date(2027, 9, 1), "Quarter 3 review"),
        ]
        with pytest.raises(ValidationError, match="date it was held on is needed"):
            action_plan.update_round(s, q1, held_on="someday", title="Changed")
        assert (q1.held_on, q1.title) == (date(2027, 9, 1), "Quarter 3 review")


def test_overdue_is_a_date_passed_and_not_done():
    item = m.ActionPlanItem(
        inspection_id="i", recommendation_id="r", by_when=date(2027, 3, 31), status="on_track"
    )
    assert not action_plan.overdue(item, date(2027, 3, 31))  # due today is not late yet
    assert action_plan.overdue(item, date(2027, 4, 1))
    assert not action_plan.overdue(item, date(2027, 4, 1), status="done")
    item.status = "done"
    assert not action_plan.overdue(item, date(2028, 1, 1))
    item.status, item.by_when = "off_track", None  # "ongoing": no date, never overdue
    assert not action_plan.overdue(item, date(2028, 1, 1))
