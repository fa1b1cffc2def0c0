"""The tables of what happens after the report (issue 12): the landlord's response to each
recommendation, the panel's monitoring rounds, and the prospects for improvement.

Kept apart from :mod:`.models` only to keep each module readable; they are synced tables
like every other (:class:`SyncedRow` bookkeeping, tombstones, per-field stamps) and are
listed in :data:`.models.SYNCED_MODELS`. Three of them have *derived* ids
(:mod:`.bundle_derived_ids`): one response per recommendation, one entry per round and
item, one prospects row per inspection, so two laptops writing "the same" row make one row
and, at worst, a conflict the coordinator sees — never two rows that both print.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from .model_base import SyncedRow


class ActionPlanResponse(SyncedRow, table=True):
    """The landlord's answer to one recommendation, and what the whole plan for it needs.

    Roles, never names, for the responsible officer and the sponsor: the plan is
    published with the report.
    """

    __tablename__ = "action_plan_response"

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    recommendation_id: str = Field(foreign_key="recommendation.id", index=True)
    response: str = Field(default="", max_length=20)
    reason: str = ""
    responsible_role: str = Field(default="", max_length=200)
    sponsor_role: str = Field(default="", max_length=200)
    costs: str = ""
    customer_say: str = ""


class MonitoringRound(SyncedRow, table=True):
    """A dated review of the plan by the panel ("Quarter 1 review")."""

    __tablename__ = "monitoring_round"

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    held_on: date | None = None
    title: str = Field(default="", max_length=200)
    summary: str = ""


class MonitoringEntry(SyncedRow, table=True):
    """What the panel saw of one action-plan item in one round.

    History is the rounds themselves: an item's entry in the previous round is what
    "changed since the last round" compares with.
    """

    __tablename__ = "monitoring_entry"

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    round_id: str = Field(foreign_key="monitoring_round.id", index=True)
    item_id: str = Field(foreign_key="action_plan_item.id", index=True)
    progress_note: str = ""
    status: str = Field(default="not_started", max_length=20)
    evidence: str = ""


class Prospects(SyncedRow, table=True):
    """The final edition's judgement of the landlord's prospects for improvement."""

    __tablename__ = "prospects"

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    track_record: str = Field(default="", max_length=30)
    performance_management: str = Field(default="", max_length=30)
    capacity: str = Field(default="", max_length=30)
    overall: str = Field(default="", max_length=20)
    rationale: str = ""
