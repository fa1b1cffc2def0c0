"""Focus, the cursor row and notifications, seen without colour (issue 15).

Inspectors use ordinary laptops, sometimes with a monochrome terminal or ``NO_COLOR``:
there a background colour shows nothing. So the focused field must differ in the *kind*
of line around it, the cursor row of a table or list in its text style, in both themes;
and a notification must not sit over the text box being typed in.
"""

from __future__ import annotations

import pytest
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, TextArea
from textual.widgets._toast import Toast

from screens.themes import DEFAULT_THEME, HIGH_CONTRAST
from tests.functional.test_conclusions import add, open_conclusions, seed

THEMES = [DEFAULT_THEME, HIGH_CONTRAST.name]


class Fields(Screen[None]):
    """One of each kind of field, boxed and compact, and a table."""

    def compose(self) -> ComposeResult:
        yield Input(id="boxed")
        yield Input(id="compact", compact=True)
        yield TextArea(id="text")
        table: DataTable[str] = DataTable(id="table", cursor_type="row")
        table.add_columns("Name")
        table.add_rows([("one",), ("two",)])
        yield table


def left(widget: Input | TextArea | OptionList) -> str:
    return widget.styles.border_left[0]


def sides(widget: Input | TextArea | OptionList) -> set[str]:
    b = widget.styles.border
    return {b.top[0], b.right[0], b.bottom[0], b.left[0]}


@pytest.mark.parametrize("theme", THEMES)
async def test_focused_fields_and_cursor_rows_are_marked_without_colour(
    make_app, settle, theme: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = theme
        await app.push_screen(Fields())
        await pilot.pause()
        boxed = app.screen.query_one("#boxed", Input)
        compact = app.screen.query_one("#compact", Input)
        text = app.screen.query_one("#text", TextArea)
        table = app.screen.query_one("#table", DataTable)

        table.focus()
        await pilot.pause()
        # Unfocused: boxed fields keep a light box, compact ones a blank column.
        assert sides(boxed) == sides(text) == {"tall"}
        assert left(compact) == "blank"
        # The table's cursor row is underlined, and bold too while the table has the focus.
        focused_row = table.get_component_rich_style("datatable--cursor")
        assert focused_row.underline and focused_row.bold

        boxed.focus()
        await pilot.pause()
        assert sides(boxed) == {"heavy"}
        blurred_row = table.get_component_rich_style("datatable--cursor")
        assert blurred_row.underline and not blurred_row.bold

        text.focus()
        await pilot.pause()
        assert sides(text) == {"heavy"}
        assert sides(boxed) == {"tall"}
        # The caret is a reversed block, which shows even where colours do not.
        assert text.get_component_rich_style("text-area--cursor").reverse
        assert boxed.get_component_rich_style("input--cursor").reverse

        compact.focus()
        await pilot.pause()
        assert left(compact) == "heavy"
        assert compact.styles.border_top[0] in ("", "none")  # still one line high
        assert compact.outer_size.height == 1


@pytest.mark.parametrize("theme", THEMES)
async def test_the_conclusions_editor_and_list_show_focus_by_line(
    make_app, data_dir, settle, theme: str
) -> None:
    """A screen that draws its text box without a box still marks it when focused."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        screen = await open_conclusions(app, pilot, settle)
        await add(pilot, settle, "Good at asking.")
        listing = screen.query_one("#conclusions", OptionList)
        editor = screen.query_one("#editor", TextArea)
        listing.focus()
        await pilot.pause()
        assert sides(listing) == {"heavy"}
        assert left(editor) == "blank"
        editor.focus()
        await settle(pilot)
        assert app.focused is editor, app.focused
        assert left(editor) == "heavy"
        assert sides(listing) == {"tall"}


async def test_a_notification_does_not_cover_the_text_box_being_typed_in(
    make_app, data_dir, settle
) -> None:
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_conclusions(app, pilot, settle)
        await add(pilot, settle, "Good at asking.")
        editor = screen.query_one("#editor", TextArea)
        editor.focus()
        await settle(pilot)
        assert app.focused is editor
        app.notify(
            "Saved to the report folder: conclusions and recommendations, ready to print.",
            title="Exported",
        )
        app.notify("A second, shorter note.", severity="warning")
        await settle(pilot)
        await pilot.pause(0.2)
        toasts = list(app.screen.query(Toast))
        assert len(toasts) == 2
        for toast in toasts:
            assert toast.region.area > 0
            assert not toast.region.overlaps(editor.region), (toast.region, editor.region)
            assert toast.region.width <= 40


async def test_a_notification_does_not_cover_the_interview_answer_box(
    make_app, data_dir, settle
) -> None:
    from tests.functional.test_interview import seed as seed_interview
    from tests.functional.test_interview import start_interview

    ids = seed_interview(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await start_interview(app, pilot, settle, ids)
        answer = app.focused  # the first question's answer (a choice since the runner skips
        assert answer is not None and answer.id == "answer"  # what the dialog asked)
        app.notify("Finding saved and linked to this question.", title="Saved")
        await settle(pilot)
        await pilot.pause(0.2)
        toasts = list(app.screen.query(Toast))
        assert toasts
        for toast in toasts:
            assert not toast.region.overlaps(answer.region), (toast.region, answer.region)


async def test_opening_a_dialog_clears_the_notifications_over_it(make_app, data_dir, settle):
    """A dialog is read and answered now: a note about the step before must not cover it."""
    from screens.dialogs.base import QuietModal

    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_conclusions(app, pilot, settle)
        app.notify("This names an interviewee: “Gary” (Repairs Manager).", timeout=30)
        await settle(pilot)
        await pilot.pause(0.2)
        assert list(app.screen.query(Toast))
        await pilot.press("a")  # the dialog for a new conclusion
        await settle(pilot)
        await pilot.pause(0.2)
        assert isinstance(app.screen, QuietModal)
        assert not list(app.screen.query(Toast))
