"""The whole team round trip: coordinator -> three inspectors (in parallel) -> coordinator.

Four laptops are four data folders. Ann and Ben interview the same person, so they type
into the same answer (an edit conflict); Cal deletes the coordinator's finding; everybody
adds work of their own while the coordinator keeps editing. Every record must arrive,
the conflict must be listed, nothing may be silently dropped, and the order the
coordinator imports the files in must not matter.
"""

from __future__ import annotations

import json

import pytest
from bundle_helpers import (
    Team,
    clone,
    dump,
    export,
    import_ok,
    laptop,
    make_team_inspection,
)

from tenant_inspect import analysis, fieldwork, inspections, records
from tenant_inspect import models as m
from tenant_inspect.merge_conflicts import list_conflicts, resolve_conflict


@pytest.fixture
def world(tmp_path):
    stores = {name: laptop(tmp_path, name) for name in ("coord", "ann", "ben", "cal")}
    yield stores
    for s in stores.values():
        s.close()


def _hand_out_kits(world, team: Team, tmp_path):
    for who, member in (("ann", team.ann), ("ben", team.ben), ("cal", team.cal)):
        kit = export(
            world["coord"], team.inspection, tmp_path / f"kit-{who}.zip", for_member_id=member
        )
        [result] = import_ok(world[who], kit)
        assert result.added > 0 and result.conflicts == 0


def _fieldwork(world, team: Team) -> dict[str, str]:
    """Everyone works in parallel; returns ids of rows made on the inspectors' laptops."""
    made: dict[str, str] = {}
    with world["ann"].write(author_id=team.ann) as s:
        interview = records.get(s, m.Interview, team.pair_interview)
        fieldwork.save_answer(s, interview, "role", value="Repairs manager", notes="Ann: 12 years")
        fieldwork.save_answer(s, interview, "department", value="Repairs and Maintenance")
        fieldwork.update_interview(s, interview, status="in_progress", notes="Ann's notes")
        made["ann_finding"] = analysis.add_finding(
            s, team.inspection, kind="strength", text="Knows the pledges", interview_id=interview.id
        ).id
    with world["ben"].write(author_id=team.ben) as s:
        interview = records.get(s, m.Interview, team.pair_interview)
        # The same answer as Ann, typed differently: the edit conflict.
        fieldwork.save_answer(s, interview, "role", value="Repairs manager", notes="Ben: 10+ years")
        fieldwork.save_answer(s, interview, "tenant-contact", value="daily")
        made["ben_conclusion"] = analysis.add_conclusion(
            s, team.inspection, text="Repairs staff meet tenants daily", area_id=team.area
        ).id
    with world["cal"].write(author_id=team.cal) as s:
        interview = records.get(s, m.Interview, team.cal_interview)
        fieldwork.update_interview(s, interview, status="complete")
        fieldwork.save_answer(s, interview, "role", value="Surveyor")
        # The deletion: Cal removes the coordinator's finding (and the link to it).
        rec = records.get(s, m.Recommendation, team.recommendation)
        analysis.unlink_finding(s, rec, records.get(s, m.Finding, team.finding))
        records.delete(s, records.get(s, m.Finding, team.finding))
    with world["coord"].write(author_id=team.coordinator) as s:
        insp = records.get(s, m.Inspection, team.inspection)
        inspections.update_inspection(s, insp, scope="Responsive repairs only")
    return made


def _return_files(world, team, tmp_path):
    files = []
    for who in ("ann", "ben", "cal"):
        files.append(export(world[who], team.inspection, tmp_path / f"return-{who}.zip"))
    return files


def test_round_trip_coordinator_three_inspectors_and_back(world, tmp_path):
    team = make_team_inspection(world["coord"])
    _hand_out_kits(world, team, tmp_path)
    # Kits carry only what each inspector needs.
    with world["cal"].read() as s:
        assert s.get(m.Interview, team.pair_interview) is None
        assert s.get(m.Interview, team.cal_interview).interviewee_name == ""
    made = _fieldwork(world, team)
    before = clone(world["coord"], tmp_path, "coord-copy")
    files = _return_files(world, team, tmp_path)

    results = import_ok(world["coord"], *files)
    assert [r.conflicts for r in results] == [0, 1, 0]  # Ben's file meets Ann's edit
    assert all(r.added > 0 for r in results[:2]) and results[2].updated > 0

    coord = world["coord"]
    with coord.read() as s:
        # Ann's and Ben's work both arrived, on the same interview.
        answers = fieldwork.answers(s, records.get(s, m.Interview, team.pair_interview))
        assert set(answers) == {"role", "department", "tenant-contact"}
        assert answers["department"].value == "Repairs and Maintenance"
        assert answers["tenant-contact"].value == "daily"
        interview = records.get(s, m.Interview, team.pair_interview)
        assert (interview.status, interview.notes) == ("in_progress", "Ann's notes")
        # The interviewee's name never left the coordinator, and was not lost.
        assert interview.interviewee_name == "Jo Secret"
        assert records.get(s, m.Interview, team.cal_interview).interviewee_name == "Sam Hidden"
        assert records.get(s, m.Interview, team.cal_interview).status == "complete"
        assert records.get(s, m.Finding, made["ann_finding"]).text == "Knows the pledges"
        assert records.get(s, m.Conclusion, made["ben_conclusion"]).area_id == team.area
        # Cal's deletion travelled as a tombstone, with the link removal.
        gone = s.get(m.Finding, team.finding)
        assert gone is not None and gone.is_deleted
        assert (
            analysis.linked_findings(s, records.get(s, m.Recommendation, team.recommendation)) == []
        )
        # The coordinator's own edit survived.
        assert records.get(s, m.Inspection, team.inspection).scope == "Responsive repairs only"
        # The one conflict: both notes are kept, one shown, one waiting for a decision.
        [conflict] = list_conflicts(s, team.inspection)
        assert (conflict.kind, conflict.table, conflict.field) == ("edit", "answer", "notes")
        assert {conflict.current_value, conflict.other_value} == {"Ann: 12 years", "Ben: 10+ years"}
        assert answers["role"].notes == conflict.current_value

    # Every record of every return file is at the coordinator with the same content,
    # except the one conflicted field, whose other value is kept in the conflict.
    conflicted = {(conflict.table, conflict.row_id, conflict.field)}
    for who in ("ann", "ben", "cal"):
        theirs = json.loads(dump(world[who], team.inspection))["tables"]
        ours = json.loads(dump(coord, team.inspection))["tables"]
        for table, their_rows in theirs.items():
            if table == "conflict":
                continue
            by_id = {r["id"]: r for r in ours[table]}
            for row in their_rows:
                mine = by_id[row["id"]]
                for name in row["field_clocks"]:
                    if (table, row["id"], name) in conflicted:
                        assert row[name] in (conflict.current_value, conflict.other_value)
                    elif name == "interviewee_name":
                        continue  # withheld from inspectors' kits
                    elif mine[name] != row[name]:  # changed later by someone who saw it
                        assert mine["field_clocks"][name] > row["field_clocks"][name]

    # Any order gives a byte-identical result, and importing again changes nothing.
    import_ok(before, *reversed(files))
    assert dump(before, team.inspection) == dump(coord, team.inspection)
    again = import_ok(coord, *files)
    assert all(r.added == r.updated == r.conflicts == 0 for r in again)
    assert dump(before, team.inspection) == dump(coord, team.inspection)
    before.close()


def test_resolution_travels_back_to_the_inspectors(world, tmp_path):
    team = make_team_inspection(world["coord"])
    _hand_out_kits(world, team, tmp_path)
    _fieldwork(world, team)
    import_ok(world["coord"], *_return_files(world, team, tmp_path))
    with world["coord"].write() as s:
        [conflict] = list_conflicts(s, team.inspection)
        done = resolve_conflict(s, conflict.id, "merged", "Ann: 12 years; Ben: 10+ years")
    assert done.resolved and done.resolution == "merged"
    with world["coord"].read() as s:
        assert list_conflicts(s, team.inspection) == []
        [history] = list_conflicts(s, team.inspection, include_resolved=True)
        assert history.resolved
    # The decision is an ordinary edit: the next kits carry it to Ann and Ben.
    for who, member in (("ann", team.ann), ("ben", team.ben)):
        kit = export(
            world["coord"], team.inspection, tmp_path / f"kit2-{who}.zip", for_member_id=member
        )
        [result] = import_ok(world[who], kit)
        assert result.conflicts == 0
        with world[who].read() as s:
            interview = records.get(s, m.Interview, team.pair_interview)
            assert fieldwork.answers(s, interview)["role"].notes == "Ann: 12 years; Ben: 10+ years"
            assert list_conflicts(s, team.inspection) == []
    # And their next return files do not bring the conflict back.
    for who in ("ann", "ben"):
        [result] = import_ok(
            world["coord"], export(world[who], team.inspection, tmp_path / f"r2-{who}.zip")
        )
        assert result.conflicts == 0
    with world["coord"].read() as s:
        assert list_conflicts(s, team.inspection) == []


def test_deleted_on_one_laptop_while_changed_on_another_is_a_conflict(world, tmp_path):
    team = make_team_inspection(world["coord"])
    _hand_out_kits(world, team, tmp_path)
    with world["cal"].write() as s:
        finding = records.get(s, m.Finding, team.finding)
        analysis.update_finding(s, finding, text="The charter is two years out of date")
    with world["coord"].write() as s:
        records.delete(s, records.get(s, m.Finding, team.finding))
    [result] = import_ok(
        world["coord"], export(world["cal"], team.inspection, tmp_path / "cal.zip")
    )
    assert result.conflicts == 1
    with world["coord"].read() as s:
        [conflict] = list_conflicts(s, team.inspection)
        row = s.get(m.Finding, team.finding)
        # Deletion wins for now, but Cal's text is in the row and the conflict says so.
        assert row.is_deleted and row.text == "The charter is two years out of date"
    assert conflict.kind == "delete" and conflict.changed_fields == ("text",)
    with world["coord"].write() as s:
        resolve_conflict(s, conflict.id, "other")  # restore it
    with world["coord"].read() as s:
        assert not s.get(m.Finding, team.finding).is_deleted
        assert list_conflicts(s, team.inspection) == []
    # The restore travels to Cal like any edit.
    import_ok(
        world["cal"],
        export(world["coord"], team.inspection, tmp_path / "k2.zip", for_member_id=team.cal),
    )
    with world["cal"].read() as s:
        assert not s.get(m.Finding, team.finding).is_deleted
        assert list_conflicts(s, team.inspection) == []


def test_keep_deleted_settles_the_conflict_everywhere(world, tmp_path):
    team = make_team_inspection(world["coord"])
    _hand_out_kits(world, team, tmp_path)
    with world["cal"].write() as s:
        analysis.update_finding(s, records.get(s, m.Finding, team.finding), text="Edited")
    with world["coord"].write() as s:
        records.delete(s, records.get(s, m.Finding, team.finding))
    cal_file = export(world["cal"], team.inspection, tmp_path / "cal.zip")
    import_ok(world["coord"], cal_file)
    with world["coord"].write() as s:
        [conflict] = list_conflicts(s, team.inspection)
        resolve_conflict(s, conflict.id, "kept")
    import_ok(
        world["cal"],
        export(world["coord"], team.inspection, tmp_path / "k2.zip", for_member_id=team.cal),
    )
    with world["cal"].read() as s:
        assert s.get(m.Finding, team.finding).is_deleted
        assert list_conflicts(s, team.inspection) == []
    import_ok(world["coord"], cal_file)  # the old file again: already settled
    with world["coord"].read() as s:
        assert list_conflicts(s, team.inspection) == []
