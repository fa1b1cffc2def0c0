"""Snapshots at 80×24 of the interview question runner and the document review screen.

The data is fixed (no dates, ids or paths on screen), the stored position is
the one shown (so opening writes nothing and the save indicator stays quiet)
and cursors do not blink. Logic is checked by the Pilot tests; these catch
layout regressions — look at the SVGs when they change.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input, TextArea

from screens.app import TenantInspectApp
from screens.documents import DocumentReviewScreen
from screens.interviews import InterviewScreen
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir
from tests.support.settling import settle


@pytest.fixture
def seeded(data_dir) -> dict[str, str]:
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Resident involvement", landlord="Vale HA")
        area = inspections.add_area(s, insp.id, name="Housing Management")
        interview = fieldwork.add_interview(
            s,
            insp.id,
            interviewee_role="Housing Officer",
            area_id=area.id,
            questionnaire=get_builtin("staff-interview-ri"),
            consent=True,
            interview_date=dt.date(2024, 3, 12),
            current_question="aware-of-pledges",
        )
        fieldwork.save_answer(s, interview, "role", value="Housing Officer")
        fieldwork.save_answer(s, interview, "department", value="Housing Management")
        fieldwork.save_answer(s, interview, "tenant-contact", skipped=True)
        answer = fieldwork.save_answer(
            s, interview, "aware-of-pledges", value="yes", notes="Named two of the five pledges."
        )
        analysis.add_finding(
            s, insp.id, kind="weakness", text="Only two pledges known.", answer_id=answer.id
        )
        review = fieldwork.add_document_review(
            s,
            insp.id,
            title="Tenant Involvement Statement",
            questionnaire=get_builtin("desktop-review"),
            document_date=dt.date(2023, 4, 1),
            observations="Clear and short; repeats the Strategy.",
            current_question="plain-english",
        )
        fieldwork.save_answer(
            s, review, "plain-english", value="4", notes="Some jargon on page 2 (KPI, RI)."
        )
        ids = {"interview": interview.id, "review": review.id}
    store.close()
    return ids


@pytest.fixture
def make_app(data_dir):
    """Apps on the test's data dir; their stores are closed at the end."""
    made: list[TenantInspectApp] = []

    def factory() -> TenantInspectApp:
        app = TenantInspectApp(data_dir)
        made.append(app)
        return app

    yield factory
    for app in made:
        app.shutdown_store()


def still(app: TenantInspectApp) -> None:
    for area in app.screen.query(TextArea):
        area.cursor_blink = False
    for field in app.screen.query(Input):
        field.cursor_blink = False


def test_interview_question_screen(snap_compare, make_app, seeded):
    app = make_app()

    async def run_before(pilot) -> None:
        await settle(pilot)
        app.push_screen(InterviewScreen(seeded["interview"]))
        await settle(pilot)
        still(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_document_review_screen(snap_compare, make_app, seeded):
    app = make_app()

    async def run_before(pilot) -> None:
        await settle(pilot)
        app.push_screen(DocumentReviewScreen(seeded["review"]))
        await settle(pilot)
        still(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
