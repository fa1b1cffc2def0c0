"""Ctrl+A selects all the text of whichever box has focus, on screens as well as in dialogs.

A newcomer replacing pre-filled text pressed Backspace about 60 times; Ctrl+A is what Word
and every browser use. Away from a text box the key does nothing surprising.
"""

from __future__ import annotations

from textual.widgets import OptionList, TextArea

from screens.dialogs.help import HelpScreen
from tests.functional.test_recommendations import add, open_recommendations, seed, stored


async def test_ctrl_a_in_the_recommendation_form_replaces_the_text(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_recommendations(app, pilot, settle)
        await add(pilot, settle, "Train the repairs staff in listening to complaints.")
        await pilot.press("enter")  # into the form: the recommendation's own text first
        await settle(pilot)
        box = screen.focused
        assert isinstance(box, TextArea)
        await pilot.press("ctrl+a", *"Train staff.", "escape")
        await settle(pilot)
        assert [t for _, t, _, _ in stored(data_dir, ids["inspection"])] == ["Train staff."]


async def test_ctrl_a_on_a_list_leaves_the_list_alone_and_help_names_it(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_recommendations(app, pilot, settle)
        await add(pilot, settle, "Train staff.")
        assert isinstance(screen.focused, OptionList)
        await pilot.press("ctrl+a")
        await settle(pilot)
        assert app.screen is screen
        assert [t for _, t, _, _ in stored(data_dir, ids["inspection"])] == ["Train staff."]
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "Ctrl+A" in str(app.screen.query_one("#help-text").render())
