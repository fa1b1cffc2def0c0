"""The synced tables as merging sees them, and plain (JSON) values of their columns.

Which tables sync (:data:`SYNCED_TABLES`, parents first), what each column is (:class:`TableInfo`),
and how a value is written in a bundle and compared when merging. Every other merge module
builds on these; they know nothing of row states.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..bundle_format import IMMUTABLE
from ..bundle_format_types import TIMESTAMP_FORMAT
from ..dates import parse_stored_time
from .shapes import read_shapes

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


@dataclass(frozen=True)
class TableInfo:
    """One synced table's columns and their kinds (from :mod:`.shapes`, made from the models).

    Date and time columns are stored as fixed-form text, which is exactly their plain form,
    so merges read and write them without parsing and re-formatting every value; JSON
    columns are read and written as text."""

    name: str
    columns: tuple[str, ...]
    content: tuple[str, ...]
    mutable: frozenset[str]
    dates: frozenset[str]
    times: frozenset[str]
    jsons: frozenset[str]
    bools: frozenset[str]
    defaults: dict[str, Any]
    #: Unique keys other than the id: (constraint name, its columns).
    uniques: tuple[tuple[str, tuple[str, ...]], ...]


def _info(name: str, shape: dict[str, Any], bookkeeping: frozenset[str]) -> TableInfo:
    columns = tuple(shape["columns"])
    content = tuple(c for c in columns if c not in bookkeeping)
    return TableInfo(
        name=name,
        columns=columns,
        content=content,
        mutable=frozenset(content) - IMMUTABLE[name],
        dates=frozenset(shape["dates"]),
        times=frozenset(shape["times"]),
        jsons=frozenset(shape["jsons"]),
        bools=frozenset(shape["bools"]),
        defaults=dict(shape["defaults"]),
        uniques=tuple((str(n), tuple(cols)) for n, cols in shape["uniques"]),
    )


def _tables() -> dict[str, TableInfo]:
    shapes = read_shapes()
    bookkeeping = frozenset(shapes["bookkeeping"])
    return {name: _info(name, shape, bookkeeping) for name, shape in shapes["tables"].items()}


#: Table name -> its shape, in dependency order (parents first).
TABLES: dict[str, TableInfo] = _tables()

#: The synced tables, parents first (dump, bundles and merges go in this order).
SYNCED_TABLES: tuple[str, ...] = tuple(TABLES)


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
