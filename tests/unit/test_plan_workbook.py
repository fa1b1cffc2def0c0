"""The landlord's round trip: export the workbook, fill it in with openpyxl, import it back.

The workbook is filled in as a housing officer would, mistakes included; the import must
list each mistake with its sheet, row and column, write nothing, then take the fixed file,
take it again without change, and take a later edit as only that edit.
"""

from __future__ import annotations

import io
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tenant_inspect import action_plan, analysis, fieldwork, inspections, records
from tenant_inspect import models as m
from tenant_inspect import plan_sheet as ps
from tenant_inspect.dump import write_dump
from tenant_inspect.errors import UserError
from tenant_inspect.plan_apply import import_log, import_plan
from tenant_inspect.plan_export import export_plan
from tenant_inspect.plan_import import PlanRefused


@pytest.fixture
def plan(store):
    """An inspection with two published recommendations, one internal, and one item."""
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Repairs", landlord="Vale HA")
        area = inspections.add_area(s, insp.id, name="Repairs")
        fieldwork.add_interview(
            s, insp.id, interviewee_role="Repairs Manager", interviewee_name="Gillian Marsh"
        )
        r1 = analysis.add_recommendation(
            s,
            insp.id,
            text="Ask Gillian Marsh to publish the repairs charter",
            area_id=area.id,
            target_date=date(2027, 3, 31),
        )
        r2 = analysis.add_recommendation(s, insp.id, text="Answer complaints within ten days")
        analysis.add_recommendation(s, insp.id, text="Panel-only note", internal=True)
        action_plan.add_item(
            s,
            r1,
            key_outcomes="Tenants know what to expect",
            key_actions="Write the charter",
            by_when="June 2027",
            progress="Met Gillian Marsh",
            status="on_track",
        )
        ids = (insp.id, r1.id, r2.id)
    return store, *ids


def _dump(store, inspection_id: str) -> str:
    out = io.StringIO()
    with store.read() as s:
        write_dump(s, inspection_id, out.write)
    return out.getvalue()


def _columns(ws) -> dict[str, int]:
    return {c.header: i for i, c in enumerate(ps.COLUMNS, start=1)}


def _row(ws, ref: str, kind: str = ps.KIND_ACTION, nth: int = 0) -> int:
    """The row of ``ref`` (e.g. "R1.1"), or the nth spare action row after recommendation ``ref``."""
    rows = [r for r in range(ps.HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, 3).value == ref]
    if rows and not kind.startswith("spare"):
        return rows[0]
    start = rows[0]
    spare = [
        r
        for r in range(start + 1, ws.max_row + 1)
        if ws.cell(r, 3).value is None and ws.cell(r, 4).value == ps.KIND_ACTION
    ]
    return spare[1 if kind == "spare2" else nth]


def _fill(path: Path, edits: list[tuple[str, str, str, object]]) -> None:
    """Write cells as a landlord would: (ref, kind, header, value); kind "spare" = a new row."""
    wb = load_workbook(path)
    ws = wb[ps.PLAN_SHEET]
    cols = _columns(ws)
    for ref, kind, header, value in edits:
        ws.cell(_row(ws, ref, kind), cols[header]).value = value
    wb.save(path)


def _letter(header: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(_columns(None)[header])


def test_round_trip_with_mistakes_then_fixed_then_again_then_one_edit(plan, tmp_path):
    store, iid, r1, r2 = plan
    path = tmp_path / "plan.xlsx"
    result = export_plan(store, iid, path)
    assert (result.recommendations, result.items) == (2, 1)  # the internal one stays home

    # The landlord fills it in, with mistakes.
    _fill(
        path,
        [
            ("R1", ps.KIND_RECOMMENDATION, "Response", "Accepted"),
            ("R1", ps.KIND_RECOMMENDATION, "Responsible officer (role)", "Head of Repairs"),
            ("R1.1", ps.KIND_ACTION, "By when", "soonish"),  # text that is not a date
            ("R1", "spare", "Key outcome for customers", "Charter on the website"),
            ("R1", "spare", "Key action", "Publish it"),
            ("R1", "spare", "By when", datetime(2027, 3, 31)),
            ("R1", "spare", "Status", "On track"),
            ("R2", "spare", "Key action", "Train the team"),
            ("R2", "spare2", "Key action", "Tell tenants"),  # no status: not started
            ("R2", "spare", "Status", "Nearly there"),  # not a status
        ],
    )
    wb = load_workbook(path)
    ws = wb[ps.PLAN_SHEET]
    ws.cell(ps.HEADER_ROW, _columns(ws)["How do we know when we've achieved this?"]).value = None
    wb.save(path)
    by_when_row, status_row = _rows(path, ("R1.1", ps.KIND_ACTION), ("R2", "spare"))

    before = _dump(store, iid)
    with pytest.raises(PlanRefused) as refused:
        import_plan(store, path)
    problems = refused.value.problems
    assert len(problems) == 3, problems
    text = "\n".join(problems)
    assert f"Plan sheet, row {by_when_row}, column {_letter('By when')} (By when)" in text
    assert "“soonish” is not a date" in text
    assert f"Plan sheet, row {status_row}, column {_letter('Status')} (Status)" in text
    assert "“Nearly there” is not a status" in text and "On track" in text
    assert f"Plan sheet, row {ps.HEADER_ROW}: the column heading “How do we know" in text
    assert "deleted or renamed" in text
    assert _dump(store, iid) == before  # nothing written

    # The coordinator fixes the mistakes; the import takes it.
    wb = load_workbook(path)
    ws = wb[ps.PLAN_SHEET]
    cols = _columns(ws)
    ws.cell(ps.HEADER_ROW, cols["How do we know when we've achieved this?"],
            "How do we know when we've achieved this?")  # fmt: skip
    ws.cell(by_when_row, cols["By when"], "March 2027")
    ws.cell(status_row, cols["Status"], "at risk")  # any case will do
    wb.save(path)
    done = import_plan(store, path)
    assert done.changed > 0
    assert done.lines() == [
        "R1: response changed to Accepted; responsible officer changed; 1 item added; "
        "1 item's by when changed",
        "R2: 2 items added",
    ]
    with store.read() as s:
        rec1 = records.get(s, m.Recommendation, r1)
        response = action_plan.get_response(s, rec1)
        assert response is not None
        assert (response.response, response.responsible_role) == ("accepted", "Head of Repairs")
        items1 = action_plan.items(s, rec1)
        assert [(i.key_actions, i.by_when, i.by_when_words, i.status) for i in items1] == [
            ("Write the charter", date(2027, 3, 31), "March 2027", "on_track"),
            ("Publish it", date(2027, 3, 31), "", "on_track"),
        ]
        assert items1[0].progress == "Met Gillian Marsh"  # the redacted copy changed nothing
        items2 = action_plan.items(s, records.get(s, m.Recommendation, r2))
        assert [(i.key_actions, i.status) for i in items2] == [
            ("Train the team", "at_risk"),
            ("Tell tenants", "not_started"),
        ]

    # The same file again: nothing changes.
    after_first = _dump(store, iid)
    again = import_plan(store, path)
    assert (again.changed, again.lines()) == (0, [])
    assert _dump(store, iid) == after_first

    # A later version: one cell edited; only that changes, the added rows are kept.
    wb = load_workbook(path)
    ws = wb[ps.PLAN_SHEET]
    ws.cell(_row(ws, "R1.1"), _columns(ws)["Progress to date"], "Charter drafted")
    wb.save(path)
    later = import_plan(store, path)
    assert later.lines() == ["R1: 1 item's progress changed"]
    with store.read() as s:
        rec1 = records.get(s, m.Recommendation, r1)
        assert [(i.key_actions, i.progress) for i in action_plan.items(s, rec1)] == [
            ("Write the charter", "Charter drafted"),
            ("Publish it", ""),
        ]
        assert len(action_plan.items(s, records.get(s, m.Recommendation, r2))) == 2
        log = import_log(s, iid)  # the imports that changed something, remembered
        assert [e["changes"] for e in log][1:] == [["R1: 1 item's progress changed"]]
        assert len(log) == 2 and log[0]["file"] == "plan.xlsx"


def _rows(path: Path, *wanted: tuple[str, str]) -> list[int]:
    ws = load_workbook(path)[ps.PLAN_SHEET]
    return [_row(ws, ref, kind) for ref, kind in wanted]


def test_the_workbook_carries_roles_not_names_and_the_layout_the_landlord_needs(plan, tmp_path):
    store, iid, _, _ = plan
    path = tmp_path / "plan.xlsx"
    export_plan(store, iid, path)
    wb = load_workbook(path)
    assert wb.sheetnames == [ps.INSTRUCTIONS_SHEET, ps.PLAN_SHEET, ps.META_SHEET]
    assert wb[ps.META_SHEET].sheet_state == "veryHidden"
    texts = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert not [t for t in texts if "Gillian" in t or "Marsh" in t]
    assert "Ask [Repairs Manager] to publish the repairs charter" in texts
    ws = wb[ps.PLAN_SHEET]
    cols = _columns(ws)
    assert ws.protection.sheet and ws.freeze_panes == "E4"
    assert ws.column_dimensions["A"].hidden and ws.column_dimensions["B"].hidden
    r1 = _row(ws, "R1")
    target = ws.cell(r1, cols["Target date"])
    assert isinstance(target.value, datetime) and target.number_format == "dd/mm/yyyy"
    assert target.protection.locked and not ws.cell(r1, cols["Response"]).protection.locked
    assert ws.cell(_row(ws, "R1.1"), cols["By when"]).value == "June 2027"  # a month, as words
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"Accepted,Partly accepted,Not accepted"' in lists
    assert '"Not started,On track,At risk,Off track,Done"' in lists
    words = " ".join(str(c.value) for c in wb[ps.INSTRUCTIONS_SHEET]["A"] if c.value)
    for needed in ("31/03/2027", "March 2027", "ongoing", "grey", "coordinator"):
        assert needed in words


def test_a_workbook_for_another_inspection_is_refused(plan, tmp_path):
    store, iid, _, _ = plan
    with store.write() as s:
        other = inspections.create_inspection(s, title="Lettings", landlord="Vale HA").id
    path = tmp_path / "other.xlsx"
    export_plan(store, other, path)
    before = _dump(store, iid)
    with pytest.raises(UserError, match=r"for another inspection .*“Lettings”"):
        import_plan(store, path, iid[:6])
    wb = load_workbook(path)
    wb[ps.META_SHEET]["B2"] = str(uuid.uuid4())
    wb.save(path)
    with pytest.raises(UserError, match="not on this laptop"):
        import_plan(store, path)
    assert _dump(store, iid) == before


def test_a_changed_id_cell_is_named(plan, tmp_path):
    store, iid, _, _ = plan
    path = tmp_path / "plan.xlsx"
    export_plan(store, iid, path)
    wb = load_workbook(path)
    ws = wb[ps.PLAN_SHEET]
    row = _row(ws, "R1.1")
    ws.cell(row, 2, str(uuid.uuid4()))
    wb.save(path)
    with pytest.raises(PlanRefused) as refused:
        import_plan(store, path)
    assert refused.value.problems == [
        f"Plan sheet, row {row}, column B (Item id (do not change)): the hidden item id is not "
        "one of R1's items; it was changed or the row was copied from another recommendation "
        "— use the rows as they were sent, or clear the id to add the row as a new item"
    ]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"this is not a workbook", "not an Excel workbook"),
        (None, "damaged or not an Excel .xlsx file"),
    ],
)
def test_a_non_workbook_or_damaged_file_is_one_line(plan, tmp_path, content, words):
    store, iid, _, _ = plan
    path = tmp_path / "bad.xlsx"
    if content is None:  # a real workbook, its main part spoiled
        good = tmp_path / "good.xlsx"
        export_plan(store, iid, good)
        import zipfile

        with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info)
                zout.writestr(info, b"<broken" if info.filename.endswith("workbook.xml") else data)
    else:
        path.write_bytes(content)
    with pytest.raises(UserError) as info:
        import_plan(store, path)
    assert words in str(info.value) and "\n" not in str(info.value)


def test_rows_inserted_in_a_block_and_months_excel_made_dates(plan, tmp_path):
    """A row inserted anywhere in a block is that recommendation's; Excel's "Mar-27" is a month."""
    store, iid, _, r2 = plan
    path = tmp_path / "plan.xlsx"
    export_plan(store, iid, path)
    wb = load_workbook(path)
    ws = wb[ps.PLAN_SHEET]
    cols = _columns(ws)
    row = _row(ws, "R2") + 1
    ws.insert_rows(row)  # no kind, no ids: a row the landlord inserted
    ws.cell(row, cols["Key action"]).value = "Weekly complaints meeting"
    cell = ws.cell(row, cols["By when"])
    cell.value, cell.number_format = datetime(2027, 3, 1), "mmm-yy"  # typed "March 2027"
    ws.cell(_row(ws, "R2", "spare"), cols["Progress to date"]).value = "Started"  # only that
    wb.save(path)
    import_plan(store, path)
    assert import_plan(store, path).changed == 0  # added once, however little it says
    with store.read() as s:
        items = action_plan.items(s, records.get(s, m.Recommendation, r2))
        assert [(i.key_actions, i.by_when, i.by_when_words, i.status) for i in items] == [
            ("Weekly complaints meeting", date(2027, 3, 31), "March 2027", "not_started"),
            ("", None, "", "not_started"),
        ]


def test_a_workbook_saved_again_by_another_program_imports_unchanged(plan, tmp_path):
    """What LibreOffice or Excel do on saving (found by re-saving with LibreOffice): styles
    dropped or reordered, protection lifted, the marker sheet merely hidden. The reader
    relies on none of them, so nothing changes."""
    from openpyxl.styles import Font, PatternFill, Protection

    store, iid, _, _ = plan
    path = tmp_path / "plan.xlsx"
    export_plan(store, iid, path)
    wb = load_workbook(path)
    for ws in wb.worksheets:
        if ws.sheet_state == "veryHidden":
            ws.sheet_state = "hidden"
        ws.protection.sheet = False
        for row in ws.iter_rows():
            for cell in row:
                cell.font = Font()
                cell.fill = PatternFill()
                cell.protection = Protection(locked=False)
    wb.save(tmp_path / "saved.xlsx")
    before = _dump(store, iid)
    assert import_plan(store, tmp_path / "saved.xlsx").changed == 0
    assert _dump(store, iid) == before
