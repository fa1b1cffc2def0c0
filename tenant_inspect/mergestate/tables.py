"""The synced tables as merging sees them, and plain (JSON) values of their columns.

Which tables sync (:data:`MODELS`, parents first), what each column is (:class:`TableInfo`),
and how a value is written in a bundle and compared when merging. Every other merge module
builds on these; they know nothing of row states.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    MetaData,
    String,
    Table,
)

from .. import models as m
from ..bundle_format import IMMUTABLE
from ..bundle_format_types import TIMESTAMP_FORMAT
from ..dates import parse_stored_time

#: Table name -> model, in dependency order (parents first).
MODELS: dict[str, type[m.SyncedRow]] = {
    str(model.__tablename__): model for model in m.SYNCED_MODELS
}

#: Human names for tables, for messages.
LABELS: dict[str, str] = {
    "inspection": "inspection",
    "team_member": "team member",
    "area": "area",
    "questionnaire_copy": "questionnaire copy",
    "document_review": "document review",
    "interview": "interview",
    "interview_interviewer": "interviewer",
    "answer": "answer",
    "finding": "finding",
    "judgement": "judgement",
    "conclusion": "conclusion",
    "recommendation": "recommendation",
    "recommendation_finding": "recommendation link",
    "action_plan_item": "action-plan item",
    "action_plan_response": "response to a recommendation",
    "monitoring_round": "monitoring round",
    "monitoring_entry": "monitoring entry",
    "prospects": "prospects for improvement",
    "letter_text": "letter to residents",
}

CONFLICT_TABLE: Table = m.Conflict.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class TableInfo:
    name: str
    model: type[m.SyncedRow]
    table: Table
    #: The same table with its date and time columns typed as plain text: those are
    #: stored as fixed-form text already, which is exactly the plain form, so merges read
    #: and write them without parsing and re-formatting every value.
    raw: Table
    jsons: frozenset[str]  # JSON columns: read and written as text by the raw table
    bools: frozenset[str]
    columns: tuple[str, ...]
    content: tuple[str, ...]
    mutable: frozenset[str]
    dates: frozenset[str]
    times: frozenset[str]
    defaults: dict[str, Any]


def _info(name: str, model: type[m.SyncedRow]) -> TableInfo:
    table: Table = model.__table__  # type: ignore[attr-defined]
    columns = tuple(c.name for c in table.columns)
    content = tuple(c for c in columns if c not in model.BOOKKEEPING)
    dates = frozenset(
        c.name
        for c in table.columns
        if isinstance(c.type, Date) and not isinstance(c.type, m.UTCDateTime)
    )
    times = frozenset(c.name for c in table.columns if isinstance(c.type, m.UTCDateTime))
    defaults: dict[str, Any] = {}
    for fname, finfo in model.model_fields.items():
        if finfo.default_factory is not None:
            defaults[fname] = finfo.default_factory()  # type: ignore[call-arg]
        elif not finfo.is_required():
            defaults[fname] = finfo.default
    jsons = frozenset(c.name for c in table.columns if isinstance(c.type, JSON))
    raw = Table(
        table.name,
        MetaData(),
        *(
            Column(
                c.name,
                String() if c.name in dates | times | jsons else c.type,
                primary_key=c.primary_key,
            )
            for c in table.columns
        ),
    )
    return TableInfo(
        name=name,
        model=model,
        table=table,
        raw=raw,
        jsons=jsons,
        bools=frozenset(c.name for c in table.columns if isinstance(c.type, Boolean)),
        columns=columns,
        content=content,
        mutable=frozenset(content) - IMMUTABLE[name],
        dates=dates,
        times=times,
        defaults=defaults,
    )


TABLES: dict[str, TableInfo] = {name: _info(name, model) for name, model in MODELS.items()}


def format_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime(TIMESTAMP_FORMAT)


def parse_time(value: str) -> datetime:
    return parse_stored_time(value)


def to_plain(info: TableInfo, values: Any) -> dict[str, Any]:
    """A database row (mapping of processed values) as plain JSON values."""
    out = {c: values[c] for c in info.columns}
    for c in info.dates:
        v = out[c]
        if v is not None:
            out[c] = v.isoformat()
    for c in info.times:
        v = out[c]
        if v is not None:
            out[c] = format_time(v)
    return out


def same_value(field_name: str, a: Any, b: Any) -> bool:
    """Whether two versions say the same thing (two deletions agree whenever they happened)."""
    if field_name == "deleted_at":
        return (a is None) == (b is None)
    return bool(a == b)


def is_empty(field_name: str, value: Any) -> bool:
    """An empty text, list or reference: it never hides a concurrent non-empty value.

    (Not ``deleted_at``: a restore and a deletion made concurrently are a real conflict.)
    """
    return field_name != "deleted_at" and (value is None or value == "" or value == [])


def pick_winner(field_name: str, live: dict[str, Any]) -> str:
    """The version a row shows: the newest stamp, non-empty values first.

    A function of the live versions only, so it is as order-free as they are.
    """
    if field_name == "deleted_at":
        return max(live)
    return max(live, key=lambda stamp: (not is_empty(field_name, live[stamp]), stamp))


def is_visible(field_name: str, other: Any, shown: Any) -> bool:
    """Whether a version not shown is a conflict a person must see (not a twin, not empty)."""
    if same_value(field_name, other, shown):
        return False
    return not (is_empty(field_name, other) and not is_empty(field_name, shown))


def dumps_canonical(data: Any) -> bytes:
    """The bytes of a bundle's JSON members: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )
