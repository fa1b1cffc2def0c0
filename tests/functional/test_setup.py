"""Set-up: details saved as you type, bad values refused in place, areas and team managed by keys."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Input, Select, Static, TabbedContent, Tabs

from screens.dashboard import DashboardScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.text_prompt import TextPromptDialog
from screens.inspection_setup import SetupScreen, check_field
from tenant_inspect import fieldwork, inspections
from tenant_inspect.dates import parse_day
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


def seed(data_dir, *, with_interview: bool = False, status: str = "planning") -> str:
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        i = inspections.create_inspection(
            s, title="Resident involvement", landlord="Vale Homes", status=status
        )
        inspections.add_area(s, i.id, name="Customer Services", interviews_planned=2)
        repairs = inspections.add_area(s, i.id, name="Repairs")
        if with_interview:
            fieldwork.add_interview(s, i.id, interviewee_role="Repairs Manager", area_id=repairs.id)
        inspection_id = i.id
    store.close()
    return inspection_id


def stored(data_dir, inspection_id: str):
    """What is in the database now (read in a separate connection, as a restart would)."""
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        inspection = inspections.get_inspection(s, inspection_id)
        areas = [
            (a.name, a.kind, a.interviews_planned) for a in inspections.areas(s, inspection_id)
        ]
        team = [(t.name, t.role) for t in inspections.team(s, inspection_id)]
    store.close()
    return inspection, areas, team


async def open_setup(app, pilot, settle) -> SetupScreen:
    await settle(pilot)
    await pilot.press("enter")  # open the (only) inspection
    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)
    assert isinstance(app.screen, SetupScreen)
    return app.screen


def rows(screen, selector: str) -> list[list[str]]:
    table = screen.query_one(selector, DataTable)
    return [table.get_row_at(i) for i in range(table.row_count)]


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render()).replace("\n", " ")


async def goto_tab(pilot, screen, tab: str) -> None:
    """Keyboard only: Shift+Tab up to the tab names, then arrows."""
    order = ["details", "texts", "areas", "team"]
    tabs = screen.query_one(TabbedContent)
    while not isinstance(screen.focused, Tabs):
        await pilot.press("shift+tab")
    for _ in range(order.index(tab) - order.index(tabs.active)):
        await pilot.press("right")
    await pilot.pause()
    assert tabs.active == tab


async def test_title_typed_is_kept_after_quitting(make_app, data_dir, settle):
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        assert screen.focused is screen.query_one("#f-title", Input)
        await pilot.press("end", *" 2025")
        await pilot.press("ctrl+q")  # quit at once: nothing typed may be lost
    assert stored(data_dir, inspection_id)[0].title == "Resident involvement 2025"

    again = make_app()
    async with again.run_test() as pilot:
        screen = await open_setup(again, pilot, settle)
        assert screen.query_one("#f-title", Input).value == "Resident involvement 2025"


async def test_bad_date_is_explained_and_not_saved(make_app, data_dir, settle):
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        await pilot.press("tab", "tab", "tab", "tab")  # title → landlord → topic → number → start
        start = screen.query_one("#f-start_date", Input)
        assert screen.focused is start
        await pilot.press(*"3rd March", "tab")
        await settle(pilot)
        error = screen.query_one("#err-start_date", Static)
        assert error.display
        assert (
            "Start date: “3rd March” is not a date. Write the date like 14/06/2021 or 14 June 2021"
            in text_of(screen, "#err-start_date")
        )
        assert start.value == "3rd March"  # the text stays where the user typed it
        assert stored(data_dir, inspection_id)[0].start_date is None

        start.focus()
        await pilot.press("ctrl+u", *"2025-03-14", "tab")
        await settle(pilot)
        assert not error.display
        assert stored(data_dir, inspection_id)[0].start_date == date(2025, 3, 14)


async def test_empty_title_is_refused_and_the_old_one_kept(make_app, data_dir, settle):
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        await pilot.press("end", "ctrl+u", "tab")
        await settle(pilot)
        assert "Title: the inspection needs a title" in text_of(screen, "#err-title")
        assert stored(data_dir, inspection_id)[0].title == "Resident involvement"


async def test_status_is_chosen_from_a_list_and_saved(make_app, data_dir, settle):
    inspection_id = seed(data_dir, status="analysis")
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        status = screen.query_one("#f-status", Select)
        assert status.value == "analysis"
        status.focus()
        await pilot.press("enter", "down", "enter")  # open the list, next status, choose it
        await settle(pilot)
        assert status.value == "reporting"
    assert stored(data_dir, inspection_id)[0].status == "reporting"


async def test_texts_are_saved_as_you_type(make_app, data_dir, settle):
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        await goto_tab(pilot, screen, "texts")
        await pilot.press("tab")  # into the first text: Scope
        await pilot.press(*"Repairs only.", "enter", *"Not gas.")
        await pilot.press("escape")  # Escape leaves even from inside a text
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert stored(data_dir, inspection_id)[0].scope == "Repairs only.\nNot gas."


async def test_a_slow_older_read_never_hides_a_rename(make_app, data_dir, settle, monkeypatch):
    """The areas list is read again when the rename dialog closes and again when the rename
    is saved; those reads run side by side and can finish in any order. Here a read made
    before the rename (still the old name) is held back until the newer ones have been
    shown: the list must keep the new name."""
    import threading

    seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        await goto_tab(pilot, screen, "areas")
        release, held = threading.Event(), []
        hand_over = app.call_from_thread

        def slow_first_delivery(callback, *args, **kwargs):
            # (on the read's worker thread, after its session has closed)
            if getattr(callback, "__name__", "") == "deliver" and not held:
                held.append(callback)
                release.wait(20)
            return hand_over(callback, *args, **kwargs)

        monkeypatch.setattr(app, "call_from_thread", slow_first_delivery)
        screen.reload_lists()  # reads "Desktop review"; its result is held back
        await pilot.press("e")  # rename the selected area, the first
        assert isinstance(app.screen, TextPromptDialog)
        await pilot.press("ctrl+u", *"Documents read", "enter")
        for _ in range(200):  # until the rename's own read is shown
            await pilot.pause()
            if rows(screen, "#setup-areas")[0][0] == "A. Documents read":
                break
        assert held and rows(screen, "#setup-areas")[0][0] == "A. Documents read"
        release.set()
        await settle(pilot)
        assert rows(screen, "#setup-areas")[0][0] == "A. Documents read"


async def test_areas_add_rename_reorder_plan_and_remove(make_app, data_dir, settle):
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        await goto_tab(pilot, screen, "areas")

        await pilot.press("a")
        await pilot.press(*"Finance", "enter")
        await settle(pilot)
        assert rows(screen, "#setup-areas")[-1] == ["D. Finance", "Department", "0"]
        assert "Added “Finance”." in text_of(screen, "#areas-message")

        # The new area is selected: rename it.
        await pilot.press("e")
        assert isinstance(app.screen, TextPromptDialog)
        await pilot.press("ctrl+u", *"Finance and Rents", "enter")
        await settle(pilot)
        assert rows(screen, "#setup-areas")[-1][0] == "D. Finance and Rents"

        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert [r[0] for r in rows(screen, "#setup-areas")] == [
            "A. Desktop review",
            "B. Customer Services",
            "C. Finance and Rents",
            "D. Repairs",
        ]

        await pilot.press("p")
        await pilot.press("ctrl+u", *"lots", "enter")
        assert isinstance(app.screen, TextPromptDialog)  # refused in the dialog
        assert "whole number" in text_of(app.screen, "#prompt-error")
        await pilot.press("ctrl+u", "4", "enter")
        await settle(pilot)
        assert rows(screen, "#setup-areas")[2] == ["C. Finance and Rents", "Department", "4"]

        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # changed my mind
        await settle(pilot)
        assert len(rows(screen, "#setup-areas")) == 4
        await pilot.press("delete", "y")
        await settle(pilot)
        assert [r[0] for r in rows(screen, "#setup-areas")] == [
            "A. Desktop review",
            "B. Customer Services",
            "C. Repairs",
        ]

    _, areas, _ = stored(data_dir, inspection_id)
    assert areas == [
        ("Desktop review", "desktop_review", 0),
        ("Customer Services", "department", 2),
        ("Repairs", "department", 0),
    ]


async def test_theme_area_and_mouse_on_tabs(make_app, data_dir, settle):
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        await pilot.click("#--content-tab-areas")
        await pilot.press("a", *"Value for money", "tab", "enter")  # open the list of kinds
        await pilot.press("down", "enter")  # choose "Theme"
        await pilot.click("#add")
        await settle(pilot)
        assert rows(screen, "#setup-areas")[-1] == ["D. Value for money", "Theme", "–"]
    assert stored(data_dir, inspection_id)[1][-1] == ("Value for money", "theme", 0)


async def test_area_with_an_interview_cannot_be_removed(make_app, data_dir, settle):
    inspection_id = seed(data_dir, with_interview=True)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        await goto_tab(pilot, screen, "areas")
        await pilot.press("down", "down", "down")  # into the table, to C. Repairs
        await pilot.press("delete", "y")
        await settle(pilot)
        message = text_of(screen, "#areas-message")
        assert "Not removed: area 'Repairs' still has 1 interviews" in message
        assert rows(screen, "#setup-areas")[-1][0] == "C. Repairs"
    assert [a[0] for a in stored(data_dir, inspection_id)[1]] == [
        "Desktop review",
        "Customer Services",
        "Repairs",
    ]


async def test_team_add_mark_coordinator_and_remove(make_app, data_dir, settle):
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        await goto_tab(pilot, screen, "team")
        await pilot.press("a", *"Ann Example", "enter")
        await settle(pilot)
        await pilot.press("a", *"Bob Sample", "enter")
        await settle(pilot)
        assert rows(screen, "#setup-team") == [
            ["Ann Example", "Coordinator"],  # the first person is the coordinator until changed
            ["Bob Sample", "Inspector"],
        ]
        await pilot.press("a", *"bob sample", "enter")
        await settle(pilot)
        assert "already in the team" in text_of(screen, "#team-message")

        # Bob, just added, is selected.
        await pilot.press("c")
        await settle(pilot)
        assert rows(screen, "#setup-team") == [
            ["Ann Example", "Inspector"],
            ["Bob Sample", "Coordinator"],
        ]
        await pilot.press("down")  # from the tab names into the list
        assert screen.focused is screen.query_one("#setup-team", DataTable)
        await pilot.press("up", "delete", "y")
        await settle(pilot)
        assert rows(screen, "#setup-team") == [["Bob Sample", "Coordinator"]]

        # Back on the dashboard the change shows at once.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Team (1): Bob Sample (coordinator)" in text_of(app.screen, "#dash-team")
    assert stored(data_dir, inspection_id)[2] == [("Bob Sample", "coordinator")]


async def test_dashboard_shows_set_up_changes_when_back(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        await open_setup(app, pilot, settle)
        await pilot.press("end", *" (pilot)")
        await pilot.press("escape")  # straight away: the save is still pending
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Resident involvement (pilot)" in text_of(app.screen, "#dash-title")


def test_field_checks():
    assert parse_day("14/03/2025") == date(2025, 3, 14)
    assert check_field("start_date", "") == (None, None)
    assert check_field("title", "  Repairs ") == ("Repairs", None)
    value, problem = check_field("report_number", "x" * 51)
    assert value is None and problem and "Report number: too long" in problem


async def test_ctrl_pagedown_switches_tabs_even_from_a_field(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_setup(app, pilot, settle)
        tabs = screen.query_one("#setup-tabs", TabbedContent)
        assert tabs.active == "details"
        await pilot.press("ctrl+pagedown", "ctrl+pagedown")
        await settle(pilot)
        assert tabs.active == "areas"
        assert isinstance(app.focused, DataTable)  # straight into the list of areas
        await pilot.press("ctrl+pageup", "ctrl+pageup", "ctrl+pageup")
        await settle(pilot)
        assert tabs.active == "team"  # wraps round


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_the_first_text_opens_with_its_label_in_view(make_app, data_dir, settle, size):
    """Ctrl+PgDn to Texts focuses Scope with its label above it still on screen."""
    from textual.widgets import Label, TextArea

    seed(data_dir)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_setup(app, pilot, settle)
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        assert screen.tab == "texts"
        assert isinstance(app.focused, TextArea) and app.focused.id == "f-scope"
        form = screen.query_one("#texts-form")
        label = screen.query(".long-label").first(Label)
        assert "Scope" in str(label.render())
        assert form.scroll_y == 0
        assert form.region.contains_region(label.region)


async def test_status_follows_the_work_until_the_coordinator_chooses(make_app, data_dir, settle):
    """With an interview under way the list offers "Follow the work (now: Fieldwork)"; the
    dashboard says Fieldwork; choosing Analysis stores it and the dashboard shows it."""
    inspection_id = seed(data_dir, with_interview=True)
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        (talk,) = fieldwork.interviews(s, inspection_id)
        fieldwork.update_interview(s, talk, status="in_progress")
    store.close()
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Status: Fieldwork" in text_of(app.screen, "#dash-info")
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        status = screen.query_one("#f-status", Select)
        assert status.value == "planning"
        shown = status.query_one("SelectCurrent #label", Static)
        assert "Follow the work (now: Fieldwork)" in str(shown.render())
        status.focus()
        await pilot.press("enter", "down", "down", "enter")  # past Fieldwork to Analysis
        await settle(pilot)
        assert status.value == "analysis"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Status: Analysis" in text_of(app.screen, "#dash-info")
    assert stored(data_dir, inspection_id)[0].status == "analysis"
