"""Derived ids in the bundle format: tables whose row ids follow from what the row is.

Two laptops that write "the same" answer (one interview, one question) must make one row,
a possible conflict, never two rows that both print. So those tables' ids are uuid5 names of
their parents, and an imported row under any other id is refused
(:mod:`tenant_inspect.bundle.verify`). Kept apart from the row models because it is the
format's identity rule, not a field's shape.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

#: The uuid5 namespace of derived ids (the same as :data:`fieldwork.ANSWER_NAMESPACE`;
#: written out here so the format never changes with the code that makes rows).
ID_NAMESPACE = uuid.UUID("8d0f7b52-5a3e-4d0c-9a53-0f7c2b1f6a11")


@dataclass(frozen=True)
class DerivedId:
    """How a table's ids are derived: the uuid5 name of a row, and what it is made of."""

    name: Callable[[Mapping[str, Any]], str | None]
    made_of: str


def _answer_name(row: Mapping[str, Any]) -> str | None:
    parents = [p for p in (row["interview_id"], row["document_review_id"]) if p]
    return f"{parents[0]}:{row['question_key']}" if len(parents) == 1 else None


#: Tables whose ids are derived from what the row is, so that two laptops writing "the
#: same" row make one row (a possible conflict), never two. A row of these tables under
#: any other id is refused. (Recommendation links made since format 1 are derived too,
#: but links made before it have random ids, so the format cannot require it.)
DERIVED_IDS: dict[str, DerivedId] = {
    "answer": DerivedId(_answer_name, "its interview or document review and question key"),
    "interview_interviewer": DerivedId(
        lambda row: f"interviewer:{row['interview_id']}:{row['member_id']}",
        "its interview and team member",
    ),
    # Format 2: one response per recommendation, one entry per round and item, one
    # prospects judgement per inspection.
    "action_plan_response": DerivedId(
        lambda row: f"response:{row['recommendation_id']}", "its recommendation"
    ),
    "monitoring_entry": DerivedId(
        lambda row: f"monitoring:{row['round_id']}:{row['item_id']}",
        "its monitoring round and action-plan item",
    ),
    "prospects": DerivedId(lambda row: f"prospects:{row['inspection_id']}", "its inspection"),
    # Format 3: one piece of the letter to residents per part, area and recommendation.
    "letter_text": DerivedId(
        lambda row: (
            f"letter:{row['inspection_id']}:{row['part']}:"
            f"{row['area_id'] or row['recommendation_id'] or ''}"
        ),
        "its inspection, part, and area or recommendation",
    ),
}


def derived_id(table: str, row: Mapping[str, Any]) -> str | None:
    """The id a row of a derived-id table must have (None: it has no single parent).

    ``uuid.uuid5(ID_NAMESPACE, name)`` written out (RFC 4122, section 4.3): every answer of
    every imported file is checked, and building UUID objects was most of the cost.
    """
    name = DERIVED_IDS[table].name(row)
    if name is None:
        return None
    raw = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name.encode("utf-8")).digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC 4122 variant
    x = raw.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


_NAMESPACE_BYTES = ID_NAMESPACE.bytes


def derived_row_id(table: str, **row: str) -> str:
    """:func:`derived_id` when every part of the row's name is given (the services' case):
    the id a response, an entry or the prospects is written under, and read back by."""
    made = derived_id(table, row)
    if made is None:
        raise ValueError(f"{table}: the row's parent is not given")
    return made
