"""Reading formats 1 and 2: what a file written before today's tables needs to be read today.

Format 3 only added a table (``letter_text``, the letter to residents), so a format-2 file
is read as it is, that table empty.

Format 2 (docs/bundle-format.md, section 11) added four tables and two fields of
``action_plan_item``, and moved item statuses onto the monitoring scale. A format-1 file
is still imported: it lacks the new tables (read as empty), and each of its
``action_plan_item`` rows is brought up to date before it is validated, exactly as
migration 0003 brings a stored row up to date — the same mapped statuses, the new fields
at their defaults, stamped with the row's earliest stamp. Because the laptop that wrote
the file computes the same values and stamps when it upgrades, a row read from an old
laptop's file and the same row migrated on a new laptop are one version, never a conflict.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: The tables of format 1, in its order (written out: the format never changes with code).
FORMAT_1_TABLES = (
    "inspection",
    "team_member",
    "area",
    "questionnaire_copy",
    "document_review",
    "interview",
    "interview_interviewer",
    "answer",
    "finding",
    "judgement",
    "conclusion",
    "recommendation",
    "recommendation_finding",
    "action_plan_item",
)

#: Format 1's item statuses on the monitoring scale (as migration 0003 maps stored rows).
STATUS_MAP = {"in_progress": "on_track", "achieved": "done", "delayed": "off_track"}

#: Fields format 2 added, with the value a format-1 row stands for.
ADDED_FIELDS: dict[str, dict[str, Any]] = {
    "action_plan_item": {"by_when_words": "", "position": 0},
}


#: The tables format 3 added (read as empty from an older file).
FORMAT_3_TABLES = ("letter_text",)


def tables_of(version: int, all_tables: tuple[str, ...]) -> tuple[str, ...]:
    """The tables a file of ``version`` holds (a data file each)."""
    if version == 1:
        return FORMAT_1_TABLES
    if version == 2:
        return tuple(t for t in all_tables if t not in FORMAT_3_TABLES)
    return all_tables


def row_upgrader(table: str, version: int) -> Callable[[Any], Any] | None:
    """What turns a raw row of ``table`` in a ``version`` file into a current one, if anything."""
    if version >= 2 or table not in ADDED_FIELDS:
        return None
    return _upgrade_item


def _upgrade_item(value: Any) -> Any:
    """A format-1 ``action_plan_item`` row as format 2 says it. Anything malformed is
    returned as it is, for the row's validation to refuse in its usual words."""
    if not isinstance(value, dict):
        return value
    row = dict(value)
    if row.get("status") in STATUS_MAP:
        row["status"] = STATUS_MAP[row["status"]]
    siblings = row.get("siblings")
    if isinstance(siblings, list):
        row["siblings"] = [
            {**s, "value": STATUS_MAP[s["value"]]}
            if isinstance(s, dict) and s.get("field") == "status" and s.get("value") in STATUS_MAP
            else s
            for s in siblings
        ]
    clocks = row.get("field_clocks")
    stamps = list(clocks.values()) if isinstance(clocks, dict) else []
    if not stamps or not all(isinstance(s, str) for s in stamps):
        return row
    first = min(stamps)
    for name, default in ADDED_FIELDS["action_plan_item"].items():
        if name not in row:
            row[name] = default
            row["field_clocks"] = {**row["field_clocks"], name: first}
    return row
