"""Reading the landlord's filled-in workbook back: every problem at once, nothing written.

:func:`read_workbook` turns the file into plain rows (:class:`RecRow`, :class:`ItemRow`)
and a list of problems, each naming the sheet, the row, the column and what is wrong in
plain words ("Plan sheet, row 9, column P (By when): “soonish” is not a date …").
:mod:`.plan_apply` then checks the rows against the stored plan and writes what changed.

What the reader relies on (see :mod:`.plan_sheet`): the hidden sheet's marker and
inspection id, the header words (found in the first rows, in any column order), the
"Row" column and the hidden id columns. Never styles: a workbook saved again by Excel or
LibreOffice may reorder them. A file that is not a workbook, is damaged or too large is
refused in one line; a workbook that is not ours, is from a newer version, or lost its
Plan sheet or the columns that say which row is which is refused with its problems
listed. Any other problem is collected and reading goes on, so the landlord can fix
everything in one go.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import plan_sheet as ps
from .action_plan import parse_by_when
from .dates import last_day, show_month
from .errors import UserError

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: Refuse a "workbook" whose parts unpack to more than this (a zip bomb, or not a plan).
MAX_UNPACKED = 64 * 1024 * 1024
MAX_PARTS = 2000
#: The columns without which rows cannot be told apart.
ESSENTIAL = ("rec_id", "item_id", "kind")


class PlanRefused(UserError):
    """The workbook cannot be imported; ``problems`` lists every reason, one a line."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{path}: not imported, nothing was changed ({count}):")


@dataclass
class RecRow:
    row: int
    rec_id: str
    ref: str
    fields: dict[str, Any]  # the response's fields, as the landlord left them


@dataclass
class ItemRow:
    row: int
    rec_id: str  # the recommendation of the block the row is in
    item_id: str  # "" for a row the landlord added
    ref: str
    fields: dict[str, Any]  # the item's fields; by_when as (date | None) plus by_when_words
    status_blank: bool = False


@dataclass
class ParsedPlan:
    inspection_id: str
    title: str
    recs: list[RecRow] = field(default_factory=list)
    items: list[ItemRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # key -> column letter

    def where(self, row: int, key: str | None = None) -> str:
        """ "Plan sheet, row 9, column P (By when)" — the place a problem is at."""
        place = f"{ps.PLAN_SHEET} sheet, row {row}"
        if key is not None and key in self.columns:
            place += f", column {self.columns[key]} ({ps.BY_KEY[key].header})"
        return place


def read_workbook(path: Path) -> ParsedPlan:
    """The rows of the workbook at ``path``; raises :class:`PlanRefused` or UserError."""
    wb = _open(path)
    if ps.META_SHEET not in wb.sheetnames:
        raise UserError(
            f"{path}: this is not an action-plan workbook from tenant-inspect (its hidden "
            f"'{ps.META_SHEET}' sheet is missing); make one with 'tenant-inspect action-plan export'"
        )
    meta = wb[ps.META_SHEET]
    labels = {str(meta.cell(r, 1).value or ""): meta.cell(r, 2).value for r in range(1, 10)}
    if ps.MARKER not in labels:
        raise UserError(f"{path}: this is not an action-plan workbook from tenant-inspect")
    version = labels[ps.MARKER]
    if not isinstance(version, int) or version > ps.FORMAT_VERSION:
        raise UserError(
            f"{path}: this workbook was made by a newer version of tenant-inspect "
            f"(format {version!r}); update tenant-inspect to import it"
        )
    plan = ParsedPlan(
        str(labels.get(ps.META_INSPECTION) or ""), str(labels.get(ps.META_TITLE) or "")
    )
    if ps.PLAN_SHEET not in wb.sheetnames:
        raise PlanRefused(path, [f"the sheet called “{ps.PLAN_SHEET}” is missing or was renamed"])
    ws = wb[ps.PLAN_SHEET]
    header_row = _find_header(ws, plan)
    if any(k not in plan.columns for k in ESSENTIAL):
        raise PlanRefused(path, plan.problems)
    _read_rows(ws, header_row, plan)
    return plan


def _open(path: Path) -> Any:
    """The workbook, or a one-line refusal: missing, not a workbook, damaged or too large."""
    try:
        with zipfile.ZipFile(path) as zf:
            parts = zf.infolist()
            if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED:
                raise UserError(f"{path}: too large for an action-plan workbook")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError) as exc:
        why = "it is not an Excel workbook (.xlsx)" if isinstance(exc, zipfile.BadZipFile) else exc
        raise UserError(f"{path}: cannot read it: {why}") from None
    from openpyxl import load_workbook

    try:
        return load_workbook(path, data_only=True)
    except Exception as exc:  # a damaged file fails in many ways deep in openpyxl or lxml
        raise UserError(
            f"{path}: cannot read it: the workbook is damaged or not an Excel .xlsx file "
            f"({type(exc).__name__})"
        ) from None


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _find_header(ws: Worksheet, plan: ParsedPlan) -> int:
    """The header row (the one naming most of our columns); missing headings are problems."""
    from openpyxl.utils import get_column_letter

    wanted = {_norm(c.header): c.key for c in ps.COLUMNS}
    best, best_hits = ps.HEADER_ROW, -1
    for r in range(1, min(ws.max_row, ps.HEADER_SEARCH_ROWS) + 1):
        hits = sum(1 for c in range(1, ws.max_column + 1) if _norm(ws.cell(r, c).value) in wanted)
        if hits > best_hits:
            best, best_hits = r, hits
    strays: list[str] = []
    for c in range(1, ws.max_column + 1):
        text = _norm(ws.cell(best, c).value)
        letter = get_column_letter(c)
        if text in wanted and wanted[text] not in plan.columns:
            plan.columns[wanted[text]] = letter
        elif text:
            strays.append(f"“{ws.cell(best, c).value}” in column {letter}")
    for col in ps.COLUMNS:
        if col.key not in plan.columns:
            found = f" (found {', '.join(strays)})" if strays else ""
            plan.problems.append(
                f"{ps.PLAN_SHEET} sheet, row {best}: the column heading “{col.header}” is "
                f"missing — it was deleted or renamed{found}. Put the heading back exactly "
                "as it was sent."
            )
    return best


def _read_rows(ws: Worksheet, header_row: int, plan: ParsedPlan) -> None:
    from openpyxl.utils import column_index_from_string

    index = {k: column_index_from_string(letter) for k, letter in plan.columns.items()}
    current: RecRow | None = None
    for r in range(header_row + 1, ws.max_row + 1):
        cells = {k: ws.cell(r, i) for k, i in index.items()}
        value = {k: c.value for k, c in cells.items()}
        kind = _norm(value.get("kind"))
        rec_id = _text(value.get("rec_id")).strip()
        if kind == _norm(ps.KIND_RECOMMENDATION):
            fields = _rec_fields(r, value, plan)
            current = RecRow(r, rec_id, _text(value.get("ref")), fields)
            if not rec_id:
                plan.problems.append(
                    f"{plan.where(r, 'rec_id')}: the hidden recommendation id is empty; it "
                    "was changed — use the rows as they were sent"
                )
            plan.recs.append(current)
            continue
        item_id = _text(value.get("item_id")).strip()
        entered = [k for k in ps.ITEM_FIELDS if k in value and _text(value[k]).strip()]
        if not entered and not item_id:
            continue  # an empty row: a spare row left empty, or a gap
        if kind not in ("", _norm(ps.KIND_ACTION)):
            plan.problems.append(
                f"{plan.where(r, 'kind')}: “{value['kind']}” is not a kind of row; write "
                f"{ps.KIND_ACTION} (or {ps.KIND_RECOMMENDATION}) as it was sent"
            )
            continue
        if current is None:
            plan.problems.append(
                f"{plan.where(r)}: an action row above the first recommendation; move it "
                "into the block of the recommendation it belongs to"
            )
            continue
        if rec_id and rec_id != current.rec_id:
            plan.problems.append(
                f"{plan.where(r, 'rec_id')}: the hidden recommendation id does not match "
                f"the recommendation above ({current.ref}); it was changed — use the rows "
                "as they were sent"
            )
        fields, blank = _item_fields(r, value, cells, plan)
        plan.items.append(
            ItemRow(r, current.rec_id, item_id, _text(value.get("ref")), fields, blank)
        )


def _text(value: Any) -> str:
    """A cell as text: numbers without a needless ".0", dates as 31/03/2027."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _rec_fields(r: int, value: dict[str, Any], plan: ParsedPlan) -> dict[str, Any]:
    fields = {k: _text(value[k]) for k in ps.RESPONSE_FIELDS if k in value}
    if "response" in fields:
        typed = fields["response"].strip()
        key = ps.choice_key(ps.RESPONSE_CHOICES, typed) if typed else ""
        if key is None:
            plan.problems.append(
                f"{plan.where(r, 'response')}: “{typed[:60]}” is not a response; choose "
                f"{_choices(ps.RESPONSE_CHOICES)}"
            )
            del fields["response"]
        else:
            fields["response"] = key
    return fields


def _item_fields(
    r: int, value: dict[str, Any], cells: dict[str, Any], plan: ParsedPlan
) -> tuple[dict[str, Any], bool]:
    """The item's fields from one row, and whether its status was left empty."""
    fields: dict[str, Any] = {
        k: _text(value[k]) for k in ps.ITEM_FIELDS if k in value and k not in ("by_when", "status")
    }
    if "by_when" in value:
        try:
            fields["by_when"], fields["by_when_words"] = _by_when(
                value["by_when"], cells["by_when"]
            )
        except ValueError as exc:
            plan.problems.append(f"{plan.where(r, 'by_when')}: {exc}")
    blank = False
    if "status" in value:
        typed = _text(value["status"]).strip()
        key = ps.choice_key(ps.STATUS_CHOICES, typed) if typed else None
        if not typed:
            blank = True
        elif key is None:
            plan.problems.append(
                f"{plan.where(r, 'status')}: “{typed[:60]}” is not a status; choose "
                f"{_choices(ps.STATUS_CHOICES)}"
            )
        else:
            fields["status"] = key
    return fields, blank


def _by_when(value: Any, cell: Any) -> tuple[date | None, str]:
    """A real date cell (a month if its format shows no day), or text as typed."""
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        if "d" not in str(cell.number_format).lower():  # Excel made "March 2027" a date
            return last_day(day.year, day.month), show_month(day.year, day.month)
        return day, ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            f"{_text(value)} is a number, not a date; {ps.BY_WHEN_HINT} (or completed, "
            "or continuous)"
        )
    return parse_by_when(_text(value))


def _choices(choices: dict[str, str]) -> str:
    words = list(choices)
    return ", ".join(words[:-1]) + " or " + words[-1]
