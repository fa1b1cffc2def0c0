"""Interviewee names travel only in files meant for the coordinator, or not at all."""

from __future__ import annotations

import json

import pytest
from bundle_helpers import export, import_ok, laptop, make_team_inspection, read_members, rows

from tenant_inspect import fieldwork, records
from tenant_inspect import models as m
from tenant_inspect.merge_conflicts import list_conflicts

NAMES = (b"Jo Secret", b"Sam Hidden")


@pytest.fixture
def coord(tmp_path):
    store = laptop(tmp_path, "coord")
    yield store
    store.close()


def _all_bytes(path) -> bytes:
    return b"".join(read_members(path).values())


def test_a_kit_for_an_inspector_has_no_names_and_only_their_interviews(coord, tmp_path):
    team = make_team_inspection(coord)
    kit = export(coord, team.inspection, tmp_path / "cal.zip", for_member_id=team.cal)
    members = read_members(kit)
    manifest = json.loads(members["manifest.json"])
    assert manifest["names_included"] is False
    assert manifest["recipient"] == {"member_id": team.cal, "role": "inspector"}
    assert all(name not in _all_bytes(kit) for name in NAMES)
    interviews = rows(members, "interview")
    assert [r["id"] for r in interviews] == [team.cal_interview]
    assert "interviewee_name" not in interviews[0]
    assert "interviewee_name" not in interviews[0]["field_clocks"]
    # Links only for the interview in the kit; shared rows are all there.
    assert {r["interview_id"] for r in rows(members, "interview_interviewer")} == {
        team.cal_interview
    }
    assert len(rows(members, "team_member")) == 4
    assert [r["id"] for r in rows(members, "finding")] == [team.finding]


def test_a_kit_for_the_coordinator_and_a_full_export_carry_names(coord, tmp_path):
    team = make_team_inspection(coord)
    for path in (
        export(coord, team.inspection, tmp_path / "cora.zip", for_member_id=team.coordinator),
        export(coord, team.inspection, tmp_path / "all.zip"),
    ):
        members = read_members(path)
        assert json.loads(members["manifest.json"])["names_included"] is True
        assert {r["interviewee_name"] for r in rows(members, "interview")} == {
            "Jo Secret",
            "Sam Hidden",
        }


@pytest.mark.parametrize("member", [None, "coordinator", "ann"])
def test_no_names_leaves_them_out_for_everyone(coord, tmp_path, member):
    team = make_team_inspection(coord)
    member_id = getattr(team, member) if member else None
    path = export(
        coord, team.inspection, tmp_path / "x.zip", for_member_id=member_id, include_names=False
    )
    assert all(name not in _all_bytes(path) for name in NAMES)
    assert json.loads(read_members(path)["manifest.json"])["names_included"] is False


def test_names_withheld_from_a_laptop_are_not_lost_or_overwritten(coord, tmp_path):
    """Cal never saw the name; his return file leaves the coordinator's copy alone, and a
    name he types himself is a conflict, not a silent replacement."""
    team = make_team_inspection(coord)
    cal = laptop(tmp_path, "cal")
    try:
        import_ok(cal, export(coord, team.inspection, tmp_path / "kit.zip", for_member_id=team.cal))
        back = export(cal, team.inspection, tmp_path / "back.zip")
        assert all(name not in _all_bytes(back) for name in NAMES)
        # Cal's laptop knows it is Cal's (from the kit), and says so in what it sends.
        manifest = json.loads(read_members(back)["manifest.json"])
        assert manifest["exported_by"] == {"member_id": team.cal, "device_id": cal.device_id}
        assert manifest["recipient"] is None and manifest["names_included"] is True
        import_ok(coord, back)
        with coord.read() as s:
            assert s.get(m.Interview, team.cal_interview).interviewee_name == "Sam Hidden"
        with cal.write() as s:
            interview = records.get(s, m.Interview, team.cal_interview)
            fieldwork.update_interview(s, interview, interviewee_name="Samantha H.")
        [result] = import_ok(coord, export(cal, team.inspection, tmp_path / "back2.zip"))
        assert result.conflicts == 1
        with coord.read() as s:
            [conflict] = list_conflicts(s, team.inspection)
            assert conflict.field == "interviewee_name"
            assert {conflict.current_value, conflict.other_value} == {"Sam Hidden", "Samantha H."}
        # The coordinator's next kit for Cal still carries no names, nor the conflict's.
        kit2 = export(coord, team.inspection, tmp_path / "kit2.zip", for_member_id=team.cal)
        assert all(name not in _all_bytes(kit2) for name in (*NAMES, b"Samantha H."))
    finally:
        cal.close()
