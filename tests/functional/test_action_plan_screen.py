"""The action plan screen: responses and items typed, saved as typed, overdue in words."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, OptionList, Select, Static, TextArea

from screens.action_plan import ActionPlanScreen
from screens.dashboard import DashboardScreen
from screens.dialogs.confirm import ConfirmDialog
from tenant_inspect import action_plan, analysis, inspections, records
from tenant_inspect import models as m
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


def seed(data_dir) -> dict[str, str]:
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        r1 = analysis.add_recommendation(s, i.id, text="Train repairs staff in involvement.")
        r2 = analysis.add_recommendation(s, i.id, text="Report complaints themes to tenants.")
        ids = {"inspection": i.id, "r1": r1.id, "r2": r2.id}
    store.close()
    return ids


def stored(data_dir, rec_id: str) -> tuple[m.ActionPlanResponse | None, list[m.ActionPlanItem]]:
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        rec = records.get(s, m.Recommendation, rec_id)
        out = action_plan.get_response(s, rec), action_plan.items(s, rec)
    store.close()
    return out


async def open_plan(app, pilot, settle) -> ActionPlanScreen:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(app.screen, ActionPlanScreen)
    return app.screen


def lines(screen, list_id: str) -> list[str]:
    listing = screen.query_one(list_id, OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_response_and_items_are_saved_as_typed(data_dir, make_app, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(app, pilot, settle)
        assert lines(screen, "#plan-recs")[0].startswith("R1  No response yet · no items yet")
        # The response: choose "Partly accepted", type a reason.
        await pilot.press("e")
        await settle(pilot)
        assert screen.focused is screen.query_one("#r-response", Select)
        await pilot.press("enter", "down", "down", "enter")
        await settle(pilot)
        assert screen.query_one("#r-response", Select).value == "partly_accepted"
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#r-reason", TextArea)
        await pilot.press(*"Training budget is agreed for 2027 only.")
        await pilot.press("tab", *"Head of Repairs")
        await pilot.press("escape")
        await settle(pilot)
        assert lines(screen, "#plan-recs")[0].startswith("R1  Partly accepted")
        response, _ = stored(data_dir, ids["r1"])
        assert response is not None
        assert response.response == "partly_accepted"
        assert response.reason == "Training budget is agreed for 2027 only."
        assert response.responsible_role == "Head of Repairs"

        # An item with by-when "March 2027".
        await pilot.press("a")
        await settle(pilot)
        assert screen.focused is screen.query_one("#i-key_outcomes", TextArea)
        await pilot.press(*"Tenants see what changed", "tab", *"Train 40 officers", "tab")
        assert screen.focused is screen.query_one("#i-by_when", Input)
        await pilot.press(*"March 2027", "tab")
        await settle(pilot)
        _, items = stored(data_dir, ids["r1"])
        assert [(i.key_outcomes, i.key_actions, i.by_when, i.by_when_words) for i in items] == [
            ("Tenants see what changed", "Train 40 officers", date(2027, 3, 31), "March 2027")
        ]
        assert lines(screen, "#plan-items")[0].startswith("R1.1  March 2027 · Not started")

        # A second item, due in the past: overdue in words.
        await pilot.press("escape", "a")
        await settle(pilot)
        await pilot.press(*"Feedback each quarter", "tab", "tab", *"31/01/2020", "tab")
        await settle(pilot)
        second = lines(screen, "#plan-items")[1]
        assert "⚠ overdue since 31 January 2020" in second
        assert "overdue" in lines(screen, "#plan-recs")[0]

        # A by-when the app cannot read: kept, explained, not saved.
        await pilot.press("shift+tab")
        assert screen.focused is screen.query_one("#i-by_when", Input)
        await pilot.press("ctrl+a", *"soon-ish", "tab")
        await settle(pilot)
        by_when = screen.query_one("#i-by_when", Input)
        assert by_when.value == "soon-ish"
        error = str(screen.query_one("#i-err-by_when", Static).render())
        assert "“soon-ish” is not a date, a month or a word" in error
        assert "Not saved" in error
        _, items = stored(data_dir, ids["r1"])
        assert items[1].by_when == date(2020, 1, 31)
        # Away to the other item and back: what was typed is still there, still explained.
        await pilot.press("escape", "up")
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        assert screen.query_one("#i-by_when", Input).value == "soon-ish"
        assert screen.query_one("#i-err-by_when", Static).display
        await pilot.press("escape")  # the cursor is in the items: back to the dashboard
        await settle(pilot)
        assert [
            n.title for n in app._notifications
        ]  # as test_name_warnings reads them == ["Not saved"]
        assert isinstance(app.screen, DashboardScreen)

        # Reopen: everything is there.
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ActionPlanScreen)
        assert screen.query_one("#r-reason", TextArea).text == (
            "Training budget is agreed for 2027 only."
        )
        assert lines(screen, "#plan-recs")[0].startswith("R1  Partly accepted · 2 items, 1 overdue")
        await pilot.press("tab")
        await settle(pilot)
        assert screen.query_one("#i-by_when", Input).value == "March 2027"


async def test_items_move_and_delete_after_asking(data_dir, make_app, settle):
    ids = seed(data_dir)
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        rec = records.get(s, m.Recommendation, ids["r2"])
        for action in ("First", "Second"):
            action_plan.add_item(s, rec, key_actions=action, by_when="ongoing")
    store.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(app, pilot, settle)
        await pilot.press("down", "tab")
        await settle(pilot)
        assert lines(screen, "#plan-items")[0].startswith("R2.1  ongoing · Not started  First")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert [i.key_actions for i in stored(data_dir, ids["r2"])[1]] == ["Second", "First"]
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert [i.key_actions for i in stored(data_dir, ids["r2"])[1]] == ["Second"]


async def test_opened_from_a_recommendation(data_dir, make_app, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("down", "p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ActionPlanScreen)
        assert screen.selected_rec_id() == screen.data.recommendations[1].id
        assert "R2's items" in str(screen.query_one("#items-head", Static).render())
