"""The whole fieldwork chain of issue 3, typed as an inspector would, from an empty data dir.

Nothing is seeded through the services: the inspection, its area, its team,
a reviewed document and a completed staff interview are all made with real
keys at 80×24. Then the app quits, a new app opens the same data dir, and
everything is checked twice — on screen (what the inspector would see on
coming back) and in the database through the core services (what the
report will be built from).

Two timing bugs of the app are stepped round, each marked WORKAROUND where
it happens: Ctrl+PgDn out of the Set-up Texts tab can bounce back to Texts,
and a list re-read when a dialog closes can be overwritten by an older read.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from typing import TypeVar

from textual.screen import Screen
from textual.widgets import Button, DataTable, Input, RadioSet, Select, Static, TextArea

from screens.dashboard import DashboardScreen
from screens.dialogs.add_area import AddAreaDialog
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.finding import FindingDialog
from screens.dialogs.interview_details import InterviewSetupDialog
from screens.dialogs.new_inspection import NewInspectionDialog
from screens.dialogs.text_prompt import TextPromptDialog
from screens.documents import DocumentDialog, DocumentReviewListScreen, DocumentReviewScreen
from screens.home import HomeScreen
from screens.inspection_setup import SetupScreen
from screens.interviews import InterviewListScreen, InterviewScreen
from screens.runner_base import QuestionRunnerScreen
from screens.widgets.findings_panel import FindingsPanel
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir

TITLE = "Staff pledges 2025"
LANDLORD = "Vale Homes"
TOPIC = "Resident involvement"
AREA = "Repairs"
ANN, BOB = "Ann Ellis", "Bob Shah"
DOCUMENT = "Customer Charter"
DOCUMENT_DATE = "2023-04-01"
#: How lists show it (the heading spells the month out).
DOCUMENT_DATE_SHOWN = "1 Apr 2023"
PURPOSE = "Service standards."
ROLE = "Surveyor"
DEPARTMENT = "Repairs and Maintenance"  # the answer to "Which department?"
NAME = "Jo Bloggs"  # private: never shown in lists or reports
NOTES = "Never heard of them."
MONITORING = "Board sees reports."

S = TypeVar("S", bound=Screen)

STAFF = get_builtin("staff-interview-ri")
REVIEW = get_builtin("desktop-review")
#: Questions shown before any show-if question is revealed.
STAFF_BASE = len(STAFF.visible_questions({}))
REVIEW_VISIBLE = len(REVIEW.visible_questions({"dated": "yes"}))


# ---------------------------------------------------------------------------
# Helpers: what the inspector sees, and waiting for it as they would
# ---------------------------------------------------------------------------

#: How many times to let the app settle before giving up on what should be shown.
PATIENCE = 20


def text_of(app, selector: str) -> str:
    """The text of a Static on the current screen, on one line."""
    return " ".join(str(app.screen.query_one(selector, Static).render()).split())


def rows(app, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def status_line(app) -> str:
    return text_of(app, "#runner-status")


def focused_id(app) -> str | None:
    return app.focused.id if app.focused is not None else None


async def press(pilot, settle, *keys: str) -> None:
    """Press keys, then let the app finish what they started (reads, saves)."""
    await pilot.press(*keys)
    await settle(pilot)


async def shown(pilot, settle, check: Callable[[], object]) -> bool:
    """Let the app settle until ``check()`` holds, as an inspector waits to see a change.

    A write, its callback and the reload it starts are several hops; one
    ``settle`` nearly always covers them, but not on a busy machine. This never
    sleeps, and gives up quietly: the caller's own assert then says what is wrong.
    """
    for _ in range(PATIENCE):
        try:
            if check():
                return True
        except Exception:  # the next screen is not there yet
            pass
        await settle(pilot)
    return False


STALE_LIST = (
    "a list showed data older than the last change and had to be re-read (F1, Esc): "
    "the app bug 'a stale read can overwrite a fresh one' (see test_whole_flow.py)"
)


async def listed(pilot, settle, check: Callable[[], object]) -> None:
    """``shown``, for what a list reads back from the database after a change.

    WORKAROUND (app bug, see the report): when a dialog closes, the screen below
    re-reads its list on resume *and* after the dialog's write; the two reads
    run in parallel threads and whichever finishes last is shown, so now and
    then the older one wins and the list stays out of date. The inspector's
    remedy is to make the screen read again: opening and closing Help does.
    A warning says when that was needed.
    """
    if await shown(pilot, settle, check):
        return
    warnings.warn(STALE_LIST, stacklevel=2)
    await press(pilot, settle, "f1")
    await press(pilot, settle, "escape")
    await shown(pilot, settle, check)


async def on(pilot, settle, screen_type: type[S]) -> S:
    app = pilot.app
    await shown(pilot, settle, lambda: isinstance(app.screen, screen_type))
    assert isinstance(app.screen, screen_type), type(app.screen).__name__
    return app.screen


async def rows_are(pilot, settle, selector: str, expected: list[list[str]]) -> None:
    app = pilot.app
    await listed(pilot, settle, lambda: rows(app, selector) == expected)
    assert rows(app, selector) == expected


async def says(pilot, settle, selector: str, words: str) -> None:
    app = pilot.app
    await listed(pilot, settle, lambda: words in text_of(app, selector))
    assert words in text_of(app, selector)


async def at_question(pilot, settle, screen: QuestionRunnerScreen, qid: str) -> None:
    """The runner shows ``qid`` with the focus in its answer, ready for typing."""
    await shown(pilot, settle, lambda: screen.current == qid and focused_id(pilot.app) == "answer")
    assert screen.current == qid
    assert focused_id(pilot.app) == "answer"


# ---------------------------------------------------------------------------
# The chain, one step per helper
# ---------------------------------------------------------------------------


async def create_inspection(pilot, settle) -> None:
    await on(pilot, settle, HomeScreen)
    await says(pilot, settle, "#home-empty", "Press n to create a new inspection")
    await press(pilot, settle, "n")
    await on(pilot, settle, NewInspectionDialog)
    await pilot.press(*TITLE, "enter", *LANDLORD, "enter", *TOPIC)
    await press(pilot, settle, "enter")  # Enter on the last field creates it
    await on(pilot, settle, DashboardScreen)
    await says(pilot, settle, "#dash-title", TITLE)
    await says(pilot, settle, "#dash-info", f"Landlord: {LANDLORD} · Status: Planning")
    await says(pilot, settle, "#dash-info", f"Topic: {TOPIC}")
    await says(pilot, settle, "#dash-next", "Add the departments you will inspect")


async def set_up_area_and_team(pilot, settle) -> None:
    app = pilot.app
    await press(pilot, settle, "s")
    setup = await on(pilot, settle, SetupScreen)
    await shown(pilot, settle, lambda: setup.loaded and focused_id(app) == "f-title")
    assert setup.tab == "details"
    assert app.screen.query_one("#f-title", Input).value == TITLE
    # WORKAROUND (app bug, see the report): Ctrl+PgDn out of the Texts tab, with the cursor
    # in a text area, sometimes lands back on Texts (Textual moves the focus from the hidden
    # text area to the next one, whose pane then re-activates itself). Going the other way
    # round, Details → Team → Areas, never passes through Texts.
    await press(pilot, settle, "ctrl+pageup")
    assert setup.tab == "team"
    await press(pilot, settle, "ctrl+pageup")
    assert setup.tab == "areas"
    await shown(pilot, settle, lambda: focused_id(app) == "setup-areas")
    assert focused_id(app) == "setup-areas"

    await press(pilot, settle, "a")
    await on(pilot, settle, AddAreaDialog)
    await press(pilot, settle, *AREA, "enter")
    await on(pilot, settle, SetupScreen)
    await rows_are(
        pilot,
        settle,
        "#setup-areas",
        [["A. Desktop review", "Desktop review", "–"], [f"B. {AREA}", "Department", "0"]],
    )
    # One interview planned in it (the new area is the selected one).
    await press(pilot, settle, "p")
    await on(pilot, settle, TextPromptDialog)
    await press(pilot, settle, "ctrl+u", "1", "enter")
    await on(pilot, settle, SetupScreen)
    await listed(pilot, settle, lambda: rows(app, "#setup-areas")[1][2] == "1")
    assert rows(app, "#setup-areas")[1] == [f"B. {AREA}", "Department", "1"]

    await press(pilot, settle, "ctrl+pagedown")  # Areas → Team
    assert setup.tab == "team"
    await shown(pilot, settle, lambda: focused_id(app) == "setup-team")
    assert focused_id(app) == "setup-team"
    await press(pilot, settle, "a")
    await on(pilot, settle, TextPromptDialog)
    await press(pilot, settle, *ANN, "enter")
    await rows_are(pilot, settle, "#setup-team", [[ANN, "Coordinator"]])  # the first one
    await press(pilot, settle, "a")
    await on(pilot, settle, TextPromptDialog)
    await press(pilot, settle, *BOB, "enter")
    await rows_are(pilot, settle, "#setup-team", [[ANN, "Coordinator"], [BOB, "Inspector"]])
    await press(pilot, settle, "down", "c")  # on Bob (the last row), make him coordinator
    await rows_are(pilot, settle, "#setup-team", [[ANN, "Inspector"], [BOB, "Coordinator"]])
    await says(pilot, settle, "#team-message", f"{BOB} is now the coordinator.")

    await press(pilot, settle, "escape")
    await on(pilot, settle, DashboardScreen)
    await says(pilot, settle, "#dash-team", f"Team (2): {ANN} · {BOB} (coordinator)")
    await says(pilot, settle, "#dash-next", "Add the landlord's documents and review them")


async def review_a_document(pilot, settle) -> None:
    app = pilot.app
    await press(pilot, settle, "r")
    documents = await on(pilot, settle, DocumentReviewListScreen)
    await shown(pilot, settle, lambda: documents.data is not None)
    assert documents.query_one("#list-empty").display
    await press(pilot, settle, "a")
    dialog = await on(pilot, settle, DocumentDialog)
    await pilot.press(*DOCUMENT, "tab", *DOCUMENT_DATE)
    assert dialog.query_one("#document-date", Input).value == DOCUMENT_DATE
    await press(pilot, settle, "ctrl+s")
    await on(pilot, settle, DocumentReviewListScreen)
    await rows_are(
        pilot,
        settle,
        "#documents",
        [[DOCUMENT, DOCUMENT_DATE_SHOWN, "Not started", f"3/{REVIEW_VISIBLE}", "0"]],
    )

    await press(pilot, settle, "enter")
    review = await on(pilot, settle, DocumentReviewScreen)
    # Title, "dated" and the date were said in the form: it opens on the first open question.
    await at_question(pilot, settle, review, "doc-type")
    assert text_of(app, "#runner-heading") == f"Document: {DOCUMENT}, dated 1 April 2023"
    await press(pilot, settle, "down", "enter")  # a choice: Customer Charter
    await press(pilot, settle, "ctrl+n")
    await at_question(pilot, settle, review, "purpose")
    await press(pilot, settle, *PURPOSE)  # a text answer
    await press(pilot, settle, "ctrl+f")
    finding = await on(pilot, settle, FindingDialog)
    assert finding.query_one("#finding-text", TextArea).text == PURPOSE
    assert "question 3: What is the document for?" in text_of(app, "#finding-evidence")
    await pilot.press("enter", "tab", *" Clear.")  # Strength; then add to the text
    await press(pilot, settle, "ctrl+s")
    await on(pilot, settle, DocumentReviewScreen)
    panel = review.query_one(FindingsPanel)
    await shown(pilot, settle, lambda: len(panel.rows) == 1)
    assert [(r.kind_label, r.text) for r in panel.rows] == [("Strength", f"{PURPOSE} Clear.")]

    await press(pilot, settle, "escape")  # back to the list: everything is saved
    await on(pilot, settle, DocumentReviewListScreen)
    await rows_are(
        pilot,
        settle,
        "#documents",
        [[DOCUMENT, DOCUMENT_DATE_SHOWN, "In progress", f"5/{REVIEW_VISIBLE}", "1"]],
    )
    await press(pilot, settle, "escape")
    await on(pilot, settle, DashboardScreen)
    await says(pilot, settle, "#dash-next", "Review documents (r): 1 of 1 not finished")


async def start_interview(pilot, settle) -> InterviewScreen:
    app = pilot.app
    await press(pilot, settle, "i")
    interviews = await on(pilot, settle, InterviewListScreen)
    await shown(pilot, settle, lambda: interviews.data is not None)
    await press(pilot, settle, "n")
    dialog = await on(pilot, settle, InterviewSetupDialog)
    assert focused_id(app) == "area"
    await press(pilot, settle, "enter", "down", "enter")  # open the list, the department
    assert isinstance(dialog.query_one("#area", Select).value, str)  # a department is chosen
    await pilot.press("tab")
    assert focused_id(app) == "questionnaire"  # the default one stays
    await pilot.press("tab")
    assert focused_id(app) == "kind"  # Staff is already chosen
    await pilot.press("tab")
    assert focused_id(app) == "role"
    await pilot.press(*ROLE, "tab", *NAME, "tab")  # the name is optional and private
    assert focused_id(app) == "interviewers"
    await pilot.press("space", "down", "space", "tab")  # Ann and Bob
    assert focused_id(app) == "date"
    await pilot.press("tab")
    assert focused_id(app) == "consent"
    await pilot.press("space")
    assert "Start interview" in str(dialog.query_one("#start", Button).label)
    await press(pilot, settle, "ctrl+s")
    screen = await on(pilot, settle, InterviewScreen)
    # The job title and department the form asked are answered: it opens after them.
    await at_question(pilot, settle, screen, "tenant-contact")
    assert text_of(app, "#runner-heading") == f"Interview: {ROLE} ({AREA})"
    return screen


async def run_interview(pilot, settle) -> None:
    app = pilot.app
    screen = await start_interview(pilot, settle)
    assert f"Question 3 of {STAFF_BASE}" in status_line(app)

    # Q1, text, back with PgUp: the form's answer is there; notes as the interviewee speaks.
    await press(pilot, settle, "pageup", "pageup")
    await at_question(pilot, settle, screen, "role")
    assert screen.query_one("#answer", TextArea).text == ROLE
    await press(pilot, settle, "tab", *"400 homes.")
    await press(pilot, settle, "ctrl+n")
    # Q2, a choice: the department the form was given is already chosen.
    await at_question(pilot, settle, screen, "department")
    assert screen.query_one("#answer", RadioSet).pressed_index == 3  # Repairs and Maintenance
    await press(pilot, settle, "ctrl+n")
    # Q3: every day.
    await at_question(pilot, settle, screen, "tenant-contact")
    await press(pilot, settle, "enter", "ctrl+n")

    # Q4, yes/no: "Yes" reveals two follow-up questions, "No" hides them again.
    await at_question(pilot, settle, screen, "aware-of-pledges")
    assert f"Question 4 of {STAFF_BASE}" in status_line(app)
    await press(pilot, settle, "enter")  # Yes
    assert f"Question 4 of {STAFF_BASE + 2}" in status_line(app)
    await press(pilot, settle, "down", "enter")  # No
    assert f"Question 4 of {STAFF_BASE}" in status_line(app)
    await press(pilot, settle, "tab", *NOTES)

    # Finding 1: a weakness from the notes of this question.
    await press(pilot, settle, "ctrl+f")
    dialog = await on(pilot, settle, FindingDialog)
    assert dialog.query_one("#finding-text", TextArea).text == NOTES
    await press(pilot, settle, "right", "enter", "ctrl+s")  # Weakness
    await on(pilot, settle, InterviewScreen)
    panel = screen.query_one(FindingsPanel)
    await shown(pilot, settle, lambda: len(panel.rows) == 1)

    # The follow-ups stay hidden: Next goes straight past them.
    await press(pilot, settle, "ctrl+n")
    await at_question(pilot, settle, screen, "how-monitored")
    assert f"Question 5 of {STAFF_BASE}" in status_line(app)
    await press(pilot, settle, "ctrl+n")
    await at_question(pilot, settle, screen, "monitoring-notes")
    await press(pilot, settle, *MONITORING)

    # Finding 2: an observation from this text answer.
    await press(pilot, settle, "ctrl+f")
    dialog = await on(pilot, settle, FindingDialog)
    assert dialog.query_one("#finding-text", TextArea).text == MONITORING
    await press(pilot, settle, "right", "right", "enter", "ctrl+s")  # Observation
    await on(pilot, settle, InterviewScreen)
    await shown(pilot, settle, lambda: len(panel.rows) == 2)
    await press(pilot, settle, "ctrl+l")  # the panel lists both
    assert panel.display
    assert [(r.kind_label, r.text) for r in panel.rows] == [
        ("Weakness", NOTES),
        ("Observation", MONITORING),
    ]
    await press(pilot, settle, "ctrl+l")

    # Stop at Q7; mark complete (a required question is still open: it asks first).
    await press(pilot, settle, "ctrl+n")
    await at_question(pilot, settle, screen, "ri-in-job")
    assert f"Question 7 of {STAFF_BASE}" in status_line(app)
    await press(pilot, settle, "ctrl+e")
    await on(pilot, settle, ConfirmDialog)
    question = text_of(app, "#confirm-question")
    assert "1 required question is not answered yet" in question
    assert "Have you had any training on resident involvement?" in question
    await press(pilot, settle, "y")
    await on(pilot, settle, InterviewListScreen)
    await listed(pilot, settle, lambda: "Complete" in rows(app, "#interviews")[0])
    [row] = rows(app, "#interviews")
    today = dt.date.today().isoformat()
    assert [c for c in row if c != today] == [AREA, ROLE, "Complete", f"5/{STAFF_BASE}"]
    assert NAME not in " ".join(row)  # names are private

    await press(pilot, settle, "escape")
    await on(pilot, settle, DashboardScreen)
    await listed(pilot, settle, lambda: "1 of 1" in rows(app, "#areas")[1][1])
    assert rows(app, "#areas")[1] == [
        f"B. {AREA}",
        "1 of 1 interviews done",
        "1 weakness · 1 observation",
    ]
    await says(pilot, settle, "#dash-findings", "In all: 1 strength · 1 weakness · 1 observation")


async def check_after_restart(pilot, settle) -> None:
    """What the inspector sees on coming back: the same inspection, exactly as left."""
    app = pilot.app
    await on(pilot, settle, HomeScreen)
    await rows_are(
        pilot,
        settle,
        "#inspections",
        [[f"{TITLE}\n{LANDLORD}", "Fieldwork", "0/1 done", "1/1 done", "3"]],
    )
    await press(pilot, settle, "enter")
    await on(pilot, settle, DashboardScreen)
    await says(pilot, settle, "#dash-title", TITLE)
    assert text_of(app, "#dash-info") == (
        f"Landlord: {LANDLORD} · Status: Fieldwork · Topic: {TOPIC}"
    )
    assert rows(app, "#areas") == [
        ["A. Desktop review", "0 of 1 documents reviewed", "1 strength"],
        [f"B. {AREA}", "1 of 1 interviews done", "1 weakness · 1 observation"],
    ]
    await says(pilot, settle, "#dash-team", f"Team (2): {ANN} · {BOB} (coordinator)")
    await says(pilot, settle, "#dash-next", "Review documents (r): 1 of 1 not finished")

    # The document list, and the review where it was left.
    await press(pilot, settle, "r")
    await on(pilot, settle, DocumentReviewListScreen)
    await rows_are(
        pilot,
        settle,
        "#documents",
        [[DOCUMENT, DOCUMENT_DATE_SHOWN, "In progress", f"5/{REVIEW_VISIBLE}", "1"]],
    )
    await press(pilot, settle, "enter")
    review = await on(pilot, settle, DocumentReviewScreen)
    await at_question(pilot, settle, review, "purpose")
    assert review.query_one("#answer", TextArea).text == PURPOSE
    assert [(r.kind_label, r.text) for r in review.query_one(FindingsPanel).rows] == [
        ("Strength", f"{PURPOSE} Clear.")
    ]
    await press(pilot, settle, "escape", "escape")
    await on(pilot, settle, DashboardScreen)

    # The interview reopens at the question where it was left, still complete.
    await press(pilot, settle, "i")
    interviews = await on(pilot, settle, InterviewListScreen)
    await shown(pilot, settle, lambda: interviews.data is not None)
    [row] = rows(app, "#interviews")
    assert "Complete" in row and f"5/{STAFF_BASE}" in row
    await press(pilot, settle, "enter")
    screen = await on(pilot, settle, InterviewScreen)
    await at_question(pilot, settle, screen, "ri-in-job")
    assert f"Question 7 of {STAFF_BASE}" in status_line(app)
    assert "✓ complete" in status_line(app)
    assert [(r.kind_label, r.text) for r in screen.query_one(FindingsPanel).rows] == [
        ("Weakness", NOTES),
        ("Observation", MONITORING),
    ]
    # Back through the answers (this moves the saved place, so the database is checked first).
    await press(pilot, settle, "pageup")
    await at_question(pilot, settle, screen, "monitoring-notes")
    assert screen.query_one("#answer", TextArea).text == MONITORING
    await press(pilot, settle, "pageup", "pageup")
    await at_question(pilot, settle, screen, "aware-of-pledges")
    assert screen.query_one("#notes", TextArea).text == NOTES
    assert screen.query_one("#answer", RadioSet).pressed_index == 1  # No
    assert f"Question 4 of {STAFF_BASE}" in status_line(app)  # the follow-ups stay hidden
    await press(pilot, settle, "pageup", "pageup", "pageup")
    await at_question(pilot, settle, screen, "role")
    assert screen.query_one("#answer", TextArea).text == ROLE
    assert screen.query_one("#notes", TextArea).text == "400 homes."


# ---------------------------------------------------------------------------
# The test
# ---------------------------------------------------------------------------


async def test_whole_fieldwork_flow_survives_a_restart(make_app, data_dir, settle):
    assert not data_dir.db_path.exists()  # truly empty: nothing seeded
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await create_inspection(pilot, settle)
        await set_up_area_and_team(pilot, settle)
        await review_a_document(pilot, settle)
        await run_interview(pilot, settle)
        await pilot.press("ctrl+q")
    assert app.return_code == 0

    check_database(data_dir)

    # A new app on the same data dir.
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await check_after_restart(pilot, settle)
        await pilot.press("ctrl+q")
    assert again.return_code == 0


def check_database(data_dir) -> None:
    """Everything typed is in the database, read as a restart would read it."""
    store = open_store(empty_data_dir(data_dir))
    try:
        with store.read() as s:
            [summary] = inspections.list_inspections(s)
            inspection = inspections.get_inspection(s, summary.id)
            assert (inspection.title, inspection.landlord, inspection.topic) == (
                TITLE,
                LANDLORD,
                TOPIC,
            )
            assert inspection.status == "planning"

            desk, department = inspections.areas(s, inspection.id)
            assert (desk.name, desk.kind) == ("Desktop review", "desktop_review")
            assert (department.name, department.kind, department.interviews_planned) == (
                AREA,
                "department",
                1,
            )
            team = inspections.team(s, inspection.id)
            assert [(t.name, t.role) for t in team] == [(ANN, "inspector"), (BOB, "coordinator")]
            coordinator = inspections.coordinator(s, inspection.id)
            assert coordinator is not None and coordinator.name == BOB

            # The document, its answers and its finding.
            [doc] = fieldwork.document_reviews(s, inspection.id)
            assert (doc.title, doc.document_date, doc.undated) == (
                DOCUMENT,
                dt.date(2023, 4, 1),
                False,
            )
            assert (doc.status, doc.current_question) == ("in_progress", "purpose")
            assert doc.questionnaire_id == "desktop-review"
            assert {k: a.value for k, a in fieldwork.answers(s, doc).items()} == {
                "doc-title": DOCUMENT,
                "dated": "yes",
                "date-on-document": DOCUMENT_DATE,
                "doc-type": "customer-charter",
                "purpose": PURPOSE,
            }
            doc_answers = fieldwork.answers(s, doc)
            [doc_finding] = analysis.findings(s, inspection.id, document_review_id=doc.id)
            assert doc_finding.kind == "strength"
            assert doc_finding.text == f"{PURPOSE} Clear."
            assert doc_finding.answer_id == doc_answers["purpose"].id
            assert doc_finding.question_key == "purpose"
            assert doc_finding.area_id == desk.id
            assert set(doc_finding.themes) == set(REVIEW.question("purpose").themes)

            # The interview, its answers, notes and two findings.
            [interview] = fieldwork.interviews(s, inspection.id)
            assert interview.area_id == department.id
            assert (interview.interviewee_kind, interview.interviewee_role) == ("staff", ROLE)
            assert interview.interviewee_name == NAME
            assert interview.interview_date == dt.date.today()
            assert interview.consent is True
            assert interview.questionnaire_id == "staff-interview-ri"
            assert (interview.status, interview.current_question) == ("complete", "ri-in-job")
            assert sorted(fieldwork.interviewer_ids(s, interview.id)) == sorted(t.id for t in team)
            answers = fieldwork.answers(s, interview)
            assert {k: (a.value, a.notes, a.skipped) for k, a in answers.items()} == {
                "role": (ROLE, "400 homes.", False),
                "department": (DEPARTMENT, "", False),
                "tenant-contact": ("daily", "", False),
                "aware-of-pledges": ("no", NOTES, False),
                "monitoring-notes": (MONITORING, "", False),
            }
            found = analysis.findings(s, inspection.id, interview_id=interview.id)
            by_kind = {f.kind: f for f in found}
            assert sorted(by_kind) == ["observation", "weakness"] and len(found) == 2
            for kind, key, text in (
                ("weakness", "aware-of-pledges", NOTES),
                ("observation", "monitoring-notes", MONITORING),
            ):
                f = by_kind[kind]
                assert (f.text, f.question_key) == (text, key)
                assert f.answer_id == answers[key].id  # the evidence is the answer itself
                assert f.area_id == department.id
                assert set(f.themes) == set(STAFF.question(key).themes)
            assert len(analysis.findings(s, inspection.id)) == 3
    finally:
        store.close()
