"""Team and files: kits out to the inspectors, return files in, conflicts to settle.

Teams have no server. From this screen the coordinator

* makes a **kit** for the selected team member (k): one zip file with what that person
  needs, for a USB stick or an email — interviewee names never go into an inspector's
  kit, and can be left out of any file;
* makes a **return file** (r): everything on this laptop for the coordinator (on the
  coordinator's own laptop, a full bundle of the inspection);
* **imports** the files people hand back (i): one or more paths, separated by ``;`` (or
  pasted one a line). Each file is checked completely before anything is written and
  merged in its own transaction; a progress bar follows the files, then a table says per
  file what was added, updated, unchanged, or why the file was refused (and that nothing
  from it was imported);
* opens the **conflicts** the merges kept for a decision (c, :mod:`screens.conflicts`).

The work is the core's (:func:`tenant_inspect.bundle.export_bundle`,
:func:`tenant_inspect.merge.import_bundles`), run in thread workers. Two small facts
are remembered in the existing ``app_setting`` table (no schema of its own): when the
last kit for each member was made here, and whose laptop each device is, read from the
manifests of imported files, so the conflicts screen can say "from Ann's laptop".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import unquote

from rich.markup import escape
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, DataTable, Header, Input, Label, ProgressBar, Static

from tenant_inspect.errors import UserError

from .base import ServicesMixin
from .conflicts import ConflictItem, clip, describe_conflicts, laptop_key, when_words
from .messages import DataChanged, StoreReady
from .widgets.answer_input import TickBox
from .widgets.footer import FittingFooter

if TYPE_CHECKING:
    from sqlmodel import Session

    from tenant_inspect.bundle import ExportResult
    from tenant_inspect.merge import FileResult, ImportProgress


ROLE_WORDS = {"coordinator": "Coordinator", "inspector": "Inspector"}

#: How many open conflicts the Team screen lists before "… and N more".
CONFLICTS_LISTED = 3


def kit_key(member_id: str) -> str:
    """The ``app_setting`` key holding when (and to which file) a member's last kit was made."""
    return f"kit:{member_id}"


def slug(text: str, fallback: str, width: int = 30) -> str:
    """'Resident involvement: staff pledges' → 'resident-involvement-staff' (whole words)."""
    words = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    if len(words) > width:
        cut = words[: width + 1]
        words = cut.rsplit("-", 1)[0] if "-" in cut else cut[:width]
    return words.strip("-") or fallback


def default_bundle_path(title: str, what: str, who: str, home: Path | None = None) -> Path:
    """``~/Documents/<inspection>-<what>-<who>.zip`` (the home folder if there is no Documents)."""
    home = home or Path.home()
    folder = home / "Documents" if (home / "Documents").is_dir() else home
    return folder / f"{slug(title, 'inspection')}-{what}-{slug(who, 'team')}.zip"


def split_paths(text: str) -> list[str]:
    """The files typed or pasted: separated by ``;`` or new lines, quotes and file:// removed."""
    paths = []
    for part in re.split(r"[;\n\r]+", text):
        part = part.strip().strip("'\"").strip()
        if part.startswith("file://"):
            part = unquote(part[len("file://") :])
        if part:
            paths.append(part)
    return paths


def refusal_words(result: FileResult) -> str:
    """'✗ notes.zip was refused: <reason>. Nothing from it was imported.'"""
    reason = (result.refused or "").rstrip(".")
    tail = "" if "nothing was imported" in reason else " Nothing from it was imported."
    return f"✗ {result.path.name} was refused: {reason}.{tail}"


# ---------------------------------------------------------------------------
# The data shown (plain values, built in a worker thread)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    id: str
    name: str
    role: str
    last_kit: str  # "3 Mar 2026 14:05 · kit.zip", or "" if none was made here


@dataclass(frozen=True)
class TeamData:
    inspection_id: str
    title: str
    members: tuple[MemberRow, ...]
    laptop_member: MemberRow | None  # who uses this laptop for this inspection
    conflicts: tuple[ConflictItem, ...]


def _kit_words(value: str) -> str:
    try:
        info = json.loads(value)
        moment = datetime.fromisoformat(info["at"]).astimezone()
    except (ValueError, KeyError, TypeError):
        return ""
    return when_words(moment)


def load_team(session: Session, inspection_id: str) -> TeamData:
    """The team, when each member's last kit was made here, and the open conflicts."""
    from tenant_inspect import inspections
    from tenant_inspect import models as m
    from tenant_inspect.bundle import laptop_member

    inspection = inspections.get_inspection(session, inspection_id)
    members = []
    for t in inspections.team(session, inspection.id):
        setting = session.get(m.AppSetting, kit_key(t.id))
        members.append(
            MemberRow(t.id, t.name, t.role, _kit_words(setting.value if setting else ""))
        )
    mine = laptop_member(session, inspection.id, session.info["clock"].device)
    return TeamData(
        inspection_id=inspection.id,
        title=inspection.title,
        members=tuple(members),
        laptop_member=next((r for r in members if r.id == mine), None),
        conflicts=describe_conflicts(session, inspection.id),
    )


def read_exporters(results: list[FileResult], inspection_id: str) -> dict[str, str]:
    """Device id → member id, from the manifests of the files just imported."""
    import zipfile

    from tenant_inspect import bundle_format as bf

    found: dict[str, str] = {}
    for result in results:
        if not result.ok or result.inspection_id != inspection_id:
            continue
        try:
            with zipfile.ZipFile(result.path) as zf:
                manifest = bf.Manifest.model_validate_json(zf.read(bf.MANIFEST_NAME))
        except Exception:  # checked a moment ago; if it changed since, just skip the name
            continue
        who = manifest.exported_by
        if who.member_id and len(laptop_key(inspection_id, who.device_id)) <= 60:
            found[who.device_id] = who.member_id
    return found


def _put_settings(session: Session, values: dict[str, str]) -> None:
    from tenant_inspect import models as m

    for key, value in values.items():
        setting = session.get(m.AppSetting, key)
        if setting is None:
            session.add(m.AppSetting(key=key, value=value))
        else:
            setting.value = value
    session.flush()


# ---------------------------------------------------------------------------
# Dialogs
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    include_names: bool


class ExportFileDialog(ModalScreen[ExportRequest | None]):
    """Where to save a kit or return file, and whether interviewee names go in it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Close without writing"),
    ]

    def __init__(self, title: str, about: str, path: str, *, names_choice: bool) -> None:
        super().__init__()
        self.dialog_title = title
        self.about = about
        self.path = path
        self.names_choice = names_choice

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog export-file-dialog"):
            yield Static(escape(self.dialog_title), classes="dialog-title")
            yield Static(escape(self.about))
            yield Label("Save as (a .zip file)")
            yield Input(self.path, id="file-path")
            if self.names_choice:
                yield TickBox("Leave interviewee names out", id="no-names")
            else:
                yield Static("Interviewee names are never put in an inspector's kit.")
            yield Static("", id="file-error", classes="form-errors")
            yield Static("[b]Enter[/b] Export  ·  [b]Esc[/b] Cancel", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        field = self.query_one("#file-path", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export":
            self.submit()
        else:
            self.action_cancel()

    def submit(self) -> None:
        raw = self.query_one("#file-path", Input).value.strip().strip("'\"")
        problem = None
        path = Path(raw).expanduser() if raw else None
        if path is None:
            problem = "Type where to save the file, for example on your USB stick."
        else:
            if path.is_dir():
                path = path / Path(self.path).name
            elif not path.suffix:
                path = path.with_suffix(".zip")
            if not path.parent.is_dir():
                problem = f"There is no folder {path.parent}: check the path (is the stick in?)."
        if problem is not None or path is None:
            self.query_one("#file-error", Static).update(escape(problem or ""))
            return
        names = not (self.names_choice and self.query_one("#no-names", Checkbox).value)
        self.dismiss(ExportRequest(path, names))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathsInput(Input):
    """An Input that keeps every line of a paste, joined with "; " (Input keeps the first)."""

    def on_paste(self, event: events.Paste) -> None:
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        if len(lines) < 2:
            return  # one line: Input's own paste does it
        event.prevent_default()
        event.stop()
        text = "; ".join(lines)
        start, end = sorted(self.selection)
        if start == end:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, start, end)


class ImportFilesDialog(ModalScreen[str | None]):
    """The files to import, typed or pasted; dismisses with the text as typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Close without importing"),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog import-files-dialog"):
            yield Static("Import files from the team", classes="dialog-title")
            yield Static(
                "Kits and return files (.zip). Each file is checked before anything is "
                "written; a file that is refused changes nothing."
            )
            yield Label("Files (separate several with ; — pasting one a line works too)")
            yield PathsInput(
                self.text,
                placeholder="e.g. /media/usb/ann-return.zip; /media/usb/ben.zip",
                id="import-paths",
            )
            yield Static("", id="import-error", classes="form-errors")
            yield Static("[b]Enter[/b] Import  ·  [b]Esc[/b] Cancel", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import", variant="primary", id="import")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        field = self.query_one("#import-paths", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "import":
            self.submit()
        else:
            self.action_cancel()

    def submit(self) -> None:
        text = self.query_one("#import-paths", Input).value
        if not split_paths(text):
            self.query_one("#import-error", Static).update(
                "Type the path of at least one file, or press Esc."
            )
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


# ---------------------------------------------------------------------------
# The screen
# ---------------------------------------------------------------------------


class TeamScreen(ServicesMixin, Screen[None]):
    """The team of one inspection, and the files that carry the work between laptops."""

    HELP_TITLE = "Team and files"
    HELP_TEXT = (
        "Working without a server: give each inspector a kit file (k) on a USB stick or by "
        "email; they give back a return file (r on their laptop), which you import here (i).\n"
        "Importing the same file twice changes nothing, and the order does not matter. When "
        "two people changed the same thing, both versions are kept as a conflict: c shows "
        "them so you can choose.\n"
        "A kit for an inspector holds what they need and never interviewee names."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "k",
            "kit",
            "Kit for member",
            id="kit",
            tooltip="Export a kit file for the selected team member",
        ),
        Binding(
            "r",
            "return_file",
            "Return file",
            id="return-file",
            tooltip="Export everything on this laptop for the coordinator (a full bundle)",
        ),
        Binding(
            "i",
            "import_files",
            "Import files",
            id="import-files",
            tooltip="Merge kits or return files handed back by the team",
        ),
        Binding(
            "c",
            "conflicts",
            "Conflicts",
            id="conflicts",
            tooltip="Choose between versions changed on two laptops",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            id="back",
            tooltip="Back to the inspection",
            show=False,
        ),
    ]

    DEFAULT_CSS = """
    TeamScreen #team-body { padding: 0 1; }
    TeamScreen .title-row { height: 1; padding: 0 1; }
    TeamScreen #team-title { text-wrap: nowrap; text-overflow: ellipsis; }
    TeamScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    TeamScreen .info-line { color: $text-muted; padding: 0 1; height: auto; }
    TeamScreen #team-members { height: auto; max-height: 8; }
    TeamScreen #team-result { padding: 0 1; height: auto; margin-top: 1; }
    TeamScreen #team-result.-error { text-style: bold; }
    TeamScreen #team-progress-row { height: 1; padding: 0 1; }
    TeamScreen #team-step { width: 1fr; padding: 0 1; }
    TeamScreen #team-summary { height: auto; max-height: 8; }
    TeamScreen #team-refused { padding: 0 1; height: auto; }
    TeamScreen #team-conflicts { padding: 0 1; height: auto; margin-top: 1; }
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__()
        self.inspection_id = inspection_id
        self.data: TeamData | None = None
        self.running = False
        #: The results of the last import on this screen (for the summary table).
        self.results: list[FileResult] = []
        #: What was last typed in the dialogs, offered again next time.
        self.import_text = ""
        self.paths: dict[str, str] = {}
        self.scroll_to_end = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="title-row"):  # stays put while the rest scrolls
            yield Static("Team and files", id="team-title", classes="screen-title")
            yield Static("Esc: back", classes="key-hint")
        with VerticalScroll(id="team-body"):
            yield Static("Reading the team…", id="team-laptop", classes="info-line")
            members: DataTable[str] = DataTable(
                id="team-members", cursor_type="row", zebra_stripes=True
            )
            members.add_column("Name", key="name")
            members.add_column("Role", key="role")
            members.add_column("Last kit made on this laptop", key="kit")
            yield members
            yield Static("", id="team-result")
            with Horizontal(id="team-progress-row"):
                yield ProgressBar(total=1, show_eta=False, id="team-progress")
                yield Static("", id="team-step")
            summary: DataTable[Any] = DataTable(id="team-summary", cursor_type="row")
            summary.add_column("File", key="file")
            summary.add_column("Added", key="added")
            summary.add_column("Updated", key="updated")
            summary.add_column("Unchanged", key="unchanged")
            summary.add_column("Conflicts", key="conflicts")
            yield summary
            yield Static("", id="team-refused")
            yield Static("", id="team-conflicts")
        yield FittingFooter()

    # -- loading ---------------------------------------------------------------

    def on_mount(self) -> None:
        self.query_one("#team-progress-row").display = False
        self.query_one("#team-summary").display = False
        self.query_one("#team-refused").display = False
        self.query_one("#team-result").display = False
        self.query_one("#team-members", DataTable).focus()
        if self.services.store_ready:
            self.reload()

    def on_store_ready(self, message: StoreReady) -> None:
        self.reload()

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        # Back from the conflicts: show how many are left.
        if self.services.store_ready:
            self.reload()

    def reload(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(lambda s: load_team(s, inspection_id), self.show, group="team")

    def show(self, data: TeamData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = data.title
        self.query_one("#team-title", Static).update(escape(f"Team and files: {data.title}"))
        mine = data.laptop_member
        who = (
            f"This laptop is {mine.name}'s ({ROLE_WORDS.get(mine.role, mine.role).lower()})."
            if mine
            else "This laptop's team member is not known."
        )
        self.query_one("#team-laptop", Static).update(
            escape(f"{who} Select someone and press k to make their kit.")
            if data.members
            else escape(f"{who} There is nobody in the team yet: add people in Set-up (s).")
        )
        self._fill_members()
        self._show_conflicts()
        if self.scroll_to_end:
            self.scroll_to_end = False
            self.call_after_refresh(self.query_one("#team-body").scroll_end, animate=False)

    def _fill_members(self) -> None:
        if self.data is None:
            return
        table = self.query_one("#team-members", DataTable)
        selected = self.selected_member()
        table.clear()
        for row in self.data.members:
            table.add_row(
                clip(row.name, 28),
                ROLE_WORDS.get(row.role, row.role),
                row.last_kit or "not yet",
                key=row.id,
            )
        ids = [r.id for r in self.data.members]
        if selected is not None and selected.id in ids:
            table.move_cursor(row=ids.index(selected.id))

    def on_resize(self, event: events.Resize) -> None:
        self._fill_members()

    def _show_conflicts(self) -> None:
        panel = self.query_one("#team-conflicts", Static)
        items = self.data.conflicts if self.data else ()
        if not items:
            panel.update("No conflicts to resolve.")
            return
        count = len(items)
        lines = [
            f"[b]{count} conflict{'s' if count != 1 else ''} to resolve[/b] — press c to "
            "choose which version to keep:"
        ]
        width = max(30, self.size.width - 14)  # bullet, paddings and a scroll bar
        lines += [f"  • {escape(clip(i.title, width))}" for i in items[:CONFLICTS_LISTED]]
        if count > CONFLICTS_LISTED:
            lines.append(f"  … and {count - CONFLICTS_LISTED} more")
        panel.update("\n".join(lines))

    def selected_member(self) -> MemberRow | None:
        table = self.query_one("#team-members", DataTable)
        if self.data is None or not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return next((r for r in self.data.members if r.id == row_key.value), None)

    # -- exporting ---------------------------------------------------------------

    def _busy(self) -> bool:
        if self.running:
            self.notify("Still working on the last file; it will only take a moment.")
        return self.running

    def action_kit(self) -> None:
        member = self.selected_member()
        if self._busy() or self.data is None:
            return
        if member is None:
            self.notify("There is nobody in the team yet: add people in Set-up first.")
            return
        title = self.data.title
        path = self.paths.get(member.id) or str(default_bundle_path(title, "kit", member.name))
        if member.role == "coordinator":
            about = (
                f"Everything in this inspection, for {member.name} (the coordinator), "
                "interviewee names included unless you leave them out."
            )
        else:
            about = (
                f"What {member.name} needs: the inspection, team, areas, questionnaires and "
                f"document reviews, and the interviews {member.name} carries out."
            )
        self.app.push_screen(
            ExportFileDialog(
                f"Kit for {member.name}", about, path, names_choice=member.role == "coordinator"
            ),
            lambda request: self._export(member, request),
        )

    def action_return_file(self) -> None:
        if self._busy() or self.data is None:
            return
        mine = self.data.laptop_member
        is_coordinator = mine is None or mine.role == "coordinator"
        what = "bundle" if is_coordinator else "return"
        path = self.paths.get("") or str(
            default_bundle_path(self.data.title, what, mine.name if mine else "laptop")
        )
        title = "Full bundle of this inspection" if is_coordinator else "Return file"
        about = (
            "Everything on this laptop for this inspection, for the coordinator to import "
            "(or to keep as a copy)."
        )
        self.app.push_screen(
            ExportFileDialog(title, about, path, names_choice=True),
            lambda request: self._export(None, request),
        )

    def _export(self, member: MemberRow | None, request: ExportRequest | None) -> None:
        if request is None:
            return
        self.paths[member.id if member else ""] = str(request.path)
        self.running = True
        self._result("Writing the file…")
        inspection_id = self.inspection_id

        def work() -> None:
            from tenant_inspect.bundle import export_bundle

            try:
                store = self.services.wait_store()
                self.services.finish_saving()  # the file carries the last thing typed
                done = export_bundle(
                    store,
                    inspection_id,
                    request.path,
                    for_member_id=member.id if member else None,
                    include_names=request.include_names,
                )
            except UserError as exc:
                self.app.call_from_thread(self._failed, f"✗ Not written: {exc}")
                return
            except Exception as exc:  # shown, and the app stays up
                self.app.call_from_thread(
                    self._failed, f"✗ Not written: {type(exc).__name__}: {exc}"
                )
                return
            self.app.call_from_thread(self._exported, member, done)

        self.run_worker(work, thread=True, group="team-file", exclusive=True, exit_on_error=False)

    def _result(self, text: str, *, error: bool = False) -> None:
        panel = self.query_one("#team-result", Static)
        panel.update(escape(text))
        panel.display = bool(text)
        panel.set_class(error, "-error")

    def _failed(self, message: str) -> None:
        self.running = False
        self._result(message, error=True)

    def _exported(self, member: MemberRow | None, done: ExportResult) -> None:
        self.running = False
        records = sum(done.counts.values())
        names = "with interviewee names" if done.names_included else "no interviewee names"
        if member is not None:
            first = f"✓ Kit for {member.name} written: {done.path}"
            then = f"Give it to {member.name} on a USB stick or by email."
        else:
            first = f"✓ Written: {done.path}"
            then = "Give it to the coordinator, who imports it on the Team screen (i)."
        self._result(f"{first}\n{records} records, {names}. {then}")
        self.notify(done.path.name, title="Written")
        if member is not None:
            value = json.dumps(
                {"at": datetime.now().astimezone().isoformat(), "file": done.path.name}
            )
            key = kit_key(member.id)
            self.services.write(lambda s: _put_settings(s, {key: value}), lambda _: self.reload())

    # -- importing ---------------------------------------------------------------

    def action_import_files(self) -> None:
        if self._busy():
            return
        self.app.push_screen(ImportFilesDialog(self.import_text), self._import)

    def _import(self, text: str | None) -> None:
        if text is None:
            return
        self.import_text = text
        paths = split_paths(text)
        self.running = True
        inspection_id = self.inspection_id
        self.query_one("#team-progress-row").display = True
        self.query_one("#team-progress", ProgressBar).update(total=2 * len(paths), progress=0)
        self.query_one("#team-step", Static).update("Starting…")

        def progress(p: ImportProgress) -> None:
            self.app.call_from_thread(self._progress, p)

        def work() -> None:
            from tenant_inspect.merge import import_bundles

            try:
                store = self.services.wait_store()
                self.services.finish_saving()  # merge on top of everything typed so far
                results = import_bundles(store, paths, into=inspection_id, progress=progress)
                laptops = read_exporters(results, inspection_id)
            except UserError as exc:
                self.app.call_from_thread(self._import_failed, str(exc))
                return
            except Exception as exc:  # shown, and the app stays up
                self.app.call_from_thread(self._import_failed, f"{type(exc).__name__}: {exc}")
                return
            self.app.call_from_thread(self._imported, results, laptops)

        self.run_worker(work, thread=True, group="team-file", exclusive=True, exit_on_error=False)

    def _progress(self, p: ImportProgress) -> None:
        self.query_one("#team-progress", ProgressBar).update(total=p.total, progress=p.done)
        files = max(1, p.total // 2)
        number = min(files, p.done // 2 + 1)
        words = {
            "checking": f"Checking {p.path.name} (file {number} of {files})",
            "merging": f"Merging {p.path.name} (file {number} of {files})",
            "finished": "Finished",
        }
        self.query_one("#team-step", Static).update(escape(words.get(p.stage, p.stage)))

    def _import_failed(self, message: str) -> None:
        self.running = False
        self.query_one("#team-step", Static).update("")
        self._result(f"✗ Import stopped: {message}", error=True)

    def _imported(self, results: list[FileResult], laptops: dict[str, str]) -> None:
        self.running = False
        self.results = results
        bar = self.query_one("#team-progress", ProgressBar)
        bar.update(progress=bar.total or 0)
        self.query_one("#team-step", Static).update("Finished")
        self._fill_summary()
        refused = sum(1 for r in results if not r.ok)
        merged = len(results) - refused
        text = f"Imported {merged} of {len(results)} file{'s' if len(results) != 1 else ''}"
        self._result(text + (f"; {refused} refused (see below)." if refused else "."))
        self.scroll_to_end = True  # once the conflicts are listed, show the summary's end
        if laptops:
            settings = {laptop_key(self.inspection_id, d): mid for d, mid in laptops.items()}
            self.services.write(lambda s: _put_settings(s, settings), lambda _: self.reload())
        else:
            self.reload()

    def _fill_summary(self) -> None:
        table = self.query_one("#team-summary", DataTable)
        table.clear()
        table.display = bool(self.results)
        width = max(16, self.size.width - 50)
        for number, r in enumerate(self.results):
            name = clip(r.path.name, width - 2)
            if r.ok:
                cells = [r.added, r.updated, r.unchanged, r.conflicts]
                table.add_row(
                    f"✓ {name}",
                    *(Text(str(n), justify="right") for n in cells),
                    key=str(number),
                )
            else:
                table.add_row(f"✗ {name}", "refused", "–", "–", "–", key=str(number))
        refused = [r for r in self.results if not r.ok]
        panel = self.query_one("#team-refused", Static)
        panel.display = bool(refused)
        panel.update("\n".join(escape(refusal_words(r)) for r in refused))

    # -- elsewhere ---------------------------------------------------------------

    def action_conflicts(self) -> None:
        from .conflicts import ConflictsScreen

        self.app.push_screen(ConflictsScreen(self.inspection_id))

    def action_back(self) -> None:
        if self.running:
            self.notify("Still working on the last file; it will only take a moment.")
            return
        self.dismiss(None)
