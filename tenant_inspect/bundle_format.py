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

from .bundle_format_rows import (
    BOOKKEEPING_FIELDS,
    DERIVED_IDS,
    ID_NAMESPACE,
    IMMUTABLE,
    REDACTABLE,
    REFERENCES,
    ROW_MODELS,
    ActionPlanItemRow,
    AnswerRow,
    AreaRow,
    ConclusionRow,
    DerivedId,
    DocumentReviewRow,
    FindingRow,
    InspectionRow,
    InterviewInterviewerRow,
    InterviewRow,
    JudgementRow,
    QuestionnaireCopyRow,
    RecommendationFindingRow,
    RecommendationRow,
    Row,
    Sibling,
    TeamMemberRow,
    content_fields,
    derived_id,
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
    "MAX_QUESTIONNAIRE_BYTES",
    "MAX_RATIO",
    "MAX_ROWS",
    "MAX_STAMP_AHEAD_DAYS",
    "MAX_STAMP_MS",
    "MAX_TOTAL_BYTES",
    "QUESTIONNAIRE_DIR",
    "QUESTIONNAIRE_NAME_RE",
    "RATIO_FLOOR",
    "REDACTABLE",
    "REFERENCES",
    "ROW_MODELS",
    "ActionPlanItemRow",
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
    "Manifest",
    "MemberFile",
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
