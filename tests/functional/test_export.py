"""Export screen: writes the report where asked, says what it wrote, refuses bad names clearly."""

from __future__ import annotations

from textual.widgets import Input, Static

from screens.export import ExportScreen, default_report_path
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.store import open_store


def seed(data_dir) -> str:
    store = open_store(data_dir)
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


async def test_export_public_word_report_from_the_dashboard(make_app, data_dir, settle, tmp_path):
    seed(data_dir)
    target = tmp_path / "out" / "report.docx"
    target.parent.mkdir()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_export(app, pilot, settle)
        field = screen.query_one("#export-path", Input)
        field.value = str(target)
        await pilot.press("tab", "space")  # tick "Public version"
        await pilot.press("ctrl+s")
        await settle(pilot)
        result = str(screen.query_one("#export-result", Static).render())
        assert f"Written: {target}" in result.replace("\n", "")
        assert "public version" in result
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
        screen.query_one("#export-path", Input).value = str(tmp_path / "report.pdf")
        await pilot.press("ctrl+s")
        await settle(pilot)
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
