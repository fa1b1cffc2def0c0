"""The action plan, its monitoring and the prospects, written from their screens — by id.

The screens hold plain copies (:mod:`tenant_inspect.views.action_plan`), so every change
names the recommendation, item or round by id and runs here on the app's ordered writer,
through :mod:`tenant_inspect.action_plan` (which validates with :mod:`tenant_inspect.records`).
Functions that make or move something return the id the screen should select afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlmodel import Session


def save_response_field(session: Session, rec_id: str, field: str, value: Any) -> None:
    """One field of a recommendation's response (made on the first write)."""
    from tenant_inspect import action_plan, records
    from tenant_inspect import models as m

    rec = records.get(session, m.Recommendation, rec_id)
    action_plan.set_response_field(session, rec, field, value)


def add_item(session: Session, rec_id: str) -> str:
    """A new, empty item at the end of the recommendation's plan; returns its id."""
    from tenant_inspect import action_plan, records
    from tenant_inspect import models as m

    rec = records.get(session, m.Recommendation, rec_id)
    return action_plan.add_item(session, rec).id


def save_item_field(session: Session, item_id: str, field: str, value: Any) -> None:
    """One field of an item; ``by_when`` as typed ("March 2027", "ongoing", a day)."""
    from tenant_inspect import action_plan, records
    from tenant_inspect import models as m

    item = records.get(session, m.ActionPlanItem, item_id)
    action_plan.update_item_field(session, item, field, value)


def delete_item(session: Session, item_id: str) -> None:
    """Tombstone an item (its monitoring entries stay, as history)."""
    from tenant_inspect import action_plan, records
    from tenant_inspect import models as m

    action_plan.delete_item(session, records.get(session, m.ActionPlanItem, item_id))


def move_item(session: Session, item_id: str, offset: int) -> str:
    """Move an item ``offset`` places among its recommendation's items."""
    from tenant_inspect import action_plan, records
    from tenant_inspect import models as m

    item = records.get(session, m.ActionPlanItem, item_id)
    rec = records.get(session, m.Recommendation, item.recommendation_id)
    ids = [i.id for i in action_plan.items(session, rec)]
    action_plan.move_item(session, item, ids.index(item_id) + offset)
    return item_id


def start_round(session: Session, inspection_id: str, held_on: str, title: str) -> str:
    """A new monitoring round (``held_on`` as typed); returns its id."""
    from tenant_inspect import action_plan

    return action_plan.start_round(session, inspection_id, held_on, title).id


def edit_round(session: Session, round_id: str, held_on: str, title: str) -> str:
    """Correct a round's date (as typed) and title; returns its id, to keep it selected.

    Rounds are listed by date, so a new date may move the round among the others.
    """
    from tenant_inspect import action_plan, records
    from tenant_inspect import models as m

    round_ = records.get(session, m.MonitoringRound, round_id)
    action_plan.update_round(session, round_, held_on=held_on, title=title)
    return round_id


def delete_round(session: Session, round_id: str) -> None:
    """Tombstone a round and its item entries (tombstones, so the deletion travels in bundles)."""
    from tenant_inspect import action_plan, records
    from tenant_inspect import models as m

    action_plan.delete_round(session, records.get(session, m.MonitoringRound, round_id))


def save_entry_field(
    session: Session, round_id: str, item_id: str, field: str, value: Any, *, status: str = ""
) -> None:
    """What the panel saw of one item in one round: progress_note, status or evidence.

    ``status``: the status the screen shows beside a note (for an item not yet seen in the
    round, the one it had before), written with it so a note never leaves "not started".
    """
    from tenant_inspect import action_plan, records
    from tenant_inspect import models as m

    round_ = records.get(session, m.MonitoringRound, round_id)
    item = records.get(session, m.ActionPlanItem, item_id)
    fields = {field: value}
    if status and field != "status":
        fields["status"] = status
    action_plan.record_entry(session, round_, item, **fields)


def save_prospects_field(session: Session, inspection_id: str, field: str, value: Any) -> None:
    """One of the three grades, the overall assessment or the rationale."""
    from tenant_inspect import action_plan

    action_plan.set_prospects_field(session, inspection_id, field, value)
