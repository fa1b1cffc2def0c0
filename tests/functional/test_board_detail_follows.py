"""The board's detail pane and its keys are always about the same, highlighted finding."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from screens.dialogs.finding import FindingDialog
from tests.functional.test_board import TRAINING_BOB, TRAINING_CAT, open_board, seed, stored


def detail_text(screen) -> str:
    return str(screen.query_one("#board-detail", Static).render())


def highlighted_text(screen) -> str:
    texts = {r.id: r.text for r in screen.data.rows}
    return texts[screen.selected_id()]


async def test_clearing_filters_keeps_pane_and_edit_on_the_highlighted_finding(
    make_app, data_dir, settle
):
    seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_board(app, pilot, settle)
        await pilot.press("slash", *"training", "enter")
        await settle(pilot)
        # Filter on Weakness: Tab to the kind filter.
        await pilot.press("slash", "tab")
        await pilot.press("enter", "down", "down", "enter")
        await settle(pilot)
        # x straight from the kind filter clears everything and goes back to the table.
        await pilot.press("x")
        await settle(pilot)
        table = screen.query_one("#board-table", DataTable)
        assert screen.focused is table
        assert table.row_count == 4
        assert highlighted_text(screen) in detail_text(screen)
        await pilot.press("slash", *"training", "enter")
        await settle(pilot)
        assert table.row_count == 2
        await pilot.press("down")
        await settle(pilot)
        chosen = highlighted_text(screen)
        assert chosen in {TRAINING_BOB, TRAINING_CAT}
        assert chosen in detail_text(screen)

        await pilot.press("x")
        await settle(pilot)
        assert table.row_count == 4
        assert highlighted_text(screen) == chosen
        assert chosen in detail_text(screen)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FindingDialog)
        assert app.screen.query_one("TextArea").text == chosen


async def test_ctrl_a_selects_the_old_wording_so_typing_replaces_it(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_board(app, pilot, settle)
        rows = [r.id for r in screen.shown_rows]
        screen.table.move_cursor(row=rows.index(ids["bob_w"]))
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FindingDialog)
        hint = " ".join(str(s.render()) for s in dialog.query(".dialog-hint"))
        assert "Ctrl+A selects all" in hint
        await pilot.press("ctrl+a", *"Staff untrained.", "ctrl+s")
        await settle(pilot)
        assert stored(data_dir, ids["bob_w"]).text == "Staff untrained."
