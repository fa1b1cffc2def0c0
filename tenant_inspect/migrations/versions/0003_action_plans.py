"""After the report: responses, monitoring rounds and prospects for improvement (issue 12).

* ``action_plan_item`` gains ``by_when_words`` (what was written when "by when" is not a
  plain date: "March 2027", "ongoing") and ``position`` (order within its
  recommendation). Its status vocabulary now matches monitoring: ``in_progress`` becomes
  ``on_track``, ``achieved`` becomes ``done`` and ``delayed`` becomes ``off_track``, in the
  rows and in their open conflicts. ``responsible``, ``costs`` and ``tenant_say`` stay
  (nothing typed is destroyed) but are superseded by the response's fields.
* New synced tables ``action_plan_response`` (one per recommendation),
  ``monitoring_round``, ``monitoring_entry`` (one per round and item) and ``prospects``
  (one per inspection).

Every existing value is kept but the mapped statuses. The two new columns get a change
stamp in ``field_clocks``: the row's earliest stamp (its creation), which every laptop
computes the same, so two laptops that migrate the same row agree on it and a later edit
on one is never taken for a concurrent one. ``position`` starts at 0 everywhere (not a
number worked out from creation order, which could differ between laptops that hold
different rows); order within a recommendation is position, then creation.

Plain SQLAlchemy types only, so this file never changes when the models do.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 00:00:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Old item status -> the monitoring scale (not_started is on both).
STATUS_MAP = {"in_progress": "on_track", "achieved": "done", "delayed": "off_track"}
BACK_MAP = {"on_track": "in_progress", "at_risk": "in_progress", "done": "achieved",
            "off_track": "delayed"}  # fmt: skip
NEW_FIELDS = ("by_when_words", "position")


def _bookkeeping() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("field_seen", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
        sa.Column("deleted_seen", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
        sa.Column("inspection_id", sa.String(), nullable=False),
    ]


def _create(name: str, *columns: Any, indexed: Sequence[str] = ()) -> None:
    fks = [sa.ForeignKeyConstraint(["inspection_id"], ["inspection.id"])]
    op.create_table(name, *_bookkeeping(), *columns, *fks, sa.PrimaryKeyConstraint("id"))
    for column in ("hlc", "inspection_id", *indexed):
        op.create_index(f"ix_{name}_{column}", name, [column], unique=False)


def upgrade() -> None:
    op.add_column(
        "action_plan_item",
        sa.Column("by_when_words", sa.String(length=40), nullable=False, server_default=""),
    )
    op.add_column(
        "action_plan_item",
        sa.Column("position", sa.Integer(), nullable=False, server_default=sa.text("0")),
    )
    _migrate_items()
    _create(
        "action_plan_response",
        sa.Column("recommendation_id", sa.String(), nullable=False),
        sa.Column("response", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("responsible_role", sa.String(length=200), nullable=False),
        sa.Column("sponsor_role", sa.String(length=200), nullable=False),
        sa.Column("costs", sa.String(), nullable=False),
        sa.Column("customer_say", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["recommendation_id"], ["recommendation.id"]),
        indexed=("recommendation_id",),
    )
    _create(
        "monitoring_round",
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.String(), nullable=False),
    )
    _create(
        "monitoring_entry",
        sa.Column("round_id", sa.String(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("progress_note", sa.String(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("evidence", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["monitoring_round.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["action_plan_item.id"]),
        indexed=("round_id", "item_id"),
    )
    _create(
        "prospects",
        sa.Column("track_record", sa.String(length=30), nullable=False),
        sa.Column("performance_management", sa.String(length=30), nullable=False),
        sa.Column("capacity", sa.String(length=30), nullable=False),
        sa.Column("overall", sa.String(length=20), nullable=False),
        sa.Column("rationale", sa.String(), nullable=False),
    )


def _migrate_items() -> None:
    """Map the statuses (rows and open conflicts) and stamp the two new fields."""
    conn = op.get_bind()
    # JSON columns as sa.JSON (not text): values are read and written as Python values, so
    # the same statements run on SQLite (JSON stored as text) and PostgreSQL (json).
    items = sa.table(
        "action_plan_item",
        sa.column("id", sa.String()),
        sa.column("status", sa.String()),
        sa.column("field_clocks", sa.JSON()),
    )
    for row in conn.execute(sa.select(items.c.id, items.c.status, items.c.field_clocks)).all():
        clocks = row.field_clocks or {}
        changed: dict[str, Any] = {}
        if clocks:
            first = min(clocks.values())
            missing = {f: first for f in NEW_FIELDS if f not in clocks}
            if missing:
                changed["field_clocks"] = {**clocks, **missing}
        if row.status in STATUS_MAP:
            changed["status"] = STATUS_MAP[row.status]
        if changed:
            conn.execute(sa.update(items).where(items.c.id == row.id).values(**changed))
    _map_conflicts(conn, STATUS_MAP)


def _map_conflicts(conn: Any, mapping: dict[str, str]) -> None:
    conflicts = sa.table(
        "conflict",
        sa.column("id", sa.String()),
        sa.column("table_name", sa.String()),
        sa.column("field", sa.String()),
        sa.column("kept_value", sa.JSON(none_as_null=True)),
        sa.column("other_value", sa.JSON(none_as_null=True)),
    )
    query = sa.select(conflicts.c.id, conflicts.c.kept_value, conflicts.c.other_value).where(
        conflicts.c.table_name == "action_plan_item", conflicts.c.field == "status"
    )
    for row in conn.execute(query).all():
        values = {}
        for name in ("kept_value", "other_value"):
            value = getattr(row, name)
            if isinstance(value, str) and value in mapping:
                values[name] = mapping[value]
        if values:
            conn.execute(sa.update(conflicts).where(conflicts.c.id == row.id).values(**values))


def downgrade() -> None:
    """Back to 0002: the new tables go; statuses are mapped back as closely as 0002 allows
    (at risk becomes in progress)."""
    for name in ("prospects", "monitoring_entry", "monitoring_round", "action_plan_response"):
        op.drop_table(name)
    conn = op.get_bind()
    for new, old in BACK_MAP.items():
        conn.execute(
            sa.text("UPDATE action_plan_item SET status = :old WHERE status = :new"),
            {"old": old, "new": new},
        )
    _map_conflicts(conn, BACK_MAP)
    items = sa.table(
        "action_plan_item",
        sa.column("id", sa.String()),
        sa.column("field_clocks", sa.JSON()),
        sa.column("field_seen", sa.JSON()),
    )
    for row in conn.execute(sa.select(items)).all():  # 0002's rows stamp only its fields
        clocks, seen = row.field_clocks or {}, row.field_seen or {}
        conn.execute(
            sa.update(items)
            .where(items.c.id == row.id)
            .values(
                field_clocks={k: v for k, v in clocks.items() if k not in NEW_FIELDS},
                field_seen={k: v for k, v in seen.items() if k not in NEW_FIELDS},
            )
        )
    with op.batch_alter_table("action_plan_item", schema=None) as batch_op:
        batch_op.drop_column("position")
        batch_op.drop_column("by_when_words")
