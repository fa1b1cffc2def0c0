"""The findings as spreadsheets (``export --tables``), read back as an analyst would open them.

The small demo is exported once, as a workbook (authors by role, and with names) and as a
folder of CSV files; each test checks what a reader of those files would notice: the
sheets, numbers that agree with the report, typed dates and numbers, a usable header, and
never an interviewee's name.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from tenant_inspect.demo import DEMO_INTERVIEWEE_NAMES
from tenant_inspect.dump import dump_json
from tenant_inspect.errors import UserError
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.report.export import build_report
from tenant_inspect.report.model import Bullets
from tenant_inspect.store import Store, open_store
from tenant_inspect.tables_export import TablesResult, export_tables
from tests.support.demo_copy import demo_data_dir

FIXED = ["findings", "judgements", "recommendations", "action plan"]


@dataclass
class Exported:
    store: Store
    iid: str
    result: TablesResult
    book: Workbook
    named: Workbook
    folder: Path
    dump: dict[str, Any]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    root = tmp_path_factory.mktemp("tables")
    data = resolve_data_dir(root / "data")
    iid = demo_data_dir(data)
    store = open_store(data)
    result = export_tables(store, iid, root / "tables.xlsx")
    export_tables(store, iid, root / "named.xlsx", with_names=True)
    folder = root / "csv"
    folder.mkdir()
    export_tables(store, iid, folder)
    with store.read() as session:
        dump = json.loads(dump_json(session, iid))
    yield Exported(
        store,
        iid,
        result,
        openpyxl.load_workbook(root / "tables.xlsx"),
        openpyxl.load_workbook(root / "named.xlsx"),
        folder,
        dump,
    )
    store.close()


def _rows(book: Workbook, sheet: str) -> list[dict[str, Any]]:
    ws = book[sheet]
    header = [c.value for c in ws[1]]
    return [
        dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)
    ]


def _live(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if r.get("deleted_at") is None]


def test_the_workbook_has_the_findings_answers_and_plan_sheets(exported: Exported) -> None:
    names = exported.book.sheetnames
    assert names[0] == "findings"
    answers = [n for n in names if n.startswith("answers ")]
    assert answers == [
        "answers Desktop review",
        "answers Staff interview",
        "answers Tenant interview",
    ]
    assert names == ["findings", *answers, *FIXED[1:]]
    assert all(len(n) <= 31 for n in names)
    assert exported.result.summary().startswith(
        f"Wrote {exported.result.path} (Excel, 7 sheets: findings 80 rows, "
    )


def test_findings_are_numbered_as_in_the_report(exported: Exported) -> None:
    rows = _rows(exported.book, "findings")
    live = [f for f in _live(exported.dump["tables"]["finding"]) if f["merged_into_id"] is None]
    assert len(rows) == len(live) == 80
    assert [r["Number"] for r in rows] == [f"F{n}" for n in range(1, len(rows) + 1)]
    with exported.store.read() as session:
        report, _ = build_report(session, exported.iid, public=False)
    in_report: dict[str, str] = {}
    for block in report.blocks:
        if isinstance(block, Bullets):
            for lead, text in zip(block.leads, block.items, strict=False):
                number = re.match(r"(F\d+) ", lead)
                if number:
                    in_report[number.group(1)] = text
    assert len(in_report) == len(rows)
    for r in rows:
        assert " ".join(str(r["Finding"]).split()) == in_report[r["Number"]]
    assert all(isinstance(r["Internal"], bool) for r in rows)
    assert any(r["Internal"] for r in rows) and not all(r["Internal"] for r in rows)
    assert all(r["Area"] and re.match(r"[A-Z]\. ", r["Area"]) for r in rows)


def test_dates_are_date_cells_and_numbers_are_numbers(exported: Exported) -> None:
    ws = exported.book["answers Tenant interview"]
    header = [c.value for c in ws[1]]
    date_col = header.index("Date")
    assert ws.cell(row=2, column=date_col + 1).is_date
    assert ws.cell(row=2, column=date_col + 1).number_format == "d mmm yyyy"
    scale = [c.value for c in ws[2] if isinstance(c.value, int) and not isinstance(c.value, bool)]
    assert scale, "the tenant interview's scale answer is a number"
    recs = exported.book["recommendations"]
    target = [c.value for c in recs[1]].index("Target date") + 1
    assert recs.cell(row=2, column=target).is_date
    assert _rows(exported.book, "recommendations")[0]["Findings"] == "F23, F24, F51"
    plan = _rows(exported.book, "action plan")
    assert [p["Item"] for p in plan][:1] == ["R1.1"]
    assert any(isinstance(p["By when"], date) for p in plan)
    assert any(p["By when"] == "ongoing" for p in plan)
    assert {type(p["Overdue"]) for p in plan} == {bool}


def test_multiple_choices_are_labels_joined(exported: Exported) -> None:
    rows = _rows(exported.book, "answers Tenant interview")
    heard = [r["How did you hear about it?"] for r in rows]
    assert "Newsletter or magazine; A housing officer or other staff" in heard


def test_every_sheet_has_a_bold_frozen_header_with_a_filter(exported: Exported) -> None:
    for ws in exported.book.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == ws.dimensions, ws.title
        assert all(c.font.bold for c in ws[1]), ws.title
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
        assert all(8 <= w <= 62 for w in widths), ws.title


def _words(book: Workbook) -> str:
    return "\n".join(
        str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
    ).casefold()


def test_no_interviewee_name_is_in_any_cell(exported: Exported) -> None:
    for book in (exported.book, exported.named):
        # A place that shares Gillian Marsh's surname, kept as written (as in the report:
        # see tests/unit/test_redact.py).
        text = _words(book).replace("marsh lane estate", "")
        for person in DEMO_INTERVIEWEE_NAMES:
            parts = person.split()
            for name in (person, parts[0], parts[-1]):
                assert not re.search(rf"\b{re.escape(name.casefold())}\b", text), name
    assert exported.result.redactions > 0  # the demo's notes do name someone
    assert "[housing manager]" in _words(exported.book)


def test_authors_are_roles_unless_names_are_asked_for(exported: Exported) -> None:
    team = _live(exported.dump["tables"]["team_member"])
    names = {t["name"] for t in team}
    roles = {r["Author"] for r in _rows(exported.book, "findings")}
    assert roles and all(re.fullmatch(r"Coordinator|Inspector \d+", r) for r in roles)
    named = {r["Author"] for r in _rows(exported.named, "findings")}
    assert named and named <= names
    judges = {r["Whose judgement"] for r in _rows(exported.book, "judgements")}
    assert "Agreed (final)" in judges
    assert all(re.fullmatch(r"Agreed \(final\)|Coordinator|Inspector \d+", j) for j in judges)


def test_counts_agree_with_the_dump(exported: Exported) -> None:
    tables = exported.dump["tables"]
    recs = _live(tables["recommendation"])
    assert len(_rows(exported.book, "recommendations")) == len(recs)
    final = [j for j in _live(tables["judgement"]) if j["is_final"]]
    rows = _rows(exported.book, "judgements")
    assert sum(1 for r in rows if r["Whose judgement"] == "Agreed (final)") == len(final)
    assert len(rows) == len(_live(tables["judgement"]))
    # Answers per questionnaire: every answer given is in a cell of that questionnaire's sheet.
    uses = {
        p["id"]: p["questionnaire_id"]
        for p in _live(tables["interview"]) + _live(tables["document_review"])
    }
    given = Counter(
        uses[a["interview_id"] or a["document_review_id"]]
        for a in _live(tables["answer"])
        if a["value"] != "" and (a["interview_id"] or a["document_review_id"]) in uses
    )
    sheets = {
        "desktop-review": "answers Desktop review",
        "staff-interview-ri": "answers Staff interview",
        "tenant-interview": "answers Tenant interview",
    }
    assert set(given) == set(sheets)
    for qid, sheet in sheets.items():
        cells = sum(
            1 for r in _rows(exported.book, sheet) for v in list(r.values())[4:] if v is not None
        )
        assert cells == given[qid], sheet
        parents = sum(1 for q in uses.values() if q == qid)
        assert len(_rows(exported.book, sheet)) == parents


def test_the_csv_folder_has_one_file_per_sheet_with_the_same_rows(exported: Exported) -> None:
    files = sorted(p.name for p in exported.folder.iterdir())
    assert files == sorted(
        [
            "findings.csv",
            "answers-desktop-review.csv",
            "answers-staff-interview.csv",
            "answers-tenant-interview.csv",
            "judgements.csv",
            "recommendations.csv",
            "action-plan.csv",
        ]
    )
    with (exported.folder / "findings.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    sheet = _rows(exported.book, "findings")
    assert len(rows) == len(sheet)
    assert [r["Number"] for r in rows] == [r["Number"] for r in sheet]
    assert {r["Internal"] for r in rows} == {"TRUE", "FALSE"}
    with (exported.folder / "recommendations.csv").open(encoding="utf-8-sig") as fh:
        first = next(csv.DictReader(fh))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", first["Target date"])


@pytest.mark.parametrize(
    ("name", "needle"),
    [("t.docx", "ending in .xlsx"), ("missing/t.xlsx", "does not exist"), ("gone/", "no such")],
)
def test_a_wrong_target_is_refused_and_nothing_is_written(
    exported: Exported, tmp_path: Path, name: str, needle: str
) -> None:
    with pytest.raises(UserError, match=needle):
        export_tables(exported.store, exported.iid, f"{tmp_path}/{name}")
    assert list(tmp_path.iterdir()) == []
