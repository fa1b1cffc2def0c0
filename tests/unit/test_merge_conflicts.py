"""The conflict API the TUI's Team screen uses: list, resolve (kept / other / merged),
progress reporting, and the edge cases around them."""

from __future__ import annotations

from datetime import date

import pytest
from bundle_helpers import dump, export, import_ok, laptop, make_team_inspection

from tenant_inspect import analysis, fieldwork, inspections, records
from tenant_inspect import models as m
from tenant_inspect.errors import NotFound, UserError, ValidationError
from tenant_inspect.merge import ImportProgress, import_bundles
from tenant_inspect.merge_conflicts import list_conflicts, resolve_conflict


@pytest.fixture
def laptops(tmp_path):
    stores = [laptop(tmp_path, f"l{i}") for i in range(4)]
    team = make_team_inspection(stores[0])
    kit = export(stores[0], team.inspection, tmp_path / "kit.zip")
    for s in stores[1:]:
        import_ok(s, kit, allow_new=True)
    yield stores, team
    for s in stores:
        s.close()


def _edit_finding(store, team, **fields):
    with store.write() as s:
        analysis.update_finding(s, records.get(s, m.Finding, team.finding), **fields)


def _send(src, dst, tmp_path, name):
    return import_ok(dst, export(src, _insp(src), tmp_path / f"{name}.zip"))


def _insp(store):
    with store.read() as s:
        return inspections.list_inspections(s)[0].id


def test_resolve_keep_other_and_merged(laptops, tmp_path):
    (coord, a, b, _), team = laptops
    for keep in ("kept", "other", "merged"):
        _edit_finding(a, team, text=f"A says {keep}")
        _edit_finding(b, team, text=f"B says {keep}")
        _send(a, coord, tmp_path, f"a-{keep}")
        [result] = _send(b, coord, tmp_path, f"b-{keep}")
        assert result.conflicts == 1
        with coord.write() as s:
            [c] = list_conflicts(s, team.inspection)
            assert c.kind == "edit" and c.field == "text" and c.label == "finding"
            assert c.row_title.startswith("A says") or c.row_title.startswith("B says")
            assert "text changed on two laptops" in c.describe()
            expected = {"kept": c.current_value, "other": c.other_value, "merged": "Both"}[keep]
            done = resolve_conflict(s, c.id, keep, "Both" if keep == "merged" else None)
            assert done.resolved and done.resolution == keep
            assert records.get(s, m.Finding, team.finding).text == expected
            assert list_conflicts(s, team.inspection) == []
        # The decision travels: both inspectors converge on it without a new conflict.
        for who in (a, b):
            [back] = _send(coord, who, tmp_path, f"back-{keep}")
            assert back.conflicts == 0
            with who.read() as s:
                assert records.get(s, m.Finding, team.finding).text == expected


def test_three_laptops_one_field_two_conflicts(laptops, tmp_path):
    (coord, a, b, c), team = laptops
    for store, text in ((a, "A"), (b, "B"), (c, "C")):
        _edit_finding(store, team, text=text)
        _send(store, coord, tmp_path, text)
    with coord.write() as s:
        views = list_conflicts(s, team.inspection)
        assert len(views) == 2
        shown = views[0].current_value
        assert {shown, *(v.other_value for v in views)} == {"A", "B", "C"}
        resolve_conflict(s, views[0].id, "other")
        [left] = list_conflicts(s, team.inspection)
        # The other conflict stays open, now beside the value just chosen.
        assert left.id == views[1].id and left.current_value == views[0].other_value


def test_same_value_on_two_laptops_is_not_a_conflict(laptops, tmp_path):
    (coord, a, b, _), team = laptops
    _edit_finding(a, team, text="Agreed")
    _edit_finding(b, team, text="Agreed")
    _send(a, coord, tmp_path, "a")
    [result] = _send(b, coord, tmp_path, "b")
    assert result.conflicts == 0
    with coord.read() as s:
        assert list_conflicts(s, team.inspection) == []


def test_an_empty_answer_never_hides_text_typed_elsewhere(laptops, tmp_path):
    """Both laptops create the same answer; only one types notes. No conflict, text shown."""
    (coord, a, b, _), team = laptops
    with a.write() as s:
        interview = records.get(s, m.Interview, team.pair_interview)
        fieldwork.save_answer(s, interview, "role", value="Manager")
        fieldwork.save_answer(s, interview, "role", notes="Long service")
    with b.write() as s:
        fieldwork.save_answer(
            s, records.get(s, m.Interview, team.pair_interview), "role", value="Manager"
        )
    _send(a, coord, tmp_path, "a")
    [result] = _send(b, coord, tmp_path, "b")
    assert result.conflicts == 0
    with coord.read() as s:
        answer = fieldwork.answers(s, records.get(s, m.Interview, team.pair_interview))["role"]
        assert (answer.value, answer.notes) == ("Manager", "Long service")
        assert list_conflicts(s, team.inspection) == []


def test_resolve_refuses_what_it_cannot_do(laptops, tmp_path):
    (coord, a, b, _), team = laptops
    with a.write() as s:
        fieldwork.update_interview(
            s, records.get(s, m.Interview, team.pair_interview), consent=True
        )
    with b.write() as s:
        fieldwork.update_interview(
            s, records.get(s, m.Interview, team.pair_interview), consent=False, status="complete"
        )
        fieldwork.update_interview(
            s, records.get(s, m.Interview, team.pair_interview), consent=False
        )
    _edit_finding(a, team, text="A")
    _edit_finding(b, team, text="B")
    _send(a, coord, tmp_path, "a")
    _send(b, coord, tmp_path, "b")
    with coord.write() as s:
        views = {v.field: v for v in list_conflicts(s, team.inspection)}
        assert set(views) >= {"text"}
        with pytest.raises(UserError, match="merged text"):
            resolve_conflict(s, views["text"].id, "merged")
        with pytest.raises(ValidationError):
            resolve_conflict(s, views["text"].id, "merged", "   ")  # a finding needs text
        with pytest.raises(UserError, match="keep must be"):
            resolve_conflict(s, views["text"].id, "both")  # type: ignore[arg-type]
        with pytest.raises(NotFound):
            resolve_conflict(s, "no-such-conflict", "kept")
        resolve_conflict(s, views["text"].id, "kept")
        with pytest.raises(UserError, match="already been resolved"):
            resolve_conflict(s, views["text"].id, "kept")


def test_a_merged_value_must_be_text(laptops, tmp_path):
    (coord, a, b, _), team = laptops
    with a.write() as s:
        inspections.update_inspection(
            s, records.get(s, m.Inspection, team.inspection), include_team_in_report=False
        )
    with b.write() as s:
        insp = records.get(s, m.Inspection, team.inspection)
        inspections.update_inspection(s, insp, include_team_in_report=False)
        inspections.update_inspection(s, insp, include_team_in_report=True)
    _send(a, coord, tmp_path, "a")
    _send(b, coord, tmp_path, "b")
    with coord.write() as s:
        [c] = list_conflicts(s, team.inspection)
        with pytest.raises(UserError, match="not text"):
            resolve_conflict(s, c.id, "merged", "yes")
        resolve_conflict(s, c.id, "other")


def test_a_date_cannot_take_a_merged_text(laptops, tmp_path):
    """A date is stored as ISO text, but a merged "text" in it could never be read back."""
    (coord, a, b, _), team = laptops
    for store, day in ((a, date(2026, 3, 1)), (b, date(2026, 3, 2))):
        with store.write() as s:
            insp = records.get(s, m.Inspection, team.inspection)
            inspections.update_inspection(s, insp, start_date=day)
    _send(a, coord, tmp_path, "a")
    _send(b, coord, tmp_path, "b")
    with coord.write() as s:
        [c] = list_conflicts(s, team.inspection)
        with pytest.raises(UserError, match="not text"):
            resolve_conflict(s, c.id, "merged", "early March")
        resolve_conflict(s, c.id, "other")
    with coord.read() as s:
        assert records.get(s, m.Inspection, team.inspection).start_date in (
            date(2026, 3, 1),
            date(2026, 3, 2),
        )


def test_resolved_conflicts_are_history_and_dump_is_stable(laptops, tmp_path):
    (coord, a, b, _), team = laptops
    _edit_finding(a, team, text="A")
    _edit_finding(b, team, text="B")
    fa = export(a, team.inspection, tmp_path / "a.zip")
    fb = export(b, team.inspection, tmp_path / "b.zip")
    import_ok(coord, fa, fb)
    with coord.write() as s:
        [c] = list_conflicts(s, team.inspection)
        resolve_conflict(s, c.id, "merged", "A and B")
    settled = dump(coord, team.inspection)
    import_ok(coord, fb, fa)  # the old files again change nothing
    assert dump(coord, team.inspection) == settled
    with coord.read() as s:
        assert [
            v.resolution for v in list_conflicts(s, team.inspection, include_resolved=True)
        ] == ["merged"]


def test_progress_is_reported_for_every_file(laptops, tmp_path):
    (coord, a, b, _), team = laptops
    files = [export(x, team.inspection, tmp_path / f"{i}.zip") for i, x in enumerate((a, b))]
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"nope")
    seen: list[ImportProgress] = []
    results = import_bundles(coord, [*files, bad], progress=seen.append)
    assert [r.ok for r in results] == [True, True, False]
    assert [(p.done, p.total, p.stage) for p in seen] == [
        (0, 6, "checking"),
        (1, 6, "merging"),
        (2, 6, "checking"),
        (3, 6, "merging"),
        (4, 6, "checking"),
        (6, 6, "finished"),
    ]
    assert seen[0].path == files[0]


def test_objects_loaded_before_a_resolution_see_its_result(laptops, tmp_path):
    (coord, a, b, _), team = laptops
    _edit_finding(a, team, text="A")
    _edit_finding(b, team, text="B")
    _send(a, coord, tmp_path, "a")
    _send(b, coord, tmp_path, "b")
    with coord.write() as s:
        finding = records.get(s, m.Finding, team.finding)
        assert finding.text in ("A", "B")
        [c] = list_conflicts(s, team.inspection)
        resolve_conflict(s, c.id, "merged", "Merged")
        assert finding.text == "Merged"


def test_the_clock_moves_past_every_imported_stamp(laptops, tmp_path, monkeypatch):
    """A laptop whose clock is behind still stamps its next edit after what it imported."""
    (coord, a, _, _), team = laptops
    import time

    ahead = time.time() + 30 * 86_400  # laptop A's clock is a month ahead
    monkeypatch.setattr("time.time", lambda: ahead)
    a.clock._wall = lambda: ahead
    _edit_finding(a, team, text="From the future")
    path = export(a, team.inspection, tmp_path / "a.zip")
    monkeypatch.undo()
    from tenant_inspect.bundle import read_bundle

    newest = read_bundle(path).max_stamp
    import_ok(coord, path)
    assert coord.clock.now() > newest
    _edit_finding(coord, team, text="Written after the import")
    with coord.read() as s:
        assert records.get(s, m.Finding, team.finding).field_clocks["text"] > newest
    import_ok(coord, path)  # and the old edit does not come back
    with coord.read() as s:
        assert records.get(s, m.Finding, team.finding).text == "Written after the import"
        assert list_conflicts(s, team.inspection) == []
