"""Snapshot at 80×24 of the Letter screen (F3 from Export): the parts drafted from a small
inspection, the contact details written, an area's draft shown with its reading ease.
The drafting itself is checked by tests/unit/test_letter.py."""

from __future__ import annotations

import pytest

from screens.app import TenantInspectApp
from tenant_inspect import analysis, inspections
from tenant_inspect.letter_texts import set_letter_text
from tenant_inspect.store import open_store
from tests.support.settling import settle


@pytest.fixture
def letter_app(data_dir):
    store = open_store(data_dir)
    with store.write() as s:
        i = inspections.create_inspection(
            s, title="Repairs inspection", landlord="Riverside Vale Housing", topic="Repairs"
        )
        inspections.add_member(s, i.id, name="Cora Lane", role="coordinator")
        for name, grade, conclusion in [
            ("Repairs", "weaknesses_outweigh", "Tenants wait too long and are not told why."),
            ("Complaints", "outweigh", "Complaints are answered on time and in plain words."),
        ]:
            area = inspections.add_area(s, i.id, name=name)
            analysis.set_judgement(s, i.id, area_id=area.id, grade=grade, is_final=True)
            analysis.add_conclusion(s, i.id, text=conclusion, area_id=area.id)
        analysis.add_recommendation(s, i.id, text="Give every tenant a date for their repair.")
        set_letter_text(s, i.id, "contact", "Call 0800 014 2030 or email us.")
    store.close()
    app = TenantInspectApp(data_dir)
    yield app
    app.shutdown_store()


async def _open_letter(pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")  # the dashboard
    await settle(pilot)
    await pilot.press("x")  # export
    await settle(pilot)
    await pilot.press("f3")  # the letter's parts
    await settle(pilot)
    await pilot.press("down", "down")  # the first area's paragraph
    await settle(pilot)


def test_letter_parts_with_an_area_draft(snap_compare, letter_app):
    assert snap_compare(letter_app, terminal_size=(80, 24), run_before=_open_letter)
