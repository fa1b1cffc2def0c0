"""The TUI logged in as an inspector's own login on a programme server (issue 13, part 4).

Home lists only that member's inspection; the interview runner opens one of Bob's interviews
(whose interviewee's name PostgreSQL withholds from Ann) and saves what she types there.
"""

from __future__ import annotations

from screens.app import TenantInspectApp
from screens.interviews import InterviewScreen
from tenant_inspect import fieldwork
from tenant_inspect import models as m
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store
from tests.support.programme_roles import build, drop_logins


async def test_an_inspector_works_in_the_app_on_their_inspection_only(
    tmp_path, postgres_server, settle
):
    p = build(postgres_server, tmp_path)
    try:
        data_dir = resolve_data_dir(tmp_path / "ann", p.login_url("ann"))
        bob_interview = p.interviews["A:Bob"]
        app = TenantInspectApp(data_dir)
        try:
            async with app.run_test() as pilot:
                await settle(pilot)
                assert app.store_ready and not app.read_only
                shown = str(app.screen.query_one("DataTable").get_row_at(0))
                assert "Repairs 2027" in shown
                assert app.screen.query_one("DataTable").row_count == 1
                app.push_screen(InterviewScreen(bob_interview))
                await settle(pilot)
                assert isinstance(app.screen, InterviewScreen)
                await pilot.press(*"Seen by Ann")
                await pilot.press("escape")
                await settle(pilot)
                assert not app._unsaved
        finally:
            app.shutdown_store()
        with open_store(data_dir) as store, store.read() as s:
            interview = s.get(m.Interview, bob_interview)
            assert interview is not None and interview.interviewee_name == ""
            saved = [a.value for a in fieldwork.answers(s, interview).values()]
            assert saved == ["Seen by Ann"]
        with p.connect() as conn:  # Bob's name survived Ann's save of his interview
            row = conn.execute(
                "SELECT interviewee_name FROM interview WHERE id = %s", (bob_interview,)
            ).fetchone()
            assert row == ("Bert Hidden",)
    finally:
        drop_logins(p)
