"""The action plan's workbook out and back through the Action plan screen's file dialog."""

from __future__ import annotations

from openpyxl import load_workbook
from textual import events
from textual.widgets import Input, Static

from screens.dialogs.file_picker import FilePicker
from tenant_inspect import plan_sheet as ps
from tests.functional.test_action_plan_screen import open_plan, seed, stored


async def pick(pilot, settle, key: str, path) -> None:
    """Press ``key``, put ``path`` in the file dialog as if pasted, and press Enter."""
    await pilot.press(key)
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, FilePicker)
    field = dialog.focused  # the path box has the focus when the dialog opens
    assert isinstance(field, Input)
    await pilot.press("ctrl+u")
    field.post_message(events.Paste(str(path)))
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


async def wait_for_message(pilot, settle, screen, words: str) -> str:
    for _ in range(100):
        await settle(pilot)
        text = str(screen.query_one("#plan-message", Static).render())
        if words in text:
            return text
        await pilot.pause(0.05)
    raise AssertionError(f"{words!r} never shown; last: {text!r}")


def _fill(path, header: str, value: str) -> None:
    """The landlord's answer in R1's row, as Excel would save it."""
    wb = load_workbook(path)
    ws = wb[ps.PLAN_SHEET]
    col = {c.header: i for i, c in enumerate(ps.COLUMNS, start=1)}[header]
    row = next(r for r in range(ps.HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, 3).value == "R1")
    ws.cell(row, col).value = value
    wb.save(path)


async def test_export_then_a_refused_import_then_a_good_one(data_dir, make_app, settle, tmp_path):
    ids = seed(data_dir)
    workbook = tmp_path / "plan.xlsx"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(app, pilot, settle)
        await pick(pilot, settle, "x", workbook)
        said = await wait_for_message(pilot, settle, screen, "Written")
        assert "Excel workbook, 2 recommendations" in said
        assert workbook.exists()

        # The landlord answers with a word the drop-down does not offer: refused, and why.
        _fill(workbook, "Response", "Maybe later")
        await pick(pilot, settle, "i", workbook)
        said = await wait_for_message(pilot, settle, screen, "nothing was changed")
        assert "Plan sheet, row" in said and "Response" in said
        assert stored(data_dir, ids["r1"])[0] is None

        _fill(workbook, "Response", "Accepted")
        await pick(pilot, settle, "i", workbook)
        said = await wait_for_message(pilot, settle, screen, "Imported plan.xlsx")
        assert "R1: response changed to Accepted" in said
    response, _ = stored(data_dir, ids["r1"])
    assert response is not None and response.response == "accepted"
