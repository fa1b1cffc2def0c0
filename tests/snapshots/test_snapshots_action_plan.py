"""Snapshots at 80×24 of the action plan and monitoring screens.

The dates are fixed and far from today (by-whens in 2020 are overdue on any day the tests
run, 2099 never is; rounds held in 2027), so the pictures do not drift with the calendar.
The logic is checked by tests/functional/test_action_plan.py and test_monitoring.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from screens.app import TenantInspectApp
from tenant_inspect import action_plan, analysis, inspections
from tenant_inspect.store import open_store
from tests.support.settling import settle


@pytest.fixture
def plan_app(data_dir):
    """Two recommendations answered, three items (one overdue), two monitoring rounds."""
    store = open_store(data_dir)
    with store.write() as s:
        i = inspections.create_inspection(
            s, title="Resident involvement", landlord="Riverside Vale Housing"
        )
        r1 = analysis.add_recommendation(
            s, i.id, text="Give every repairs officer involvement training within six months."
        )
        r2 = analysis.add_recommendation(
            s, i.id, text="Tell tenants what changed after every consultation."
        )
        action_plan.set_response(
            s, r1, response="accepted", reason="Training is in next year's budget.",
            responsible_role="Head of Repairs", sponsor_role="Director of Operations",
            costs="Two days of the trainer's time.",
            customer_say="Tenant trainers deliver half of each course.",
        )  # fmt: skip
        action_plan.set_response(s, r2, response="partly_accepted", reason="Not for surveys.")
        items = [
            action_plan.add_item(
                s, r1, key_outcomes="Tenants meet officers who know the pledges.",
                key_actions="Book the tenant trainers.", by_when="31/01/2020", status="on_track",
            ),
            action_plan.add_item(
                s, r1, key_outcomes="Every officer trained.", key_actions="Run six courses.",
                by_when="March 2099", status="not_started",
            ),
            action_plan.add_item(
                s, r2, key_actions="A 'you said, we did' page after each consultation.",
                by_when="ongoing", status="on_track",
            ),
        ]  # fmt: skip
        q1 = action_plan.start_round(s, i.id, date(2027, 6, 14), "Quarter 1 review")
        q2 = action_plan.start_round(s, i.id, date(2027, 9, 13), "Quarter 2 review")
        for round_, item, status, note in [
            (q1, items[0], "on_track", "Trainers booked."),
            (q1, items[1], "not_started", "Waiting for the budget."),
            (q2, items[0], "at_risk", "Only two trainers booked."),
            (q2, items[1], "off_track", "Budget cut: courses postponed."),
            (q2, items[2], "on_track", "First page published."),
        ]:
            action_plan.record_entry(s, round_, item, status=status, progress_note=note)
    store.close()
    app = TenantInspectApp(data_dir)
    yield app
    app.shutdown_store()


def opening(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")  # the inspection's dashboard
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def test_action_plan_items(snap_compare, plan_app):
    # R1's items, the first selected: overdue in words, and its form below.
    assert snap_compare(plan_app, terminal_size=(80, 24), run_before=opening("p", "tab"))


def test_monitoring_second_round(snap_compare, plan_app):
    assert snap_compare(plan_app, terminal_size=(80, 24), run_before=opening("o"))
