"""The action-plan workbook for the landlord, written with openpyxl (never by hand).

The layout is :mod:`.plan_sheet`'s. What a housing officer meets, in order: an
**Instructions** sheet in plain words, then the **Plan** sheet: a title, one line saying
what to do, a frozen header row, and per recommendation a grey recommendation row (its
number, text, area and target date), white cells for the response, then its action rows
with white cells for the items and :data:`.plan_sheet.SPARE_ROWS` empty ones to add more.

Grey cells are locked and the sheet is protected (advisory, no password: it prevents
slips, not intent); white cells are unlocked. Inserting rows stays allowed, so the
landlord can add items anywhere in a block. Response and status are drop-downs; dates are
real date cells shown as dd/mm/yyyy. Row heights are estimated from the text so that
wrapped text is never cut off in a program that does not fit rows itself.
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING, Any

from . import plan_sheet as ps
from .dates import show_day

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from .plan_export import LandlordPlan
    from .views.action_plan import ItemView, RecommendationPlan

GREY = "D9D9D9"
HEADER = "BFBFBF"
DATE_FORMAT = "dd/mm/yyyy"
#: Points per wrapped line at 11 pt, and the most a row may grow.
LINE_HEIGHT = 15.0
MAX_ROW_HEIGHT = 400.0


def instructions(plan: LandlordPlan) -> list[tuple[str, str]]:
    """The Instructions sheet, line by line: (style, text); style is title, heading or ''."""
    responses = " / ".join(ps.RESPONSE_CHOICES)
    statuses = " / ".join(ps.STATUS_CHOICES)
    return [
        ("title", f"Action plan: {plan.title}"),
        ("", f"For {plan.landlord}, from the tenant inspection panel."),
        ("", ""),
        ("heading", "What this workbook is for"),
        ("", "The panel's report made recommendations (R1, R2 …). Please tell us, for each "
             "one, whether you accept it and what you will do about it. The sheet called "
             "“Plan” has one block of rows for each recommendation."),
        ("", ""),
        ("heading", "What to fill in"),
        ("", "Only the white cells. The grey cells (the recommendation, its area and target "
             "date) come from the report: please do not change them or the hidden columns."),
        ("", f"On the row marked “{ps.KIND_RECOMMENDATION}”: the response ({responses}), "
             "the reason for it, the responsible officer and the executive sponsor (by job "
             "title or role, not by name), the costs or resources needed, and how customers "
             "will have a say."),
        ("", f"On each row marked “{ps.KIND_ACTION}” below it: a key outcome for customers, "
             "the key action, by when, progress to date, how you will know when it is "
             f"achieved, and the status ({statuses})."),
        ("", f"By when: {ps.BY_WHEN_HINT} (or completed, or continuous)."),
        ("", "Need more rows? Use the empty Action rows, or insert a row inside the "
             "recommendation's block: it belongs to the recommendation above it. Please do "
             "not delete rows or rename the column headings."),
        ("", ""),
        ("heading", "When you have finished"),
        ("", "Save the workbook as it is (keep it as an Excel .xlsx file) and send it back to "
             "the panel's coordinator. You can send an updated copy later: only what you "
             "changed is taken in."),
    ]  # fmt: skip


def write_workbook(plan: LandlordPlan) -> bytes:
    """The whole workbook as bytes (the caller writes them atomically)."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    assert first is not None
    _instructions_sheet(first, plan)
    _plan_sheet(wb.create_sheet(ps.PLAN_SHEET), plan)
    _meta_sheet(wb.create_sheet(ps.META_SHEET), plan)
    # The Instructions sheet stays the active (and only selected) one: it is read first, and
    # two selected sheets would be grouped in Excel, so typing would go into both.
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _instructions_sheet(ws: Worksheet, plan: LandlordPlan) -> None:
    from openpyxl.styles import Alignment, Font

    ws.title = ps.INSTRUCTIONS_SHEET
    ws.column_dimensions["A"].width = 80
    fonts = {"title": Font(size=16, bold=True), "heading": Font(size=13, bold=True)}
    for row, (style, text) in enumerate(instructions(plan), start=1):
        cell = ws.cell(row=row, column=1, value=text or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = fonts.get(style, Font(size=12))
        ws.row_dimensions[row].height = _height([(text, 80)], 12 if not style else 16)
    ws.protection.sheet = True
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _plan_sheet(ws: Worksheet, plan: LandlordPlan) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    grey = PatternFill("solid", fgColor=GREY)
    wrap = Alignment(wrap_text=True, vertical="top")
    unlocked = Protection(locked=False)
    letters = {c.key: get_column_letter(i) for i, c in enumerate(ps.COLUMNS, start=1)}

    ws["C1"] = f"Action plan: {plan.title}"
    ws["C1"].font = Font(size=14, bold=True)
    ws["C2"] = (
        "Fill in the white cells; grey cells come from the report. Response and status: "
        f"choose from the list. By when: {ps.BY_WHEN_HINT}. See the Instructions sheet."
    )
    for col, c in enumerate(ps.COLUMNS, start=1):
        cell = ws.cell(row=ps.HEADER_ROW, column=col, value=c.header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER)
        cell.alignment = wrap
        cell.border = border
        ws.column_dimensions[letters[c.key]].width = c.width
        ws.column_dimensions[letters[c.key]].hidden = c.part == "id"
    ws.row_dimensions[ps.HEADER_ROW].height = _height(
        [(c.header, c.width) for c in ps.COLUMNS if c.part != "id"]
    )

    row = ps.HEADER_ROW + 1
    rec_rows: list[int] = []
    action_rows: list[int] = []
    for rec in plan.recommendations:
        values = _rec_values(rec, plan)
        _write_row(ws, row, values, "rec", grey, wrap, border, unlocked)
        rec_rows.append(row)
        row += 1
        for item in rec.items:
            _write_row(ws, row, _item_values(rec, item), "item", grey, wrap, border, unlocked)
            action_rows.append(row)
            row += 1
        for _ in range(ps.SPARE_ROWS):
            spare = {"rec_id": rec.id, "kind": ps.KIND_ACTION}
            _write_row(ws, row, spare, "item", grey, wrap, border, unlocked)
            action_rows.append(row)
            row += 1
    last = max(row - 1, ps.HEADER_ROW + 1)

    _validations(ws, letters, rec_rows, action_rows)
    ws.freeze_panes = f"{letters['text']}{ps.HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{ps.HEADER_ROW}:{letters['status']}{last}"
    ws.print_title_rows = f"{ps.HEADER_ROW}:{ps.HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    p = ws.protection
    p.sheet = True
    p.insertRows = False  # False: allowed
    p.formatRows = False
    p.formatColumns = False
    p.autoFilter = False
    p.sort = True


def _rec_values(rec: RecommendationPlan, plan: LandlordPlan) -> dict[str, Any]:
    r = rec.response
    return {
        "rec_id": rec.id,
        "ref": rec.number,
        "kind": ps.KIND_RECOMMENDATION,
        "text": rec.text,
        "area": plan.areas.get(rec.area_letter, "Whole inspection"),
        "target": rec.target_date,
        "response": ps.RESPONSE_WORDS_BY_KEY.get(r.response, ""),
        "reason": r.reason,
        "responsible_role": r.responsible_role,
        "sponsor_role": r.sponsor_role,
        "costs": r.costs,
        "customer_say": r.customer_say,
    }


def _item_values(rec: RecommendationPlan, item: ItemView) -> dict[str, Any]:
    """A day is a real date cell; a month or a word is written as the words ("March 2027")."""
    day = item.by_when is not None and item.by_when_text == show_day(item.by_when)
    return {
        "rec_id": rec.id,
        "item_id": item.id,
        "ref": item.label,
        "kind": ps.KIND_ACTION,
        "key_outcomes": item.key_outcomes,
        "key_actions": item.key_actions,
        "by_when": item.by_when if day else item.by_when_text,
        "progress": item.progress,
        "how_we_know": item.how_we_know,
        "status": ps.STATUS_WORDS_BY_KEY.get(item.status, item.status),
    }


def _write_row(
    ws: Worksheet,
    row: int,
    values: dict[str, Any],
    kind: str,
    grey: Any,
    wrap: Any,
    border: Any,
    unlocked: Any,
) -> None:
    """One row: every cell bordered and wrapped; the landlord's cells white and unlocked."""
    texts: list[tuple[str, float]] = []
    for col, c in enumerate(ps.COLUMNS, start=1):
        value = values.get(c.key)
        cell = ws.cell(row=row, column=col, value=value if value not in ("", None) else None)
        cell.alignment = wrap
        cell.border = border
        if c.is_date or c.key == "by_when":
            cell.number_format = DATE_FORMAT
        if c.part == kind:
            cell.protection = unlocked
        else:
            cell.fill = grey
        if isinstance(value, str) and c.part != "id":
            texts.append((value, c.width))
    ws.row_dimensions[row].height = _height(texts)


def _height(texts: list[tuple[str, float]], points: float = 11) -> float:
    """A row height that shows all of the longest wrapped text (estimated, generous)."""
    lines = 1
    for text, width in texts:
        per_line = max(1.0, (width - 1) * 11 / points)
        lines = max(
            lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        )
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * points / 11 * lines + 4)


def _validations(
    ws: Worksheet, letters: dict[str, str], rec_rows: list[int], action_rows: list[int]
) -> None:
    """Drop-downs for the response (recommendation rows) and the status (action rows).

    They reach some way below the last row, so rows the landlord inserts are covered.
    """
    from openpyxl.worksheet.datavalidation import DataValidation

    below = (max([*rec_rows, *action_rows], default=ps.HEADER_ROW) + 1, 200)
    for key, rows, choices, what in (
        ("response", rec_rows, ps.RESPONSE_CHOICES, "response"),
        ("status", action_rows, ps.STATUS_CHOICES, "status"),
    ):
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(choices) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=f"Choose a {what}",
            error=f"Please choose one of: {', '.join(choices)}.",
            promptTitle=what.capitalize(),
            prompt=f"Choose from the list: {', '.join(choices)}.",
            showInputMessage=True,
        )
        col = letters[key]
        for r in rows:
            dv.add(f"{col}{r}")
        if key == "status":
            dv.add(f"{col}{below[0]}:{col}{below[0] + below[1]}")
        ws.add_data_validation(dv)


def _meta_sheet(ws: Worksheet, plan: LandlordPlan) -> None:
    ws["A1"], ws["B1"] = ps.MARKER, ps.FORMAT_VERSION
    ws["A2"], ws["B2"] = ps.META_INSPECTION, plan.inspection_id
    ws["A3"], ws["B3"] = ps.META_TITLE, plan.title
    ws["A4"], ws["B4"] = ps.META_EXPORTED, plan.exported_at.isoformat(timespec="seconds")
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
