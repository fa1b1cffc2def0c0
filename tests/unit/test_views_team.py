"""The Team screen's data: members in order, whose laptop this is, kits made here, conflicts."""

from __future__ import annotations

from bundle_helpers import export, import_ok, laptop, make_team_inspection

from tenant_inspect.views.team import load_team


def test_the_coordinators_laptop_and_no_kits_yet(store):
    team = make_team_inspection(store)
    with store.read() as s:
        data = load_team(s, team.inspection)
    assert data.title == "Repairs inspection"
    assert [(r.name, r.role) for r in data.members] == [
        ("Cora", "coordinator"),
        ("Ann", "inspector"),
        ("Ben", "inspector"),
        ("Cal", "inspector"),
    ]
    assert data.laptop_member is not None and data.laptop_member.name == "Cora"
    assert [r.last_kit for r in data.members] == ["", "", "", ""]
    assert data.conflicts == ()


def test_a_kit_made_here_is_dated_and_the_kit_makes_the_laptop_anns(store, tmp_path):
    team = make_team_inspection(store)
    kit = export(store, team.inspection, tmp_path / "kit.zip", for_member_id=team.ann)
    with store.read() as s:
        data = load_team(s, team.inspection)
    kits = {r.name: r.last_kit for r in data.members}
    assert kits["Ann"] and kits["Ben"] == ""
    day, month, year, clock = kits["Ann"].split()
    assert day.isdigit() and len(month) == 3 and len(year) == 4 and ":" in clock

    ann = laptop(tmp_path, "ann")
    try:
        import_ok(ann, kit, allow_new=True)
        with ann.read() as s:
            mine = load_team(s, team.inspection).laptop_member
    finally:
        ann.close()
    assert mine is not None and mine.name == "Ann"
