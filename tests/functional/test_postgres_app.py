"""The TUI on a PostgreSQL server: what is typed is saved there, and no file backup is tried.

The server is the test suite's own (``tests/support/postgres.py``); the data folder holds
only this laptop's settings.
"""

from __future__ import annotations

from textual.widgets import Input, Static

from screens.app import TenantInspectApp
from screens.inspection_setup import SetupScreen
from screens.interviews import InterviewScreen
from tenant_inspect import fieldwork, inspections
from tenant_inspect import models as m
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store


async def test_an_answer_and_a_title_typed_in_the_app_are_saved_on_the_server(
    tmp_path, pg_url, settle
):
    data_dir = resolve_data_dir(tmp_path / "laptop", pg_url)
    with open_store(data_dir) as store, store.write() as s:
        inspection = inspections.create_inspection(
            s, title="Resident involvement", landlord="Vale Homes"
        )
        area = inspections.add_area(s, inspection.id, name="Housing Management")
        interview = fieldwork.add_interview(
            s,
            inspection.id,
            interviewee_role="Housing Officer",
            area_id=area.id,
            questionnaire=get_builtin("staff-interview-ri"),
            consent=True,
            current_question="role",
        )
        inspection_id, interview_id = inspection.id, interview.id
    app = TenantInspectApp(data_dir)
    try:
        async with app.run_test() as pilot:
            await settle(pilot)
            assert app.store_ready and not app.read_only
            app.push_screen(InterviewScreen(interview_id))  # the question runner
            await settle(pilot)
            assert isinstance(app.screen, InterviewScreen)
            await pilot.press(*"Housing Officer", "tab", *"Team of six")
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("escape")  # back home
            await settle(pilot)
            await pilot.press("enter")  # the only inspection
            await settle(pilot)
            await pilot.press("s")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, SetupScreen)
            assert screen.focused is screen.query_one("#f-title", Input)
            await pilot.press("end", *" 2027")
            await settle(pilot)
            assert not app._unsaved
            await pilot.press("f1")  # the help says where the data is: the server, no password
            await settle(pilot)
            help_text = str(app.screen.query_one("#help-text", Static).render())
            assert "PostgreSQL database t_" in help_text
    finally:
        app.shutdown_store()
    with open_store(data_dir) as store, store.read() as s:  # a new connection, as a restart
        saved = inspections.get_inspection(s, inspection_id)
        assert saved.title == "Resident involvement 2027"
        assert saved.device_id == store.device_id  # stamped with this laptop's id
        answer = fieldwork.answers(s, s.get(m.Interview, interview_id))["role"]  # type: ignore[arg-type]
        assert (answer.value, answer.notes) == ("Housing Officer", "Team of six")
    assert not list((tmp_path / "laptop" / "backups").glob("*.db"))  # the server's admin's job
