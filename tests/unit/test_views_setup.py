"""Set-up's read model and its changes, without a screen: what the lists show, what is refused."""

from __future__ import annotations

from datetime import date

import pytest

from tenant_inspect import fieldwork, inspections
from tenant_inspect.edits import setup as setup_edits
from tenant_inspect.errors import ValidationError
from tenant_inspect.views.setup import DETAILS, load_details, load_lists


@pytest.fixture
def inspection_id(store) -> str:
    with store.write() as s:
        i = inspections.create_inspection(s, title="Resident involvement", landlord="Vale Homes")
        inspections.add_area(s, i.id, name="Repairs", interviews_planned=2)
        return i.id


def lists(store, inspection_id: str):
    with store.read() as s:
        return load_lists(s, inspection_id)


def test_details_are_every_field_set_up_shows(store, inspection_id):
    with store.write() as s:
        setup_edits.save_detail(s, inspection_id, "start_date", date(2025, 3, 14))
    with store.read() as s:
        details = load_details(s, inspection_id)
    assert list(details) == list(DETAILS)
    assert details["title"] == "Resident involvement"
    assert details["start_date"] == date(2025, 3, 14)
    assert details["status"] == "planning"


def test_areas_are_lettered_in_report_order_and_move(store, inspection_id):
    with store.write() as s:
        finance = setup_edits.add_area(s, inspection_id, "Finance", "department")
        setup_edits.add_area(s, inspection_id, "Value for money", "theme")
        setup_edits.move_area(s, finance, -1)
        setup_edits.plan_interviews(s, finance, 4)
    areas, _ = lists(store, inspection_id)
    assert [(a.letter, a.name, a.kind, a.interviews_planned) for a in areas] == [
        ("A", "Desktop review", "desktop_review", 0),
        ("B", "Finance", "department", 4),
        ("C", "Repairs", "department", 2),
        ("D", "Value for money", "theme", 0),
    ]


def test_an_area_in_use_is_not_removed(store, inspection_id):
    areas, _ = lists(store, inspection_id)
    repairs = areas[-1].id
    with store.write() as s:
        fieldwork.add_interview(s, inspection_id, interviewee_role="Officer", area_id=repairs)
    with pytest.raises(ValidationError, match="still has 1 interviews"), store.write() as s:
        setup_edits.remove_area(s, repairs)
    assert [a.name for a in lists(store, inspection_id)[0]] == ["Desktop review", "Repairs"]


def test_the_first_member_coordinates_until_someone_else_is_made_coordinator(store, inspection_id):
    with store.write() as s:
        setup_edits.add_member(s, inspection_id, "Ann Example")
        bob = setup_edits.add_member(s, inspection_id, "Bob Sample")
    assert [(t.name, t.role) for t in lists(store, inspection_id)[1]] == [
        ("Ann Example", "coordinator"),
        ("Bob Sample", "inspector"),
    ]
    with store.write() as s:
        setup_edits.make_coordinator(s, bob)
        setup_edits.rename_member(s, bob, "Bob Smith")
    assert [(t.name, t.role) for t in lists(store, inspection_id)[1]] == [
        ("Ann Example", "inspector"),
        ("Bob Smith", "coordinator"),
    ]


def test_typed_details_are_checked_against_the_services_limits():
    assert setup_edits.check_detail("title", "  Repairs ", "Title") == ("Repairs", None)
    assert setup_edits.check_detail("scope", " as typed\n", "Scope") == (" as typed\n", None)
    assert setup_edits.check_detail("end_date", "14/03/2025", "End date") == (
        date(2025, 3, 14),
        None,
    )
    _, problem = setup_edits.check_detail("landlord", " ", "Landlord")
    assert problem == "Landlord: give the landlord's name. Not saved while it is empty."
    _, problem = setup_edits.check_detail("report_number", "x" * 51, "Report number")
    assert problem == "Report number: too long (51 characters; at most 50). Not saved."
    _, problem = setup_edits.check_detail("start_date", "3rd March", "Start date")
    assert problem is not None and problem.startswith("Start date: “3rd March” is not a date.")


def test_interviews_planned_must_be_a_whole_number_the_service_accepts():
    assert setup_edits.check_planned("4") is None
    assert setup_edits.check_planned("500") is None
    for wrong in ("lots", "-1", "501", "2.5"):
        assert "whole number from 0 to 500" in (setup_edits.check_planned(wrong) or "")
