"""Snapshots of the home screen at 80×24: empty, and with inspections listed."""

from __future__ import annotations

from screens.app import TenantInspectApp
from tenant_inspect import fieldwork, inspections
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    pilot.app.finish_saving()
    await pilot.pause()


def test_home_empty(snap_compare, data_dir):
    app = TenantInspectApp(data_dir)
    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)
    finally:
        app.shutdown_store()


def test_home_with_inspections(snap_compare, data_dir):
    store = open_store(empty_data_dir(data_dir))
    with store.write() as session:
        a = inspections.create_inspection(
            session, title="Repairs: getting a repair done", landlord="Vale Homes"
        )
        fieldwork.add_document_review(session, a.id, title="Repairs handbook")
        b = inspections.create_inspection(
            session,
            title="Resident involvement: staff pledges",
            landlord="Riverside Vale HA",
            status="fieldwork",
        )
        i = fieldwork.add_interview(session, b.id, interviewee_role="Head of Housing")
        fieldwork.update_interview(session, i, status="complete")
        fieldwork.add_interview(session, b.id, interviewee_role="Repairs Officer")
    store.close()
    app = TenantInspectApp(data_dir)
    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)
    finally:
        app.shutdown_store()
