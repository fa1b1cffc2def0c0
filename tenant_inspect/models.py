"""The whole data model of an inspection, as SQLModel tables.

Every synced row (everything an inspector or coordinator creates) carries the
same bookkeeping, from :class:`SyncedRow` (in :mod:`.model_base`), so that kits and return files can be
merged without a server (see docs/architecture.md):

* ``id`` — a client-generated UUID, never reused or renumbered;
* ``created_at`` / ``updated_at`` — timezone-aware UTC, stored as ISO text;
* ``author_id`` (the team member, when known) and ``device_id`` (the laptop);
* ``deleted_at`` — a tombstone: rows are never physically deleted;
* ``hlc`` — the hybrid-logical-clock stamp of the last change, and
  ``field_clocks`` — the stamp of the last change of each field, so a merge
  can take the newest value per field and keep the loser as a conflict;
* ``field_seen`` and ``deleted_seen`` — what the merge needs to tell "changed
  since we last exchanged files" from "changed on both laptops": the changes of
  each field this laptop has seen, and what a deleting laptop had seen when it
  deleted the row (written by :mod:`tenant_inspect.merge`, and by
  :func:`.model_base.remember_replaced_stamps` when an edit replaces another laptop's
  stamp; see docs/architecture.md, "Merging without a server").

The stamps are filled in by :mod:`tenant_inspect.store` on flush, so no
service function can forget them. Enumerated values are plain strings checked
by the service layer (see the ``*_KINDS`` tuples of :mod:`.vocabulary`) — SQLite CHECK
constraints would make every future vocabulary change a table rebuild.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Index, UniqueConstraint, event
from sqlalchemy import text as sql_text
from sqlmodel import Field, SQLModel

from .model_base import SyncedRow as SyncedRow
from .model_base import UTCDateTime as UTCDateTime
from .model_base import new_id as new_id
from .model_base import remember_replaced_stamps
from .model_base import utcnow as utcnow
from .models_letter import LetterText as LetterText
from .models_plan import ActionPlanResponse as ActionPlanResponse
from .models_plan import MonitoringEntry as MonitoringEntry
from .models_plan import MonitoringRound as MonitoringRound
from .models_plan import Prospects as Prospects

# ---------------------------------------------------------------------------
# Inspection and its set-up
# ---------------------------------------------------------------------------


class Inspection(SyncedRow, table=True):
    """One tenant inspection of one service of one landlord."""

    title: str = Field(max_length=200)
    landlord: str = Field(max_length=200)
    topic: str = Field(default="", max_length=200)
    scope: str = ""
    report_number: str = Field(default="", max_length=50)
    start_date: date | None = None
    end_date: date | None = None
    report_date: date | None = None
    status: str = Field(default="planning", max_length=20)
    preface: str = ""
    acknowledgements: str = ""
    introduction: str = ""
    methodology: str = ""
    other_methods: str = ""
    include_team_in_report: bool = True


class TeamMember(SyncedRow, table=True):
    """An inspector or the coordinator. Authors are identified by this id."""

    __tablename__ = "team_member"

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    name: str = Field(max_length=120)
    role: str = Field(default="inspector", max_length=20)
    position: int = 0
    include_in_report: bool = True


class Area(SyncedRow, table=True):
    """A department or theme inspected; the desktop review is an area too."""

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    name: str = Field(max_length=120)
    kind: str = Field(default="department", max_length=20)
    position: int = 0
    description: str = ""
    interviews_planned: int = 0


class QuestionnaireCopy(SyncedRow, table=True):
    """The exact questionnaire text an inspection used, so kits ask the same questions."""

    __tablename__ = "questionnaire_copy"
    # Not unique on (inspection, questionnaire, version): two laptops may each copy the
    # same questionnaire into the inspection; identical copies then coexist after a merge
    # (a copy with the same version but different text is refused by the merge).

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    questionnaire_id: str = Field(max_length=80)
    version: str = Field(max_length=40)
    title: str = Field(max_length=200)
    kind: str = Field(max_length=30)
    sha256: str = Field(max_length=64)
    source_text: str


# ---------------------------------------------------------------------------
# Fieldwork
# ---------------------------------------------------------------------------


class DocumentReview(SyncedRow, table=True):
    """One landlord document reviewed in the desktop review."""

    __tablename__ = "document_review"

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    area_id: str | None = Field(default=None, foreign_key="area.id", index=True)
    title: str = Field(max_length=200)
    document_date: date | None = None
    undated: bool = False
    version: str = Field(default="", max_length=100)
    source: str = Field(default="", max_length=200)
    reviewer_id: str | None = Field(default=None, foreign_key="team_member.id")
    questionnaire_id: str = Field(default="", max_length=80)
    questionnaire_version: str = Field(default="", max_length=40)
    observations: str = ""
    status: str = Field(default="not_started", max_length=20)
    current_question: str = Field(default="", max_length=80)
    internal: bool = False


class Interview(SyncedRow, table=True):
    """An interview with a member of staff or a tenant.

    The interviewee is identified in reports by role and area only;
    ``interviewee_name`` is private and is redacted from every export.
    """

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    area_id: str | None = Field(default=None, foreign_key="area.id", index=True)
    interviewee_kind: str = Field(default="staff", max_length=20)
    interviewee_role: str = Field(max_length=120)
    interviewee_name: str = Field(default="", max_length=120)
    interview_date: date | None = None
    consent: bool = False
    questionnaire_id: str = Field(default="", max_length=80)
    questionnaire_version: str = Field(default="", max_length=40)
    status: str = Field(default="planned", max_length=20)
    current_question: str = Field(default="", max_length=80)
    notes: str = ""


class InterviewInterviewer(SyncedRow, table=True):
    """Which team members carried out an interview (usually a pair)."""

    __tablename__ = "interview_interviewer"
    __table_args__ = (UniqueConstraint("interview_id", "member_id", name="uq_interviewer"),)

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    interview_id: str = Field(foreign_key="interview.id", index=True)
    member_id: str = Field(foreign_key="team_member.id")


class Answer(SyncedRow, table=True):
    """The answer to one question of an interview or a document review.

    Its id is derived from its parent and question key (see
    ``services.answer_id``), so two laptops answering the same question of the
    same interview produce the same row — a merge conflict, not a duplicate.
    """

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    interview_id: str | None = Field(default=None, foreign_key="interview.id", index=True)
    document_review_id: str | None = Field(
        default=None, foreign_key="document_review.id", index=True
    )
    question_key: str = Field(max_length=80)
    value: str = ""
    notes: str = ""
    skipped: bool = False


# ---------------------------------------------------------------------------
# Analysis
# ---------------------------------------------------------------------------


class Finding(SyncedRow, table=True):
    """A strength, weakness, observation or piece of good practice, with its evidence."""

    __table_args__ = (
        Index("ix_finding_inspection_kind", "inspection_id", "kind"),
        # The live ones only: the inspections list counts them from the index alone
        # (migration 0005 says why).
        Index(
            "ix_finding_live",
            "inspection_id",
            sqlite_where=sql_text("deleted_at IS NULL"),
            postgresql_where=sql_text("deleted_at IS NULL"),
        ),
    )

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    area_id: str | None = Field(default=None, foreign_key="area.id", index=True)
    kind: str = Field(max_length=20)
    text: str
    document_review_id: str | None = Field(default=None, foreign_key="document_review.id")
    interview_id: str | None = Field(default=None, foreign_key="interview.id")
    answer_id: str | None = Field(default=None, foreign_key="answer.id")
    question_key: str = Field(default="", max_length=80)
    themes: list[str] = Field(default_factory=list, sa_type=JSON)
    internal: bool = False
    #: When duplicates are merged the loser points at the survivor (no hard delete).
    merged_into_id: str | None = Field(default=None, max_length=36)


class Judgement(SyncedRow, table=True):
    """A grade on the four-point scale for one area, by one judge.

    Several inspectors may judge the same area independently; the agreed
    judgement that goes in the report has ``is_final`` set.
    """

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    area_id: str = Field(foreign_key="area.id", index=True)
    judge_id: str | None = Field(default=None, foreign_key="team_member.id")
    grade: str = Field(max_length=30)
    rationale: str = ""
    is_final: bool = False


class Conclusion(SyncedRow, table=True):
    """An ordered conclusion for one area, or for the whole inspection (no area)."""

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    area_id: str | None = Field(default=None, foreign_key="area.id", index=True)
    text: str
    position: int = 0
    internal: bool = False


class Recommendation(SyncedRow, table=True):
    """A numbered recommendation (R1, R2 ...) citing the findings behind it."""

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    area_id: str | None = Field(default=None, foreign_key="area.id", index=True)
    number: int = 0
    text: str
    sub_actions: list[str] = Field(default_factory=list, sa_type=JSON)
    expected_benefits: str = ""
    impact: str = Field(default="", max_length=10)
    cost: str = Field(default="", max_length=10)
    priority: str = Field(default="", max_length=10)
    target_date: date | None = None
    position: int = 0
    internal: bool = False


class RecommendationFinding(SyncedRow, table=True):
    """Links a recommendation to a finding it answers."""

    __tablename__ = "recommendation_finding"
    # Not unique on (recommendation, finding): links have random ids, so two laptops
    # linking the same pair make two rows, which a merge must be able to keep.

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    recommendation_id: str = Field(foreign_key="recommendation.id", index=True)
    finding_id: str = Field(foreign_key="finding.id", index=True)


class ActionPlanItem(SyncedRow, table=True):
    """One row of the landlord's plan for a recommendation: outcome, action, by when, status.

    ``by_when`` is a date (a month is kept as its last day); ``by_when_words`` is what was
    written when that was not a plain date ("March 2027", "ongoing"). ``responsible``,
    ``costs`` and ``tenant_say`` are superseded by the recommendation's
    :class:`ActionPlanResponse` (one per recommendation, as real plans have them): kept so
    that no migration destroys what was typed, but no service writes them any more.
    """

    __tablename__ = "action_plan_item"

    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    recommendation_id: str = Field(foreign_key="recommendation.id", index=True)
    key_outcomes: str = ""
    key_actions: str = ""
    responsible: str = Field(default="", max_length=200)
    by_when: date | None = None
    progress: str = ""
    how_we_know: str = ""
    costs: str = ""
    tenant_say: str = ""
    status: str = Field(default="not_started", max_length=20)
    by_when_words: str = Field(default="", max_length=40)
    position: int = 0


# ---------------------------------------------------------------------------
# Local-only tables (never exported in bundles)
# ---------------------------------------------------------------------------


class Conflict(SQLModel, table=True):
    """Two versions of one field changed on different laptops since they last met.

    The merge keeps one value in the row and the other here, so nothing is
    silently dropped; the coordinator resolves it in the TUI. The table itself
    is local, but the unresolved "edit" rows are part of the merge state: they
    travel inside bundles as the row's ``siblings`` (see docs/bundle-format.md).
    A row whose two values are equal (the same value written on two laptops)
    is a *twin*: kept for the merge's sake, never shown or counted.
    """

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    inspection_id: str = Field(foreign_key="inspection.id", index=True)
    table_name: str = Field(max_length=40)
    row_id: str = Field(max_length=36, index=True)
    field: str = Field(max_length=60)
    kept_value: Any = Field(default=None, sa_type=JSON)
    kept_hlc: str = Field(default="", max_length=96)
    other_value: Any = Field(default=None, sa_type=JSON)
    other_hlc: str = Field(default="", max_length=96)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    resolution: str = Field(default="", max_length=20)
    #: "edit": two values of ``field`` (``other_*`` is the version not shown);
    #: "delete": the row was deleted on one laptop while changed on another.
    kind: str = Field(default="edit", max_length=10)


class AppSetting(SQLModel, table=True):
    """Per-database settings such as this laptop's device id."""

    __tablename__ = "app_setting"

    key: str = Field(primary_key=True, max_length=60)
    value: str = ""


#: Synced tables in dependency order (parents first) — used by dump, bundles, merges.
SYNCED_MODELS: tuple[type[SyncedRow], ...] = (
    Inspection,
    TeamMember,
    Area,
    QuestionnaireCopy,
    DocumentReview,
    Interview,
    InterviewInterviewer,
    Answer,
    Finding,
    Judgement,
    Conclusion,
    Recommendation,
    RecommendationFinding,
    ActionPlanItem,
    ActionPlanResponse,
    MonitoringRound,
    MonitoringEntry,
    Prospects,
    LetterText,
)

#: Table name -> its synced model, parents first.
MODELS_BY_TABLE: dict[str, type[SyncedRow]] = {
    str(model.__tablename__): model for model in SYNCED_MODELS
}

for _model in SYNCED_MODELS:
    event.listen(_model.field_clocks, "set", remember_replaced_stamps)
