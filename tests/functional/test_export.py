"""Export screen: writes the report where asked, says what it wrote, refuses bad names clearly."""

from __future__ import annotations

from textual import events
from textual.widgets import Checkbox, Input, Static
from textual.widgets._toast import Toast

from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.file_picker import FilePicker
from screens.export import ExportScreen, default_report_path
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


def seed(data_dir) -> str:
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Repairs inspection", landlord="Vale Homes")
        area = inspections.add_area(s, insp.id, name="Repairs")
        fieldwork.add_interview(
            s,
            insp.id,
            interviewee_role="Repairs Manager",
            interviewee_name="Zelda Quorn",
            area_id=area.id,
        )
        analysis.add_finding(
            s,
            insp.id,
            kind="weakness",
            text="Zelda Quorn could not name the pledges.",
            area_id=area.id,
        )
        analysis.add_finding(
            s,
            insp.id,
            kind="observation",
            text="Internal note for the team only",
            area_id=area.id,
            internal=True,
        )
        inspection_id = insp.id
    store.close()
    return inspection_id


async def open_export(app, pilot, settle):
    await settle(pilot)
    await pilot.press("enter")  # open the inspection
    await settle(pilot)
    await pilot.press("x")
    await settle(pilot)
    assert isinstance(app.screen, ExportScreen)
    return app.screen


async def save_as(pilot, settle, path, offered: str = "repairs-inspection-report.docx") -> None:
    """Ctrl+S, then the report's path typed (pasted) into the file dialog, then Enter.

    ``offered``: the end of the name the dialog suggests for what is being exported."""
    await pilot.press("ctrl+s")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, FilePicker)
    field = dialog.query_one("#file-path", Input)
    assert dialog.focused is field
    assert field.value.endswith(offered)
    await pilot.press("ctrl+u")
    field.post_message(events.Paste(str(path)))
    await pilot.pause()
    assert field.value == str(path)
    await pilot.press("enter")
    await settle(pilot)


async def test_export_public_word_report_from_the_dashboard(make_app, data_dir, settle, tmp_path):
    seed(data_dir)
    target = tmp_path / "out" / "report.docx"
    target.parent.mkdir()
    app = make_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        screen = await open_export(app, pilot, settle)
        await pilot.press("space")  # tick "Public version" (it has the focus)
        await save_as(pilot, settle, target)
        assert app.screen is screen
        result = str(screen.query_one("#export-result", Static).render())
        assert f"Written: {target}" in result.replace("\n", "")
        assert "public version" in result
        # The result is on the screen; no notification covers the options just used.
        await pilot.pause(0.2)
        assert not list(screen.query(Toast))

        # Writing it again asks before replacing the file; Esc keeps it.
        target.write_text("kept")
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FilePicker)
        assert dialog.query_one("#file-path", Input).value == str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "report.docx already exists" in str(
            app.screen.query_one("#confirm-question", Static).render()
        )
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is dialog and target.read_text() == "kept"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
    from docx import Document

    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Zelda" not in text and "[Repairs Manager] could not name the pledges." in text
    assert "Internal note" not in text


async def test_a_bad_file_name_is_explained_and_nothing_is_written(
    make_app, data_dir, settle, tmp_path
):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_export(app, pilot, settle)
        await save_as(pilot, settle, tmp_path / "report.pdf")
        assert app.screen is screen
        result = str(screen.query_one("#export-result", Static).render()).replace("\n", " ")
        assert "Not exported" in result and ".docx (Word) or .md (Markdown)" in result
    assert list(tmp_path.glob("report*")) == []


def test_default_path_is_in_documents_when_there_is_one(tmp_path):
    assert (
        default_report_path("Resident involvement: pledges!", tmp_path)
        == tmp_path / "resident-involvement-pledges-report.docx"
    )
    (tmp_path / "Documents").mkdir()
    assert default_report_path("X", tmp_path).parent == tmp_path / "Documents"


async def test_the_questionnaire_appendix_can_be_left_out(make_app, data_dir, settle, tmp_path):
    seed(data_dir)
    target = tmp_path / "report.docx"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_export(app, pilot, settle)
        box = screen.query_one("#export-questionnaires", Checkbox)
        assert box.value  # included unless the coordinator says otherwise
        await pilot.press("tab")  # from "Public version" to "Include the questionnaires"
        assert screen.focused is box
        await pilot.press("space")
        assert not box.value
        await save_as(pilot, settle, target)
        assert "Written:" in str(screen.query_one("#export-result", Static).render())
    from docx import Document

    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Appendix" in text and "Cost bands" in text
    assert "Questionnaires used" not in text


async def test_the_progress_report_on_the_action_plan(make_app, data_dir, settle, tmp_path):
    """Tick the progress report: its own file name, the chart, and names still replaced."""
    from datetime import date

    from docx import Document

    from tenant_inspect import action_plan

    iid = seed(data_dir)
    store = open_store(data_dir)
    with store.write() as s:
        rec = analysis.add_recommendation(s, iid, text="Answer repair calls within a day.")
        item = action_plan.add_item(s, rec, key_actions="New call rota", by_when="2020-01-31")
        round_ = action_plan.start_round(s, iid, held_on=date(2027, 1, 5), title="Quarter 1")
        action_plan.record_entry(
            s, round_, item, status="off_track", progress_note="Zelda Quorn says it slipped."
        )
    store.close()
    target = tmp_path / "progress.docx"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_export(app, pilot, settle)
        questionnaires = screen.query_one("#export-questionnaires", Checkbox)
        await pilot.press("tab", "tab")  # past "Public version" and the questionnaires
        assert screen.focused is screen.query_one("#export-plan-progress", Checkbox)
        await pilot.press("space")
        assert questionnaires.disabled  # an appendix of the inspection report only
        assert "repairs-inspection-progress.docx" in str(
            screen.query_one("#export-where", Static).render()
        )
        await save_as(pilot, settle, target, "repairs-inspection-progress.docx")
        result = str(screen.query_one("#export-result", Static).render())
        assert "Word progress report, internal version" in result.replace("\n", " ")
    document = Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Progress on the action plan" in text and "Overdue actions" in text
    assert "[Repairs Manager] says it slipped." in cells
    assert "Zelda" not in text + cells
    assert len(document.inline_shapes) == 1  # the chart


async def test_a_progress_report_without_a_plan_says_why(make_app, data_dir, settle, tmp_path):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_export(app, pilot, settle)
        screen.query_one("#export-plan-progress", Checkbox).value = True
        await settle(pilot)
        await save_as(pilot, settle, tmp_path / "p.docx", "repairs-inspection-progress.docx")
        result = str(screen.query_one("#export-result", Static).render()).replace("\n", " ")
        assert "Not exported" in result and "no action plan yet" in result
    assert not (tmp_path / "p.docx").exists()


async def test_the_spreadsheets_of_the_findings(make_app, data_dir, settle, tmp_path):
    """Tick the spreadsheets: their own file name, an .xlsx written, names still replaced."""
    import openpyxl

    seed(data_dir)
    target = tmp_path / "tables.xlsx"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_export(app, pilot, settle)
        await pilot.press("tab", "tab", "tab", "tab")  # past the report's own options
        assert screen.focused is screen.query_one("#export-tables", Checkbox)
        await pilot.press("space")
        assert screen.query_one("#export-public", Checkbox).disabled
        assert "repairs-inspection-tables.xlsx" in str(
            screen.query_one("#export-where", Static).render()
        )
        await save_as(pilot, settle, target, "repairs-inspection-tables.xlsx")
        result = str(screen.query_one("#export-result", Static).render()).replace("\n", " ")
        assert f"Written: {target}" in result
        assert "Excel workbook, 3 sheets: findings (2 rows), judgements (0 rows)" in result
    book = openpyxl.load_workbook(target)
    rows = list(book["findings"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["F1", "F2"]
    assert rows[0][3] == "[Repairs Manager] could not name the pledges."
    assert [r[7] for r in rows] == [False, True]  # the internal finding is there, marked


async def test_large_print_from_the_export_screen(make_app, data_dir, settle, tmp_path):
    """The large-print box gives a Word report whose every word is 16 pt or more."""
    from tests.support.docx_reading import small_or_italic_runs

    seed(data_dir)
    target = tmp_path / "large.docx"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_export(app, pilot, settle)
        box = screen.query_one("#export-large-print", Checkbox)
        box.focus()
        await pilot.press("space")
        assert box.value
        await save_as(pilot, settle, target)
        result = str(screen.query_one("#export-result", Static).render()).replace("\n", " ")
        assert "Word report in large print, internal version" in result
    count, bad = small_or_italic_runs(target, 16)
    assert count and bad == []
