"""Snapshots at 80×24 of the inspection dashboard and the set-up screen.

The data is fixed (titles, names, counts; no dates, ids or paths on screen),
so a change in these pictures is a change in what inspectors see. Logic is
checked by the Pilot tests in tests/functional; these catch layout drift.
Update with ``pytest tests/snapshots --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest

from screens.app import TenantInspectApp
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir
from tests.support.settling import settle, still


@pytest.fixture
def seeded_app(data_dir):
    """An app on a data dir holding one inspection part-way through fieldwork."""
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        i = inspections.create_inspection(
            s, title="Resident involvement", landlord="Riverside Vale Housing"
        )
        cs = inspections.add_area(s, i.id, name="Customer Services", interviews_planned=3)
        hm = inspections.add_area(s, i.id, name="Housing Management", interviews_planned=2)
        inspections.add_area(s, i.id, name="Value for money", kind="theme")
        inspections.add_member(s, i.id, name="Ann Example", role="coordinator")
        inspections.add_member(s, i.id, name="Bob Sample")
        inspections.add_member(s, i.id, name="Chris Test")
        doc = fieldwork.add_document_review(s, i.id, title="Customer Charter", status="complete")
        fieldwork.add_document_review(s, i.id, title="Tenant Involvement Statement")
        talk = fieldwork.add_interview(
            s, i.id, interviewee_role="Customer Services Manager", area_id=cs.id, status="complete"
        )
        analysis.add_finding(
            s, i.id, kind="strength", text="Plain English.", document_review_id=doc.id
        )
        analysis.add_finding(s, i.id, kind="weakness", text="No tenant say.", interview_id=talk.id)
        analysis.add_finding(
            s, i.id, kind="observation", text="English only.", interview_id=talk.id
        )
        analysis.add_finding(s, i.id, kind="good_practice", text="Drop-ins.", area_id=hm.id)
    store.close()
    app = TenantInspectApp(data_dir)
    yield app
    app.shutdown_store()


async def open_dashboard(pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def test_dashboard(snap_compare, seeded_app):
    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=open_dashboard)


def test_setup_details_with_a_bad_date(snap_compare, seeded_app):
    async def run_before(pilot) -> None:
        await open_dashboard(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "tab", *"3rd March", "tab")
        await settle(pilot)
        still(pilot.app)

    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=run_before)


def test_setup_areas(snap_compare, seeded_app):
    async def run_before(pilot) -> None:
        await open_dashboard(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.click("#--content-tab-areas")
        await pilot.press("down")  # into the list
        await settle(pilot)
        still(pilot.app)

    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=run_before)
