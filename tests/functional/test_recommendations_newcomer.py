"""Recommendations as a newcomer meets them: plain headings, typing to narrow, the right area."""

from __future__ import annotations

from textual.widgets import Input, Static

from screens.dialogs.link_findings import LinkFindingsDialog
from tests.functional.test_recommendations import add, open_recommendations, seed, stored


def title(screen) -> str:
    return str(screen.query_one("#recs-title", Static).render())


async def test_typing_in_the_list_narrows_it_and_the_area_follows_the_findings(
    make_app, data_dir, settle
):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_recommendations(app, pilot, settle)
        await add(pilot, settle, "Train staff.")
        assert "no findings cited yet" in title(screen)
        assert "(n)" not in title(screen)
        assert stored(data_dir, ids["inspection"])[0][3].area_id is None  # whole organisation

        await pilot.press("home", "l")
        await settle(pilot)
        assert isinstance(app.screen, LinkFindingsDialog)
        # The list has focus; typing goes to the search box and narrows the list.
        await pilot.press(*"training")
        await settle(pilot)
        assert app.screen.query_one("#link-filter", Input).value == "training"
        await pilot.press("enter", "space", "ctrl+s")
        await settle(pilot)

        rec = stored(data_dir, ids["inspection"])[0]
        assert rec[2] == [ids["w0"]]
        # Every finding it cites is about Repairs: it is filed under Repairs, and the user told.
        assert rec[3].area_id == ids["repairs"]
        said = str(screen.query_one(screen.MESSAGE_ID, Static).render())
        assert "Its area is now B. Repairs" in said
        assert "cites 1 finding" in title(screen)


async def test_ctrl_a_in_the_text_dialog_selects_what_was_typed(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        await open_recommendations(app, pilot, settle)
        await pilot.press("a")
        await settle(pilot)
        hint = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Ctrl+A selects all" in hint
        await pilot.press(*"Trian staf", "ctrl+a", *"Train staff.", "ctrl+s")
        await settle(pilot)
        assert [t for _, t, _, _ in stored(data_dir, ids["inspection"])] == ["Train staff."]


async def test_linking_an_unanswered_weakness_files_it_under_that_area(make_app, data_dir, settle):
    ids = seed(data_dir)
    areas = {ids[k]: ids["repairs"] for k in ("w0", "w1", "w2")} | {ids["w3"]: ids["finance"]}
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_recommendations(app, pilot, settle)
        await add(pilot, settle, "Train staff.")
        await pilot.press("home", "w")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        _, _, cited, rec = stored(data_dir, ids["inspection"])[0]
        assert len(cited) == 1
        assert rec.area_id == areas[cited[0]]
        assert "Its area is now" in str(screen.query_one(screen.MESSAGE_ID, Static).render())
