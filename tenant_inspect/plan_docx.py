"""The action plan as a Word form, for a landlord who would rather answer in Word.

The same content as the workbook (:mod:`.plan_xlsx`), in the shape of a published action
plan: per recommendation a title block (the recommendation, its area and target date, then
the response, reason, responsible officer and executive sponsor by role, costs, how
customers will have a say) and the table of key outcomes / key actions / by when /
progress to date / how do we know / status, with empty rows to add items.

It is a form to read and fill in, not to import: the coordinator types the answers in, or
asks for the workbook, which :mod:`.plan_import` reads. The report's accessibility rules
apply (12 pt at least, no italics, real headings); pages are landscape so the six-column
table stays readable. Tables are built with ``add_row().cells`` (python-docx's
``table.cell`` rebuilds the grid on every call).
"""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING

from . import plan_sheet as ps
from .dates import show_day
from .plan_xlsx import instructions

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table

    from .plan_export import LandlordPlan
    from .views.action_plan import RecommendationPlan

ITEM_HEADERS = tuple(ps.BY_KEY[k].header for k in ps.ITEM_FIELDS)
#: Relative widths of the item table's columns (outcome, action, by when, progress, how, status).
ITEM_WIDTHS = (3.0, 3.0, 1.7, 3.0, 3.0, 1.5)


def write_form(plan: LandlordPlan) -> bytes:
    """The whole Word form as bytes (the caller writes them atomically)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for style, text in instructions(plan):
        if style == "title":
            doc.add_heading(text, level=0)
        elif style == "heading":
            doc.add_heading(_for_word(text), level=1)
        elif text:
            doc.add_paragraph(_for_word(text))
    for rec in plan.recommendations:
        doc.add_page_break()  # type: ignore[no-untyped-call]
        _recommendation(doc, rec, plan)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _for_word(text: str) -> str:
    """The workbook's instructions say "sheet" and "row"; in Word they are tables."""
    return (
        text.replace("The sheet called “Plan” has one block of rows", "There is one section")
        .replace("Only the white cells. The grey cells", "Only the empty boxes. The first rows")
        .replace(" or the hidden columns", "")
        .replace(f"On the row marked “{ps.KIND_RECOMMENDATION}”", "Under each recommendation")
        .replace(f"On each row marked “{ps.KIND_ACTION}” below it", "In the table of actions")
        .replace("Use the empty Action rows, or insert a row inside the recommendation's block: "
                 "it belongs to the recommendation above it. Please do not delete rows or "
                 "rename the column headings.", "Add rows to the table of actions.")
        .replace("Save the workbook as it is (keep it as an Excel .xlsx file)", "Save the document")
        .replace(" You can send an updated copy later: only what you changed is taken in.", "")
        .replace("What this workbook is for", "What this form is for")
    )  # fmt: skip


def _recommendation(doc: Document, rec: RecommendationPlan, plan: LandlordPlan) -> None:
    doc.add_heading(f"{rec.number}. {rec.text}", level=1)
    r = rec.response
    block = doc.add_table(rows=0, cols=2)
    block.style = "Table Grid"
    rows = (
        ("Area", plan.areas.get(rec.area_letter, "Whole inspection")),
        ("Target date", show_day(rec.target_date) if rec.target_date else ""),
        ("Response (" + " / ".join(ps.RESPONSE_CHOICES) + ")",
         ps.RESPONSE_WORDS_BY_KEY.get(r.response, "")),
        ("Reason for the response", r.reason),
        ("Responsible officer (role)", r.responsible_role),
        ("Executive sponsor (role)", r.sponsor_role),
        ("Costs / resources required", r.costs),
        ("How customers will have a say", r.customer_say),
    )  # fmt: skip
    for label, value in rows:
        cells = block.add_row().cells
        cells[0].text = label
        cells[1].text = value
        _bold(cells[0])
    _widths(block, (1.0, 2.0))
    doc.add_heading(f"{rec.number}: outcomes and actions", level=2)
    doc.add_paragraph(
        f"Status: {' / '.join(ps.STATUS_CHOICES)}. By when: {ps.BY_WHEN_HINT}.",
    )
    table = doc.add_table(rows=1, cols=len(ITEM_HEADERS))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, ITEM_HEADERS, strict=True):
        cell.text = header
        _bold(cell)
    _repeat_header(table)
    for item in rec.items:
        cells = table.add_row().cells
        values = (
            item.key_outcomes,
            item.key_actions,
            _by_when(item.by_when, item.by_when_text),
            item.progress,
            item.how_we_know,
            ps.STATUS_WORDS_BY_KEY.get(item.status, item.status),
        )
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    for _ in range(ps.SPARE_ROWS):
        table.add_row()
    _widths(table)


def _by_when(day: date | None, words: str) -> str:
    """A day as 31/03/2027 (as the hint says, and narrow); a month or word as written."""
    return day.strftime("%d/%m/%Y") if day is not None and words == show_day(day) else words


def _bold(cell: object) -> None:
    for paragraph in cell.paragraphs:  # type: ignore[attr-defined]
        for run in paragraph.runs:
            run.bold = True


def _repeat_header(table: Table) -> None:
    """The header row repeats on every page the table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _widths(table: Table, shares: tuple[float, ...] = ITEM_WIDTHS) -> None:
    """Fixed column widths across the landscape page (set on the grid and every cell)."""
    from docx.shared import Cm

    table.autofit = False
    total = sum(shares)
    widths = [Cm(24.0 * share / total) for share in shares]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
