"""The findings board: review, search, filter, sort, edit, move, merge, evidence; 1,000 findings."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static, TextArea

from screens.dashboard import DashboardScreen
from screens.dialogs.evidence import EvidenceDialog
from screens.dialogs.finding import FindingDialog
from screens.dialogs.merge_findings import MergeFindingsDialog
from screens.duplicates import DuplicatesScreen
from screens.findings_board import FindingsBoardScreen
from tenant_inspect import analysis, fieldwork, inspections, records, vocabulary
from tenant_inspect import models as m
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tenant_inspect.views.board import ALL, Filters, filter_rows, load_board
from tests.support.empty_db import empty_data_dir

TRAINING_BOB = "Repairs staff have had no training on involvement."
TRAINING_CAT = "The repairs staff had had no involvement training."


def seed(data_dir) -> dict[str, str]:
    """Two inspectors wrote the same weakness about Repairs in their own words."""
    store = open_store(empty_data_dir(data_dir))
    ids: dict[str, str] = {}
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        ids["inspection"] = i.id
        repairs = inspections.add_area(s, i.id, name="Repairs", interviews_planned=1)
        finance = inspections.add_area(s, i.id, name="Finance")
        ids["repairs"], ids["finance"] = repairs.id, finance.id
        ids["ann"] = inspections.add_member(s, i.id, name="Ann Coord", role="coordinator").id
        ids["bob"] = inspections.add_member(s, i.id, name="Bob Inspector").id
        ids["cat"] = inspections.add_member(s, i.id, name="Cat Inspector").id
        talk = fieldwork.add_interview(
            s,
            i.id,
            interviewee_role="Repairs Manager",
            interviewee_name="Private Person",
            area_id=repairs.id,
            questionnaire=get_builtin("staff-interview-ri"),
        )
        answer = fieldwork.save_answer(
            s, talk, "had-training", notes="Neither of them has had involvement training."
        )
        ids["interview"] = talk.id
    with store.write(author_id=ids["bob"]) as s:
        ids["bob_w"] = analysis.add_finding(
            s, ids["inspection"], kind="weakness", text=TRAINING_BOB, answer_id=answer.id,
            themes=["pf-training-support"],
        ).id  # fmt: skip
        ids["strength"] = analysis.add_finding(
            s, ids["inspection"], kind="strength", text="Follow-up visits after mould work.",
            interview_id=ids["interview"],
        ).id  # fmt: skip
    with store.write(author_id=ids["cat"]) as s:
        ids["cat_w"] = analysis.add_finding(
            s, ids["inspection"], kind="weakness", text=TRAINING_CAT, interview_id=ids["interview"],
            themes=["impact"],
        ).id  # fmt: skip
        ids["finance_w"] = analysis.add_finding(
            s, ids["inspection"], kind="weakness", text="No cost per involved tenant.",
            area_id=ids["finance"], themes=["value-for-money"],
        ).id  # fmt: skip
    store.close()
    return ids


def stored(data_dir, finding_id: str) -> m.Finding:
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        row = s.get(m.Finding, finding_id)
        assert row is not None
    store.close()
    return row


def table_texts(screen) -> list[str]:
    """The full text of the findings in the table, in the order shown."""
    table = screen.query_one("#board-table", DataTable)
    texts = {r.id: r.text for r in screen.data.rows}
    return [texts[row.key.value] for row in table.ordered_rows]


async def open_board(app, pilot, settle) -> FindingsBoardScreen:
    await settle(pilot)
    await pilot.press("enter")  # the only inspection
    await settle(pilot)
    assert isinstance(app.screen, DashboardScreen)
    await pilot.press("f")
    await settle(pilot)
    assert isinstance(app.screen, FindingsBoardScreen)
    return app.screen


async def test_every_finding_with_area_kind_author_and_evidence_in_words(
    make_app, data_dir, settle
):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_board(app, pilot, settle)
        table = screen.query_one("#board-table", DataTable)
        assert screen.focused is table
        assert table.row_count == 4
        rows = {r.id: r for r in screen.data.rows}
        bob = rows[ids["bob_w"]]
        assert (bob.area_title, bob.kind_label, bob.author) == (
            "B. Repairs",
            "Weakness",
            "Bob Inspector",
        )
        assert bob.evidence == "Interview: Repairs Manager"  # by role: the name is private
        assert bob.question  # the text of the question the answer was to
        assert "Private Person" not in " ".join(r.search for r in rows.values())
        title = str(screen.query_one("#board-title", Static).render())
        assert "4 findings" in title
        # The highlighted finding is shown in full, in words.
        table.move_cursor(row=[r.id for r in screen.shown_rows].index(ids["bob_w"]))
        await pilot.pause()
        detail = str(screen.query_one("#board-detail", Static).render())
        assert "Weakness · B. Repairs · by Bob Inspector" in detail
        assert "Training and support" in detail and TRAINING_BOB in detail


async def test_search_filters_and_sorting(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_board(app, pilot, settle)
        await pilot.press("slash", *"training", "enter")  # Enter applies at once
        await settle(pilot)
        assert sorted(table_texts(screen)) == sorted([TRAINING_BOB, TRAINING_CAT])
        assert isinstance(screen.focused, DataTable)
        assert "4 findings, 2 shown" in str(screen.query_one("#board-title", Static).render())

        await pilot.press("x")  # clear
        await settle(pilot)
        assert len(table_texts(screen)) == 4
        assert screen.query_one("#board-search", Input).value == ""

        # Filter by area with the keyboard: Tab from the search box to the selects.
        await pilot.press("slash", "tab", "tab")
        await pilot.press("enter", "down", "down", "enter")  # All areas → A → B. Repairs ...
        await settle(pilot)
        assert screen.filters.area != ALL
        shown_areas = {r.area_id for r in screen.shown_rows}
        assert len(shown_areas) == 1
        await pilot.press("escape")  # back to the table
        await pilot.press("x")
        await settle(pilot)

        # Sort by text (6), then reversed (6 again).
        await pilot.press("6")
        await settle(pilot)
        texts = table_texts(screen)
        assert texts == sorted(texts, key=str.casefold)
        await pilot.press("6")
        await settle(pilot)
        assert table_texts(screen) == list(reversed(texts))
        assert "reversed" in str(screen.query_one("#board-status", Static).render())


def test_filter_rows_needs_every_word_and_every_filter():
    from tenant_inspect.views.board import BoardRow

    def row(id, kind, themes=(), text="x"):
        return BoardRow(
            id, "a", kind, text, themes=tuple(themes), order=0, area_letter="A",
            area_name="Area", area_position=0, author="", author_id=None, evidence="",
            question="", search=text.casefold(),
        )  # fmt: skip

    rows = [row("1", "weakness", ["impact"], "No training"), row("2", "strength", [], "Training")]
    assert [r.id for r in filter_rows(rows, Filters("training no"))] == ["1"]
    assert [r.id for r in filter_rows(rows, Filters(kind="strength"))] == ["2"]
    assert [r.id for r in filter_rows(rows, Filters(theme="impact"))] == ["1"]
    assert [r.id for r in filter_rows(rows, Filters(area="-"))] == []


async def test_merge_two_duplicates_by_marking_one_then_the_other(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_board(app, pilot, settle)
        await pilot.press("slash", *"training", "enter")
        await settle(pilot)
        first = screen.shown_rows[0].id
        await pilot.press("m")  # mark the first
        await settle(pilot)
        assert screen.marked == first
        assert "Merging" in str(screen.query_one("#board-status", Static).render())
        await pilot.press("down", "m")  # the other one
        await settle(pilot)
        assert isinstance(app.screen, MergeFindingsDialog)
        await pilot.press("1", "y")  # keep the wording of the first
        await settle(pilot)
        assert app.screen is screen
        assert len(table_texts(screen)) == 1
        assert screen.marked is None

    other = ids["cat_w"] if first == ids["bob_w"] else ids["bob_w"]
    kept, merged = stored(data_dir, first), stored(data_dir, other)
    assert merged.merged_into_id == first and merged.deleted_at is not None
    assert sorted(kept.themes) == ["impact", "pf-training-support"]  # themes moved across


async def test_possible_duplicates_are_offered_and_merged(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        board = await open_board(app, pilot, settle)
        await pilot.press("d")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DuplicatesScreen)
        assert [{p.first.id, p.second.id} for p in screen.pairs] == [{ids["bob_w"], ids["cat_w"]}]
        status = str(screen.query_one("#dup-status", Static).render())
        assert "1 pair of findings read alike" in status
        await pilot.press("enter")  # merge it
        await settle(pilot)
        assert isinstance(app.screen, MergeFindingsDialog)
        await pilot.press("2", "y")  # keep the second one's wording
        await settle(pilot)
        assert screen.pairs == []
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is board
        assert len(board.data.rows) == 3  # the board reloaded on return

    assert stored(data_dir, ids["bob_w"]).merged_into_id == ids["cat_w"]


async def test_not_duplicates_hides_the_pair(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        board = await open_board(app, pilot, settle)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.pairs == []
        assert board.not_duplicates


async def test_edit_move_and_read_the_evidence(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_board(app, pilot, settle)
        await pilot.press("slash", *"cost per", "enter")
        await settle(pilot)
        assert [r.id for r in screen.shown_rows] == [ids["finance_w"]]

        # Edit with the same form inspectors use.
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FindingDialog)
        assert app.screen.query_one("#finding-text", TextArea).text.startswith("No cost")
        await pilot.press("end", "backspace", *" or return.", "ctrl+s")
        await settle(pilot)
        assert stored(data_dir, ids["finance_w"]).text == "No cost per involved tenant or return."

        # Move it to Repairs.
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("up", "enter")  # it starts on C. Finance; one up is B. Repairs
        await settle(pilot)
        assert stored(data_dir, ids["finance_w"]).area_id == ids["repairs"]

        # The evidence behind Bob's finding: the question, the notes.
        await pilot.press("x", "slash", *"have had no", "enter")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, EvidenceDialog)
        lines = dict(app.screen.view.lines)
        assert lines["Interview"].startswith("Repairs Manager")
        assert "training" in lines["Question"].lower()
        assert lines["Notes"] == "Neither of them has had involvement training."
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_a_thousand_findings_load_and_filter(make_app, data_dir, settle):
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        i = inspections.create_inspection(s, title="Big", landlord="Vale")
        areas = [inspections.add_area(s, i.id, name=f"Dept {n}") for n in range(8)]
        for n in range(1000):
            s.add(
                m.Finding(
                    inspection_id=i.id,
                    area_id=areas[n % 8].id,
                    kind=vocabulary.FINDING_KINDS[n % 4],
                    text=f"Finding number {n} about topic {n % 37}.",
                    themes=["impact"] if n % 3 else [],
                )
            )
        s.flush()
        with_board = load_board(s, i.id)
        assert len(with_board.rows) == 1000
    store.close()
    app = make_app()
    async with app.run_test() as pilot:
        screen = await open_board(app, pilot, settle)
        assert screen.query_one("#board-table", DataTable).row_count == 1000
        await pilot.press("slash", *"topic 5.", "enter")
        await settle(pilot)
        expected = [n for n in range(1000) if f"topic {n % 37}.".find("5.") >= 0]
        assert len(screen.shown_rows) == len(expected)  # topic 5 and topic 25 and 35
        # Typing without Enter waits for a pause, then filters (the table is not rebuilt per key).
        await pilot.press("slash", "ctrl+u", *"number 99")
        assert screen._search_timer is not None
        screen._apply_search_now()
        await pilot.pause()
        assert {r.text for r in screen.shown_rows} >= {"Finding number 99 about topic 25."}


def test_the_board_never_shows_merged_or_deleted_findings(store):
    with store.write() as s:
        i = inspections.create_inspection(s, title="T", landlord="L")
        a = analysis.add_finding(s, i.id, kind="weakness", text="A")
        b = analysis.add_finding(s, i.id, kind="weakness", text="B")
        c = analysis.add_finding(s, i.id, kind="weakness", text="C")
        analysis.merge_findings(s, a, b)
        records.delete(s, c)
        assert [r.id for r in load_board(s, i.id).rows] == [a.id]


async def test_a_finding_typed_here_shows_the_coordinator_in_the_by_column(
    make_app, data_dir, settle
):
    """The laptop an inspection was created on is its coordinator's: findings typed on it
    carry the coordinator as author, so the board's By column names them (not '–')."""
    from screens.interviews import InterviewScreen

    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        i = inspections.create_inspection(s, title="RI", landlord="Vale HA")
        ann = inspections.add_member(s, i.id, name="Ann Coord", role="coordinator")
        area = inspections.add_area(s, i.id, name="Repairs")
        interview = fieldwork.add_interview(
            s, i.id, interviewee_role="Repairs Manager", area_id=area.id,
            questionnaire=get_builtin("staff-interview-ri"), consent=True,
            current_question="change-example",
        )  # fmt: skip
        ids = {"inspection": i.id, "ann": ann.id, "interview": interview.id}
    store.close()
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        app.push_screen(InterviewScreen(ids["interview"]))
        await settle(pilot)
        await pilot.press("tab", *"Nobody was told.", "ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, FindingDialog)
        await pilot.press("right", "enter", "ctrl+s")  # a weakness
        await settle(pilot)
        await pilot.press("escape")  # back to the list of inspections
        await settle(pilot)
        screen = await open_board(app, pilot, settle)
        [row] = screen.data.rows
        assert (row.text, row.author_id, row.author) == (
            "Nobody was told.",
            ids["ann"],
            "Ann Coord",
        )
        table = screen.query_one("#board-table", DataTable)
        assert table.ordered_columns[3].label.plain == "By"  # narrow: first names only
        assert table.get_cell(row.id, "author") == "Ann"
