"""What the fieldwork screens show and save, read and written without a terminal.

The document list, the interview list and the question runner read everything through
``tenant_inspect.views.fieldwork``; the forms and the runner write through
``tenant_inspect.edits.fieldwork``. These tests check what an inspector would notice:
the rows, their order and words, "n/N answered", and that work starts with its first answer.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.edits import fieldwork as fieldwork_edits
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.views import fieldwork as views

REVIEW = get_builtin("desktop-review")
STAFF = get_builtin("staff-interview-ri")


@pytest.fixture
def ids(store) -> dict[str, str]:
    """An inspection with one department, a member, and no fieldwork yet."""
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Resident involvement", landlord="Vale HA")
        area = inspections.add_area(s, insp.id, name="Housing Management")
        ann = inspections.add_member(s, insp.id, name="Ann Ellis", role="coordinator")
        return {"inspection": insp.id, "area": area.id, "ann": ann.id}


def add_document(store, inspection_id: str, title: str, when: dt.date | None) -> str:
    details = fieldwork_edits.DocumentDetails(title, when, when is None, "", "")
    with store.write() as s:
        return fieldwork_edits.add_document(s, inspection_id, details)


def test_document_list_shows_each_document_with_its_date_progress_and_findings(store, ids):
    charter = add_document(store, ids["inspection"], "Tenant Charter", dt.date(2023, 4, 1))
    add_document(store, ids["inspection"], "Complaints leaflet", None)
    with store.write() as s:
        review = fieldwork.work_item(s, "review", charter)
        analysis.add_finding(
            s, ids["inspection"], kind="strength", text="Clear.", document_review_id=charter
        )
        assert review.status == "not_started"

    with store.read() as s:
        data = views.load_document_list(s, ids["inspection"])

    assert data.title == "Resident involvement"
    assert [(r.title, r.date, r.status, r.findings) for r in data.rows] == [
        ("Tenant Charter", "1 Apr 2023", "not_started", 1),
        ("Complaints leaflet", "Undated", "not_started", 0),
    ]
    # What the form said is already answered: the title and the date for the charter.
    total = len(REVIEW.visible_questions({"dated": "yes"}))
    assert data.rows[0].progress.endswith(f"/{total} answered")
    assert data.rows[0].progress.startswith("3/")
    assert data.rows[1].progress.startswith("2/")


def test_document_details_come_back_for_editing_and_an_edit_is_saved(store, ids):
    review_id = add_document(store, ids["inspection"], "Tenant Charter", dt.date(2023, 4, 1))
    with store.read() as s:
        details = views.load_document_details(s, review_id)
    assert (details.title, details.document_date, details.undated) == (
        "Tenant Charter",
        dt.date(2023, 4, 1),
        False,
    )
    changed = fieldwork_edits.DocumentDetails("Tenant Charter v2", None, True, "v2", "website")
    with store.write() as s:
        fieldwork_edits.change_document(s, review_id, changed)
    with store.read() as s:
        row = views.load_document_list(s, ids["inspection"]).rows[0]
    assert (row.title, row.date) == ("Tenant Charter v2", "Undated")


def test_review_runner_names_the_document_and_observations_start_the_review(store, ids):
    review_id = add_document(store, ids["inspection"], "Tenant Charter", dt.date(2023, 4, 1))
    with store.write() as s:
        fieldwork_edits.save_observations(s, review_id, "Short and clear.")
    with store.read() as s:
        data = views.load_review_runner(s, review_id)
    assert data is not None
    assert data.heading == "Document: Tenant Charter, dated 1 April 2023"
    assert data.evidence == "document “Tenant Charter”"
    assert data.observations == "Short and clear."
    assert data.status == "in_progress"
    assert data.answers["doc-title"].value == "Tenant Charter"


def details(ids: dict[str, str], *, consent: bool, kind: str = "staff") -> object:
    return fieldwork_edits.InterviewDetails(
        area_id=ids["area"],
        questionnaire_id=STAFF.id,
        interviewee_kind=kind,
        interviewee_role="Housing Officer",
        interviewee_name="Jo Bloggs",
        interviewer_ids=[ids["ann"]],
        interview_date=dt.date(2024, 3, 12),
        consent=consent,
    )


def test_interview_list_names_role_and_area_and_offers_departments_not_the_desktop_review(
    store, ids
):
    with store.write() as s:
        planned = fieldwork_edits.create_interview(
            s, ids["inspection"], details(ids, consent=False)
        )
    with store.read() as s:
        data = views.load_interview_list(s, ids["inspection"])
    [row] = data.rows
    assert (row.id, row.area, row.role, row.date, row.status, row.consent) == (
        planned,
        "Housing Management",
        "Housing Officer",
        "12 Mar 2024",
        "planned",
        False,
    )
    # The job title and department the form asked are already the first two answers.
    assert row.progress == f"2/{len(STAFF.visible_questions({}))} answered"
    assert data.areas == [(ids["area"], "Housing Management")]
    assert data.team == [(ids["ann"], "Ann Ellis")]


def test_first_answer_starts_the_interview_and_consent_is_recorded(store, ids):
    with store.write() as s:
        iid = fieldwork_edits.create_interview(s, ids["inspection"], details(ids, consent=False))
        fieldwork_edits.record_consent(s, iid)
        fieldwork_edits.save_answer_part(s, "interview", iid, "role", value="Housing Officer")
        fieldwork_edits.update_work(s, "interview", iid, current_question="role")
    with store.read() as s:
        data = views.load_interview_runner(s, iid)
    assert data is not None
    assert data.heading == "Interview: Housing Officer (Housing Management)"
    assert data.evidence == "interview with Housing Officer (Housing Management)"
    assert (data.status, data.consent, data.current_question) == ("in_progress", True, "role")
    assert data.answers["role"].value == "Housing Officer"


def test_work_made_without_a_questionnaire_gets_the_default_one(store, ids):
    with store.write() as s:
        iid = fieldwork.add_interview(s, ids["inspection"], interviewee_role="Caretaker").id
    with store.read() as s:
        assert views.load_interview_runner(s, iid) is None  # the runner then attaches one
    with store.write() as s:
        fieldwork_edits.attach_default_questionnaire(s, "interview", iid)
    with store.read() as s:
        data = views.load_interview_runner(s, iid)
    assert data is not None
    assert data.questionnaire.id == fieldwork.DEFAULT_INTERVIEW_QUESTIONNAIRE
    assert data.heading == "Interview: Caretaker"


def test_interview_questionnaires_put_the_default_first_and_mark_observations():
    offered = views.interview_questionnaires()
    assert offered[0][1] == fieldwork.DEFAULT_INTERVIEW_QUESTIONNAIRE
    labels = [label for label, _ in offered]
    kinds = {q_id: get_builtin(q_id).kind for _, q_id in offered}
    for label, q_id in offered:
        assert label.endswith(" (for observations)") == (kinds[q_id] == "observation")
    assert len(labels) == len(set(labels))
