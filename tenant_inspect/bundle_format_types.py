"""Value types of the bundle format: stamps, ids, dates, bounded texts and enumerations.

Part of the format (see :mod:`.bundle_format`): the constrained strings and numbers every
row and the manifest are made of, with the per-value limits. A file whose values validate
here can be written to the database without surprises. Every text type also strips control
characters (:func:`one_line`, :func:`several_lines`), so no escape sequence from a file
ever reaches the database, a terminal or a report.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints

from .plain_text import clean

MAX_SIBLINGS = 1000  # open conflicts carried by one row
MAX_VECTOR = 512  # devices in one "seen" list

LONG_TEXT = 100_000  # free text: a whole interview's notes fit

#: Change stamps at or after this are refused (a broken clock, or a hostile file): the
#: stamp's 13-digit millisecond field must keep sorting as text, and a clock that reached
#: it could never stamp another change.
MAX_STAMP_MS = 7_258_118_400_000  # 2200-01-01T00:00:00Z

#: How far ahead of the importing laptop a file's stamps may be (docs/bundle-format.md,
#: section 4): enough for laptops whose clocks are a few weeks wrong, while one file can
#: never drag this laptop's clock (and so every later stamp it makes) further than this.
MAX_STAMP_AHEAD_DAYS = 90


STAMP_RE = r"^[0-9]{13}-[0-9]{4}-[A-Za-z0-9_.-]{1,64}$"
UUID_RE = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
TIMESTAMP_RE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$"
DAY_RE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DEVICE_RE = r"^[A-Za-z0-9_.-]{1,64}$"
SHA256_RE = r"^[0-9a-f]{64}$"
FIELD_RE = r"^[a-z][a-z0-9_]{0,59}$"

TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def _check_stamp(value: str) -> str:
    if int(value[:13]) >= MAX_STAMP_MS:
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


def one_line(value: str) -> str:
    """A one-line text from a file: no control characters, line breaks and tabs as spaces.

    Cleaned rather than refused: a real file may hold a stray control character pasted
    into a title, and the text is still worth having (section 3 of the format document).
    """
    return value if value.isprintable() else clean(value, multiline=False)


def several_lines(value: str) -> str:
    """A multi-line text from a file (notes, findings ...): no control characters but
    newlines and tabs."""
    return value if value.isprintable() else clean(value, multiline=True)


_ONE = AfterValidator(one_line)
Text30 = Annotated[str, StringConstraints(max_length=30), _ONE]
Text40 = Annotated[str, StringConstraints(max_length=40), _ONE]
Text50 = Annotated[str, StringConstraints(max_length=50), _ONE]
Text60 = Annotated[str, StringConstraints(max_length=60), _ONE]
Text80 = Annotated[str, StringConstraints(max_length=80), _ONE]
Text100 = Annotated[str, StringConstraints(max_length=100), _ONE]
Text120 = Annotated[str, StringConstraints(max_length=120), _ONE]
Text200 = Annotated[str, StringConstraints(max_length=200), _ONE]
Text5000 = Annotated[str, StringConstraints(max_length=5000), _ONE]  # a sub-action: one line
Long = Annotated[str, StringConstraints(max_length=LONG_TEXT), AfterValidator(several_lines)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]

InspectionStatus = Literal["planning", "fieldwork", "analysis", "reporting", "complete"]
MemberRole = Literal["coordinator", "inspector"]
AreaKind = Literal["desktop_review", "department", "theme"]
WorkStatus = Literal["not_started", "in_progress", "complete"]
InterviewStatus = Literal["planned", "in_progress", "complete"]
IntervieweeKind = Literal["staff", "tenant", "other"]
FindingKind = Literal["strength", "weakness", "observation", "good_practice"]
Level = Literal["", "high", "medium", "low"]
ActionStatus = Literal["not_started", "on_track", "at_risk", "off_track", "done"]
Response = Literal["", "accepted", "partly_accepted", "not_accepted"]
ProspectGrade = Literal["", "considerably_outweigh", "outweigh", "balance", "weaknesses_outweigh"]
Prospect = Literal["", "excellent", "promising", "uncertain", "poor"]
LetterPart = Literal["contact", "signature", "overall", "area", "recommendation"]
Grade = Literal["considerably_outweigh", "outweigh", "balance", "weaknesses_outweigh"]

STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)
