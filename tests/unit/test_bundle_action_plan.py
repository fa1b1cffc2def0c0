"""The action plan travels in bundles: monitoring notes come home, concurrent edits of a
response are kept as a conflict, derived ids hold, and format-1 files still import."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from bundle_helpers import (
    Team,
    dump,
    export,
    fingerprint,
    import_ok,
    laptop,
    make_team_inspection,
    read_members,
    rows,
    set_rows,
    write_members,
)

from tenant_inspect import action_plan, records
from tenant_inspect import bundle_format as bf
from tenant_inspect import models as m
from tenant_inspect.bundle import BundleRefused
from tenant_inspect.merge import import_bundle
from tenant_inspect.merge_conflicts import list_conflicts
from tenant_inspect.views.action_plan_read import load_action_plan
from tenant_inspect.views.conflicts import describe_conflicts

NEW_TABLES = ("action_plan_response", "monitoring_round", "monitoring_entry", "prospects")


@pytest.fixture
def world(tmp_path):
    stores = {name: laptop(tmp_path, name) for name in ("coord", "ann", "ben")}
    yield stores
    for s in stores.values():
        s.close()


def _plan(store, team: Team) -> dict[str, str]:
    """The coordinator's copy of the landlord's plan, and a first monitoring round."""
    with store.write(author_id=team.coordinator) as s:
        rec = records.get(s, m.Recommendation, team.recommendation)
        action_plan.set_response(s, rec, response="accepted", responsible_role="Head of Repairs")
        one = action_plan.add_item(s, rec, key_actions="Draft the charter", by_when="March 2027")
        two = action_plan.add_item(s, rec, key_actions="Consult tenants", by_when="ongoing")
        q1 = action_plan.start_round(s, team.inspection, date(2027, 3, 31), "Quarter 1 review")
        return {"one": one.id, "two": two.id, "q1": q1.id}


def _kit(world, team, who, member, tmp_path):
    kit = export(world["coord"], team.inspection, tmp_path / f"kit-{who}.zip", for_member_id=member)
    import_ok(world[who], kit)
    return kit


def test_an_inspectors_monitoring_notes_merge_into_the_coordinators_data(world, tmp_path):
    team = make_team_inspection(world["coord"])
    ids = _plan(world["coord"], team)
    kit = _kit(world, team, "ann", team.ann, tmp_path)
    assert all(json.loads(read_members(kit)["manifest.json"])["counts"][t] for t in NEW_TABLES[:2])
    with world["ann"].write(author_id=team.ann) as s:
        q1 = records.get(s, m.MonitoringRound, ids["q1"])
        one = records.get(s, m.ActionPlanItem, ids["one"])
        action_plan.record_entry(
            s, q1, one, status="at_risk", progress_note="Draft late", evidence="Board minutes"
        )
    with world["coord"].write(author_id=team.coordinator) as s:  # meanwhile, at home
        q1 = records.get(s, m.MonitoringRound, ids["q1"])
        two = records.get(s, m.ActionPlanItem, ids["two"])
        action_plan.record_entry(s, q1, two, status="on_track", progress_note="Two events held")
    back = export(world["ann"], team.inspection, tmp_path / "return-ann.zip")
    [result] = import_ok(world["coord"], back)
    assert (result.added, result.conflicts) == (1, 0)
    with world["coord"].read() as s:
        data = load_action_plan(s, team.inspection, date(2027, 4, 1))
    [q1_view] = data.rounds
    assert [(e.item_label, e.status, e.progress_note, e.evidence) for e in q1_view.entries] == [
        ("R1.1", "at_risk", "Draft late", "Board minutes"),
        ("R1.2", "on_track", "Two events held", ""),
    ]
    assert data.recommendations[0].items[0].overdue_words == "overdue since 31 March 2027"
    before = dump(world["coord"], team.inspection)
    [again] = import_ok(world["coord"], back)  # importing twice changes nothing
    assert (again.added, again.updated, again.conflicts) == (0, 0, 0)
    assert dump(world["coord"], team.inspection) == before


def test_the_same_response_field_edited_on_two_laptops_is_kept_as_a_conflict(world, tmp_path):
    team = make_team_inspection(world["coord"])  # no response yet: both laptops make it
    _kit(world, team, "ann", team.ann, tmp_path)
    for who, author, reason in (
        ("coord", team.coordinator, "Agreed by the Board in May"),
        ("ann", team.ann, "The Board agreed in June"),
    ):
        with world[who].write(author_id=author) as s:
            rec = records.get(s, m.Recommendation, team.recommendation)
            action_plan.set_response(s, rec, response="accepted", reason=reason)
    back = export(world["ann"], team.inspection, tmp_path / "return-ann.zip")
    [result] = import_ok(world["coord"], back)
    assert result.conflicts == 1  # the reasons differ; the same "accepted" is no conflict
    with world["coord"].read() as s:
        responses = records.live(s, m.ActionPlanResponse)
        assert len(responses) == 1  # one row for one recommendation, never two
        [conflict] = list_conflicts(s, team.inspection)
        assert conflict.table == "action_plan_response" and conflict.field == "reason"
        kept = {conflict.current_value, conflict.other_value}
        assert kept == {"Agreed by the Board in May", "The Board agreed in June"}
        [item] = describe_conflicts(s, team.inspection)
    assert item.title == "Response for recommendation R1 — reason"
    assert item.mergeable


def test_a_response_under_a_random_id_is_refused(world, tmp_path):
    team = make_team_inspection(world["coord"])
    _plan(world["coord"], team)
    members = read_members(export(world["coord"], team.inspection, tmp_path / "full.zip"))
    responses = rows(members, "action_plan_response")
    right = responses[0]["id"]
    responses[0]["id"] = str(uuid.uuid4())
    set_rows(members, "action_plan_response", responses)
    path = write_members(tmp_path / "bad.zip", members)
    before = fingerprint(world["ben"])
    with pytest.raises(BundleRefused) as info:
        import_bundle(world["ben"], path)
    message = str(info.value)
    assert "data/action_plan_response.json, row 1" in message
    assert f"its id should be {right}, which is derived from its recommendation" in message
    assert fingerprint(world["ben"]) == before


def _as_format_1(members: dict[str, bytes], status: str) -> dict[str, bytes]:
    """A bundle as a laptop still on format 1 would have written it."""
    members = dict(members)
    manifest = json.loads(members["manifest.json"])
    manifest["format_version"] = 1
    for table in (*NEW_TABLES, "letter_text"):  # format 2's tables, and format 3's
        del members[f"data/{table}.json"]
        del manifest["counts"][table]
        del manifest["files"][f"data/{table}.json"]
    members["manifest.json"] = json.dumps(manifest).encode()
    items = rows(members, "action_plan_item")
    for row in items:
        for name in ("by_when_words", "position"):
            del row[name]
            del row["field_clocks"][name]
        row["status"] = status
    set_rows(members, "action_plan_item", items)
    return members


def test_a_format_1_file_still_imports(world, tmp_path):
    team = make_team_inspection(world["coord"])
    with world["coord"].write() as s:
        rec = records.get(s, m.Recommendation, team.recommendation)
        item = action_plan.add_item(s, rec, key_actions="Draft", status="on_track")
        item_id = item.id
    members = read_members(export(world["coord"], team.inspection, tmp_path / "full.zip"))
    old = write_members(tmp_path / "format1.zip", _as_format_1(members, "in_progress"))
    # On a new laptop: the rows arrive, the new fields at their defaults, the status mapped.
    [result] = import_ok(world["ben"], old)
    assert result.conflicts == 0
    with world["ben"].read() as s:
        got = records.get(s, m.ActionPlanItem, item_id)
        assert (got.status, got.by_when_words, got.position) == ("on_track", "", 0)
        assert records.live(s, m.ActionPlanResponse) == []
    # On the laptop that has the rows already: the same version, not a conflict.
    before = dump(world["coord"], team.inspection)
    [again] = import_ok(world["coord"], old)
    assert (again.added, again.updated, again.conflicts) == (0, 0, 0)
    assert dump(world["coord"], team.inspection) == before
    # And the two laptops hold the same item, stamps and all.
    assert dump(world["ben"], team.inspection) == before


def test_a_format_1_file_may_not_hold_a_format_2_table(world, tmp_path):
    team = make_team_inspection(world["coord"])
    members = read_members(export(world["coord"], team.inspection, tmp_path / "full.zip"))
    old = _as_format_1(members, "not_started")
    old["data/prospects.json"] = b"[]"
    path = write_members(tmp_path / "odd.zip", old)
    with pytest.raises(BundleRefused, match=r"unexpected file 'data/prospects\.json'"):
        import_bundle(world["ben"], path)


def test_the_format_document_lists_the_limits_of_the_new_tables():
    assert {t: bf.MAX_TABLE_ROWS[t] for t in NEW_TABLES} == {
        "action_plan_response": 1_000,
        "monitoring_round": 200,
        "monitoring_entry": 10_000,
        "prospects": 1,
    }
    assert bf.MAX_TABLE_ROWS["action_plan_response"] == bf.MAX_TABLE_ROWS["recommendation"]


def test_conflicts_on_monitoring_and_prospects_are_told_in_words(world, tmp_path):
    team = make_team_inspection(world["coord"])
    ids = _plan(world["coord"], team)
    _kit(world, team, "ann", team.ann, tmp_path)
    for who, author, note, grade in (
        ("coord", team.coordinator, "Charter drafted", "outweigh"),
        ("ann", team.ann, "Draft seen, not yet agreed", "balance"),
    ):
        with world[who].write(author_id=author) as s:
            q1 = records.get(s, m.MonitoringRound, ids["q1"])
            one = records.get(s, m.ActionPlanItem, ids["one"])
            action_plan.record_entry(s, q1, one, status="on_track", progress_note=note)
            action_plan.set_prospects_field(s, team.inspection, "capacity", grade)
    back = export(world["ann"], team.inspection, tmp_path / "return-ann.zip")
    [result] = import_ok(world["coord"], back)
    assert result.conflicts == 2
    with world["coord"].read() as s:
        items = {i.title: i for i in describe_conflicts(s, team.inspection)}
    entry = items[
        "Monitoring of an action-plan item for recommendation R1 in the round "
        "“Quarter 1 review” — progress note"
    ]
    assert {entry.shown.words, entry.other.words} == {
        "Charter drafted",
        "Draft seen, not yet agreed",
    }
    grade = items["Prospects for improvement — capacity to improve"]
    assert {grade.shown.words, grade.other.words} == {
        "Strengths outweigh weaknesses",
        "A balance of strengths and weaknesses",
    }
    assert not grade.mergeable
