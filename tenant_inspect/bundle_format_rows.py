"""Row models of the bundle format: one strict pydantic model per synced table.

Part of the format (see :mod:`.bundle_format`). Written out by hand rather than generated
from :mod:`models` so that a change to the database can never silently change the file
format; a unit test checks that they cover exactly the models' fields. Also which fields
are fixed after creation, which are references and which may be redacted are in
:mod:`.bundle_format_tables`.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field

from .bundle_format_types import (
    MAX_SIBLINGS,
    STRICT,
    ActionStatus,
    AreaKind,
    Count,
    Day,
    DeviceId,
    FieldName,
    FindingKind,
    Grade,
    InspectionStatus,
    IntervieweeKind,
    InterviewStatus,
    LetterPart,
    Level,
    Long,
    MemberRole,
    Prospect,
    ProspectGrade,
    Response,
    Sha256,
    Stamp,
    Text30,
    Text40,
    Text50,
    Text60,
    Text80,
    Text100,
    Text120,
    Text200,
    Text5000,
    Timestamp,
    Uuid,
    Vector,
    WorkStatus,
)


class Sibling(BaseModel):
    """An open conflict travelling with its row: a version of ``field`` not shown."""

    model_config = STRICT

    field: FieldName
    hlc: Stamp
    value: Any  # checked against the field's own type by the reader


class Row(BaseModel):
    """Bookkeeping every row carries (see docs/bundle-format.md, "Rows")."""

    model_config = STRICT

    id: Uuid
    created_at: Timestamp
    updated_at: Timestamp
    author_id: Uuid | None
    device_id: DeviceId
    hlc: Stamp
    field_clocks: dict[FieldName, Stamp]
    field_seen: dict[FieldName, Vector] = Field(default_factory=dict)
    siblings: Annotated[list[Sibling], Field(max_length=MAX_SIBLINGS)] = Field(default_factory=list)
    deleted_seen: dict[Stamp, Vector] = Field(default_factory=dict)
    deleted_at: Timestamp | None


class InspectionRow(Row):
    title: Text200
    landlord: Text200
    topic: Text200
    scope: Long
    report_number: Text50
    start_date: Day | None
    end_date: Day | None
    report_date: Day | None
    status: InspectionStatus
    preface: Long
    acknowledgements: Long
    introduction: Long
    methodology: Long
    other_methods: Long
    include_team_in_report: bool


class TeamMemberRow(Row):
    inspection_id: Uuid
    name: Text120
    role: MemberRole
    position: Count
    include_in_report: bool


class AreaRow(Row):
    inspection_id: Uuid
    name: Text120
    kind: AreaKind
    position: Count
    description: Long
    interviews_planned: Count


class QuestionnaireCopyRow(Row):
    """The questionnaire's text is the member ``questionnaires/<sha256>.toml``."""

    inspection_id: Uuid
    questionnaire_id: Text80
    version: Text40
    title: Text200
    kind: Text30
    sha256: Sha256


class DocumentReviewRow(Row):
    inspection_id: Uuid
    area_id: Uuid | None
    title: Text200
    document_date: Day | None
    undated: bool
    version: Text100
    source: Text200
    reviewer_id: Uuid | None
    questionnaire_id: Text80
    questionnaire_version: Text40
    observations: Long
    status: WorkStatus
    current_question: Text80
    internal: bool


class InterviewRow(Row):
    """``interviewee_name`` is left out of files not meant for the coordinator."""

    inspection_id: Uuid
    area_id: Uuid | None
    interviewee_kind: IntervieweeKind
    interviewee_role: Text120
    interviewee_name: Text120 | None = None
    interview_date: Day | None
    consent: bool
    questionnaire_id: Text80
    questionnaire_version: Text40
    status: InterviewStatus
    current_question: Text80
    notes: Long


class InterviewInterviewerRow(Row):
    inspection_id: Uuid
    interview_id: Uuid
    member_id: Uuid


class AnswerRow(Row):
    inspection_id: Uuid
    interview_id: Uuid | None
    document_review_id: Uuid | None
    question_key: Text80
    value: Long
    notes: Long
    skipped: bool


class FindingRow(Row):
    inspection_id: Uuid
    area_id: Uuid | None
    kind: FindingKind
    text: Long
    document_review_id: Uuid | None
    interview_id: Uuid | None
    answer_id: Uuid | None
    question_key: Text80
    themes: Annotated[list[Text60], Field(max_length=50)]
    internal: bool
    merged_into_id: Uuid | None


class JudgementRow(Row):
    inspection_id: Uuid
    area_id: Uuid
    judge_id: Uuid | None
    grade: Grade
    rationale: Long
    is_final: bool


class ConclusionRow(Row):
    inspection_id: Uuid
    area_id: Uuid | None
    text: Long
    position: Count
    internal: bool


class RecommendationRow(Row):
    inspection_id: Uuid
    area_id: Uuid | None
    number: Annotated[int, Field(ge=0, le=10_000)]
    text: Long
    sub_actions: Annotated[list[Text5000], Field(max_length=100)]
    expected_benefits: Long
    impact: Level
    cost: Level
    priority: Level
    target_date: Day | None
    position: Count
    internal: bool


class RecommendationFindingRow(Row):
    inspection_id: Uuid
    recommendation_id: Uuid
    finding_id: Uuid


class ActionPlanItemRow(Row):
    inspection_id: Uuid
    recommendation_id: Uuid
    key_outcomes: Long
    key_actions: Long
    responsible: Text200
    by_when: Day | None
    progress: Long
    how_we_know: Long
    costs: Long  # superseded by the response's, like responsible and tenant_say
    tenant_say: Long
    status: ActionStatus
    by_when_words: Text40  # (format 2)
    position: Count  # (format 2)


class ActionPlanResponseRow(Row):
    inspection_id: Uuid
    recommendation_id: Uuid
    response: Response
    reason: Long
    responsible_role: Text200
    sponsor_role: Text200
    costs: Long
    customer_say: Long


class MonitoringRoundRow(Row):
    inspection_id: Uuid
    held_on: Day | None
    title: Text200
    summary: Long


class MonitoringEntryRow(Row):
    inspection_id: Uuid
    round_id: Uuid
    item_id: Uuid
    progress_note: Long
    status: ActionStatus
    evidence: Long


class ProspectsRow(Row):
    inspection_id: Uuid
    track_record: ProspectGrade
    performance_management: ProspectGrade
    capacity: ProspectGrade
    overall: Prospect
    rationale: Long


class LetterTextRow(Row):
    """(format 3) One part of the letter to residents, as the coordinator wrote it."""

    inspection_id: Uuid
    part: LetterPart
    area_id: Uuid | None
    recommendation_id: Uuid | None
    text: Long
