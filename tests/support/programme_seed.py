"""A second landlord's inspection beside the small demo, for the programme views' tests.

The programme views (``tenant_inspect.programme``) need more than one inspection to say
anything: this one shares a weakness theme with the demo (so "recurring weaknesses" has a
theme in two inspections), holds an internal weakness (never shown) and has an action-plan
item past its date and one done (so exactly one is overdue). The unit tests on SQLite and the
light-path tests on a server seed the same inspection through this one function.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tenant_inspect import action_plan, analysis, inspections


def add_second_landlord(session: Any) -> str:
    """Write the inspection in ``session`` (a store's write session); its id."""
    other = inspections.create_inspection(
        session, title="Repairs 2025", landlord="Hillside Homes", start_date=date(2025, 3, 1)
    )
    area = inspections.add_area(session, other.id, name="Repairs")
    analysis.add_finding(
        session, other.id, kind="weakness", text="Mrs Quorn waited a year.", area_id=area.id,
        themes=["access-customer-care"],
    )  # fmt: skip
    analysis.add_finding(
        session, other.id, kind="weakness", text="Internal only", area_id=area.id,
        themes=["diversity"], internal=True,
    )  # fmt: skip
    rec = analysis.add_recommendation(session, other.id, text="Fix repairs faster.")
    action_plan.add_item(session, rec, key_actions="Hire two plumbers", by_when="31/01/2026")
    action_plan.add_item(
        session, rec, key_actions="Done already", by_when="31/01/2026", status="done"
    )
    return str(other.id)
