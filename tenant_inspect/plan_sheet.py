"""The layout of the action-plan workbook the landlord fills in, shared by writer and reader.

One place for the sheet names, the columns and their headers, the marker that says a
workbook is ours and which inspection it belongs to, and the words of the drop-downs.
:mod:`.plan_export` writes a workbook from this layout and :mod:`.plan_import` reads one
back with it, so the two can never disagree about a column.

The **Plan** sheet is one table with a single header row: one *recommendation row* per
recommendation (its number, text, area and target date in grey, then the landlord's
response) followed by its *action rows* (one per item, plus empty ones to add items).
A row's kind is in the "Row" column; two hidden columns hold the recommendation's and the
item's ids. The reader finds columns by their header words, not by position or by style
(a workbook saved again in Excel or LibreOffice may reorder styles or add empty rows).
An action row belongs to the recommendation row above it, so rows the landlord inserts
anywhere in a block belong to that block.

The hidden sheet :data:`META_SHEET` holds the format marker, its version and the
inspection's id: a workbook for another inspection is refused before anything is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocabulary import ACTION_STATUS_WORDS, RESPONSE_WORDS

PLAN_SHEET = "Plan"
INSTRUCTIONS_SHEET = "Instructions"
META_SHEET = "tenant-inspect"
#: Cell A1 of the hidden sheet; B1 holds :data:`FORMAT_VERSION`.
MARKER = "tenant-inspect action plan"
FORMAT_VERSION = 1
#: Labels in column A of the hidden sheet, values in column B.
META_INSPECTION = "inspection id"
META_TITLE = "inspection title"
META_EXPORTED = "exported at"

#: The "Row" column's words.
KIND_RECOMMENDATION = "Recommendation"
KIND_ACTION = "Action"

#: How many empty action rows follow each recommendation's items, for new items.
SPARE_ROWS = 3
#: The header row's number on the Plan sheet as written (the reader searches for it).
HEADER_ROW = 3
#: How far down the reader looks for the header row.
HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class Column:
    """One column of the Plan sheet.

    ``part``: ``id`` (hidden), ``fixed`` (ours, grey and locked), ``rec`` (the landlord
    fills it in on a recommendation row) or ``item`` (on an action row).
    """

    key: str
    header: str
    width: float
    part: str
    is_date: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("rec_id", "Recommendation id (do not change)", 12, "id"),
    Column("item_id", "Item id (do not change)", 12, "id"),
    Column("ref", "Ref", 7, "fixed"),
    Column("kind", "Row", 15, "fixed"),
    Column("text", "Recommendation", 45, "fixed"),
    Column("area", "Area", 16, "fixed"),
    Column("target", "Target date", 12, "fixed", is_date=True),
    Column("response", "Response", 17, "rec"),
    Column("reason", "Reason for the response", 30, "rec"),
    Column("responsible_role", "Responsible officer (role)", 22, "rec"),
    Column("sponsor_role", "Executive sponsor (role)", 22, "rec"),
    Column("costs", "Costs / resources required", 26, "rec"),
    Column("customer_say", "How customers will have a say", 28, "rec"),
    Column("key_outcomes", "Key outcome for customers", 30, "item"),
    Column("key_actions", "Key action", 30, "item"),
    Column("by_when", "By when", 14, "item", is_date=True),
    Column("progress", "Progress to date", 30, "item"),
    Column("how_we_know", "How do we know when we've achieved this?", 28, "item"),
    Column("status", "Status", 14, "item"),
)
BY_KEY = {c.key: c for c in COLUMNS}
#: The response's fields, in column order (names of ``ActionPlanResponse`` fields).
RESPONSE_FIELDS = tuple(c.key for c in COLUMNS if c.part == "rec")
#: The item's fields, in column order (names of ``ActionPlanItem`` fields).
ITEM_FIELDS = tuple(c.key for c in COLUMNS if c.part == "item")

#: Drop-down words (what the landlord sees) and the keys they stand for.
RESPONSE_CHOICES = {w: k for k, w in RESPONSE_WORDS.items() if k}
STATUS_CHOICES = {w: k for k, w in ACTION_STATUS_WORDS.items()}
RESPONSE_WORDS_BY_KEY = {k: w for w, k in RESPONSE_CHOICES.items()}
STATUS_WORDS_BY_KEY = dict(ACTION_STATUS_WORDS)

#: The words people write for "by when" when it is not a date (shown in the instructions).
BY_WHEN_HINT = "a date like 31/03/2027, a month like March 2027, or ongoing"


def choice_key(choices: dict[str, str], typed: str) -> str | None:
    """The key a typed drop-down word stands for (any case, spaces or the stored key), or None."""
    folded = " ".join(typed.split()).casefold()
    for words, key in choices.items():
        if folded in (words.casefold(), key, key.replace("_", " ")):
            return key
    return None
