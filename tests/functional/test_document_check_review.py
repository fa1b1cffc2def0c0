"""F4 in a document review: the landlord's file is checked and only ticked proposals recorded."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from screens.dialogs.file_picker import FilePicker
from screens.dialogs.proposals import ProposalsDialog
from screens.documents import DocumentReviewListScreen, DocumentReviewScreen
from screens.widgets.fields import TickList
from tenant_inspect import analysis, fieldwork, inspections
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tests.support.built_documents import build_a
from tests.support.empty_db import empty_data_dir


def seed_review(data_dir) -> tuple[str, str]:
    """An inspection with one document to review with the desktop-review questions."""
    store = open_store(empty_data_dir(data_dir))
    with store.write() as s:
        iid = inspections.create_inspection(s, title="Repairs", landlord="Brook Homes").id
        review_id = fieldwork.add_document_review(
            s, iid, title="Compact", questionnaire=get_builtin("desktop-review")
        ).id
    store.close()
    return iid, review_id


async def check_file(app, pilot, settle, inspection_id: str, path) -> ProposalsDialog:
    """Open the review, press F4, give the file: the proposals dialog it leads to."""
    app.push_screen(DocumentReviewListScreen(inspection_id))
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, DocumentReviewScreen)
    await pilot.press("f4")
    await settle(pilot)
    assert isinstance(app.screen, FilePicker)
    await pilot.press("ctrl+u")
    app.screen.query_one("#import-paths", Input).post_message(events.Paste(str(path)))
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ProposalsDialog)
    return app.screen


async def test_f4_checks_the_file_and_records_only_what_is_ticked(
    make_app, data_dir, settle, tmp_path
):
    iid, review_id = seed_review(data_dir)
    compact = build_a(tmp_path / "compact.docx")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        dialog = await check_file(app, pilot, settle, iid, compact)
        proposals = dialog.query_one("#proposal-list", TickList)
        assert proposals.selected == []  # nothing is ticked for the inspector
        prompts = [
            str(proposals.get_option_at_index(i).prompt) for i in range(proposals.option_count)
        ]
        italic = next(i for i, p in enumerate(prompts) if "italic" in p and "weakness" in p)
        dated = next(i for i, p in enumerate(prompts) if p.startswith("Is the document dated?"))
        for index in (italic, dated):
            proposals.highlighted = index
            await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DocumentReviewScreen)
    store = open_store(data_dir)
    with store.read() as s:
        review = fieldwork.work_item(s, "review", review_id)
        answers = fieldwork.answer_values(s, review)
        findings = analysis.findings(s, iid)
    store.close()
    assert "dated" in answers and "font-size" not in answers  # only the ticked answer
    assert len(findings) == 1 and "italic" in findings[0].text
    assert findings[0].document_review_id == review_id


async def test_escape_records_nothing(make_app, data_dir, settle, tmp_path):
    iid, _ = seed_review(data_dir)
    compact = build_a(tmp_path / "compact.docx")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await check_file(app, pilot, settle, iid, compact)
        await pilot.press("space", "escape")
        await settle(pilot)
    store = open_store(data_dir)
    with store.read() as s:
        assert analysis.findings(s, iid) == []
    store.close()
