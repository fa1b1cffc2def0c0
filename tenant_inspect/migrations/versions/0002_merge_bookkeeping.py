"""Merge bookkeeping for team working without a server (issue 5).

* ``field_seen`` and ``deleted_seen`` (JSON, default ``{}``) on every synced table: what
  this laptop has seen of each field's changes, and what a deleting laptop had seen, so a
  merge can tell concurrent edits from edits made on top of each other.
* ``conflict.kind`` ("edit" or "delete", default "edit").
* The unique constraints on ``questionnaire_copy`` (inspection, questionnaire, version) and
  ``recommendation_finding`` (recommendation, finding) are dropped: two laptops can make
  those rows independently with different ids, and a merge must be able to keep both.

Existing rows keep every value; the new columns start empty, which means "nothing seen
beyond the stamps already in ``field_clocks``" — exactly true for a database that has never
merged. Plain SQLAlchemy types only, so this file never changes when the models do.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 09:00:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SYNCED_TABLES = (
    "inspection",
    "team_member",
    "area",
    "questionnaire_copy",
    "document_review",
    "interview",
    "interview_interviewer",
    "answer",
    "finding",
    "judgement",
    "conclusion",
    "recommendation",
    "recommendation_finding",
    "action_plan_item",
)


def upgrade() -> None:
    # SQLite adds a column with a constant default in place (no table rebuild, no
    # reflection), so plain add_column is both safe and fast here; only dropping the
    # constraints needs batch mode's rebuild.
    for table in SYNCED_TABLES:
        for column in ("field_seen", "deleted_seen"):
            op.add_column(
                table, sa.Column(column, sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
            )
    op.add_column(
        "conflict",
        sa.Column("kind", sa.String(length=10), nullable=False, server_default=sa.text("'edit'")),
    )
    if op.get_bind().dialect.name != "sqlite":  # PostgreSQL drops a constraint in place
        op.drop_constraint("uq_qcopy_version", "questionnaire_copy", type_="unique")
        op.drop_constraint("uq_recommendation_finding", "recommendation_finding", type_="unique")
        return
    # The two rebuilds are given the tables as they stand (copy_from) instead of
    # reflecting them, which keeps creating a new database quick (SQLite only: a rebuild
    # drops the table, which PostgreSQL refuses while other tables refer to it).
    with op.batch_alter_table(
        "questionnaire_copy", copy_from=_questionnaire_copy(unique=True), recreate="always"
    ) as batch_op:
        batch_op.drop_constraint("uq_qcopy_version", type_="unique")
    with op.batch_alter_table(
        "recommendation_finding", copy_from=_recommendation_finding(unique=True), recreate="always"
    ) as batch_op:
        batch_op.drop_constraint("uq_recommendation_finding", type_="unique")


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
    ]


def _seen() -> list[sa.Column[Any]]:
    return [
        sa.Column("field_seen", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
        sa.Column("deleted_seen", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
    ]


def _questionnaire_copy(*, unique: bool) -> sa.Table:
    """questionnaire_copy as 0001 made it plus the columns added above."""
    extra = (
        [
            sa.UniqueConstraint(
                "inspection_id", "questionnaire_id", "version", name="uq_qcopy_version"
            )
        ]
        if unique
        else []
    )
    return sa.Table(
        "questionnaire_copy",
        sa.MetaData(),
        *_bookkeeping(),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("questionnaire_id", sa.String(length=80), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source_text", sa.String(), nullable=False),
        *_seen(),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspection.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.Index("ix_questionnaire_copy_hlc", "hlc"),
        sa.Index("ix_questionnaire_copy_inspection_id", "inspection_id"),
        *extra,
    )


def _recommendation_finding(*, unique: bool) -> sa.Table:
    """recommendation_finding as 0001 made it plus the columns added above."""
    extra = (
        [sa.UniqueConstraint("recommendation_id", "finding_id", name="uq_recommendation_finding")]
        if unique
        else []
    )
    return sa.Table(
        "recommendation_finding",
        sa.MetaData(),
        *_bookkeeping(),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("recommendation_id", sa.String(), nullable=False),
        sa.Column("finding_id", sa.String(), nullable=False),
        *_seen(),
        sa.ForeignKeyConstraint(["finding_id"], ["finding.id"]),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspection.id"]),
        sa.ForeignKeyConstraint(["recommendation_id"], ["recommendation.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.Index("ix_recommendation_finding_finding_id", "finding_id"),
        sa.Index("ix_recommendation_finding_hlc", "hlc"),
        sa.Index("ix_recommendation_finding_inspection_id", "inspection_id"),
        sa.Index("ix_recommendation_finding_recommendation_id", "recommendation_id"),
        *extra,
    )


def downgrade() -> None:
    """Back to 0001 (loses the merge bookkeeping; fails if duplicate links now exist)."""
    with op.batch_alter_table(
        "recommendation_finding", copy_from=_recommendation_finding(unique=False)
    ) as batch_op:
        batch_op.create_unique_constraint(
            "uq_recommendation_finding", ["recommendation_id", "finding_id"]
        )
    with op.batch_alter_table(
        "questionnaire_copy", copy_from=_questionnaire_copy(unique=False)
    ) as batch_op:
        batch_op.create_unique_constraint(
            "uq_qcopy_version", ["inspection_id", "questionnaire_id", "version"]
        )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_column("kind")
    for table in SYNCED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("deleted_seen")
            batch_op.drop_column("field_seen")
