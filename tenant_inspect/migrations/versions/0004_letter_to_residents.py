"""The letter to residents (issue 17): the parts of it a coordinator writes.

* New synced table ``letter_text``: one row per inspection and part (contact details for
  other formats, signature, overall finding) or per area or recommendation (its plain
  paragraph). Rows exist only for parts someone wrote; the letter drafts the rest.

Nothing existing changes. Plain SQLAlchemy types only, so this file never changes when the
models do.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "letter_text",
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
        sa.Column("part", sa.String(length=20), nullable=False),
        sa.Column("area_id", sa.String(), nullable=True),
        sa.Column("recommendation_id", sa.String(), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspection.id"]),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"]),
        sa.ForeignKeyConstraint(["recommendation_id"], ["recommendation.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("hlc", "inspection_id", "area_id", "recommendation_id"):
        op.create_index(f"ix_letter_text_{column}", "letter_text", [column], unique=False)


def downgrade() -> None:
    """Back to 0003: the letter's wording goes (the letter is drafted again)."""
    op.drop_table("letter_text")
