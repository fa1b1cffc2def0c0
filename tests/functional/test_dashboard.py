"""Inspection dashboard: areas with progress, the team, what to do next, and where Enter goes."""

from __future__ import annotations

import sys
import types
from typing import ClassVar

import pytest
from textual.screen import Screen
from textual.widgets import DataTable, Static

from screens.dashboard import DashboardScreen
from screens.widgets.dashboard_words import findings_words, next_step, progress_words, team_words
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.store import open_store
from tenant_inspect.views.overview import AreaProgress, Overview
from tenant_inspect.views.shared import MemberData
from tests.support.empty_db import empty_data_dir


def seed(data_dir) -> dict[str, str]:
    """An inspection part-way through fieldwork; returns the ids tests need."""
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        cs = inspections.add_area(s, i.id, name="Customer Services", interviews_planned=3)
        hm = inspections.add_area(s, i.id, name="Housing Management", interviews_planned=2)
        inspections.add_member(s, i.id, name="Ann Example", role="coordinator")
        inspections.add_member(s, i.id, name="Bob Sample")
        doc = fieldwork.add_document_review(s, i.id, title="Customer Charter", status="complete")
        fieldwork.add_document_review(s, i.id, title="Involvement Strategy")
        talk = fieldwork.add_interview(
            s, i.id, interviewee_role="Customer Services Manager", area_id=cs.id, status="complete"
        )
        analysis.add_finding(
            s, i.id, kind="strength", text="Charter is dated.", document_review_id=doc.id
        )
        analysis.add_finding(s, i.id, kind="weakness", text="No tenant say.", interview_id=talk.id)
        analysis.add_finding(s, i.id, kind="weakness", text="Slow replies.", interview_id=talk.id)
        ids = {"inspection": i.id, "cs": cs.id, "hm": hm.id}
    store.close()
    return ids


def text_of(screen: Screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render()).replace("\n", " ")


async def open_dashboard(app, pilot, settle) -> DashboardScreen:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)
    return app.screen


async def test_shows_areas_progress_team_and_next_step(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dashboard(app, pilot, settle)
        table = screen.query_one("#areas", DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert rows == [
            ["A. Desktop review", "1 of 2 documents reviewed", "1 strength"],
            ["B. Customer Services", "1 of 3 interviews done", "2 weaknesses"],
            ["C. Housing Management", "0 of 2 interviews done", "–"],
        ]
        assert "Resident involvement" in text_of(screen, "#dash-title")
        assert "Landlord: Vale Homes" in text_of(screen, "#dash-info")
        # A document reviewed: the work (and so the status, left to follow it) is fieldwork.
        assert "Status: Fieldwork" in text_of(screen, "#dash-info")
        assert "Next: Review documents (r): 1 of 2 not finished" in text_of(screen, "#dash-next")
        assert "Team (2): Ann Example (coordinator) · Bob Sample" in text_of(screen, "#dash-team")
        findings = text_of(screen, "#dash-findings")
        assert "In all: 1 strength · 2 weaknesses" in findings
        # Words fit at 80 columns here, so no letters need explaining.
        assert "Letters:" not in findings


async def test_wide_terminal_spells_findings_out(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_dashboard(app, pilot, settle)
        table = screen.query_one("#areas", DataTable)
        assert table.get_row_at(1)[2] == "2 weaknesses"
        assert "Letters:" not in text_of(screen, "#dash-findings")


async def test_new_inspection_says_to_add_departments(make_app, data_dir, settle):
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        inspections.create_inspection(s, title="Repairs", landlord="Vale Homes")
    store.close()
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_dashboard(app, pilot, settle)
        assert "Add the departments you will inspect (s: Set-up)" in text_of(screen, "#dash-next")
        assert "Team: nobody yet" in text_of(screen, "#dash-team")
        assert screen.query_one("#areas", DataTable).get_row_at(0)[:2] == [
            "A. Desktop review",
            "No documents yet",
        ]


def _stub_module(monkeypatch, name: str, cls_name: str, opened: list) -> None:
    """Stand in for a screen module another part of the app provides."""

    class Stub(Screen[None]):
        BINDINGS: ClassVar = [("escape", "app.pop_screen", "Back")]

        def __init__(self, *args, **kwargs) -> None:
            super().__init__()
            opened.append((cls_name, args, kwargs))

    module = types.ModuleType(f"screens.{name}")
    setattr(module, cls_name, Stub)
    monkeypatch.setitem(sys.modules, f"screens.{name}", module)


async def test_enter_opens_the_desktop_review_or_the_departments_interviews(
    make_app, data_dir, settle, monkeypatch
):
    ids = seed(data_dir)
    opened: list = []
    _stub_module(monkeypatch, "documents", "DocumentReviewListScreen", opened)
    _stub_module(monkeypatch, "interviews", "InterviewListScreen", opened)
    app = make_app()
    async with app.run_test() as pilot:
        await open_dashboard(app, pilot, settle)
        await pilot.press("enter")  # A. Desktop review
        await pilot.pause()
        assert opened[-1] == ("DocumentReviewListScreen", (ids["inspection"],), {})
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("down", "enter")  # B. Customer Services
        await pilot.pause()
        assert opened[-1] == ("InterviewListScreen", (ids["inspection"],), {"area_id": ids["cs"]})
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert opened[-1][0] == "DocumentReviewListScreen"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert opened[-1] == ("InterviewListScreen", (ids["inspection"],), {})


async def test_f_opens_the_findings_board_and_escape_comes_back(make_app, data_dir, settle):
    from screens.findings_board import FindingsBoardScreen

    seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        await open_dashboard(app, pilot, settle)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FindingsBoardScreen)
        table = app.screen.query_one("#board-table", DataTable)
        assert table.row_count == 3
        assert "3 findings" in text_of(app.screen, "#board-title")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


# -- the words, without a screen ---------------------------------------------------


def _overview(areas=(), team=(), findings=None) -> Overview:
    return Overview("id", "T", "L", "", "planning", tuple(areas), tuple(team), findings or {})


DESK = AreaProgress("a", "A", "Desktop review", "desktop_review", documents=2, documents_done=2)
DEPT = AreaProgress("b", "B", "Repairs", "department", interviews_planned=2, interviews_done=1)
ANN = MemberData("m", "Ann", "coordinator")


@pytest.mark.parametrize(
    ("overview", "expected"),
    [
        (_overview([DESK]), "Add the departments you will inspect (s: Set-up)"),
        (_overview([DESK, DEPT]), "Add your team (s: Set-up, Team tab)"),
        (
            _overview([DESK, DEPT], [MemberData("m", "Ann", "inspector")]),
            "Mark who is the coordinator",
        ),
        (
            _overview([AreaProgress("a", "A", "Desktop review", "desktop_review"), DEPT], [ANN]),
            "Add the landlord's documents",
        ),
        (_overview([DESK, DEPT], [ANN]), "Interviews (i): 1 of 2 done, 1 still to do"),
        (
            _overview([DESK, AreaProgress("b", "B", "Repairs", "department")], [ANN]),
            "Say how many interviews you plan",
        ),
        (
            _overview(
                [DESK, AreaProgress("b", "B", "R", "department", interviews=1, interviews_done=1)],
                [ANN],
            ),
            "Record findings",
        ),
        (
            _overview(
                [DESK, AreaProgress("b", "B", "R", "department", interviews=1, interviews_done=1)],
                [ANN],
                {"strength": 1},
            ),
            "Fieldwork is done: look over the findings (f)",
        ),
    ],
)
def test_next_step_follows_the_state(overview, expected):
    assert next_step(overview).startswith(expected)


def test_words_for_progress_and_findings():
    assert progress_words(DEPT) == "1 of 2 interviews done"
    held_more = AreaProgress("b", "B", "R", "department", interviews_planned=1, interviews=3)
    assert progress_words(held_more) == "0 of 3 interviews done"
    assert findings_words({"strength": 1, "good_practice": 2}) == "1 strength · 2 good practice"
    assert findings_words({"weakness": 2, "observation": 1}, short=True) == "2 W · 1 O"
    assert findings_words({}, empty="–") == "–"


def test_a_big_team_is_cut_short_with_a_count():
    team = tuple(MemberData(str(n), f"Inspector Number{n}", "inspector") for n in range(14))
    text = team_words(team, room=80)
    assert text.startswith("[b]Team (14):[/b] Inspector Number0 · Inspector Number1")
    assert text.endswith("more (s: Set-up)")
    assert len(text) - len("[b][/b]") <= 80


async def test_the_sample_dashboard_keeps_everything_at_80_columns(make_app, data_dir, settle):
    """At 80×24 no area name is cut while Progress has room, every kind of finding and the
    interview under way stay, and the keys the Footer has no room for are on the screen."""
    from screens.dashboard import DashboardScreen
    from tests.support.demo_copy import demo_data_dir

    demo_data_dir(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        table = app.screen.query_one("#areas", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        names = [r[0] for r in rows]
        assert "B. Chief Executive's Office" in names
        assert not any("…" in n for n in names)
        assert any("1 under way" in r[1] for r in rows)
        assert "4 S · 9 W · 4 O · 1 GP" in [r[2] for r in rows]
        assert "Letters: S strength" in str(app.screen.query_one("#dash-findings", Static).render())
        # What the user sees: the whole table and the key line fit on the 80-column screen.
        assert table.virtual_size.width <= table.size.width
        more = app.screen.query_one("#dash-more", Static)
        assert more.region.bottom <= 23 and more.region.height >= 1
        for key in ("j Judgements", "c Conclusions", "m Recommendations", "t Team and files"):
            assert key in str(more.render())
