"""Monitoring rounds and the prospects for improvement, driven with real keys."""

from __future__ import annotations

from sqlmodel import select
from textual.widgets import Input, OptionList, Select, Static, TextArea

from screens.dashboard import DashboardScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.form import FormDialog
from screens.monitoring import MonitoringScreen
from screens.prospects import ProspectsScreen
from screens.widgets.entry_form import STATUS_CHOICES
from tenant_inspect import action_plan, analysis, inspections, records
from tenant_inspect import models as m
from tenant_inspect.dates import show_day
from tenant_inspect.store import open_store


def seed(data_dir, *, off_track: int = 0) -> dict[str, str]:
    """Two recommendations with two items each (the first ``off_track`` of them off track)."""
    store = open_store(data_dir)
    ids: dict[str, str] = {}
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        ids["inspection"] = i.id
        n = 0
        for text in ("Train repairs staff.", "Report complaints themes."):
            rec = analysis.add_recommendation(s, i.id, text=text)
            for action in ("Plan it", "Do it"):
                status = "off_track" if n < off_track else "on_track"
                item = action_plan.add_item(
                    s, rec, key_actions=f"{action} ({text})", by_when="ongoing", status=status
                )
                ids[f"item{n}"] = item.id
                n += 1
    store.close()
    return ids


def entries(data_dir, inspection_id: str) -> list[list[tuple[str, str, str]]]:
    """Per round (oldest first): (item's key action, status, note) of each entry."""
    store = open_store(data_dir)
    with store.read() as s:
        out = []
        for r in action_plan.rounds(s, inspection_id):
            rows = []
            for e in action_plan.entries(s, r):
                item = records.get(s, m.ActionPlanItem, e.item_id)
                rows.append((item.key_actions, e.status, e.progress_note))
            out.append(sorted(rows))
    store.close()
    return out


async def open_monitoring(app, pilot, settle) -> MonitoringScreen:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)
    await pilot.press("o")
    await settle(pilot)
    assert isinstance(app.screen, MonitoringScreen)
    return app.screen


async def start_round(app, pilot, settle, day: str, title: str) -> None:
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(app.screen, FormDialog)
    await pilot.press("ctrl+a", *day, "enter", *title, "enter")
    await settle(pilot)


async def choose_status(pilot, settle, screen, status_words: str) -> None:
    """From the note field: Tab to the status, open it and choose ``status_words``."""
    await pilot.press("tab")
    select = screen.query_one("#e-status", Select)
    assert screen.focused is select
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("home")
    words = [w for w, _ in STATUS_CHOICES]  # the order offered
    await pilot.press(*["down"] * words.index(status_words), "enter")
    await settle(pilot)


async def test_two_rounds_and_what_changed(data_dir, make_app, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_monitoring(app, pilot, settle)
        assert "No rounds yet" in str(screen.query_one("#mon-empty", Static).render())
        await start_round(app, pilot, settle, "14/06/2027", "Quarter 1 review")
        assert isinstance(app.screen, MonitoringScreen)
        rounds = screen.query_one("#mon-rounds", OptionList)
        assert str(rounds.get_option_at_index(0).prompt) == (
            "14 June 2027 · Quarter 1 review · 0 of 4 items seen"
        )
        # Item 1: a note (its status carries over: on track).
        await pilot.press("enter")
        await settle(pilot)
        assert screen.focused is screen.query_one("#e-progress_note", TextArea)
        await pilot.press(*"Course booked.")
        # Item 2: at risk.
        await pilot.press("escape", "down", "enter")
        await settle(pilot)
        await pilot.press(*"No trainer yet.")
        await choose_status(pilot, settle, screen, "At risk")
        await pilot.press("escape")
        await settle(pilot)
        assert entries(data_dir, ids["inspection"]) == [
            [
                ("Do it (Train repairs staff.)", "at_risk", "No trainer yet."),
                ("Plan it (Train repairs staff.)", "on_track", "Course booked."),
            ]
        ]

        # A second round: item 2 is now off track, item 1 done with a new note.
        await start_round(app, pilot, settle, "14 September 2027", "Quarter 2 review")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"Course held.")
        await choose_status(pilot, settle, screen, "Done")
        await pilot.press("escape", "down", "enter")
        await settle(pilot)
        await choose_status(pilot, settle, screen, "Off track")
        await pilot.press("escape")
        await settle(pilot)
        changes = str(screen.query_one("#mon-changes", Static).render())
        assert changes.startswith("Changed since the previous round:")
        assert "R1.1: On track → Done; progress note changed" in changes
        assert "R1.2: At risk → Off track" in changes
        # The first round still says what it first saw.
        await pilot.press("shift+tab", "up")
        await settle(pilot)
        changes = str(screen.query_one("#mon-changes", Static).render())
        assert changes.startswith("First round — seen:")
        assert "R1.2: first seen, at risk" in changes


async def test_prospects_grade_shows_the_evidence_tied_warning(data_dir, make_app, settle):
    seed(data_dir, off_track=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_monitoring(app, pilot, settle)
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProspectsScreen)
        assert not screen.query_one("#pro-warnings", Static).display
        await pilot.press("tab", "tab")  # to capacity to improve
        assert screen.focused is screen.query_one("#p-capacity", Select)
        await pilot.press("enter", "home", "down", "down", "enter")  # strengths outweigh
        await settle(pilot)
        warning = str(screen.query_one("#pro-warnings", Static).render())
        assert warning == (
            "⚠ capacity to improve: strengths outweigh weaknesses, but 3 of 4 items are off "
            "track or overdue"
        )
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert app.screen.query_one("#p-capacity", Select).value == "outweigh"


def stored_rounds(data_dir, inspection_id: str) -> list[tuple[str, str, int]]:
    """Read back in a fresh session: (date in words, title, live entries) per round."""
    store = open_store(data_dir)
    with store.read() as s:
        out = [
            (show_day(r.held_on), r.title, len(action_plan.entries(s, r)))
            for r in action_plan.rounds(s, inspection_id)
        ]
    store.close()
    return out


def seed_rounds(data_dir, ids: dict[str, str]) -> None:
    """Two rounds: Q1 (one item seen) and Q2 (two items seen)."""
    store = open_store(data_dir)
    with store.write() as s:
        q1 = action_plan.start_round(s, ids["inspection"], "14/06/2027", "Quarter 1 review")
        q2 = action_plan.start_round(s, ids["inspection"], "14/09/2027", "Quarter 2 review")
        for r, items in ((q1, ["item0"]), (q2, ["item0", "item1"])):
            for key in items:
                item = records.get(s, m.ActionPlanItem, ids[key])
                action_plan.record_entry(s, r, item, status="on_track", progress_note="Seen.")
    store.close()


def round_lines(screen: MonitoringScreen) -> list[str]:
    rounds = screen.query_one("#mon-rounds", OptionList)
    return [str(rounds.get_option_at_index(i).prompt) for i in range(rounds.option_count)]


def selected_round_line(screen: MonitoringScreen) -> str:
    rounds = screen.query_one("#mon-rounds", OptionList)
    assert rounds.highlighted is not None
    return str(rounds.get_option_at_index(rounds.highlighted).prompt)


def message(screen: MonitoringScreen) -> str:
    return str(screen.query_one("#mon-message", Static).render())


async def test_r_redates_a_round_which_moves_and_stays_selected(data_dir, make_app, settle):
    ids = seed(data_dir)
    seed_rounds(data_dir, ids)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_monitoring(app, pilot, settle)
        await pilot.press("up")  # Quarter 1
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.query_one("#held_on", Input).value == "14 June 2027"
        assert dialog.query_one("#title", Input).value == "Quarter 1 review"
        # A date after Quarter 2's, and a new title.
        await pilot.press("ctrl+a", *"1/12/2027", "enter", "ctrl+a", *"Quarter 3 review", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert round_lines(screen) == [
            "14 September 2027 · Quarter 2 review · 2 of 4 items seen",
            "1 December 2027 · Quarter 3 review · 1 of 4 items seen",
        ]
        assert selected_round_line(screen).startswith("1 December 2027")  # it moved; still chosen
        assert "Round saved: 1 December 2027 · Quarter 3 review." in message(screen)
    assert stored_rounds(data_dir, ids["inspection"]) == [
        ("14 September 2027", "Quarter 2 review", 2),
        ("1 December 2027", "Quarter 3 review", 1),
    ]


async def test_r_with_a_bad_date_says_so_and_changes_nothing(data_dir, make_app, settle):
    ids = seed(data_dir)
    seed_rounds(data_dir, ids)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_monitoring(app, pilot, settle)
        before = round_lines(screen)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+a", *"next week", "enter", "ctrl+a", *"Oops", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FormDialog)  # not saved: the form stays, saying why
        shown_text = " ".join(str(w.render()) for w in dialog.query(Static))
        assert "“next week” is not a date." in shown_text
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert round_lines(screen) == before
    assert stored_rounds(data_dir, ids["inspection"]) == [
        ("14 June 2027", "Quarter 1 review", 1),
        ("14 September 2027", "Quarter 2 review", 2),
    ]


async def test_del_asks_then_deletes_the_round_and_its_notes(data_dir, make_app, settle):
    ids = seed(data_dir)
    seed_rounds(data_dir, ids)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_monitoring(app, pilot, settle)
        await pilot.press("up")  # Quarter 1: then Quarter 2 is its neighbour
        await settle(pilot)
        # Cancel keeps it.
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and len(round_lines(screen)) == 2
        # Confirm deletes it, and its note.
        await pilot.press("delete")
        await settle(pilot)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert question == (
            "Delete the round of 14 June 2027 “Quarter 1 review”? Its 1 item note goes with it."
        )
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert round_lines(screen) == ["14 September 2027 · Quarter 2 review · 2 of 4 items seen"]
        assert selected_round_line(screen).startswith("14 September 2027")
        assert "deleted, with its 1 item note" in message(screen)
        assert stored_rounds(data_dir, ids["inspection"]) == [
            ("14 September 2027", "Quarter 2 review", 2)
        ]
        # The last round: its two notes go, and the screen says there are no rounds.
        await pilot.press("delete")
        await settle(pilot)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert question.endswith("Its 2 item notes go with it.")
        await pilot.press("y")
        await settle(pilot)
        empty = screen.query_one("#mon-empty", Static)
        assert empty.display and "No rounds yet" in str(empty.render())
        assert not screen.query_one("#mon-rounds", OptionList).display
        # Nothing left to change or delete: the keys are dimmed and do nothing.
        assert screen.check_action("edit_round", ()) is None
        assert screen.check_action("delete_round", ()) is None
        await pilot.press("delete", "r")
        await settle(pilot)
        assert app.screen is screen
    assert stored_rounds(data_dir, ids["inspection"]) == []
    store = open_store(data_dir)
    with store.read() as s:  # tombstones, not gone: the deletion travels in bundles
        assert records.live(s, m.MonitoringEntry) == []
        tombstones = s.exec(select(m.MonitoringEntry)).all()
        assert len(tombstones) == 3 and all(e.deleted_at is not None for e in tombstones)
    store.close()
