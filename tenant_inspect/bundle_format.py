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

The value types (text caps, vocabularies, stamp and timestamp forms) are in
:mod:`.bundle_format_types`; the row models are in :mod:`.bundle_format_rows` and are
re-exported here with the manifest. The file-level limits stay here because the reader looks
them up on this module when it runs (tests lower them).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from .bundle_derived_ids import DERIVED_IDS, ID_NAMESPACE, DerivedId, derived_id
from .bundle_format_rows import (
    ActionPlanItemRow,
    ActionPlanResponseRow,
    AnswerRow,
    AreaRow,
    ConclusionRow,
    DocumentReviewRow,
    FindingRow,
    InspectionRow,
    InterviewInterviewerRow,
    InterviewRow,
    JudgementRow,
    LetterTextRow,
    MonitoringEntryRow,
    MonitoringRoundRow,
    ProspectsRow,
    QuestionnaireCopyRow,
    RecommendationFindingRow,
    RecommendationRow,
    Row,
    Sibling,
    TeamMemberRow,
)
from .bundle_format_tables import (
    BOOKKEEPING_FIELDS,
    IMMUTABLE,
    REDACTABLE,
    REFERENCES,
    ROW_MODELS,
    content_fields,
    field_adapter,
    plain_value,
)
from .bundle_format_types import (
    MAX_STAMP_AHEAD_DAYS,
    MAX_STAMP_MS,
    STRICT,
    Count,
    DeviceId,
    MemberRole,
    Sha256,
    Text40,
    Text200,
    Timestamp,
    Uuid,
)

#: Written in every manifest; a reader refuses a bundle whose version is higher and reads
#: every version from 1 up (:mod:`.bundle_format_v1` brings a format-1 file's rows up to
#: date as they are read). Format 2 added the action-plan tables (docs/bundle-format.md, 11),
#: format 3 the letter to residents' ``letter_text`` (section 12).
FORMAT_NAME = "tenant-inspect-bundle"
FORMAT_VERSION = 3

# ---------------------------------------------------------------------------
# Limits (a bundle over any of these is refused before anything is written)
# ---------------------------------------------------------------------------

MAX_BUNDLE_BYTES = 256 * 1024 * 1024  # the .zip file itself
MAX_ENTRIES = 256  # members in the zip
#: One data file and all members, uncompressed. The large demo's data files hold 3.6 MB;
#: these leave room for long notes everywhere, and keep the write transaction of a file at
#: every limit near a second, so the open app's saves never wait long (section 7).
MAX_MEMBER_BYTES = 48 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_QUESTIONNAIRE_BYTES = 1_000_000  # one questionnaire, as questionnaire.MAX_FILE_BYTES
MAX_QUESTIONNAIRES_BYTES = 4 * 1024 * 1024  # all questionnaires (real ones are ~10 kB each)
MAX_RATIO = 200  # uncompressed / compressed, per member larger than RATIO_FLOOR
RATIO_FLOOR = 64 * 1024
MAX_ROW_CHARS = 2_000_000  # one row's JSON text; real rows are far shorter (text is ≤ 100,000)

#: Rows one inspection may hold, per table: no real inspection comes near these. The large
#: demo (``demo --size large``: 60 interviews, 1,000 findings) has 14 members, 8 areas,
#: 14 document reviews, 60 interviews, 120 interviewer links, 2,027 answers, 1,000
#: findings, 28 judgements, 16 conclusions, 60 recommendations, 182 recommendation links
#: and 20 action-plan items; the limits are ten to forty times that (docs/bundle-format.md,
#: section 7). Deleted rows count: they travel too. Checked against the manifest before any
#: data file is read, and again while each file is read. The action plan's tables (format
#: 2) share the room the others leave: a file with every table at its limit must still fit
#: in MAX_TOTAL_BYTES, and each row carries about 1 kB of stamps. A plan of 60
#: recommendations with five items each has 300 items; 10,000 entries are those items
#: reviewed quarterly for eight years, 200 rounds monthly reviews for sixteen years.
#: Responses cannot outnumber recommendations (derived ids); one prospects row. The
#: letter (format 3) has one row per part, area and recommendation (derived ids).
MAX_TABLE_ROWS: dict[str, int] = {
    "inspection": 1,
    "team_member": 300,
    "area": 200,
    "questionnaire_copy": 100,
    "document_review": 500,
    "interview": 1_000,
    "interview_interviewer": 3_000,
    "answer": 20_000,
    "finding": 15_000,
    "judgement": 1_000,
    "conclusion": 1_000,
    "recommendation": 1_000,
    "recommendation_finding": 5_000,
    "action_plan_item": 5_000,
    "action_plan_response": 1_000,
    "monitoring_round": 200,
    "monitoring_entry": 10_000,
    "prospects": 1,
    # Three parts of the letter's own, one per area, one per recommendation.
    "letter_text": 3 + 200 + 1_000,
}

MANIFEST_NAME = "manifest.json"
DATA_DIR = "data/"
QUESTIONNAIRE_DIR = "questionnaires/"
DATA_NAME_RE = re.compile(r"^data/([a-z_]{1,40})\.json$")
QUESTIONNAIRE_NAME_RE = re.compile(r"^questionnaires/([0-9a-f]{64})\.toml$")


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
    size: Annotated[int, Field(ge=0)]  # the member's own entry is held to the caps


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


__all__ = [
    "BOOKKEEPING_FIELDS",
    "DATA_DIR",
    "DATA_NAME_RE",
    "DERIVED_IDS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ID_NAMESPACE",
    "IMMUTABLE",
    "MANIFEST_NAME",
    "MAX_BUNDLE_BYTES",
    "MAX_ENTRIES",
    "MAX_MANIFEST_BYTES",
    "MAX_MEMBER_BYTES",
    "MAX_QUESTIONNAIRES_BYTES",
    "MAX_QUESTIONNAIRE_BYTES",
    "MAX_RATIO",
    "MAX_ROW_CHARS",
    "MAX_STAMP_AHEAD_DAYS",
    "MAX_STAMP_MS",
    "MAX_TABLE_ROWS",
    "MAX_TOTAL_BYTES",
    "QUESTIONNAIRE_DIR",
    "QUESTIONNAIRE_NAME_RE",
    "RATIO_FLOOR",
    "REDACTABLE",
    "REFERENCES",
    "ROW_MODELS",
    "ActionPlanItemRow",
    "ActionPlanResponseRow",
    "AnswerRow",
    "AreaRow",
    "ConclusionRow",
    "DerivedId",
    "DocumentReviewRow",
    "Exporter",
    "FindingRow",
    "InspectionRow",
    "InterviewInterviewerRow",
    "InterviewRow",
    "JudgementRow",
    "LetterTextRow",
    "Manifest",
    "MemberFile",
    "MonitoringEntryRow",
    "MonitoringRoundRow",
    "ProspectsRow",
    "QuestionnaireCopyRow",
    "Recipient",
    "RecommendationFindingRow",
    "RecommendationRow",
    "Row",
    "Sibling",
    "TeamMemberRow",
    "content_fields",
    "derived_id",
    "field_adapter",
    "plain_value",
]
