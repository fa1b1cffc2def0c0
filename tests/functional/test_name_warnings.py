"""The TUI warns as soon as saved text names an interviewee: findings, conclusions,
recommendations and judgement rationales. Text that names nobody gets no warning."""

from __future__ import annotations

from textual.widgets import TextArea

from screens.dashboard import DashboardScreen
from screens.dialogs.finding import FindingDialog
from screens.dialogs.text_entry import TextDialog
from screens.name_warning import TITLE
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


def seed(data_dir) -> dict[str, str]:
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        repairs = inspections.add_area(s, i.id, name="Repairs")
        inspections.add_member(s, i.id, name="Ann Coord", role="coordinator")
        fieldwork.add_interview(
            s,
            i.id,
            interviewee_role="Head of Development",
            interviewee_name="Richard Sutton",
            area_id=repairs.id,
        )
        analysis.add_finding(s, i.id, kind="weakness", text="Gaps.", area_id=repairs.id)
        analysis.set_judgement(s, i.id, area_id=repairs.id, grade="balance", is_final=True)
        ids = {"inspection": i.id, "repairs": repairs.id}
    store.close()
    return ids


def warnings(app) -> list[str]:
    return [n.message for n in app._notifications if n.title == TITLE]


async def dashboard(app, pilot, settle) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)


async def test_a_finding_edited_on_the_board_that_names_someone_is_warned(
    make_app, data_dir, settle
):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await dashboard(app, pilot, settle)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FindingDialog)
        box = app.screen.query_one(TextArea)
        box.text = "RICHARD had not heard of the pledges."
        await pilot.press("ctrl+s")
        await settle(pilot)
        [message] = warnings(app)
        assert "“RICHARD” (Head of Development)" in message
        assert "report will show their role" in message


async def test_a_conclusion_is_checked_when_added_and_when_left(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await dashboard(app, pilot, settle)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"Residents are heard.", "ctrl+s")
        await settle(pilot)
        assert warnings(app) == []  # no name, no warning
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("end", *" R. Sutton disagreed.", "escape")
        await settle(pilot)
        [message] = warnings(app)
        assert "“R. Sutton”" in message


async def test_a_rationale_naming_someone_is_warned_on_leaving_the_box(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await dashboard(app, pilot, settle)
        await pilot.press("down", "j")
        await settle(pilot)
        assert app.screen.area_id == ids["repairs"]
        await pilot.press("r", *"As sutton's team told us.")
        await settle(pilot)
        assert warnings(app) == []  # not while typing
        await pilot.press("escape")
        await settle(pilot)
        [message] = warnings(app)
        assert "“sutton”" in message and "Head of Development" in message


async def test_a_recommendation_naming_someone_is_warned(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await dashboard(app, pilot, settle)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Ask Mr Sutton to publish the pledges.", "ctrl+s")
        await settle(pilot)
        [message] = warnings(app)
        assert "“Mr Sutton”" in message
