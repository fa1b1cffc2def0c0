"""Snapshot at 80×24 of the Team screen after importing two return files and a stray file.

The data is fixed (names, titles, file names, counts; no dates, ids or paths on screen:
the core remembers the kits the fixture makes, so the fixture forgets them again and "Last
kit" says "not yet"; the summary shows file names only). One conflict, so the order of the list cannot vary. Update with
``pytest tests/snapshots --snapshot-update`` and look at the SVG.
"""

from __future__ import annotations

import pytest
from sqlalchemy import delete
from sqlmodel import col

from screens.app import TenantInspectApp
from tenant_inspect import analysis, fieldwork, inspections, records
from tenant_inspect import models as m
from tenant_inspect.bundle.write import export_bundle
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.merge import import_bundles
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir
from tests.support.settling import settle, still


@pytest.fixture
def team_files(data_dir, tmp_path):
    """A coordinator's laptop, and what two inspectors and a stray file bring back."""
    store = open_store(empty_data_dir(data_dir))
    try:
        with store.write() as s:
            i = inspections.create_inspection(
                s, title="Resident involvement", landlord="Riverside Vale Housing"
            )
            inspections.add_member(s, i.id, name="Ann Example", role="coordinator")
            bob = inspections.add_member(s, i.id, name="Bob Sample")
            chris = inspections.add_member(s, i.id, name="Chris Test")
            review = fieldwork.add_document_review(s, i.id, title="Customer Charter")
            charter = analysis.add_finding(
                s, i.id, kind="weakness", text="Out of date.", document_review_id=review.id
            )
            inspection_id = i.id
        kits = {
            who.name: export_bundle(
                store, inspection_id, tmp_path / f"kit-{n}.zip", for_member_id=who.id
            ).path
            for n, who in enumerate((bob, chris))
        }
        with store.write() as s:  # the dates the kits were made would change the screen
            s.execute(delete(m.AppSetting).where(col(m.AppSetting.key).startswith("kit:")))
    finally:
        store.close()
    files = []
    for name, file_name in (("Bob Sample", "bob-return.zip"), ("Chris Test", "chris-return.zip")):
        laptop = open_store(resolve_data_dir(tmp_path / f"laptop-{file_name}"))
        try:
            [result] = import_bundles(laptop, [kits[name]], allow_new=True)
            assert result.ok
            with laptop.write() as s:
                analysis.update_finding(
                    s, records.get(s, m.Finding, charter.id), text=f"{name}: out of date."
                )
                analysis.add_finding(
                    s, inspection_id, kind="strength", text=f"Plain English ({name})."
                )
            files.append(export_bundle(laptop, inspection_id, tmp_path / file_name).path)
        finally:
            laptop.close()
    stray = tmp_path / "minutes.zip"
    stray.write_text("Minutes of the panel meeting\n")
    files.append(stray)
    return files


@pytest.fixture
def app(data_dir):
    app = TenantInspectApp(data_dir)
    yield app
    app.shutdown_store()


def test_team_after_importing_return_files(snap_compare, app, team_files):
    async def run_before(pilot) -> None:
        from textual import events

        await settle(pilot)
        await pilot.press("enter")  # open the inspection
        await settle(pilot)
        await pilot.press("t")  # Team and files
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        field = pilot.app.screen.focused
        field.post_message(events.Paste("\n".join(str(f) for f in team_files)))
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        still(pilot.app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
