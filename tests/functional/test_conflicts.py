"""The conflict-resolution flow: two laptops edit the same finding, the coordinator chooses.

Laptops: the coordinator's (driven through the TUI with real keys) and two inspectors'
(driven through the core, as the CLI would). The result is checked through the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import events
from textual.widgets import DataTable, Input, Static, TextArea

from screens.conflicts import ConflictsScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.file_picker import FilePicker
from screens.dialogs.merge_text import MergeDialog
from screens.team import TeamScreen
from tenant_inspect import analysis, fieldwork, inspections, records
from tenant_inspect import models as m
from tenant_inspect.bundle.write import export_bundle
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.merge import import_bundles
from tenant_inspect.merge_conflicts import list_conflicts
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


@dataclass
class Ids:
    inspection: str
    ann: str
    ben: str
    charter: str  # finding
    leaflet: str  # finding


def seed(data_dir) -> Ids:
    store = open_store(empty_data_dir(data_dir))
    try:
        with store.write() as s:
            insp = inspections.create_inspection(
                s, title="Repairs inspection", landlord="Vale Homes"
            )
            inspections.add_member(s, insp.id, name="Cora Lead", role="coordinator")
            ann = inspections.add_member(s, insp.id, name="Ann Inspector")
            ben = inspections.add_member(s, insp.id, name="Ben Inspector")
            review = fieldwork.add_document_review(s, insp.id, title="Repairs charter")
            charter = analysis.add_finding(
                s,
                insp.id,
                kind="weakness",
                text="The charter is out of date",
                document_review_id=review.id,
            )
            leaflet = analysis.add_finding(
                s,
                insp.id,
                kind="strength",
                text="The leaflet is clear",
                document_review_id=review.id,
            )
            return Ids(insp.id, ann.id, ben.id, charter.id, leaflet.id)
    finally:
        store.close()


def inspector_edits(data_dir, ids: Ids, tmp_path: Path, edits) -> list[Path]:
    """Each inspector's laptop imports their kit, makes its edits and writes a return file."""
    store = open_store(empty_data_dir(data_dir))
    try:
        kits = {
            who: export_bundle(
                store, ids.inspection, tmp_path / f"kit-{who}.zip", for_member_id=mid
            ).path
            for who, mid in (("ann", ids.ann), ("ben", ids.ben))
        }
    finally:
        store.close()
    returned = []
    for who, edit in edits.items():
        laptop = open_store(resolve_data_dir(tmp_path / who))
        try:
            [result] = import_bundles(laptop, [kits[who]], allow_new=True)
            assert result.ok, result.line()
            with laptop.write() as s:
                edit(s)
            returned.append(export_bundle(laptop, ids.inspection, tmp_path / f"{who}.zip").path)
        finally:
            laptop.close()
    return returned


def set_text(finding_id: str, text: str):
    def edit(s) -> None:
        analysis.update_finding(s, records.get(s, m.Finding, finding_id), text=text)

    return edit


def core(data_dir):
    return open_store(empty_data_dir(data_dir))


def finding(data_dir, finding_id: str) -> m.Finding:
    store = core(data_dir)
    try:
        with store.read() as s:
            return records.get(s, m.Finding, finding_id)
    finally:
        store.close()


def open_views(data_dir, inspection_id: str):
    store = core(data_dir)
    try:
        with store.read() as s:
            return {v.id: v for v in list_conflicts(s, inspection_id)}
    finally:
        store.close()


async def import_and_open_conflicts(app, pilot, settle, files: list[Path]) -> ConflictsScreen:
    await settle(pilot)
    await pilot.press("enter")  # open the inspection
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    team = app.screen
    assert isinstance(team, TeamScreen)
    await pilot.press("i")
    await settle(pilot)
    assert isinstance(app.screen, FilePicker)
    field = app.screen.query_one("#import-paths", Input)
    field.post_message(events.Paste("\n".join(str(f) for f in files)))  # one a line
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    assert all(r.ok for r in team.results), [r.line() for r in team.results]
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(app.screen, ConflictsScreen)
    return app.screen


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_keep_one_version_then_write_a_merged_text(make_app, data_dir, settle, tmp_path):
    ids = seed(data_dir)
    files = inspector_edits(
        data_dir,
        ids,
        tmp_path,
        {
            "ann": lambda s: (
                set_text(ids.charter, "Ann: the charter dates from 2019")(s),
                set_text(ids.leaflet, "Ann: the leaflet is clear")(s),
            ),
            "ben": lambda s: (
                set_text(ids.charter, "Ben: nobody reviews the charter")(s),
                set_text(ids.leaflet, "Ben: the leaflet uses 12 pt")(s),
            ),
        },
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await import_and_open_conflicts(app, pilot, settle, files)
        assert len(screen.items) == 2
        table = screen.query_one("#conflicts", DataTable)
        assert table.row_count == 2
        titles = {i.title for i in screen.items}
        assert titles == {
            "Weakness finding from the review of “Repairs charter” (A. Desktop review) — text",
            "Strength finding from the review of “Repairs charter” (A. Desktop review) — text",
        }
        for item in screen.items:
            origins = {item.shown.origin, item.other.origin}
            assert any("from Ann Inspector's laptop, " in o for o in origins), origins
            assert any("from Ben Inspector's laptop, " in o for o in origins), origins
        views = open_views(data_dir, ids.inspection)

        # Keep the shown version of the first conflict — after saying no once.
        first = screen.selected()
        assert first is not None
        assert text_of(screen, "#conflict-what") == first.title
        assert text_of(screen, "#shown-text") == first.shown.words
        assert text_of(screen, "#other-text") == first.other.words
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert len(open_views(data_dir, ids.inspection)) == 2  # nothing decided
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert finding(data_dir, views[first.id].row_id).text == first.shown.text
        assert len(screen.items) == 1
        status = text_of(screen, "#conflicts-status").replace("\n", " ")
        assert f"✓ Resolved: {first.title} (kept the version shown)." in status
        assert "1 thing was changed on two laptops" in status

        # Write one text from both versions of the second.
        second = screen.selected()
        assert second is not None and second.id != first.id
        await pilot.press("m")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, MergeDialog)
        area = dialog.query_one("#merged-text", TextArea)
        assert area.text == f"{second.shown.text}\n\n{second.other.text}"
        await pilot.press("down", "down", "end", *" Both true.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        merged = f"{second.shown.text}\n\n{second.other.text} Both true."
        assert finding(data_dir, views[second.id].row_id).text == merged
        assert open_views(data_dir, ids.inspection) == {}
        assert screen.items == ()
        assert not screen.query_one("#conflicts", DataTable).display
        status = text_of(screen, "#conflicts-status").replace("\n", " ")
        assert "✓ No conflicts left to resolve." in status

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TeamScreen)
        assert text_of(app.screen, "#team-conflicts") == "No conflicts to resolve."


async def test_restore_a_finding_deleted_on_one_laptop_and_changed_on_another(
    make_app, data_dir, settle, tmp_path
):
    ids = seed(data_dir)

    def delete(s) -> None:
        records.delete(s, records.get(s, m.Finding, ids.charter))

    files = inspector_edits(
        data_dir,
        ids,
        tmp_path,
        {"ann": delete, "ben": set_text(ids.charter, "Ben: the charter is from 2019")},
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await import_and_open_conflicts(app, pilot, settle, files)
        [item] = screen.items
        assert item.title == (
            "Weakness finding from the review of “Repairs charter” (A. Desktop review) — deleted "
            "on one laptop, "
            "changed on another"
        )
        assert item.shown.words == "Deleted"
        assert "Text: Ben: the charter is from 2019" in item.other.words
        assert "o restore it" in text_of(screen, "#conflict-keys")
        await pilot.press("m")  # cannot merge a deletion: nothing happens
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert screen.items == ()
    restored = finding(data_dir, ids.charter)
    assert restored.deleted_at is None
    assert restored.text == "Ben: the charter is from 2019"
    assert open_views(data_dir, ids.inspection) == {}


async def test_an_empty_merged_text_is_refused_and_the_draft_kept(
    make_app, data_dir, settle, tmp_path
):
    ids = seed(data_dir)
    files = inspector_edits(
        data_dir,
        ids,
        tmp_path,
        {"ann": set_text(ids.charter, "Ann's words"), "ben": set_text(ids.charter, "Ben's words")},
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await import_and_open_conflicts(app, pilot, settle, files)
        await pilot.press("m")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, MergeDialog)
        area = dialog.query_one("#merged-text", TextArea)
        area.select_all()
        await pilot.press("delete", "ctrl+s")
        await settle(pilot)
        assert app.screen is dialog  # stays open and says why
        assert "The merged text is empty" in text_of(dialog, "#merge-error")
        await pilot.press(*"Draft")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert len(screen.items) == 1  # nothing decided
        await pilot.press("m")
        await settle(pilot)
        assert app.screen.query_one("#merged-text", TextArea).text == "Draft"
