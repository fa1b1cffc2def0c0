"""The programme screen (g from home): every inspection, narrowed by one search box; the
recurring weaknesses and the overdue actions follow the search; Enter opens an inspection."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Static, TabbedContent

from screens.dashboard import DashboardScreen
from screens.programme import ProgrammeScreen
from tenant_inspect import action_plan, analysis, inspections
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


def seed(data_dir) -> dict[str, str]:
    store = open_store(empty_data_dir(data_dir))
    ids = {}
    with store.write() as s:
        for title, landlord, year, theme in [
            ("Repairs", "Vale Homes", 2025, "access-customer-care"),
            ("Complaints", "Hillside Housing", 2026, "access-customer-care"),
        ]:
            insp = inspections.create_inspection(
                s, title=title, landlord=landlord, start_date=date(year, 3, 1)
            )
            area = inspections.add_area(s, insp.id, name=title)
            analysis.add_finding(
                s, insp.id, kind="weakness", text=f"{title} is slow.", area_id=area.id,
                themes=[theme],
            )  # fmt: skip
            rec = analysis.add_recommendation(s, insp.id, text="Be quicker.")
            action_plan.add_item(s, rec, key_actions="Hire staff", by_when="31/01/2020")
            ids[title] = insp.id
    store.close()
    return ids


def _rows(screen: ProgrammeScreen, table: str) -> list[list[str]]:
    t = screen.query_one(f"#prog-table-{table}", DataTable)
    return [[str(c) for c in t.get_row_at(i)] for i in range(t.row_count)]


async def test_search_narrows_every_view_and_enter_opens(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgrammeScreen)
        assert len(_rows(screen, "inspections")) == 2
        assert str(screen.query_one("#prog-title", Static).render()) == "Programme: 2 inspections"
        await pilot.press("2")
        assert screen.query_one("#prog-tabs", TabbedContent).active == "prog-weaknesses"
        [theme] = _rows(screen, "weaknesses")
        assert theme[:3] == ["Access and customer care", "2", "2"]
        await pilot.press("3")
        assert [r[0] for r in _rows(screen, "overdue")] == ["R1.1", "R1.1"]
        # One search box narrows all three.
        await pilot.press("slash", *"hillside")
        await settle(pilot)
        assert screen.query_one("#prog-search", Input).value == "hillside"
        assert [r[0].startswith("Complaints") for r in _rows(screen, "inspections")] == [True]
        title = str(screen.query_one("#prog-title", Static).render())
        assert title == "Programme: 1 of 2 inspections"
        assert _rows(screen, "weaknesses")[0][1:3] == ["1", "1"]
        assert len(_rows(screen, "overdue")) == 1
        await pilot.press("enter")  # to the list of inspections
        await pilot.press("enter")  # open it
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.inspection_id == ids["Complaints"]
