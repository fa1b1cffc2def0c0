"""Count an inspection's live findings from an index alone (issue 13, the programme list).

* New partial index ``ix_finding_live`` on ``finding (inspection_id)``, holding only the
  rows not deleted (``deleted_at IS NULL``).

Why: the inspections list counts each inspection's live findings, and a large inspection has
a thousand. With only ``(inspection_id)`` indexed, counting them reads every finding's row to
see whether it was deleted: 100 large inspections on a server took 110 ms of a 0.5 s budget
for ``programme list``. The partial index answers the count by itself (on PostgreSQL by an
index-only scan, once autovacuum has marked the table's pages all-visible; on SQLite as a
covering index). The other counted tables hold tens of rows per inspection, not thousands.

Nothing stored changes. Plain SQLAlchemy only, so this file never changes when the models do.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_finding_live",
        "finding",
        ["inspection_id"],
        unique=False,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )


def downgrade() -> None:
    """Back to 0004: the index goes; nothing stored changes."""
    op.drop_index("ix_finding_live", table_name="finding")
