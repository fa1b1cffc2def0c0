"""Initial schema: the whole data model (see tenant_inspect/models.py).

Column types are spelled with plain SQLAlchemy types so this file never
changes when the models do; datetimes are fixed-width UTC text (VARCHAR 32).


Revision ID: 0001
Revises:
Create Date: 2026-11-22 08:23:53.662181
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "inspection",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("landlord", sa.String(length=200), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("scope", sa.String(), nullable=False),
        sa.Column("report_number", sa.String(length=50), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("report_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("preface", sa.String(), nullable=False),
        sa.Column("acknowledgements", sa.String(), nullable=False),
        sa.Column("introduction", sa.String(), nullable=False),
        sa.Column("methodology", sa.String(), nullable=False),
        sa.Column("other_methods", sa.String(), nullable=False),
        sa.Column("include_team_in_report", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("inspection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_hlc"), ["hlc"], unique=False)

    op.create_table(
        "area",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("interviews_planned", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_area_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_area_inspection_id"), ["inspection_id"], unique=False)

    op.create_table(
        "conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("kept_value", sa.JSON(), nullable=False),
        sa.Column("kept_hlc", sa.String(length=96), nullable=False),
        sa.Column("other_value", sa.JSON(), nullable=False),
        sa.Column("other_hlc", sa.String(length=96), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("resolved_at", sa.String(length=32), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conflict_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_conflict_row_id"), ["row_id"], unique=False)

    op.create_table(
        "questionnaire_copy",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("questionnaire_id", sa.String(length=80), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source_text", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "inspection_id", "questionnaire_id", "version", name="uq_qcopy_version"
        ),
    )
    with op.batch_alter_table("questionnaire_copy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_questionnaire_copy_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_questionnaire_copy_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "team_member",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("include_in_report", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_member_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_team_member_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "conclusion",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("area_id", sa.String(), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("conclusion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conclusion_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_conclusion_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_conclusion_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "document_review",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("area_id", sa.String(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("document_date", sa.Date(), nullable=True),
        sa.Column("undated", sa.Boolean(), nullable=False),
        sa.Column("version", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("reviewer_id", sa.String(), nullable=True),
        sa.Column("questionnaire_id", sa.String(length=80), nullable=False),
        sa.Column("questionnaire_version", sa.String(length=40), nullable=False),
        sa.Column("observations", sa.String(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("current_question", sa.String(length=80), nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"],
            ["team_member.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("document_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_review_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_review_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_document_review_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "interview",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("area_id", sa.String(), nullable=True),
        sa.Column("interviewee_kind", sa.String(length=20), nullable=False),
        sa.Column("interviewee_role", sa.String(length=120), nullable=False),
        sa.Column("interviewee_name", sa.String(length=120), nullable=False),
        sa.Column("interview_date", sa.Date(), nullable=True),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("questionnaire_id", sa.String(length=80), nullable=False),
        sa.Column("questionnaire_version", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("current_question", sa.String(length=80), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interview_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_interview_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interview_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "judgement",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("area_id", sa.String(), nullable=False),
        sa.Column("judge_id", sa.String(), nullable=True),
        sa.Column("grade", sa.String(length=30), nullable=False),
        sa.Column("rationale", sa.String(), nullable=False),
        sa.Column("is_final", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["team_member.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("judgement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_judgement_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_judgement_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_judgement_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "recommendation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("area_id", sa.String(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("sub_actions", sa.JSON(), nullable=False),
        sa.Column("expected_benefits", sa.String(), nullable=False),
        sa.Column("impact", sa.String(length=10), nullable=False),
        sa.Column("cost", sa.String(length=10), nullable=False),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recommendation_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_recommendation_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_recommendation_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "action_plan_item",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("recommendation_id", sa.String(), nullable=False),
        sa.Column("key_outcomes", sa.String(), nullable=False),
        sa.Column("key_actions", sa.String(), nullable=False),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column("by_when", sa.Date(), nullable=True),
        sa.Column("progress", sa.String(), nullable=False),
        sa.Column("how_we_know", sa.String(), nullable=False),
        sa.Column("costs", sa.String(), nullable=False),
        sa.Column("tenant_say", sa.String(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("action_plan_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_plan_item_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_action_plan_item_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_plan_item_recommendation_id"), ["recommendation_id"], unique=False
        )

    op.create_table(
        "answer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("interview_id", sa.String(), nullable=True),
        sa.Column("document_review_id", sa.String(), nullable=True),
        sa.Column("question_key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_review_id"],
            ["document_review.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_answer_document_review_id"), ["document_review_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_answer_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_answer_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_answer_interview_id"), ["interview_id"], unique=False)

    op.create_table(
        "interview_interviewer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("interview_id", sa.String(), nullable=False),
        sa.Column("member_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["team_member.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("interview_id", "member_id", name="uq_interviewer"),
    )
    with op.batch_alter_table("interview_interviewer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interview_interviewer_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interview_interviewer_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interview_interviewer_interview_id"), ["interview_id"], unique=False
        )

    op.create_table(
        "finding",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("area_id", sa.String(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("document_review_id", sa.String(), nullable=True),
        sa.Column("interview_id", sa.String(), nullable=True),
        sa.Column("answer_id", sa.String(), nullable=True),
        sa.Column("question_key", sa.String(length=80), nullable=False),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.Column("merged_into_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
        ),
        sa.ForeignKeyConstraint(
            ["document_review_id"],
            ["document_review.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_finding_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_finding_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index("ix_finding_inspection_kind", ["inspection_id", "kind"], unique=False)

    op.create_table(
        "recommendation_finding",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=96), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("inspection_id", sa.String(), nullable=False),
        sa.Column("recommendation_id", sa.String(), nullable=False),
        sa.Column("finding_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["finding.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspection.id"],
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("recommendation_id", "finding_id", name="uq_recommendation_finding"),
    )
    with op.batch_alter_table("recommendation_finding", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recommendation_finding_finding_id"), ["finding_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_recommendation_finding_hlc"), ["hlc"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_recommendation_finding_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_recommendation_finding_recommendation_id"),
            ["recommendation_id"],
            unique=False,
        )


def downgrade() -> None:

    with op.batch_alter_table("recommendation_finding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recommendation_finding_recommendation_id"))
        batch_op.drop_index(batch_op.f("ix_recommendation_finding_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_recommendation_finding_hlc"))
        batch_op.drop_index(batch_op.f("ix_recommendation_finding_finding_id"))

    op.drop_table("recommendation_finding")
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.drop_index("ix_finding_inspection_kind")
        batch_op.drop_index(batch_op.f("ix_finding_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_finding_hlc"))
        batch_op.drop_index(batch_op.f("ix_finding_area_id"))

    op.drop_table("finding")
    with op.batch_alter_table("interview_interviewer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_interviewer_interview_id"))
        batch_op.drop_index(batch_op.f("ix_interview_interviewer_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_interview_interviewer_hlc"))

    op.drop_table("interview_interviewer")
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_answer_interview_id"))
        batch_op.drop_index(batch_op.f("ix_answer_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_answer_hlc"))
        batch_op.drop_index(batch_op.f("ix_answer_document_review_id"))

    op.drop_table("answer")
    with op.batch_alter_table("action_plan_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_plan_item_recommendation_id"))
        batch_op.drop_index(batch_op.f("ix_action_plan_item_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_action_plan_item_hlc"))

    op.drop_table("action_plan_item")
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recommendation_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_recommendation_hlc"))
        batch_op.drop_index(batch_op.f("ix_recommendation_area_id"))

    op.drop_table("recommendation")
    with op.batch_alter_table("judgement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_judgement_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_judgement_hlc"))
        batch_op.drop_index(batch_op.f("ix_judgement_area_id"))

    op.drop_table("judgement")
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_interview_hlc"))
        batch_op.drop_index(batch_op.f("ix_interview_area_id"))

    op.drop_table("interview")
    with op.batch_alter_table("document_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_review_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_document_review_hlc"))
        batch_op.drop_index(batch_op.f("ix_document_review_area_id"))

    op.drop_table("document_review")
    with op.batch_alter_table("conclusion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conclusion_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_conclusion_hlc"))
        batch_op.drop_index(batch_op.f("ix_conclusion_area_id"))

    op.drop_table("conclusion")
    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_member_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_team_member_hlc"))

    op.drop_table("team_member")
    with op.batch_alter_table("questionnaire_copy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questionnaire_copy_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_questionnaire_copy_hlc"))

    op.drop_table("questionnaire_copy")
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflict_row_id"))
        batch_op.drop_index(batch_op.f("ix_conflict_inspection_id"))

    op.drop_table("conflict")
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_area_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_area_hlc"))

    op.drop_table("area")
    with op.batch_alter_table("inspection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_hlc"))

    op.drop_table("inspection")
    op.drop_table("app_setting")
