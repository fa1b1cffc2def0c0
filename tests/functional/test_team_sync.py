"""The Team screen and sync: the last sync is shown, and F5 syncs again with that server.

The laptop syncs once with the suite's own PostgreSQL server (as ``tenant-inspect sync``
would), someone changes a finding on the server, and F5 on the laptop's Team screen
brings it in and says so.
"""

from __future__ import annotations

from textual.widgets import Static

from screens.team import TeamScreen
from tenant_inspect import analysis, inspections
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store
from tenant_inspect.sync import sync
from tests.support.empty_db import empty_data_dir


async def open_team(app, pilot, settle) -> TeamScreen:
    await settle(pilot)
    await pilot.press("enter")  # open the inspection
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(app.screen, TeamScreen)
    return app.screen


def text_of(screen: TeamScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_f5_syncs_again_with_the_last_server(make_app, data_dir, settle, tmp_path, pg_url):
    with open_store(empty_data_dir(data_dir)) as store:
        with store.write() as s:
            inspection_id = inspections.create_inspection(s, title="Repairs", landlord="Vale").id
            inspections.add_member(s, inspection_id, name="Cora Lead", role="coordinator")
            analysis.add_finding(s, inspection_id, kind="weakness", text="As first written")
        sync(store, data_dir, pg_url.replace("postgres@", "postgres:not-kept@"))
    with open_store(resolve_data_dir(tmp_path / "other", pg_url)) as server, server.write() as s:
        analysis.findings(s, inspection_id)[0].text = "Changed on the server"
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_team(app, pilot, settle)
        assert "Last synced with" in text_of(screen, "#team-laptop")
        assert "no changes came in" in text_of(screen, "#team-laptop")
        await pilot.press("f5")
        await settle(pilot)
        result = text_of(screen, "#team-result")
        assert result.startswith("✓ Sent") and "1 change came in" in result
        assert "1 change came in" in text_of(screen, "#team-laptop")
    with open_store(data_dir) as store, store.read() as s:
        assert analysis.findings(s, inspection_id)[0].text == "Changed on the server"
        assert "not-kept" not in str(
            s.connection()
            .exec_driver_sql("SELECT value FROM app_setting WHERE key LIKE 'sync:%'")
            .scalar()
        )


async def test_f5_before_any_sync_says_how_to_start(make_app, data_dir, settle):
    with open_store(empty_data_dir(data_dir)) as store, store.write() as s:
        inspections.create_inspection(s, title="Repairs", landlord="Vale")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_team(app, pilot, settle)
        await pilot.press("f5")
        await settle(pilot)
        assert "has not synced this inspection yet" in text_of(screen, "#team-result")
