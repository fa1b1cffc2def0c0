"""An inspection opened while the store is still opening shows its dashboard at once.

The store (and SQLModel with it) opens in a worker after the first paint; an inspector who
presses Enter on home before then sees the overview read over plain sqlite3, and keys that
need the store (Enter on an area here) wait for it rather than being lost.
The store's opening is held back on an Event, so "before" is certain, not a race.
"""

from __future__ import annotations

import threading

from textual.widgets import DataTable

from screens.app import TenantInspectApp
from screens.dashboard import DashboardScreen
from screens.startup_order import once_drawn
from tests.functional.test_dashboard import seed, text_of

ROWS = [
    ["A. Desktop review", "1 of 2 documents reviewed", "1 strength"],
    ["B. Customer Services", "1 of 3 interviews done", "2 weaknesses"],
    ["C. Housing Management", "0 of 2 interviews done", "–"],
]


def rows_of(screen) -> list[list[str]]:
    table = screen.query_one("#areas", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_dashboard_shows_before_the_store_and_works_once_it_opens(
    make_app, data_dir, settle, monkeypatch
):
    seed(data_dir)
    gate = threading.Event()
    opening = TenantInspectApp._open_store

    def held_back(self: TenantInspectApp) -> None:
        gate.wait(30)
        opening(self)

    monkeypatch.setattr(TenantInspectApp, "_open_store", held_back)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        try:
            await pilot.pause()
            await pilot.press("enter")  # on home's quick list
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, DashboardScreen) and not app.store_ready
            assert "Resident involvement" in text_of(screen, "#dash-title")
            assert "Landlord: Vale Homes" in text_of(screen, "#dash-info")
            assert "Status: Fieldwork" in text_of(screen, "#dash-info")
            assert rows_of(screen) == ROWS
            quick = screen.overview
            # Enter on A before the store is open: the documents open, and wait for it.
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "DocumentReviewListScreen"
        finally:
            gate.set()
        await settle(pilot)
        assert app.store_ready
        documents = app.screen.query_one("#documents", DataTable)
        listed = " ".join(
            str(c) for i in range(documents.row_count) for c in documents.get_row_at(i)
        )
        assert "Customer Charter" in listed and "Involvement Strategy" in listed
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        # The store's own read has replaced the quick one, and says the same.
        assert screen.overview == quick and screen.overview is not quick
        assert rows_of(screen) == ROWS
        await pilot.press("down", "enter")  # B. Customer Services: its interviews
        await settle(pilot)
        assert type(app.screen).__name__ == "InterviewListScreen"


async def test_a_database_needing_the_store_waits_for_it(make_app, data_dir, settle, monkeypatch):
    """No quick overview (say, the schema needs migrating): the dashboard waits, as before."""
    seed(data_dir)
    gate = threading.Event()
    opening = TenantInspectApp._open_store

    def held_back(self: TenantInspectApp) -> None:
        gate.wait(30)
        opening(self)

    monkeypatch.setattr(TenantInspectApp, "_open_store", held_back)
    monkeypatch.setattr(TenantInspectApp, "quick_overview", lambda self, inspection_id: None)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        try:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, DashboardScreen) and screen.overview is None
            assert "Opening the inspection" in text_of(screen, "#dash-title")
        finally:
            gate.set()
        await settle(pilot)
        assert rows_of(screen) == ROWS


async def test_the_store_opens_once_a_dashboard_opened_during_start_up_is_drawn(
    make_app, data_dir, settle, monkeypatch
):
    """Loading the ORM holds the interpreter: a dashboard opened the moment home appeared is
    drawn first, with its overview, and the store opens right after it."""
    seed(data_dir)
    # Start-up's own trigger is replayed by hand below, after Enter.
    monkeypatch.setattr(TenantInspectApp, "on_mount", lambda self: None)
    began: list[tuple[str, bool]] = []
    opening = TenantInspectApp._open_store

    def noted(self: TenantInspectApp) -> None:
        screen = self.screen
        began.append((type(screen).__name__, getattr(screen, "overview", None) is not None))
        opening(self)

    monkeypatch.setattr(TenantInspectApp, "_open_store", noted)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        drawn = once_drawn(app, app._open_store_in_background)
        home.action_open_inspection()  # Enter: the dashboard is pushed, not yet drawn ...
        drawn(home)  # ... when home's own "drawn" comes (as it did, in a real terminal)
        await settle(pilot)
        assert began == [("DashboardScreen", True)]
        assert app.store_ready
        assert rows_of(app.screen) == ROWS


async def test_a_dashboard_closed_at_once_does_not_keep_the_store_shut(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.store_ready
