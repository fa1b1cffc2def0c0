"""Keys that reach the app in one read are applied in the order they were typed.

Two halves: inside a text box (``screens/widgets/key_order.py``), and a command key with
the typing that follows it (``screens/type_ahead.py``): the typing goes where the command
leads, never to the list the command was typed on, and never taken for more commands.

A busy laptop (saving, redrawing), a fast typist or a typing aid hands the app several keys
in one read. Textual applies a typed character as the box reads it but Backspace, the arrows,
Home and End only after they have bubbled up to the app, so the characters behind them went
in first: "Backspace, 9" at the end of "2026" left "2026", and seven Backspaces then
"2/2026" lost all but one Backspace and the rest. ``screens/widgets/key_order.py`` keeps them
in order. Here the keys are read as the terminal would deliver them, in one go (Textual's
own parser cuts the bytes into keys, and the app is handed them all before it handles any),
and what is saved is what was typed, in a text area and in a one-line box alike.
"""

from __future__ import annotations

from typing import TypeVar

from textual._xterm_parser import XTermParser
from textual.widgets import Input, TextArea

from screens.action_plan import ActionPlanScreen
from screens.dashboard import DashboardScreen
from screens.dialogs.text_entry import TextDialog
from screens.recommendations import RecommendationsScreen
from tenant_inspect import action_plan, analysis, inspections, records
from tenant_inspect import models as m
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir

T = TypeVar("T")

BACKSPACE, LEFT, HOME, END = "\x7f", "\x1b[D", "\x1b[H", "\x1b[F"


def typed_together(app, keys: str) -> None:
    """Hand the app ``keys`` (terminal bytes) as one read from the terminal would."""
    driver = app._driver
    for event in XTermParser().feed(keys):
        driver.send_message(event)


def seed(data_dir) -> tuple[str, str]:
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        rec = analysis.add_recommendation(s, i.id, text="Train repairs staff in involvement.")
        ids = i.id, rec.id
    store.close()
    return ids


async def into_the_reason(app, pilot, settle) -> tuple[ActionPlanScreen, TextArea]:
    """The Action plan, the first recommendation's response, the cursor in its reason."""
    screen = await open_from_dashboard(app, pilot, settle, "p", ActionPlanScreen)
    await pilot.press("e", "tab")
    reason = screen.query_one("#r-reason", TextArea)
    assert screen.focused is reason
    return screen, reason


def stored_response(data_dir, rec_id: str) -> m.ActionPlanResponse | None:
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        response = action_plan.get_response(s, records.get(s, m.Recommendation, rec_id))
    store.close()
    return response


async def open_from_dashboard(app, pilot, settle, key: str, kind: type[T]) -> T:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(app.screen, kind)
    return app.screen


async def test_backspace_arrows_home_and_end_keep_their_place_among_typed_keys(
    data_dir, make_app, settle
):
    _, rec_id = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen, reason = await into_the_reason(app, pilot, settle)
        await pilot.press(*"Budget agreed.")
        # Rub out "agreed.", type on with a slip ("2O27"), go back over it and mend it,
        # then finish the sentence at the end: all in one read.
        typed_together(app, BACKSPACE * 8 + " for 2O27" + LEFT * 2 + BACKSPACE + "0" + END + ".")
        await settle(pilot)
        assert reason.text == "Budget for 2027."

        await pilot.press("tab")
        role = screen.query_one("#r-responsible_role", Input)
        assert screen.focused is role
        await pilot.press(*"Head of Repairs")
        typed_together(app, BACKSPACE * 7 + "Housing" + HOME + "The ")
        await settle(pilot)
        assert role.value == "The Head of Housing"

        await pilot.press("escape")
        await settle(pilot)
    response = stored_response(data_dir, rec_id)
    assert response is not None
    assert (response.reason, response.responsible_role) == (
        "Budget for 2027.",
        "The Head of Housing",
    )


def stored_items(data_dir, rec_id: str) -> list[m.ActionPlanItem]:
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        items = action_plan.items(s, records.get(s, m.Recommendation, rec_id))
    store.close()
    return items


async def test_typing_straight_after_add_item_goes_into_the_new_item(data_dir, make_app, settle):
    _, rec_id = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_dashboard(app, pilot, settle, "p", ActionPlanScreen)
        # "a" adds an item (a write, then a read, then the cursor goes into the item):
        # every key after it waits for that, so the "a" and "i" in the words are typed,
        # not taken for "add another item" and "import".
        typed_together(app, "aFaster repairs\tReply within ten days")
        await settle(pilot)
        assert screen.query_one("#i-key_outcomes", TextArea).text == "Faster repairs"
        assert screen.query_one("#i-key_actions", TextArea).text == "Reply within ten days"
        assert isinstance(app.screen, ActionPlanScreen)  # no import dialog opened
        await pilot.press("escape")
        await settle(pilot)
    (item,) = stored_items(data_dir, rec_id)
    assert (item.key_outcomes, item.key_actions) == ("Faster repairs", "Reply within ten days")


async def test_typing_straight_after_a_key_that_opens_a_dialog_goes_into_the_dialog(
    data_dir, make_app, settle
):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_dashboard(app, pilot, settle, "m", RecommendationsScreen)
        typed_together(app, "aPublish repair times")
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        assert app.screen.query_one("#text-input", TextArea).text == "Publish repair times"


async def test_a_hold_nobody_lets_go_of_never_swallows_the_keys(data_dir, make_app, settle):
    """A command that never says it is done (a bug, a write that hangs) delays the keys by
    at most the time limit; it does not lose them. The limit's timer is Textual's; here its
    moment is reached by moving the hold's deadline, not by waiting for the clock."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        _, reason = await into_the_reason(app, pilot, settle)
        app.hold_keys()
        typed_together(app, "Kept")
        await pilot.pause()
        assert reason.text == ""  # held (the limit is seconds away)
        app._hold_until = 0.0
        app._hold_expired()  # what the timer calls at the limit
        await settle(pilot)
        assert reason.text == "Kept"
