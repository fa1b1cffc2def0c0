"""Team screen: a kit goes out to an inspector, their return file comes back and is merged.

Three data dirs stand for three laptops. The coordinator's laptop is driven through the
TUI with real keys; the inspector's laptop uses the core (as the CLI would).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select
from textual import events
from textual.widgets import Button, Checkbox, DataTable, Input, ProgressBar, Static

from screens.dialogs.file_picker import FilePicker, split_paths
from screens.dialogs.passphrase import PassphraseDialog
from screens.dialogs.team_files import default_bundle_path
from screens.team import TeamScreen
from tenant_inspect import analysis, fieldwork, inspections, records, settings
from tenant_inspect import models as m
from tenant_inspect.bundle.write import export_bundle
from tenant_inspect.dump import dump_json
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.merge import import_bundles
from tenant_inspect.questionnaire import get_builtin
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir


@dataclass
class Ids:
    inspection: str
    coordinator: str
    ann: str
    interview: str
    finding: str


def seed(data_dir) -> Ids:
    """The coordinator's laptop: a small team inspection."""
    store = open_store(empty_data_dir(data_dir))
    try:
        with store.write() as s:
            insp = inspections.create_inspection(
                s, title="Repairs inspection", landlord="Vale Homes"
            )
            cora = inspections.add_member(s, insp.id, name="Cora Lead", role="coordinator")
            ann = inspections.add_member(s, insp.id, name="Ann Inspector")
            area = inspections.add_area(s, insp.id, name="Repairs")
            talk = fieldwork.add_interview(
                s,
                insp.id,
                interviewee_role="Repairs Manager",
                interviewee_name="Zelda Quorn",
                area_id=area.id,
                questionnaire=get_builtin("staff-interview-ri"),
                interviewer_ids=[ann.id],
            )
            review = fieldwork.add_document_review(s, insp.id, title="Repairs charter")
            finding = analysis.add_finding(
                s,
                insp.id,
                kind="weakness",
                text="The charter is out of date",
                document_review_id=review.id,
            )
            return Ids(insp.id, cora.id, ann.id, talk.id, finding.id)
    finally:
        store.close()


def laptop(tmp_path: Path, name: str):
    """Another laptop: an empty database at the current schema (see tests/support/empty_db.py)."""
    return open_store(empty_data_dir(resolve_data_dir(tmp_path / name)))


async def open_team(app, pilot, settle) -> TeamScreen:
    await settle(pilot)
    await pilot.press("enter")  # open the inspection
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(app.screen, TeamScreen)
    return app.screen


async def type_into(pilot, text: str) -> None:
    """Replace what the focused Input holds: Ctrl+U clears it, then the text is pasted
    (as people do with paths; typing long temporary paths key by key is slow)."""
    await pilot.press("ctrl+u")
    focused = pilot.app.screen.focused
    assert isinstance(focused, Input)
    focused.post_message(events.Paste(text))
    await pilot.pause()
    assert focused.value == text.splitlines()[0]


async def import_via_screen(pilot, settle, text: str) -> None:
    await pilot.press("i")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FilePicker)
    await type_into(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


def summary_rows(screen: TeamScreen) -> list[list[str]]:
    table = screen.query_one("#team-summary", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def dump(data_dir, inspection_id: str) -> str:
    store = open_store(empty_data_dir(data_dir))
    try:
        with store.read() as s:
            return dump_json(s, inspection_id)
    finally:
        store.close()


async def test_kit_out_return_file_in(make_app, data_dir, settle, tmp_path):
    ids = seed(data_dir)
    kit = tmp_path / "usb" / "ann-kit.zip"
    kit.parent.mkdir()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_team(app, pilot, settle)
        members = screen.query_one("#team-members", DataTable)
        assert [str(members.get_row_at(i)[0]) for i in range(members.row_count)] == [
            "Cora Lead",
            "Ann Inspector",
        ]
        assert "Cora Lead's (coordinator)" in text_of(screen, "#team-laptop")

        # The coordinator makes Ann's kit.
        await pilot.press("down", "k")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FilePicker)
        assert dialog.query_one("#file-path", Input).value.endswith(
            "repairs-inspection-kit-ann-inspector.zip"
        )
        await type_into(pilot, str(kit))
        assert not dialog.query_one("#encrypt-note").display  # no names in Ann's kit
        await pilot.press("tab", "space", "shift+tab", "enter")  # untick "Encrypt ..."
        await settle(pilot)
        assert app.screen is screen
        assert kit.is_file()
        result = text_of(screen, "#team-result").replace("\n", " ")
        assert f"Kit for Ann Inspector written: {kit}" in result
        assert "no interviewee names" in result
        assert str(members.get_row_at(1)[2]) != "not yet"  # when her last kit was made

        # Ann's laptop imports the kit, adds a finding and writes her return file.
        ann = laptop(tmp_path, "ann")
        try:
            [got] = import_bundles(ann, [kit], allow_new=True)
            assert got.ok, got.line()
            with ann.read() as s:
                assert records.get(s, m.Interview, ids.interview).interviewee_name == ""
            with ann.write() as s:
                analysis.add_finding(
                    s,
                    ids.inspection,
                    kind="strength",
                    text="The manager knew every pledge",
                    interview_id=ids.interview,
                )
            returned = tmp_path / "usb" / "ann-return.zip"
            export_bundle(ann, ids.inspection, returned)
        finally:
            ann.close()

        # The coordinator imports it on the Team screen and sees what it did.
        await import_via_screen(pilot, settle, str(returned))
        assert [r.ok for r in screen.results] == [True]
        [row] = summary_rows(screen)
        assert row[0] == "✓ ann-return.zip"
        assert row[1:] == [
            str(screen.results[0].added),
            str(screen.results[0].updated),
            str(screen.results[0].unchanged),
            "0",
        ]
        assert screen.results[0].added == 1  # Ann's finding
        bar = screen.query_one("#team-progress", ProgressBar)
        assert bar.total == 2 and bar.progress == 2
        assert text_of(screen, "#team-step") == "Finished"
        assert "Imported 1 of 1 file." in text_of(screen, "#team-result")
        assert text_of(screen, "#team-conflicts") == "No conflicts to resolve."

        # Importing the same file again changes nothing.
        before = dump(data_dir, ids.inspection)
        await import_via_screen(pilot, settle, str(returned))
        [again] = screen.results
        assert (again.added, again.updated, again.conflicts) == (0, 0, 0)
        assert dump(data_dir, ids.inspection) == before

    store = open_store(empty_data_dir(data_dir))
    try:
        with store.read() as s:
            texts = {f.text for f in analysis.findings(s, ids.inspection)}
            assert "The manager knew every pledge" in texts
            # The coordinator's copy keeps the interviewee's name the kit left out.
            assert records.get(s, m.Interview, ids.interview).interviewee_name == "Zelda Quorn"
            # Her laptop is now known by name for the conflicts screen.
            settings = s.exec(select(m.AppSetting)).all()
            laptops = [a.value for a in settings if a.key.startswith("laptop:")]
            assert laptops == [ids.ann]
    finally:
        store.close()


async def test_a_refused_file_says_why_and_changes_nothing(make_app, data_dir, settle, tmp_path):
    ids = seed(data_dir)
    notes = tmp_path / "notes.zip"
    notes.write_text("Meeting notes, not a bundle\n")
    missing = tmp_path / "missing.zip"
    before = dump(data_dir, ids.inspection)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_team(app, pilot, settle)
        await import_via_screen(pilot, settle, f"{notes}; {missing}")
        assert [r.ok for r in screen.results] == [False, False]
        rows = summary_rows(screen)
        assert rows[0] == ["✗ notes.zip", "refused", "–", "–", "–"]
        assert rows[1][:2] == ["✗ missing.zip", "refused"]
        refused = text_of(screen, "#team-refused").replace("\n", " ")
        assert (
            "✗ notes.zip was refused: not a tenant-inspect bundle (not a zip file). "
            "Nothing from it was imported." in refused
        )
        assert "missing.zip was refused: file not found." in refused
        assert "Imported 0 of 2 files; 2 refused" in text_of(screen, "#team-result")
    assert dump(data_dir, ids.inspection) == before


async def test_a_bundle_for_another_inspection_is_refused(make_app, data_dir, settle, tmp_path):
    ids = seed(data_dir)
    other = laptop(tmp_path, "other")
    try:
        with other.write() as s:
            elsewhere = inspections.create_inspection(s, title="Estates walkabout", landlord="X")
        bundle = export_bundle(other, elsewhere.id, tmp_path / "estates.zip").path
    finally:
        other.close()
    before = dump(data_dir, ids.inspection)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_team(app, pilot, settle)
        await import_via_screen(pilot, settle, str(bundle))
        refused = text_of(screen, "#team-refused").replace("\n", " ")
        assert "it is for another inspection, 'Estates walkabout'" in refused
        assert refused.count("nothing was imported") == 1
    assert dump(data_dir, ids.inspection) == before


async def test_return_file_and_a_missing_folder(make_app, data_dir, settle, tmp_path):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_team(app, pilot, settle)
        await pilot.press("r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FilePicker)
        await type_into(pilot, str(tmp_path / "no-such-folder" / "x.zip"))
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog  # still open, saying why
        assert "There is no folder" in text_of(dialog, "#file-error")
        await type_into(pilot, str(tmp_path / "full"))  # no suffix: .zip is added
        await pilot.press("tab", "space")  # tick "Leave interviewee names out"
        await pilot.press("tab", "space")  # untick "Encrypt with a passphrase"
        await pilot.press("shift+tab", "shift+tab", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert (tmp_path / "full.zip").is_file()
        result = text_of(screen, "#team-result").replace("\n", " ")
        assert f"Written: {tmp_path / 'full.zip'}" in result
        assert "no interviewee names" in result


async def test_encrypted_kit_out_and_back_in(make_app, data_dir, settle, tmp_path):
    """The coordinator's own kit holds names: offered encrypted, the passphrase typed
    masked twice; importing it asks for it, and a wrong one merges nothing."""
    ids = seed(data_dir)
    kit = tmp_path / "cora-kit.zip"
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await open_team(app, pilot, settle)
        await pilot.press("k")  # Cora, the coordinator
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FilePicker)
        assert dialog.query_one("#encrypt", Checkbox).value  # ticked by default
        assert "holds interviewee names" in text_of(dialog, "#encrypt-note")
        assert dialog.query_one("#encrypt-note").display
        await type_into(pilot, str(kit))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PassphraseDialog)
        assert app.screen.query_one("#passphrase", Input).password
        await pilot.press(*"otter pass", "enter", *"otter pas", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PassphraseDialog)  # they differ: typed again
        assert "differ" in text_of(app.screen, "#form-errors")
        assert not kit.exists()
        await pilot.press("ctrl+u", *"otter pass", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert kit.read_bytes().startswith(b"age-encryption.org/v1\n")
        result = text_of(screen, "#team-result").replace("\n", " ")
        assert "with interviewee names, encrypted with a passphrase" in result

        before = dump(data_dir, ids.inspection)
        for typed in ("wrong", "otter pass"):
            await import_via_screen(pilot, settle, str(kit))
            assert isinstance(app.screen, PassphraseDialog)
            await pilot.press(*typed, "enter")
            await settle(pilot)
            assert app.screen is screen
            if typed == "wrong":
                assert "cora-kit.zip: wrong passphrase (nothing was imported)" in text_of(
                    screen, "#team-result"
                )
        assert "Imported 1 of 1 file." in text_of(screen, "#team-result")
        [back] = screen.results
        assert (back.added, back.updated, back.conflicts) == (0, 0, 0)
        assert dump(data_dir, ids.inspection) == before


async def test_pasting_several_lines_keeps_every_file(make_app, data_dir, settle):
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_team(app, pilot, settle)
        await pilot.press("i")
        await settle(pilot)
        field = app.screen.query_one("#import-paths", Input)
        field.post_message(events.Paste("/media/usb/a.zip\n/media/usb/b.zip\n"))
        await settle(pilot)
        assert field.value == "/media/usb/a.zip; /media/usb/b.zip"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TeamScreen)


def test_paths_are_split_on_semicolons_and_lines():
    assert split_paths(" a.zip ; 'b c.zip'\n\nfile:///media/usb/d%20e.zip;") == [
        "a.zip",
        "b c.zip",
        "/media/usb/d e.zip",
    ]
    assert split_paths(" ; \n") == []


def test_default_path_is_in_documents_when_there_is_one(tmp_path):
    assert default_bundle_path("Resident involvement: staff pledges!", "kit", "Ann", tmp_path) == (
        tmp_path / "resident-involvement-staff-kit-ann.zip"
    )
    (tmp_path / "Documents").mkdir()
    assert default_bundle_path("X", "return", "Bo", tmp_path).parent == tmp_path / "Documents"


async def test_a_return_file_is_picked_from_the_usb_stick(
    make_app, data_dir, settle, tmp_path, monkeypatch
):
    """F3 opens the stick in the browser, which lists only .zip files; Enter picks one."""
    from textual.widgets import DirectoryTree

    from screens.dialogs import file_picker

    ids = seed(data_dir)
    stick = tmp_path / "media" / "ANN-USB"
    stick.mkdir(parents=True)
    (stick / "minutes.txt").write_text("not for importing")
    coordinator = open_store(empty_data_dir(data_dir))
    try:
        kit = export_bundle(coordinator, ids.inspection, tmp_path / "k.zip", for_member_id=ids.ann)
    finally:
        coordinator.close()
    ann = laptop(tmp_path, "ann")
    try:
        [got] = import_bundles(ann, [kit.path], allow_new=True)
        assert got.ok, got.line()
        export_bundle(ann, ids.inspection, stick / "ann-return.zip")
    finally:
        ann.close()
    monkeypatch.setattr(file_picker, "MEDIA_PATTERNS", (str(tmp_path / "media" / "*"),))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_team(app, pilot, settle)
        await pilot.press("i")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FilePicker)
        assert "USB: ANN-USB" in [str(b.label) for b in dialog.query(Button)]
        await pilot.press("f3")
        tree = dialog.query_one(DirectoryTree)
        for _ in range(200):  # the tree lists the folder in a worker of its own
            await pilot.pause(0.01)
            if tree.root.children:
                break
        assert [n.label.plain for n in tree.root.children] == ["ann-return.zip"]
        tree.focus()
        await pilot.press("down", "enter")  # the first entry, under the stick's root
        await pilot.pause()
        field = dialog.query_one("#import-paths", Input)
        assert field.value == str(stick / "ann-return.zip")
        field.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert [r.ok for r in screen.results] == [True]


async def test_an_inspectors_laptop_is_told_about_the_return_file(make_app, data_dir, settle):
    ids = seed(data_dir)
    store = open_store(empty_data_dir(data_dir))
    try:
        with store.write() as s:
            settings.remember_member(s, ids.inspection, ids.ann)
    finally:
        store.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_team(app, pilot, settle)
        words = str(screen.query_one("#team-laptop", Static).render())
        assert "Ann Inspector's (inspector)" in words
        assert "return file" in words
        assert "make their kit" not in words
