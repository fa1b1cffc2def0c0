"""Home screen: lists inspections, creates one through the form, explains the empty state."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from tenant_inspect import inspections
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


async def test_empty_data_dir_says_what_to_do_first(make_app, settle):
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        empty = app.screen.query_one("#home-empty", Static)
        assert empty.display
        assert "Press n to create a new inspection" in str(empty.render()).replace("\n", " ")
        assert not app.screen.query_one("#inspections", DataTable).display


async def test_lists_existing_inspections_before_the_store_has_loaded(make_app, data_dir, settle):
    store = open_store(empty_data_dir(data_dir))
    with store.write() as session:
        inspections.create_inspection(session, title="Repairs inspection", landlord="Vale HA")
    store.close()
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.screen.query_one("#inspections", DataTable)
        assert table.row_count == 1
        cells = table.get_row_at(0)
        assert cells[0].plain == "Repairs inspection\nVale HA"
        assert cells[1:3] == ["Planning", "0/0 done"]


async def test_new_inspection_form_validates_then_creates(make_app, data_dir, settle):
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.click("#create")
        await pilot.pause()
        errors = app.screen.query_one("#form-errors", Static)
        assert "Give the inspection a title." in str(errors.render())
        await pilot.press(*"Repairs", "enter", *"Vale HA", "enter", "enter")
        await settle(pilot)
    store = open_store(empty_data_dir(data_dir))
    with store.read() as session:
        rows = inspections.list_inspections(session)
    store.close()
    assert [(r.title, r.landlord) for r in rows] == [("Repairs", "Vale HA")]


async def test_an_inspector_opens_the_kit_from_the_home_screen(make_app, settle, tmp_path):
    """First step on a new laptop: k, the kit's path, Enter — and the inspection is there."""
    from textual import events

    from tenant_inspect.bundle.write import export_bundle
    from tenant_inspect.locations import resolve_data_dir

    coordinator = open_store(resolve_data_dir(tmp_path / "coordinator"))
    with coordinator.write() as session:
        insp = inspections.create_inspection(
            session, title="Repairs inspection", landlord="Vale HA"
        )
        ann = inspections.add_member(session, insp.id, name="Ann", role="inspector")
    kit = tmp_path / "ann-kit.zip"
    export_bundle(coordinator, insp.id, kit, for_member_id=ann.id)
    coordinator.close()

    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        app.focused.post_message(events.Paste(str(kit)))
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        table = app.screen.query_one("#inspections", DataTable)
        assert table.row_count == 1
        assert table.get_row_at(0)[0].plain.startswith("Repairs inspection")
        bad = tmp_path / "notes.zip"
        bad.write_text("not a zip")
        await pilot.press("k")
        await settle(pilot)
        app.focused.post_message(events.Paste(str(bad)))
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert table.row_count == 1
        messages = [n.message for n in app._notifications]
        assert any(
            "notes.zip: refused" in m and "Nothing from it was imported" in m for m in messages
        )


async def test_the_kit_import_saves_what_was_typed_first(make_app, settle, tmp_path, monkeypatch):
    """A save still waiting for its debounce is written before the kit is merged."""
    from textual import events

    from screens.dialogs.file_picker import FilePicker
    from tenant_inspect import autosave, merge
    from tenant_inspect.bundle.write import export_bundle
    from tenant_inspect.locations import resolve_data_dir

    coordinator = open_store(resolve_data_dir(tmp_path / "coordinator"))
    with coordinator.write() as session:
        insp = inspections.create_inspection(session, title="Repairs", landlord="Vale HA")
        ann = inspections.add_member(session, insp.id, name="Ann", role="inspector")
    kit = tmp_path / "ann-kit.zip"
    export_bundle(coordinator, insp.id, kit, for_member_id=ann.id)
    coordinator.close()

    happened: list[str] = []
    real_import = merge.import_bundles

    def import_bundles(*args, **kwargs):
        happened.append("import")
        return real_import(*args, **kwargs)

    def typed(session) -> None:
        happened.append("saved")
        inspections.create_inspection(session, title="Typed a moment ago", landlord="X")

    monkeypatch.setattr(merge, "import_bundles", import_bundles)
    monkeypatch.setattr(autosave, "DEFAULT_DELAY", 60.0)  # only a flush writes it in time
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, FilePicker)
        app.autosave("typing", typed)  # pending, as if typed just before pressing k
        app.focused.post_message(events.Paste(str(kit)))
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert happened == ["saved", "import"]
        table = app.screen.query_one("#inspections", DataTable)
        assert table.row_count == 2


async def test_home_is_the_only_screen_at_start(make_app, settle):
    """Home is the app's first screen, not one pushed over a blank one (which cost a second
    screen's layout before the first paint)."""
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen"]
