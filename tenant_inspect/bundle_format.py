"""The bundle file format: pydantic models for every file inside a kit or return file.

This module *is* the format (docs/bundle-format.md describes it in words): the manifest,
one row model per synced table, the limits, and the allowed member names. Everything is
``extra="forbid"`` and strict (no "1" for 1, no 0 for false), every text has a length cap,
and dates and times are fixed-form strings, so a file that validates here can be written
to the database without surprises and compares byte for byte with what another laptop
exported.

The row models are written out by hand rather than generated from :mod:`models` so that a
change to the database can never silently change the file format; a unit test checks
that they cover exactly the models' fields.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

#: Written in every manifest; a reader refuses a bundle whose version is higher.
FORMAT_NAME = "tenant-inspect-bundle"
FORMAT_VERSION = 1

# ---------------------------------------------------------------------------
# Limits (a bundle over any of these is refused before anything is written)
# ---------------------------------------------------------------------------

MAX_BUNDLE_BYTES = 256 * 1024 * 1024  # the .zip file itself
MAX_ENTRIES = 256  # members in the zip
MAX_MEMBER_BYTES = 128 * 1024 * 1024  # one member, uncompressed
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # all members, uncompressed
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_QUESTIONNAIRE_BYTES = 1_000_000  # as questionnaire.MAX_FILE_BYTES
MAX_RATIO = 200  # uncompressed / compressed, per member larger than RATIO_FLOOR
RATIO_FLOOR = 64 * 1024
MAX_ROWS = 500_000  # per table
MAX_SIBLINGS = 1000  # open conflicts carried by one row
MAX_VECTOR = 512  # devices in one "seen" list

LONG_TEXT = 100_000  # free text: a whole interview's notes fit

#: Change stamps later than this are refused (a broken clock, or a hostile file): the
#: stamp's 13-digit millisecond field must keep sorting as text.
MAX_STAMP_MS = 7_258_118_400_000  # 2200-01-01T00:00:00Z

MANIFEST_NAME = "manifest.json"
DATA_DIR = "data/"
QUESTIONNAIRE_DIR = "questionnaires/"
DATA_NAME_RE = re.compile(r"^data/([a-z_]{1,40})\.json$")
QUESTIONNAIRE_NAME_RE = re.compile(r"^questionnaires/([0-9a-f]{64})\.toml$")

# ---------------------------------------------------------------------------
# Value types
# ---------------------------------------------------------------------------

STAMP_RE = r"^[0-9]{13}-[0-9]{4}-[A-Za-z0-9_.-]{1,64}$"
UUID_RE = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
TIMESTAMP_RE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$"
DAY_RE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DEVICE_RE = r"^[A-Za-z0-9_.-]{1,64}$"
SHA256_RE = r"^[0-9a-f]{64}$"
FIELD_RE = r"^[a-z][a-z0-9_]{0,59}$"

TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def _check_stamp(value: str) -> str:
    if int(value[:13]) > MAX_STAMP_MS:
        raise ValueError("change stamp is later than the year 2200 (check that laptop's clock)")
    return value


def _check_timestamp(value: str) -> str:
    # The pattern fixed the shape; check the numbers (cheaper than strptime per row).
    date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    if int(value[11:13]) > 23 or int(value[14:16]) > 59 or int(value[17:19]) > 59:
        raise ValueError("not a valid time of day")
    return value


def _check_day(value: str) -> str:
    date.fromisoformat(value)
    return value


Stamp = Annotated[
    str, StringConstraints(pattern=STAMP_RE, max_length=96), AfterValidator(_check_stamp)
]
Uuid = Annotated[str, StringConstraints(pattern=UUID_RE)]
Timestamp = Annotated[
    str, StringConstraints(pattern=TIMESTAMP_RE), AfterValidator(_check_timestamp)
]
Day = Annotated[str, StringConstraints(pattern=DAY_RE), AfterValidator(_check_day)]
DeviceId = Annotated[str, StringConstraints(pattern=DEVICE_RE)]
Sha256 = Annotated[str, StringConstraints(pattern=SHA256_RE)]
FieldName = Annotated[str, StringConstraints(pattern=FIELD_RE)]
Vector = Annotated[list[Stamp], Field(max_length=MAX_VECTOR)]


Text30 = Annotated[str, StringConstraints(max_length=30)]
Text40 = Annotated[str, StringConstraints(max_length=40)]
Text50 = Annotated[str, StringConstraints(max_length=50)]
Text60 = Annotated[str, StringConstraints(max_length=60)]
Text80 = Annotated[str, StringConstraints(max_length=80)]
Text100 = Annotated[str, StringConstraints(max_length=100)]
Text120 = Annotated[str, StringConstraints(max_length=120)]
Text200 = Annotated[str, StringConstraints(max_length=200)]
Text5000 = Annotated[str, StringConstraints(max_length=5000)]
Long = Annotated[str, StringConstraints(max_length=LONG_TEXT)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]

InspectionStatus = Literal["planning", "fieldwork", "analysis", "reporting", "complete"]
MemberRole = Literal["coordinator", "inspector"]
AreaKind = Literal["desktop_review", "department", "theme"]
WorkStatus = Literal["not_started", "in_progress", "complete"]
InterviewStatus = Literal["planned", "in_progress", "complete"]
IntervieweeKind = Literal["staff", "tenant", "other"]
FindingKind = Literal["strength", "weakness", "observation", "good_practice"]
Level = Literal["", "high", "medium", "low"]
ActionStatus = Literal["not_started", "in_progress", "achieved", "delayed"]
Grade = Literal["considerably_outweigh", "outweigh", "balance", "weaknesses_outweigh"]

STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)

# ---------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------


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
    costs: Long
    tenant_say: Long
    status: ActionStatus


#: Table name -> row model, in dependency order (parents first), as in models.SYNCED_MODELS.
ROW_MODELS: dict[str, type[Row]] = {
    "inspection": InspectionRow,
    "team_member": TeamMemberRow,
    "area": AreaRow,
    "questionnaire_copy": QuestionnaireCopyRow,
    "document_review": DocumentReviewRow,
    "interview": InterviewRow,
    "interview_interviewer": InterviewInterviewerRow,
    "answer": AnswerRow,
    "finding": FindingRow,
    "judgement": JudgementRow,
    "conclusion": ConclusionRow,
    "recommendation": RecommendationRow,
    "recommendation_finding": RecommendationFindingRow,
    "action_plan_item": ActionPlanItemRow,
}

#: Fields of ``Row`` that are bookkeeping, not content (``deleted_at`` is content).
BOOKKEEPING_FIELDS = frozenset(Row.model_fields) - {"deleted_at"}

#: Fields a file may leave out: only in files not meant for the coordinator.
REDACTABLE: dict[str, frozenset[str]] = {"interview": frozenset({"interviewee_name"})}

#: Content fields that never change after a row is made (ids of parents, keys). Two
#: copies of a row must agree on them; they never have conflicts.
IMMUTABLE: dict[str, frozenset[str]] = {
    "inspection": frozenset(),
    "team_member": frozenset({"inspection_id"}),
    "area": frozenset({"inspection_id"}),
    "questionnaire_copy": frozenset(
        {"inspection_id", "questionnaire_id", "version", "title", "kind", "sha256"}
    ),
    "document_review": frozenset({"inspection_id"}),
    "interview": frozenset({"inspection_id"}),
    "interview_interviewer": frozenset({"inspection_id", "interview_id", "member_id"}),
    "answer": frozenset({"inspection_id", "interview_id", "document_review_id", "question_key"}),
    "finding": frozenset({"inspection_id"}),
    "judgement": frozenset({"inspection_id"}),
    "conclusion": frozenset({"inspection_id"}),
    "recommendation": frozenset({"inspection_id"}),
    "recommendation_finding": frozenset({"inspection_id", "recommendation_id", "finding_id"}),
    "action_plan_item": frozenset({"inspection_id", "recommendation_id"}),
}

#: References between rows (field -> table). All must point at a row of the same
#: inspection, in the file or already on the laptop.
REFERENCES: dict[str, dict[str, str]] = {
    "inspection": {},
    "team_member": {},
    "area": {},
    "questionnaire_copy": {},
    "document_review": {"area_id": "area", "reviewer_id": "team_member"},
    "interview": {"area_id": "area"},
    "interview_interviewer": {"interview_id": "interview", "member_id": "team_member"},
    "answer": {"interview_id": "interview", "document_review_id": "document_review"},
    "finding": {
        "area_id": "area",
        "document_review_id": "document_review",
        "interview_id": "interview",
        "answer_id": "answer",
        "merged_into_id": "finding",
    },
    "judgement": {"area_id": "area", "judge_id": "team_member"},
    "conclusion": {"area_id": "area"},
    "recommendation": {"area_id": "area"},
    "recommendation_finding": {"recommendation_id": "recommendation", "finding_id": "finding"},
    "action_plan_item": {"recommendation_id": "recommendation"},
}


def content_fields(table: str) -> tuple[str, ...]:
    """The fields of a table's rows that carry data (and a change stamp each)."""
    return tuple(f for f in ROW_MODELS[table].model_fields if f not in BOOKKEEPING_FIELDS)


# ---------------------------------------------------------------------------
# Manifest
# ---------------------------------------------------------------------------


class Exporter(BaseModel):
    model_config = STRICT

    member_id: Uuid | None
    device_id: DeviceId


class Recipient(BaseModel):
    model_config = STRICT

    member_id: Uuid
    role: MemberRole


class MemberFile(BaseModel):
    model_config = STRICT

    sha256: Sha256
    size: Annotated[int, Field(ge=0, le=MAX_MEMBER_BYTES)]


class Manifest(BaseModel):
    """``manifest.json``: what the bundle is, who made it, and a checksum of every file."""

    model_config = STRICT

    format: Literal["tenant-inspect-bundle"]
    format_version: Annotated[int, Field(ge=1, le=FORMAT_VERSION)]
    app_version: Text40
    inspection_id: Uuid
    inspection_title: Text200
    created_at: Timestamp
    exported_by: Exporter
    recipient: Recipient | None
    names_included: bool
    counts: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,40}$")], Count]
    files: Annotated[
        dict[Annotated[str, StringConstraints(max_length=200)], MemberFile],
        Field(max_length=MAX_ENTRIES),
    ]
