"""Interviews, driven by keys: set-up, the question runner, skip logic, findings, resuming.

Everything is checked twice: on screen while the inspector works, and in the
database afterwards through the services (what a restart would find).
"""

from __future__ import annotations

import datetime as dt

from textual.app import App
from textual.widgets import Button, DataTable, Input, Select, Static, TextArea

from screens.dialogs.interview_details import InterviewSetupDialog
from screens.interviews import InterviewListScreen, InterviewScreen
from screens.widgets.fields import TickBox
from screens.widgets.findings_panel import FindingsPanel
from screens.widgets.question_nav import QuestionJumpDialog
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect import models as m
from tenant_inspect.edits.fieldwork import InterviewDetails
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tenant_inspect.views.fieldwork import RunnerData
from tests.support.empty_db import empty_data_dir

STAFF = get_builtin("staff-interview-ri")
BASE_VISIBLE = len(STAFF.visible_questions({}))  # with nothing answered


def seed(data_dir) -> dict[str, str]:
    """An inspection with one department and a team of two (services, before the app starts)."""
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Resident involvement", landlord="Vale HA")
        area = inspections.add_area(s, insp.id, name="Housing Management")
        ann = inspections.add_member(s, insp.id, name="Ann Ellis", role="coordinator")
        bob = inspections.add_member(s, insp.id, name="Bob Shah")
        ids = {"inspection": insp.id, "area": area.id, "ann": ann.id, "bob": bob.id}
    store.close()
    return ids


def status_line(app) -> str:
    return str(app.screen.query_one("#runner-status", Static).render())


def runner(app) -> InterviewScreen:
    assert isinstance(app.screen, InterviewScreen), type(app.screen).__name__
    return app.screen


def loaded(app) -> RunnerData:
    data = runner(app).data
    assert data is not None
    return data


async def start_interview(app, pilot, settle, ids) -> None:
    app.push_screen(InterviewListScreen(ids["inspection"], ids["area"]))
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, InterviewSetupDialog)
    # The area is preselected; focus starts on the role.
    await pilot.press(*"Housing Officer", "tab", *"Jo Bloggs", "tab")
    await pilot.press("space", "down", "space", "tab", "tab", "space")  # both interviewers, consent
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_interview_runs_with_skip_logic_findings_and_resumes_after_restart(
    make_app, data_dir, settle
):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await start_interview(app, pilot, settle, ids)
        screen = runner(app)
        # The job title and department the form asked are answered: it opens after them.
        assert screen.current == "tenant-contact"
        assert f"Question 3 of {BASE_VISIBLE}" in status_line(app)

        # Q1 (text), reached with PgUp: notes added to the answer the form gave.
        await pilot.press("pageup", "pageup")
        await settle(pilot)
        assert screen.current == "role"
        assert screen.query_one("#answer", TextArea).text == "Housing Officer"
        await pilot.press("tab", *"400 homes")
        await pilot.press("ctrl+n", "ctrl+n")
        await settle(pilot)
        assert screen.current == "tenant-contact"

        # Q3: skipped; it is listed as skipped and we move on.
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert screen.current == "aware-of-pledges"
        assert "1 skipped" in status_line(app)

        # Q4 (yes/no): "yes" reveals two follow-ups, "no" hides them again.
        await pilot.press("enter")  # Yes
        await settle(pilot)
        assert f"Question 4 of {BASE_VISIBLE + 2}" in status_line(app)
        await pilot.press("down", "enter")  # No
        await settle(pilot)
        assert f"Question 4 of {BASE_VISIBLE}" in status_line(app)
        await pilot.press("tab", *"Not heard of them.")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert screen.current == "how-monitored"  # which-pledges / pledges-in-work skipped

        # Finding 1 on Q4's neighbour: tick an option, then record a weakness from the notes.
        await pilot.press("pageup")
        await settle(pilot)
        assert screen.current == "aware-of-pledges"
        await pilot.press("ctrl+f")
        await settle(pilot)
        dialog = app.screen
        assert "Not heard of them." in dialog.query_one("#finding-text", TextArea).text
        await pilot.press("right", "enter", "ctrl+s")  # Weakness
        await settle(pilot)
        assert runner(app) is screen

        # Finding 2 on how-monitored (multi-choice): tick two options, then a strength.
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert screen.current == "how-monitored"
        await pilot.press("space", "down", "space")
        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press("enter", "tab")  # Strength; then into the text
        await pilot.press(*"Board reports.", "ctrl+s")
        await settle(pilot)

        # Jump back to the skipped question through the skipped-only list and answer it.
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, QuestionJumpDialog)
        await pilot.press("s", "enter")
        await settle(pilot)
        assert screen.current == "tenant-contact"
        assert "skipped earlier" in status_line(app)
        await pilot.press("enter")  # Every day
        await settle(pilot)
        assert "skipped" not in status_line(app)

        # Jump to the first question, then on to where we want to stop.
        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press("home", "enter")
        await settle(pilot)
        assert screen.current == "role"
        await pilot.press("ctrl+g")
        await settle(pilot)
        for _ in range(5):  # department, tenant-contact, aware (section titles are passed over) ...
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current == "monitoring-notes"
        await pilot.press("tab", *"Quarterly")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, InterviewListScreen)
        table = app.screen.query_one("#interviews", DataTable)
        assert table.row_count == 1
        assert table.get_row_at(0)[-1] == f"6/{BASE_VISIBLE} answered"
        await app.action_quit()

    # What the database holds.
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        [interview] = fieldwork.interviews(s, ids["inspection"])
        assert interview.interviewee_role == "Housing Officer"
        assert interview.interviewee_name == "Jo Bloggs"
        assert interview.consent is True
        assert interview.status == "in_progress"
        assert interview.current_question == "monitoring-notes"
        assert sorted(fieldwork.interviewer_ids(s, interview.id)) == sorted(
            [ids["ann"], ids["bob"]]
        )
        answers = fieldwork.answers(s, interview)
        assert answers["role"].value == "Housing Officer"
        assert answers["role"].notes == "400 homes"
        assert answers["department"].value == "Housing Management"
        assert answers["tenant-contact"].value == "daily"
        assert answers["tenant-contact"].skipped is False
        assert answers["aware-of-pledges"].value == "no"
        assert answers["aware-of-pledges"].notes == "Not heard of them."
        assert answers["how-monitored"].value == '["management-reports", "board-reports"]'
        assert answers["monitoring-notes"].notes == "Quarterly"
        found = sorted(analysis.findings(s, ids["inspection"]), key=lambda f: f.kind)
        assert [(f.kind, f.question_key) for f in found] == [
            ("strength", "how-monitored"),
            ("weakness", "aware-of-pledges"),
        ]
        weakness = found[1]
        assert weakness.text == "Not heard of them."
        assert weakness.answer_id == answers["aware-of-pledges"].id
        assert weakness.interview_id == interview.id
        assert weakness.area_id == ids["area"]
        assert set(weakness.themes) == set(STAFF.question("aware-of-pledges").themes)
        assert found[0].text.endswith("Board reports.")
    store.close()

    # A new app on the same data: everything is exactly as it was left.
    app2 = make_app()
    async with app2.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app2.push_screen(InterviewListScreen(ids["inspection"]))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = runner(app2)
        assert screen.current == "monitoring-notes"
        assert screen.query_one("#notes", TextArea).text == "Quarterly"
        assert f"of {BASE_VISIBLE}" in status_line(app2)
        assert len(screen.query_one(FindingsPanel).rows) == 2
        await pilot.press("pageup")
        await settle(pilot)
        assert screen.current == "how-monitored"
        await pilot.press("pageup")
        await settle(pilot)
        assert screen.current == "aware-of-pledges"
        assert screen.query_one("#notes", TextArea).text == "Not heard of them."
        await pilot.press("pageup", "pageup")
        await settle(pilot)
        assert screen.current == "department"


async def test_mark_complete_warns_about_required_questions(make_app, data_dir, settle):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await start_interview(app, pilot, settle, ids)
        await pilot.press("enter", "ctrl+e")  # "Every day", then Complete
        await settle(pilot)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert "required questions are not answered yet" in question
        assert "Have you had any training on resident involvement?" in question
        assert "Which department do you work in?" not in question  # the form answered it
        await pilot.press("escape")  # not yet
        await settle(pilot)
        assert loaded(app).status == "in_progress"
        await pilot.press("ctrl+e")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, InterviewListScreen)
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        [interview] = fieldwork.interviews(s, ids["inspection"])
        assert interview.status == "complete"
    store.close()


async def test_interview_without_consent_is_planned_and_asks_before_opening(
    make_app, data_dir, settle
):
    ids = seed(data_dir)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(InterviewListScreen(ids["inspection"]))
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("enter", "down", "enter")  # area: the only department
        await settle(pilot)
        await pilot.press("ctrl+s")  # role missing
        await settle(pilot)
        assert "Give the interviewee's role" in str(app.screen.query_one("#form-errors").render())
        warning = str(app.screen.query_one("#consent-warning").render())
        assert "do not take notes" in warning
        app.screen.query_one("#role").value = "Repairs Manager"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewListScreen)
        assert "Planned" in str(app.screen.query_one("#interviews", DataTable).get_row_at(0)[-2])
        await pilot.press("enter")
        await settle(pilot)
        assert "Has the interviewee agreed" in str(
            app.screen.query_one("#confirm-question").render()
        )
        await pilot.press("y")
        await settle(pilot)
        assert loaded(app).consent is True
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        [interview] = fieldwork.interviews(s, ids["inspection"])
        assert interview.consent is True
        assert interview.status == "planned"  # nothing answered yet
        area = s.get(m.Area, interview.area_id)
        assert area is not None and area.name == "Housing Management"
    store.close()


async def test_bad_date_is_shown_not_saved_and_kept_in_the_field(make_app, data_dir, settle):
    ids = seed(data_dir)
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        interview = fieldwork.add_interview(
            s,
            ids["inspection"],
            interviewee_role="Customer contact",
            area_id=ids["area"],
            questionnaire=get_builtin("mystery-shop"),
            consent=True,
            current_question="contact-date",
        )
        interview_id = interview.id
    store.close()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.push_screen(InterviewScreen(interview_id))
        await settle(pilot)
        screen = runner(app)
        assert screen.current == "contact-date"
        await pilot.press(*"2024-02-30")
        await settle(pilot)
        assert "Not saved" in str(screen.query_one(".answer-problem").render())
        await pilot.press("ctrl+n", "pageup")
        await settle(pilot)
        assert screen.current == "contact-date"
        assert screen.query_one("#answer", Input).value == "2024-02-30"  # still there to correct
        await pilot.press("backspace", "backspace", *"28")
        await settle(pilot)
        assert str(screen.query_one(".answer-problem").render()) == ""
    store = open_store(empty_data_dir(data_dir))
    with store.read() as s:
        stored = s.get(m.Interview, interview_id)
        assert stored is not None
        assert fieldwork.answers(s, stored)["contact-date"].value == "2024-02-28"
    store.close()


class SetupApp(App[None]):
    """Just the set-up form, to see what it gives back."""

    def __init__(self, dialog: InterviewSetupDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: InterviewDetails | str | None = "not closed"

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.closed)

    def closed(self, result: InterviewDetails | None) -> None:
        self.result = result


async def test_setup_with_no_team_and_a_tenant_gets_the_tenant_questionnaire():
    dialog = InterviewSetupDialog([("a1", "Housing")], [], area_id="a1", today=dt.date(2024, 3, 1))
    app = SetupApp(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No team members yet" in str(dialog.query_one("#no-team", Static).render())
        await pilot.press("shift+tab", "right", "enter")  # Interviewee: Tenant
        await pilot.pause()
        assert dialog.query_one("#questionnaire", Select).value == "tenant-interview"
        await pilot.press("tab", *"Panel chair", "ctrl+s")
        await pilot.pause()
    assert app.result == InterviewDetails(
        area_id="a1",
        questionnaire_id="tenant-interview",
        interviewee_kind="tenant",
        interviewee_role="Panel chair",
        interviewee_name="",
        interviewer_ids=[],
        interview_date=dt.date(2024, 3, 1),
        consent=False,
    )


async def test_consent_is_on_screen_at_80x24_and_says_what_happens_without_it():
    dialog = InterviewSetupDialog(
        [("a1", "Housing")],
        [(f"m{i}", f"Member {i}") for i in range(8)],
        area_id="a1",
        today=dt.date(2024, 3, 1),
    )
    app = SetupApp(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        consent = dialog.query_one("#consent", TickBox)
        region = consent.region
        assert region.height and region.bottom <= 24  # drawn, and not below the fold
        assert dialog.get_widget_at(region.x + 1, region.y)[0] is consent
        warning = str(dialog.query_one("#consent-warning", Static).render())
        assert "do not take notes" in warning and "saved as planned" in warning
        assert dialog.query_one("#start", Button).label.plain == "Save as planned"
        consent.focus()
        await pilot.press("enter")  # Enter moves on, as in the other fields: it never consents
        assert consent.value is False and app.focused is not consent
        consent.focus()
        await pilot.press("space")
        assert consent.value is True
        assert dialog.query_one("#start", Button).label.plain == "Start interview"


async def test_interview_date_defaults_to_today_only_within_the_fieldwork():
    inside = InterviewSetupDialog(
        [], [], today=dt.date(2024, 3, 5), fieldwork=(dt.date(2024, 3, 4), dt.date(2024, 3, 15))
    )
    app = SetupApp(inside)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert inside.query_one("#date", Input).value == "5 March 2024"
        assert "Fieldwork: 4 March 2024 to 15 March 2024" in str(
            inside.query_one("#date-note", Static).render()
        )
    outside = InterviewSetupDialog(
        [], [], today=dt.date(2024, 6, 1), fieldwork=(dt.date(2024, 3, 4), dt.date(2024, 3, 15))
    )
    app = SetupApp(outside)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        date_input = outside.query_one("#date", Input)
        assert date_input.value == ""  # not a guess of today, months after the fieldwork
        await pilot.press(*"Chair", "ctrl+s")
        await pilot.pause()
        assert "Give the date of the interview" in str(outside.query_one("#form-errors").render())
        date_input.value = "20/03/2024"
        await pilot.pause()
        note_text = str(outside.query_one("#date-note", Static).render())
        assert "outside the fieldwork (4 March 2024 to 15 March 2024)" in note_text
        date_input.value = "14 Mar 2024"
        await pilot.pause()
        assert "outside" not in str(outside.query_one("#date-note", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert isinstance(app.result, InterviewDetails)
    assert app.result.interview_date == dt.date(2024, 3, 14)
