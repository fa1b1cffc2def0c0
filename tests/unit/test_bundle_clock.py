"""Change stamps from laptops whose clocks are wrong (docs/bundle-format.md, section 4).

A stamp far ahead of this laptop's clock would drag the clock with it for good: every
later bundle from this laptop would then be refused elsewhere. So a file whose stamps are
more than ``MAX_STAMP_AHEAD_DAYS`` ahead of this laptop (its wall clock, or the newest
stamp it already holds) is refused, naming the row and the date the stamp claims; a
laptop whose clock is a few days or weeks wrong keeps working.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from bundle_helpers import (
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
from pydantic import TypeAdapter, ValidationError

from tenant_inspect import analysis, bundle_format, records
from tenant_inspect import models as m
from tenant_inspect.bundle import BundleRefused
from tenant_inspect.bundle_format_types import MAX_STAMP_MS, Stamp
from tenant_inspect.merge import import_bundle

DAY = 86_400.0


@pytest.fixture
def team_of_three(tmp_path):
    """The coordinator and two inspectors' laptops, all holding the kit."""
    coord, ann, ben = (laptop(tmp_path, n) for n in ("coord", "ann", "ben"))
    team = make_team_inspection(coord)
    kit = export(coord, team.inspection, tmp_path / "kit.zip")
    import_ok(ann, kit, allow_new=True)
    import_ok(ben, kit, allow_new=True)
    yield coord, ann, ben, team
    for store in (coord, ann, ben):
        store.close()


def _set_wall(store, seconds: float) -> None:
    """Give a laptop a wall clock that reads ``seconds`` (a wrong clock)."""
    store.clock._wall = lambda: seconds


def _edit_finding(store, team, text: str) -> None:
    with store.write() as s:
        analysis.update_finding(s, records.get(s, m.Finding, team.finding), text=text)


def _refused(store, path, *words: str) -> str:
    before = fingerprint(store)
    with pytest.raises(BundleRefused) as info:
        import_bundle(store, path)
    assert fingerprint(store) == before, "a refused file changed the database"
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message
    return message


def _day(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).date().isoformat()


def test_a_stamp_exactly_at_the_hard_limit_is_refused(team_of_three, tmp_path):
    coord, ann, _, team = team_of_three
    members = read_members(export(coord, team.inspection, tmp_path / "c.zip"))
    data = rows(members, "finding")
    stamp = f"{MAX_STAMP_MS:013d}-0000-{coord.device_id}"
    data[0]["hlc"] = stamp
    data[0]["field_clocks"]["text"] = stamp
    set_rows(members, "finding", data)
    path = write_members(tmp_path / "limit.zip", members)
    _refused(ann, path, "2200", "finding")
    # The format type alone refuses it too (the hard limit is exclusive).
    with pytest.raises(ValidationError, match="2200"):
        TypeAdapter(Stamp).validate_python(stamp)
    TypeAdapter(Stamp).validate_python(f"{MAX_STAMP_MS - 1:013d}-0000-x")


def test_a_file_too_far_ahead_is_refused_naming_the_row_and_the_date(team_of_three, tmp_path):
    coord, ann, _, team = team_of_three
    ahead = time.time() + (bundle_format.MAX_STAMP_AHEAD_DAYS + 1) * DAY
    _set_wall(coord, ahead)  # the coordinator's clock is a season ahead
    _edit_finding(coord, team, "Written on a laptop with a wrong clock")
    path = export(coord, team.inspection, tmp_path / "ahead.zip")
    message = _refused(ann, path, "data/finding.json", team.finding, _day(ahead))
    assert f"{bundle_format.MAX_STAMP_AHEAD_DAYS} days" in message
    assert ann.clock.now() < f"{int((time.time() + DAY) * 1000):013d}"  # the clock did not move


def test_a_file_a_little_ahead_is_accepted_and_the_clock_stays_usable(team_of_three, tmp_path):
    coord, ann, ben, team = team_of_three
    ahead = time.time() + (bundle_format.MAX_STAMP_AHEAD_DAYS - 3) * DAY
    _set_wall(coord, ahead)
    _edit_finding(coord, team, "From a laptop a season ahead")
    import_ok(ann, export(coord, team.inspection, tmp_path / "ahead.zip"))
    # Ann's next edit sorts after what she imported, and her next return file is still
    # accepted by Ben, whose clock is right and who never saw the coordinator's file.
    _edit_finding(ann, team, "Ann's answer to it")
    [result] = import_ok(ben, export(ann, team.inspection, tmp_path / "ann.zip"))
    assert result.updated >= 1
    with ben.read() as s:
        assert records.get(s, m.Finding, team.finding).text == "Ann's answer to it"


def test_a_laptop_whose_clock_is_weeks_behind_still_imports(team_of_three, tmp_path):
    coord, ann, _, team = team_of_three
    _set_wall(ann, time.time() - 40 * DAY)  # a flat clock battery
    _edit_finding(coord, team, "Written today")
    import_ok(ann, export(coord, team.inspection, tmp_path / "today.zip"))
    _edit_finding(ann, team, "Ann writes after it")
    with ann.read() as s:
        assert records.get(s, m.Finding, team.finding).text == "Ann writes after it"
    import_ok(coord, export(ann, team.inspection, tmp_path / "ann.zip"))
    with coord.read() as s:
        assert records.get(s, m.Finding, team.finding).text == "Ann writes after it"


def test_stamps_this_laptop_is_already_past_are_never_refused(team_of_three, tmp_path):
    """A laptop that once ran far ahead holds such stamps itself; files carrying them back
    move its clock no further, so they are accepted."""
    _, ann, _, team = team_of_three
    far = time.time() + 400 * DAY
    _set_wall(ann, far)
    _edit_finding(ann, team, "Written a year ahead")
    path = export(ann, team.inspection, tmp_path / "far.zip")
    _set_wall(ann, time.time())  # the clock was put right; the stamps remain
    import_ok(ann, path)
