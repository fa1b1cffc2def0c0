"""Conclusions: add, edit as you type, reorder and delete, for the whole inspection and per area."""

from __future__ import annotations

from textual.widgets import OptionList, Static, TextArea

from screens.conclusions import OVERALL, ConclusionsScreen, check_text
from screens.dashboard import DashboardScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.text_entry import TextDialog
from tenant_inspect import analysis, inspections
from tenant_inspect.report.export import render_report
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


def seed(data_dir) -> dict[str, str]:
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        repairs = inspections.add_area(s, i.id, name="Repairs")
        analysis.add_conclusion(s, i.id, text="Repairs listens.", area_id=repairs.id)
        ids = {"inspection": i.id, "repairs": repairs.id}
    store.close()
    return ids


def stored(data_dir, inspection_id: str) -> dict[str | None, list[str]]:
    """Live conclusions in order, by area (None: the whole inspection)."""
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        rows = analysis.conclusions(s, inspection_id)
    store.close()
    out: dict[str | None, list[str]] = {}
    for c in rows:
        out.setdefault(c.area_id, []).append(c.text)
    return out


async def open_conclusions(app, pilot, settle) -> ConclusionsScreen:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(app.screen, ConclusionsScreen)
    return app.screen


async def add(pilot, settle, text: str) -> None:
    await pilot.press("a")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TextDialog)
    await pilot.press(*text, "ctrl+s")
    await settle(pilot)


async def test_write_order_edit_and_delete_conclusions(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_conclusions(app, pilot, settle)
        assert screen.scope == OVERALL
        assert "No conclusions for the whole inspection yet" in str(
            screen.query_one("#concl-empty", Static).render()
        )
        await add(pilot, settle, "Good at asking.")
        await add(pilot, settle, "Poor at telling.")
        assert stored(data_dir, ids["inspection"])[None] == ["Good at asking.", "Poor at telling."]
        listing = screen.query_one("#conclusions", OptionList)
        assert listing.option_count == 2
        assert listing.highlighted == 1  # the one just added

        # Move it up: the report's order changes.
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert stored(data_dir, ids["inspection"])[None] == ["Poor at telling.", "Good at asking."]
        assert listing.highlighted == 0  # still on the one moved
        assert str(listing.get_option_at_index(0).prompt).startswith("1. Poor at telling.")

        # Edit it in the box: saved as you type.
        await pilot.press("enter", *" Mostly.")
        await settle(pilot)
        assert isinstance(screen.focused, TextArea)
        assert stored(data_dir, ids["inspection"])[None][0] == "Poor at telling. Mostly."
        assert "Poor at telling. Mostly." in str(listing.get_option_at_index(0).prompt)

        # Emptying it is refused in place; the saved text is kept.
        await pilot.press("end", "ctrl+u")  # delete to the start of the line: all of it
        await settle(pilot)
        assert "cannot be empty" in str(screen.query_one("#concl-message", Static).render())
        assert stored(data_dir, ids["inspection"])[None][0] == "Poor at telling. Mostly."
        await pilot.press(*"Poor.")
        await settle(pilot)
        assert stored(data_dir, ids["inspection"])[None][0] == "Poor."

        # Delete the second, after a question.
        await pilot.press("escape", "down", "delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert stored(data_dir, ids["inspection"])[None] == ["Poor."]


async def test_each_area_has_its_own_list(make_app, data_dir, settle, tmp_path):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_conclusions(app, pilot, settle)
        await pilot.press("right", "right")  # whole inspection → A. Desktop review → B. Repairs
        await settle(pilot)
        assert screen.scope == ids["repairs"]
        assert [r.text for r in screen.rows()] == ["Repairs listens."]
        await add(pilot, settle, "Repairs acts.")
        await pilot.press("left", "left")
        await settle(pilot)
        assert screen.scope == OVERALL
        assert screen.rows() == []
    assert stored(data_dir, ids["inspection"]) == {
        ids["repairs"]: ["Repairs listens.", "Repairs acts."]
    }
    # The report prints them in the area's section, in this order.
    store = open_store(empty_data_dir(data_dir))
    try:
        render_report(store, ids["inspection"], tmp_path / "r.md")
    finally:
        store.close()
    report = (tmp_path / "r.md").read_text()
    assert "## Conclusions" in report[: report.index("Repairs listens.")]
    assert report.index("Repairs listens.") < report.index("Repairs acts.")


async def test_the_last_keystrokes_are_saved_on_leaving(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        await open_conclusions(app, pilot, settle)
        await pilot.press("right", "right", "e", *" Fast")
        await pilot.press("escape", "escape")  # leave the box, then the screen
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert stored(data_dir, ids["inspection"])[ids["repairs"]] == ["Repairs listens. Fast"]


def test_check_text():
    assert check_text("  ") is not None
    assert check_text("Fine") is None
    assert "Too long" in (check_text("x" * 100_001) or "")
