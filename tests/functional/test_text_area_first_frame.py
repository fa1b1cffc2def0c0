"""A text area drawn before its styles are worked out is drawn blank; the app goes on.

Textual 8.2 can draw a newly mounted ``TextArea`` before its styles exist (Textual issue
6528); the ``KeyError`` ended the app, once in about ten runs of the screen tests, while the
question runner changed question. Here the moment is made on purpose: a text area of an
open screen (the Action plan's reason box) is asked to draw with its styles taken away.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import TextArea

from screens.action_plan import ActionPlanScreen
from screens.widgets.text_area_first_frame import draw_blank_until_styled
from tests.functional.test_key_order import open_from_dashboard, seed


async def test_a_text_area_without_its_styles_draws_blank_and_then_itself(
    data_dir, make_app, settle
):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_dashboard(app, pilot, settle, "p", ActionPlanScreen)
        await pilot.press("e", "tab", *"Budget")
        await settle(pilot)
        area = screen.query_one("#r-reason", TextArea)
        styles = area._component_styles
        area._component_styles = {}  # as between mounting and styling
        area._rich_style_cache.clear()
        strips = area.render_lines(Region(0, 0, area.size.width, 2))
        assert [strip.text.strip() for strip in strips] == ["", ""]
        area._component_styles = styles
        area._rich_style_cache.clear()
        await settle(pilot)
        assert "Budget" in area.render_lines(Region(0, 0, area.size.width, 1))[0].text
        assert app.is_running


def test_applying_it_twice_wraps_once():
    before = TextArea.render_lines
    draw_blank_until_styled()
    assert TextArea.render_lines is before
