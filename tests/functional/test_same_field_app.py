"""Two coordinators' apps on one PostgreSQL server type into the same rationale.

Both open the judgements screen on the same area, both see the agreed rationale, and both
add to it. The second save does not type over the first: the second coordinator is told
there is a conflict to resolve, and the Conflicts screen shows both texts.
"""

from __future__ import annotations

from textual.widgets import Static, TextArea

from screens.app import TenantInspectApp
from screens.conflicts import ConflictsScreen
from screens.dashboard import DashboardScreen
from screens.judgements import JudgementsScreen
from screens.team import TeamScreen
from tenant_inspect import analysis, inspections
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store

AGREED = "Repairs are slow."


def seed(data_dir) -> str:
    with open_store(data_dir) as store, store.write() as s:
        inspection = inspections.create_inspection(s, title="Repairs", landlord="Vale Homes")
        area = inspections.add_area(s, inspection.id, name="Repairs")
        analysis.add_finding(s, inspection.id, kind="weakness", text="Late.", area_id=area.id)
        analysis.set_judgement(
            s,
            inspection.id,
            area_id=area.id,
            grade="weaknesses_outweigh",
            rationale=AGREED,
            is_final=True,
        )
        return inspection.id


async def open_rationale(app, pilot, settle) -> TextArea:
    await settle(pilot)
    await pilot.press("enter")  # the only inspection
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)
    await pilot.press("down", "j")  # the Repairs area
    await settle(pilot)
    assert isinstance(app.screen, JudgementsScreen)
    rationale = app.screen.query_one("#rationale", TextArea)
    assert rationale.text == AGREED
    await pilot.press("r")  # into the rationale, after its last word
    return rationale


async def test_the_second_coordinator_is_told_and_both_texts_are_kept(tmp_path, pg_url, settle):
    ann_dir = resolve_data_dir(tmp_path / "ann", pg_url)
    ben_dir = resolve_data_dir(tmp_path / "ben", pg_url)
    seed(ann_dir)
    ann, ben = TenantInspectApp(ann_dir), TenantInspectApp(ben_dir)
    try:
        async with (
            ann.run_test(size=(100, 40)) as ann_keys,
            ben.run_test(size=(100, 40), notifications=True) as ben_keys,
        ):
            await open_rationale(ann, ann_keys, settle)
            await open_rationale(ben, ben_keys, settle)  # Ben reads it before Ann saves
            await ann_keys.press(*" Ann: six weeks.")
            await ann_keys.press("escape")  # leaving the box saves at once
            await settle(ann_keys)
            assert not [n for n in ann._notifications if n.title == "Conflict"]

            await ben_keys.press(*" Ben: ask residents.")
            await ben_keys.press("escape")
            await settle(ben_keys)
            [told] = [n for n in ben._notifications if n.title == "Conflict"]
            assert "1 conflict to resolve" in told.message
            assert "press t (Team and files), then c" in told.message

            await ben_keys.press("escape")  # to the dashboard, as the notice says
            await settle(ben_keys)
            await ben_keys.press("t")
            await settle(ben_keys)
            assert isinstance(ben.screen, TeamScreen)
            await ben_keys.press("c")
            await settle(ben_keys)
            screen = ben.screen
            assert isinstance(screen, ConflictsScreen)
            [item] = screen.items
            assert item.title.endswith("— rationale"), item.title
            shown = str(screen.query_one("#shown-text", Static).render())
            other = str(screen.query_one("#other-text", Static).render())
            assert (shown, other) == (f"{AGREED} Ben: ask residents.", f"{AGREED} Ann: six weeks.")
            # Two people on one server, not two laptops exchanging files:
            status = str(screen.query_one("#conflicts-status", Static).render())
            assert "1 thing was changed in two places" in status.replace("\n", " ")
    finally:
        ann.shutdown_store()
        ben.shutdown_store()
