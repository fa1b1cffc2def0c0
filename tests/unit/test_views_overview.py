"""The dashboard's read model: what a coordinator sees about one inspection, without a screen."""

from __future__ import annotations

import pytest

from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.views.overview import load_overview


@pytest.fixture
def inspection_id(store) -> str:
    """Part-way through fieldwork: two departments, a theme, two documents, two interviews."""
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        cs = inspections.add_area(s, i.id, name="Customer Services", interviews_planned=1)
        hm = inspections.add_area(s, i.id, name="Housing Management", interviews_planned=2)
        inspections.add_area(s, i.id, name="Value for money", kind="theme")
        inspections.add_member(s, i.id, name="Bob Sample")
        inspections.add_member(s, i.id, name="Ann Example", role="coordinator")
        doc = fieldwork.add_document_review(s, i.id, title="Customer Charter", status="complete")
        fieldwork.add_document_review(s, i.id, title="Involvement Strategy")
        done = fieldwork.add_interview(
            s, i.id, interviewee_role="Customer Services Manager", area_id=cs.id, status="complete"
        )
        fieldwork.add_interview(s, i.id, interviewee_role="Call handler", area_id=cs.id)
        fieldwork.add_interview(
            s, i.id, interviewee_role="Housing Officer", area_id=hm.id, status="in_progress"
        )
        analysis.add_finding(s, i.id, kind="strength", text="Plain.", document_review_id=doc.id)
        analysis.add_finding(s, i.id, kind="weakness", text="No say.", interview_id=done.id)
        analysis.add_finding(s, i.id, kind="weakness", text="Slow.", interview_id=done.id)
        analysis.add_finding(s, i.id, kind="good_practice", text="Drop-ins.", area_id=hm.id)
        return i.id


def overview(store, inspection_id: str):
    with store.read() as s:
        return load_overview(s, inspection_id)


def test_areas_come_in_report_order_with_their_letters(store, inspection_id):
    o = overview(store, inspection_id)
    assert [(a.letter, a.name, a.kind) for a in o.areas] == [
        ("A", "Desktop review", "desktop_review"),
        ("B", "Customer Services", "department"),
        ("C", "Housing Management", "department"),
        ("D", "Value for money", "theme"),
    ]
    # Documents reviewed and interviews held: the status, left to follow the work, is fieldwork.
    assert (o.title, o.landlord, o.status) == ("Resident involvement", "Vale Homes", "fieldwork")


def test_documents_without_an_area_count_for_the_desktop_review(store, inspection_id):
    desk = overview(store, inspection_id).areas[0]
    assert (desk.documents, desk.documents_done) == (2, 1)
    assert desk.items == (("Customer Charter", "complete"), ("Involvement Strategy", "not_started"))


def test_interviews_are_counted_and_listed_by_role_per_department(store, inspection_id):
    _, cs, hm, theme = overview(store, inspection_id).areas
    assert (cs.interviews, cs.interviews_done, cs.interviews_started) == (2, 1, 0)
    # One planned, two held: the dashboard expects the larger number.
    assert cs.interviews_expected == 2
    assert cs.items == (("Customer Services Manager", "complete"), ("Call handler", "planned"))
    assert (hm.interviews_planned, hm.interviews_done, hm.interviews_started) == (2, 0, 1)
    assert theme.items == ()


def test_findings_are_counted_per_area_and_in_all(store, inspection_id):
    o = overview(store, inspection_id)
    desk, cs, hm, _ = o.areas
    # A finding counts for the area of its evidence: the document's, the interview's.
    assert desk.findings == {"strength": 1}
    assert cs.findings == {"weakness": 2}
    assert hm.findings == {"good_practice": 1}
    assert o.findings == {"strength": 1, "weakness": 2, "good_practice": 1}


def test_team_in_order_and_its_coordinator(store, inspection_id):
    o = overview(store, inspection_id)
    assert [(t.name, t.role) for t in o.team] == [
        ("Bob Sample", "inspector"),
        ("Ann Example", "coordinator"),
    ]
    assert o.coordinator is not None and o.coordinator.name == "Ann Example"


def test_a_new_inspection_has_only_its_desktop_review(store):
    with store.write() as s:
        inspection_id = inspections.create_inspection(s, title="Repairs", landlord="Vale").id
    o = overview(store, inspection_id)
    assert [a.name for a in o.areas] == ["Desktop review"]
    assert (o.team, o.findings, o.coordinator) == ((), {}, None)


def test_home_the_dashboard_and_list_count_interviews_the_same_way(store, data_dir, inspection_id):
    """Customer Services planned 1 but held 2, Housing Management planned 2 and held 1, and one
    interview is filed under no area: 5 expected, 1 done — on every screen and in ``list``."""
    from screens.widgets.dashboard_words import next_step
    from tenant_inspect.storage.sqlite.fastread import quick_summaries

    with store.write() as s:
        fieldwork.add_interview(s, inspection_id, interviewee_role="Tenant", status="complete")
    with store.read() as s:
        (summary,) = inspections.list_inspections(s)
    o = overview(store, inspection_id)
    assert (o.interviews_done, o.interviews_expected) == (2, 5)
    assert (summary.interviews_done, summary.interviews_expected) == (2, 5)
    assert quick_summaries(data_dir.db_path) == [summary]
    assert next_step(o).startswith("Review documents")  # one document is still open
    with store.write() as s:
        for doc in fieldwork.document_reviews(s, inspection_id):
            fieldwork.update_document_review(s, doc, status="complete")
    assert next_step(overview(store, inspection_id)) == (
        "Interviews (i): 2 of 5 done, 3 still to do"
    )
