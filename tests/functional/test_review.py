"""The desktop review, driven by keys: add documents, review one, observations, findings."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Static, TextArea

from screens.documents import DocumentDialog, DocumentReviewListScreen, DocumentReviewScreen
from screens.widgets.findings_panel import FindingsPanel
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir

REVIEW = get_builtin("desktop-review")


def seed(data_dir) -> str:
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        inspection_id = inspections.create_inspection(
            s, title="Resident involvement", landlord="Vale HA"
        ).id
    store.close()
    return inspection_id


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#documents", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def add_document(pilot, settle, title: str, date: str | None) -> None:
    await pilot.press("a")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DocumentDialog)
    await pilot.press(*title, "tab")
    if date:
        await pilot.press(*date)
    else:
        await pilot.press("tab", "space")  # Undated
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_review_two_documents_with_answers_observations_and_findings(
    make_app, data_dir, settle
):
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(DocumentReviewListScreen(inspection_id))
        await settle(pilot)
        assert app.screen.query_one("#list-empty").display

        # The form checks before anything is written.
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Tenant Charter", "ctrl+s")
        await settle(pilot)
        errors = str(app.screen.query_one("#form-errors", Static).render())
        assert "Give the date on the document, or tick Undated" in errors
        await pilot.press(*"2023-13-01", "ctrl+s")
        await settle(pilot)
        assert "14/06/2021 or 14 June 2021" in str(
            app.screen.query_one("#form-errors", Static).render()
        )
        await pilot.press("escape")
        await settle(pilot)

        await add_document(pilot, settle, "Tenant Charter", "2023-04-01")
        await add_document(pilot, settle, "Booklet", None)
        assert [r[:3] for r in rows(app)] == [
            ["Tenant Charter", "1 Apr 2023", "Not started"],
            ["Booklet", "Undated", "Not started"],
        ]
        # What was said in the form is already answered (title, dated, the date).
        assert rows(app)[0][3] == f"3/{len(REVIEW.visible_questions({'dated': 'yes'}))} answered"

        # Review the first document: it opens on the first question not yet answered.
        await pilot.press("up", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DocumentReviewScreen)
        assert screen.current == "doc-type"
        await pilot.press("down", "enter", "ctrl+n")  # Customer Charter
        await settle(pilot)
        assert screen.current == "purpose"
        await pilot.press(*"Service standards.", "ctrl+f")
        await settle(pilot)
        assert app.screen.query_one("#finding-text", TextArea).text == "Service standards."
        await pilot.press("enter", "ctrl+s")  # a strength
        await settle(pilot)

        # Observations on the whole document, and a finding from them (no question).
        await pilot.press("ctrl+o", *"Small print, p3.")
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert app.screen.query_one("#finding-text", TextArea).text == "Small print, p3."
        await pilot.press("right", "right", "enter", "ctrl+s")  # an observation
        await settle(pilot)
        await pilot.press("ctrl+o")  # back to the question
        assert screen.current == "purpose"
        assert screen.focused is not None and screen.focused.id == "answer"

        await pilot.press("ctrl+l")
        await settle(pilot)
        assert len(screen.query_one(FindingsPanel).rows) == 2
        await pilot.press("escape", "escape")  # hide the panel, then back to the list
        await settle(pilot)
        assert isinstance(app.screen, DocumentReviewListScreen)
        assert rows(app)[0][2] == "In progress"
        assert rows(app)[0][4] == "2"

        # The second document: marked complete although required questions are open.
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DocumentReviewScreen)
        assert app.screen.current == "doc-type"
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert "required question" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DocumentReviewListScreen)
        assert rows(app)[1][2] == "Complete"

    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        charter, booklet = fieldwork.document_reviews(s, inspection_id)
        assert (charter.title, str(charter.document_date), charter.undated) == (
            "Tenant Charter",
            "2023-04-01",
            False,
        )
        assert (booklet.document_date, booklet.undated) == (None, True)
        assert charter.status == "in_progress" and booklet.status == "complete"
        assert charter.observations == "Small print, p3."
        assert charter.current_question == "purpose"
        answers = fieldwork.answers(s, charter)
        assert answers["doc-title"].value == "Tenant Charter"
        assert answers["dated"].value == "yes"
        assert answers["date-on-document"].value == "2023-04-01"
        assert answers["doc-type"].value == "customer-charter"
        assert answers["purpose"].value == "Service standards."
        assert fieldwork.answers(s, booklet)["dated"].value == "no"
        found = sorted(analysis.findings(s, inspection_id), key=lambda f: f.kind)
        assert [(f.kind, f.question_key, f.document_review_id) for f in found] == [
            ("observation", "", charter.id),
            ("strength", "purpose", charter.id),
        ]
        assert found[1].answer_id == answers["purpose"].id
        assert set(found[1].themes) == set(REVIEW.question("purpose").themes)
        desk = inspections.desktop_review_area(s, inspection_id)
        assert desk is not None and all(f.area_id == desk.id for f in found)
    store.close()


async def test_edit_a_documents_details(make_app, data_dir, settle):
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(DocumentReviewListScreen(inspection_id))
        await settle(pilot)
        await add_document(pilot, settle, "Compact", "2019-11-01")
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, DocumentDialog)
        assert dialog.query_one("#title", Input).value == "Compact"
        await pilot.press("tab", "tab", "space")  # Undated after all: the date is cleared
        assert dialog.query_one("#document-date", Input).value == ""
        await pilot.press("tab", *"v2", "ctrl+s")
        await settle(pilot)
        assert rows(app)[0][:2] == ["Compact", "Undated"]
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        [doc] = fieldwork.document_reviews(s, inspection_id)
        assert (doc.undated, doc.document_date, doc.version) == (True, None, "v2")
    store.close()


async def test_enter_on_undated_moves_on_and_keeps_the_typed_date(make_app, data_dir, settle):
    """The hint says Enter: next field. On the Undated box it must not tick it (and wipe the date)."""
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(DocumentReviewListScreen(inspection_id))
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, DocumentDialog)
        await pilot.press(*"Compact", "enter", *"14/06/2021", "enter")
        assert app.focused is not None and app.focused.id == "undated"
        await pilot.press("enter")
        assert dialog.query_one("#document-date", Input).value == "14/06/2021"
        assert dialog.query_one("#undated").value is False
        assert app.focused is not None and app.focused.id == "version"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert rows(app)[0][0] == "Compact"
        await pilot.press("e")
        await settle(pilot)
        # Shown back as people write it, not as stored.
        assert app.screen.query_one("#document-date", Input).value == "14 June 2021"
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        [doc] = fieldwork.document_reviews(s, inspection_id)
        assert (doc.undated, doc.document_date) == (False, date(2021, 6, 14))
    store.close()


async def test_document_date_in_words_is_accepted_and_a_bad_one_says_how(
    make_app, data_dir, settle
):
    inspection_id = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(DocumentReviewListScreen(inspection_id))
        await settle(pilot)
        await add_document(pilot, settle, "Charter", "31/02/2021")
        errors = str(app.screen.query_one("#form-errors").render())
        assert "14/06/2021 or 14 June 2021" in errors
        app.screen.query_one("#document-date", Input).value = "1 Apr 2023"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert rows(app)[0][0] == "Charter"
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        [doc] = fieldwork.document_reviews(s, inspection_id)
        assert doc.document_date == date(2023, 4, 1)
    store.close()
