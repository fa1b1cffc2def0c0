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
  from it was imported); files are offered encrypted, and ask for their passphrase;
* opens the **conflicts** the merges kept for a decision (c, :mod:`screens.conflicts`).

The work is the core's (:func:`tenant_inspect.bundle.export_bundle`,
:func:`tenant_inspect.merge.import_bundles`), run as file jobs (:mod:`screens.jobs`: what
was just typed is saved first). The core also keeps this laptop's bookkeeping — when each
member's last kit was made here, and whose laptop each return file came from, so the
Conflicts screen can say "from Ann's laptop" — and the screen only reads it back
(:func:`tenant_inspect.views.team.load_team`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Header, ProgressBar, Static

from tenant_inspect.views.conflict_words import one_line
from tenant_inspect.views.team import MemberRow, TeamData, load_team
from tenant_inspect.vocabulary import ROLE_WORDS

from .base import InspectionScreen
from .bindings import bind
from .dialogs.file_picker import PickedFiles
from .dialogs.team_files import (
    ask_passphrase,
    default_bundle_path,
    encrypted_among,
    import_dialog,
    kit_dialog,
    progress_words,
    refusal_words,
    return_dialog,
)
from .jobs import Report, run_file_job
from .markup import escape, shown
from .team_sync import SyncAgain
from .widgets.footer import FittingFooter
from .widgets.import_summary import ImportSummary, OpenConflicts
from .widgets.tables import keyed_table

if TYPE_CHECKING:
    from tenant_inspect.bundle.write import ExportResult
    from tenant_inspect.merge import FileResult, ImportProgress
    from tenant_inspect.store import Store


# ---------------------------------------------------------------------------
# The screen
# ---------------------------------------------------------------------------


class TeamScreen(SyncAgain, InspectionScreen):  # F5: SyncAgain
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
        bind("k", "kit", "Kit for member", "Export a kit file for the selected team member"),
        bind(
            "r",
            "return_file",
            "Return file",
            "Export everything on this laptop for the coordinator (a full bundle)",
        ),
        bind(
            "i",
            "import_files",
            "Import files",
            "Merge kits or return files handed back by the team",
        ),
        bind("c", "conflicts", "Conflicts", "Choose between versions changed on two laptops"),
        bind("f5", "sync", "Sync", "Sync again with the last server", show=False),
        bind("escape", "back", "Back", "Back to the inspection", show=False),
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
        super().__init__(inspection_id)
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
            yield keyed_table(
                "team-members",
                ("Name", "name"),
                ("Role", "role"),
                ("Last kit made on this laptop", "kit"),
                zebra_stripes=True,
            )
            yield Static("", id="team-result")
            with Horizontal(id="team-progress-row"):
                yield ProgressBar(total=1, show_eta=False, id="team-progress")
                yield Static("", id="team-step")
            yield ImportSummary(id="team-summary")
            yield Static("", id="team-refused")
            yield OpenConflicts("", id="team-conflicts")
        yield FittingFooter()

    # -- loading ---------------------------------------------------------------

    def on_mount(self) -> None:
        # InspectionScreen then reads the team; it reads again on return from the conflicts.
        self.query_one("#team-progress-row").display = False
        self.query_one("#team-summary").display = False
        self.query_one("#team-refused").display = False
        self.query_one("#team-result").display = False
        self.query_one("#team-members", DataTable).focus()

    def reload(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(lambda s: load_team(s, inspection_id), self.show, group="team")

    def show(self, data: TeamData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = shown(data.title)
        self.query_one("#team-title", Static).update(escape(f"Team and files: {data.title}"))
        mine = data.laptop_member
        who = (
            f"This laptop is {mine.name}'s ({ROLE_WORDS.get(mine.role, mine.role).lower()})."
            if mine
            else "This laptop's team member is not known."
        )
        # An inspector's laptop gives its work back; only the coordinator hands out kits.
        todo = (
            "Press r to make your return file for the coordinator."
            if mine and mine.role != "coordinator"
            else "Select someone and press k to make their kit."
        )
        if not data.members:
            todo = "There is nobody in the team yet: add people in Set-up (s)."
        self.query_one("#team-laptop", Static).update(escape(f"{who} {todo}{data.sync_line}"))
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
                one_line(row.name, 28),
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
        width = max(30, self.size.width - 14)  # bullet, paddings and a scroll bar
        self.query_one(OpenConflicts).show(self.data.conflicts if self.data else (), width)

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
        self.app.push_screen(
            kit_dialog(member.name, member.role, path),
            lambda picked: self._picked(member, picked),
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
        self.app.push_screen(
            return_dialog(is_coordinator, path), lambda picked: self._picked(None, picked)
        )

    def _picked(self, member: MemberRow | None, picked: PickedFiles | None) -> None:
        """Where to save it chosen: the passphrase next when it is to be encrypted."""
        if picked is not None and picked.encrypt:
            ask_passphrase(self.app, None, lambda secret: self._export(member, picked, secret))
        elif picked is not None:
            self._export(member, picked, None)

    def _export(self, member: MemberRow | None, picked: PickedFiles, secret: str | None) -> None:
        self.paths[member.id if member else ""] = str(picked.path)
        self.running = True
        self._result("Writing the file…")
        inspection_id = self.inspection_id

        def work(store: Store, report: Report) -> ExportResult:
            from tenant_inspect.bundle.write import export_bundle

            # A kit is recorded by the core (the Team screen shows when it was made).
            return export_bundle(
                store,
                inspection_id,
                picked.path,
                for_member_id=member.id if member else None,
                include_names=not picked.ticked,
                passphrase=secret,
            )

        run_file_job(
            self,
            work,
            done=lambda done: self._exported(member, done),
            failed=lambda message: self._failed(f"✗ Not written: {message}"),
            group="team-file",
        )

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
        names += ", encrypted with a passphrase" if done.encrypted else ""
        if member is not None:
            first = f"✓ Kit for {member.name} written: {done.path}"
            then = f"Give it to {member.name} on a USB stick or by email."
        else:
            first = f"✓ Written: {done.path}"
            then = "Give it to the coordinator, who imports it on the Team screen (i)."
        self._result(f"{first}\n{records} records, {names}. {then}")
        self.notify(done.path.name, title="Written")
        if member is not None:
            self.reload()  # when the kit was made

    # -- importing ---------------------------------------------------------------

    def action_import_files(self) -> None:
        if self._busy():
            return
        self.app.push_screen(import_dialog(self.import_text), self._import)

    def _import(self, picked: PickedFiles | None) -> None:
        """Files chosen: the passphrase next when any of them is encrypted."""
        if picked is None:
            return
        self.import_text = picked.text
        if encrypted := encrypted_among(picked):
            ask_passphrase(self.app, encrypted, lambda secret: self._import_files(picked, secret))
        else:
            self._import_files(picked, None)

    def _import_files(self, picked: PickedFiles, secret: str | None) -> None:
        paths = picked.paths
        self.running = True
        inspection_id = self.inspection_id
        self.query_one("#team-progress-row").display = True
        self.query_one("#team-progress", ProgressBar).update(total=2 * len(paths), progress=0)
        self.query_one("#team-step", Static).update("Starting…")

        def work(store: Store, report: Report) -> list[FileResult]:
            from tenant_inspect.merge import import_bundles

            # The core also learns whose laptop each return file came from.
            return import_bundles(
                store, paths, into=inspection_id, progress=report, passphrase=secret
            )

        run_file_job(
            self,
            work,
            done=self._imported,
            failed=self._import_failed,
            progress=self._progress,
            group="team-file",
        )

    def _progress(self, p: ImportProgress) -> None:
        self.query_one("#team-progress", ProgressBar).update(total=p.total, progress=p.done)
        self.query_one("#team-step", Static).update(escape(progress_words(p)))

    def _import_failed(self, message: str) -> None:
        self.running = False
        self.query_one("#team-step", Static).update("")
        self._result(f"✗ Import stopped: {message}", error=True)

    def _imported(self, results: list[FileResult]) -> None:
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
        self.reload()

    def _fill_summary(self) -> None:
        width = max(16, self.size.width - 50)
        self.query_one(ImportSummary).show(self.results, width)
        refused = [r for r in self.results if not r.ok]
        panel = self.query_one("#team-refused", Static)
        panel.display = bool(refused)
        panel.update("\n".join(escape(refusal_words(r)) for r in refused))

    # -- elsewhere ---------------------------------------------------------------

    def action_conflicts(self) -> None:
        self.open("conflicts", self.inspection_id)

    def action_back(self) -> None:
        if self.running:
            self.notify("Still working on the last file; it will only take a moment.")
            return
        self.dismiss(None)
