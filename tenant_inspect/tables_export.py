"""``export ID --tables``: the findings, answers, judgements, recommendations and action plan
as spreadsheets for analysts, one Excel workbook or a folder of CSV files.

Why apart from the report: analysts sort, filter and count, so every row is a record and
every cell is typed (a date is a date cell, a number a number, a flag TRUE/FALSE), where the
report is prose for readers. What each sheet holds is :mod:`.tables_sheets`; this module
reads the inspection (plain SQL over any "run this SQL" function, like the report's
:func:`~.report.snapshot.read_report_data`, which it reuses), redacts, and writes.

Privacy is the report's: interviewees appear by role only (every text cell goes through the
report's redactor), and ``with_names`` only puts the inspectors' own names in the author
columns. Files are written atomically (a temporary file beside the target, fsynced, then
renamed), so a failed export leaves no partial file; the folder variant checks and builds
every sheet before the first file is written.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UserError
from .tables_sheets import Sheet, TablesData, build_sheets, redacted
from .team_order import team_order

if TYPE_CHECKING:
    from .store import Store
    from .summaries import RunQuery

#: How dates look in the workbook ("5 Mar 2027"); the cell holds the date itself.
DATE_FORMAT = "d mmm yyyy"


@dataclass(frozen=True)
class TablesResult:
    """What was written: where, as what, each sheet's name and number of rows."""

    path: Path
    format: str  # "Excel" or "CSV"
    sheets: tuple[tuple[str, int], ...]
    redactions: int = 0

    def summary(self) -> str:
        """ "Wrote FILE (Excel, 5 sheets: findings 80 rows, ...)" """
        parts = ", ".join(
            f"{name} {rows} row{'s' if rows != 1 else ''}" for name, rows in self.sheets
        )
        what = "files" if self.format == "CSV" else "sheets"
        return f"Wrote {self.path} ({self.format}, {len(self.sheets)} {what}: {parts})"


def tables_target(output: Path | str) -> str:
    """ "Excel" or "CSV" (a folder) for ``-o``; a one-line UserError for anything else.

    A folder is one that exists, or a path ending with a separator (which must exist):
    ``output`` as typed, because a :class:`Path` forgets a final separator.
    """
    text = str(output)
    path = Path(output).expanduser()
    if path.is_dir():
        return "CSV"
    if text.endswith((os.sep, "/")):
        raise UserError(f"cannot write the tables to {text}: there is no such folder")
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            f"cannot write the tables to {path}: give a file name ending in .xlsx (Excel) "
            "or an existing folder (one CSV file per sheet)"
        )
    if not path.parent.is_dir():
        raise UserError(
            f"cannot write the tables to {path}: the folder {path.parent} does not exist"
        )
    return "Excel"


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

_LIVE = "WHERE inspection_id = ? AND deleted_at IS NULL"
TEAM_SQL = f"SELECT id, name, role, include_in_report, position FROM team_member {_LIVE}"
AUTHORS_SQL = f"SELECT id, author_id FROM finding {_LIVE}"
OWN_JUDGEMENTS_SQL = (
    f"SELECT area_id, judge_id, grade, rationale FROM judgement {_LIVE} AND NOT is_final "
    "ORDER BY created_at, id"
)
ANSWERS_SQL = (
    f"SELECT interview_id, document_review_id, question_key, value FROM answer {_LIVE} "
    "ORDER BY created_at, id"
)
COPIES_SQL = f"SELECT questionnaire_id, version, source_text FROM questionnaire_copy {_LIVE}"


def read_tables_data(run: RunQuery, inspection_id: str, today: date) -> TablesData:
    """Read one inspection (id or unique prefix) for the tables, with plain SQL."""
    from .questionnaire import parse_questionnaire
    from .report.snapshot import read_report_data
    from .views.shared import MemberData

    report = read_report_data(run, inspection_id, today)
    iid = _resolved(run, inspection_id)
    team = sorted(run(TEAM_SQL, (iid,)), key=lambda t: team_order(t[4], t[1], t[0]))
    questionnaires = {}
    for qid, version, source_text in sorted(run(COPIES_SQL, (iid,)), key=lambda c: (c[0], c[1])):
        key = f"{qid} {version}"
        if key in questionnaires:
            continue
        try:
            questionnaires[key] = parse_questionnaire(source_text, f"{key} (stored copy)")
        except UserError:  # a damaged stored copy: the report's notes say so already
            continue
    answers: dict[str, dict[str, str]] = {}
    for interview_id, review_id, question, value in run(ANSWERS_SQL, (iid,)):
        answers.setdefault(interview_id or review_id or "", {})[question] = value
    return TablesData(
        report=report,
        team=tuple(MemberData(t[0], t[1], t[2], bool(t[3])) for t in team),
        finding_authors=dict(run(AUTHORS_SQL, (iid,))),
        own_judgements=tuple((a, j, g, r or "") for a, j, g, r in run(OWN_JUDGEMENTS_SQL, (iid,))),
        questionnaires=questionnaires,
        answers=answers,
    )


def _resolved(run: RunQuery, inspection_id: str) -> str:
    from .views.overview import resolve_inspection

    return resolve_inspection(run, inspection_id)


def load_tables_data(store: Store, inspection_id: str) -> TablesData:
    """:func:`read_tables_data` through the store's session."""
    with store.read() as session:
        from .sql_marks import runner

        return read_tables_data(runner(session.connection()), inspection_id, date.today())


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def export_tables(
    source: Store | TablesData, inspection_id: str, output: Path | str, *, with_names: bool = False
) -> TablesResult:
    """Write the tables of one inspection to ``output`` (.xlsx, or a folder for CSV files).

    ``source`` is a store, or the data read already (the command line's light path).
    """
    from .report.redact import redactor_for

    fmt = tables_target(output)
    path = Path(output).expanduser()
    data = source if isinstance(source, TablesData) else load_tables_data(source, inspection_id)
    redactor = redactor_for(data.report)
    sheets = redacted(build_sheets(data, with_names=with_names), redactor)
    if fmt == "Excel":
        _write_bytes(path, workbook_bytes(sheets))
    else:
        files = {path / f"{_file_stem(s.name)}.csv": csv_text(s) for s in sheets}
        for target, text in files.items():
            _write_bytes(target, text.encode("utf-8-sig"))
    return TablesResult(
        path=path,
        format=fmt,
        sheets=tuple((s.name, len(s.rows)) for s in sheets),
        redactions=redactor.count,
    )


def _file_stem(name: str) -> str:
    from .file_names import slug

    return slug(name, "sheet", 60)


def _write_bytes(path: Path, data: bytes) -> None:
    from .durable import write_bytes_atomically

    write_bytes_atomically(path, data)


def csv_text(sheet: Sheet) -> str:
    """One sheet as CSV: dates as YYYY-MM-DD, flags as TRUE/FALSE (as Excel writes them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(sheet.header)
    for row in sheet.rows:
        writer.writerow([_csv_cell(c) for c in row])
    return out.getvalue()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def workbook_bytes(sheets: list[Sheet]) -> bytes:
    """The workbook: a bold, frozen header with a filter over each sheet, typed cells."""
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for sheet in sheets:
        _write_sheet(wb.create_sheet(sheet.name), sheet)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


#: No column is wider than this many characters (longer text wraps).
_WIDEST = 60
#: The widest sheet (in characters) that is printed shrunk to one page's width.
_PAGE_WIDE = 260


def _write_sheet(ws: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    top = Alignment(vertical="top")
    header_style = Alignment(wrap_text=True, vertical="top")
    widths = _widths(sheet)
    wrapped = Alignment(wrap_text=True, vertical="top")
    ws.append(list(sheet.header))
    for cell in ws[1]:
        cell.font = bold
        cell.alignment = header_style
    for row in sheet.rows:
        ws.append([_xlsx_cell(c) for c in row])
    for row_cells in ws.iter_rows(min_row=2):
        for col, cell in enumerate(row_cells):
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, bool):  # LibreOffice shows 1 and 0 otherwise
                cell.number_format = '"TRUE";"TRUE";"FALSE"'
            elif cell.data_type == "f":  # typed text that starts with "=" is not a formula
                cell.data_type = "s"
            cell.alignment = wrapped if _wraps(cell.value, widths[col]) else top
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    # Set, not left to the reader: LibreOffice draws wrapped text over the next row otherwise.
    ws.row_dimensions[1].height = _height(sheet.header, widths)
    for n, row in enumerate(sheet.rows, start=2):
        ws.row_dimensions[n].height = _height(row, widths)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    if sum(widths) <= _PAGE_WIDE:  # a wide sheet (answers) is printed across pages instead
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True


#: Points per line of 11-point text, and the tallest row (Excel's limit is 409).
_LINE = 15.0
_TALLEST = 400.0


def _wraps(value: Any, width: int) -> bool:
    """Whether a cell's text is wrapped: when it is longer than its column is wide."""
    return isinstance(value, str) and (len(value) > width - 2 or "\n" in value)


def _height(row: tuple[Any, ...], widths: list[int]) -> float:
    """A row height that shows all of its longest wrapped text (estimated, generously)."""
    lines = 1
    for value, width in zip(row, widths, strict=True):
        if isinstance(value, str) and _wraps(value, width):
            per_line = max(1, width - 2)
            lines = max(lines, sum(max(1, -(-len(p) // per_line)) for p in value.split("\n")))
    return min(_TALLEST, _LINE * lines + 3)


def _xlsx_cell(value: Any) -> Any:
    # A cell holds at most 32,767 characters.
    return value[:32767] if isinstance(value, str) else value


def _widths(sheet: Sheet) -> list[int]:
    """Column widths: the sheet's preference, else from the content, between 8 and 60."""
    widths = []
    for col, head in enumerate(sheet.header):
        wanted = sheet.widths[col] if col < len(sheet.widths) else 0
        if not wanted:
            longest = max((len(str(r[col])) for r in sheet.rows if r[col] is not None), default=0)
            wanted = max(len(head) // 2, longest)
        widths.append(max(8, min(_WIDEST, wanted + 2)))
    return widths
