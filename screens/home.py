"""Home: the inspections on this laptop, and where to start when there are none."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Static

from tenant_inspect.summaries import InspectionSummary

from .base import ReloadingScreen
from .bindings import bind
from .markup import clip, escape, shown
from .messages import StoreReady
from .widgets.save_indicator import SaveIndicator
from .widgets.tables import FittedTable

if TYPE_CHECKING:
    from tenant_inspect.merge import FileResult
    from tenant_inspect.store import Store

    from .dialogs.file_picker import PickedFiles
    from .jobs import Report

EMPTY_TEXT = (
    "There are no inspections on this laptop yet.\n\n"
    "• Press [b]n[/b] to create a new inspection (you need its title and the landlord's name).\n"
    "• Press [b]k[/b] to open the kit file your coordinator gave you.\n"
    "• Press [b]d[/b] to create a sample inspection to explore first (it is fictional).\n\n"
    "Everything is saved as you type. F1 shows the keys of any screen; Ctrl+Q quits."
)


def inspection_cell(s: InspectionSummary, width: int) -> Text:
    """Title on the first line, landlord under it, both cut with … to fit (and any control
    characters shown as \\xNN, see :mod:`.markup`)."""
    cell = Text(no_wrap=True, overflow="ellipsis")
    cell.append(clip(s.title, width), style="bold")
    cell.append("\n")
    cell.append(clip(s.landlord, width))
    return cell


#: Widths of the fixed columns (status, documents, interviews, findings) plus cell padding.
_FIXED_WIDTH = 10 + 9 + 10 + 8 + 2 * 5 + 2


class HomeScreen(ReloadingScreen):
    """Lists inspections; n creates one, Enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("n", "new_inspection", "New inspection", "Create an inspection"),
        bind("enter", "open_inspection", "Open", "Open the selected inspection", priority=True),
        bind("d", "demo", "Sample inspection", "Create a sample inspection to explore"),
        bind("k", "import_kit", "Import a kit", "Open a kit or bundle file from your coordinator"),
        bind(
            "g",
            "programme",
            "Programme",
            "Every inspection at once: search, recurring weaknesses, overdue actions",
            show=False,
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[InspectionSummary] = []
        self._quick_shown = False
        self._shown_width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-body"):
            with Horizontal(id="home-title-row"):
                yield Static("Inspections", id="home-title", classes="screen-title")
                yield SaveIndicator()
            yield Static("Opening your data…", id="home-status")
            table: DataTable[str] = FittedTable(
                id="inspections", cursor_type="row", zebra_stripes=True
            )
            yield table
            yield Static(EMPTY_TEXT, id="home-empty")
        yield Footer()

    def on_mount(self) -> None:
        # Runs before the base class's, which shows the first list (first_show).
        self.query_one("#home-empty").display = False

    def first_show(self) -> None:
        # The quick list read at start-up, if there is one, while the store is still opening.
        quick = self.services.quick_summaries()
        self._quick_shown = quick is not None
        if quick is not None:
            self.show(quick)
        else:
            super().first_show()

    def on_store_ready(self, message: StoreReady) -> None:
        # The quick list ran the very query the store would (summaries.read_summaries):
        # reading it again now would only delay the first inspection the user opens.
        # Changes still show: the list reloads on DataChanged and on return here.
        message.prevent_default()  # (the base class's handler would reload)
        if not self._quick_shown:
            self.reload()

    def reload(self) -> None:
        from tenant_inspect.inspections import list_inspections

        self.services.read(list_inspections, self.show, group="home")

    def on_resize(self) -> None:
        # Only when the title column's width changes: the first paint brings resize events
        # too, and rebuilding the whole table for each delayed the first screen.
        if self.summaries and self._title_width() != self._shown_width:
            self.show(self.summaries)

    def _title_width(self) -> int:
        return max(20, min(70, (self.size.width or 80) - _FIXED_WIDTH))

    def show(self, summaries: list[InspectionSummary]) -> None:
        self.summaries = summaries
        table = self.query_one("#inspections", DataTable)
        selected = self.selected_id()
        table.clear(columns=True)
        title_width = self._shown_width = self._title_width()
        table.add_column("Inspection / landlord", key="title", width=title_width)
        table.add_column("Status", key="status", width=10)
        table.add_column("Documents", key="documents", width=9)
        table.add_column("Interviews", key="interviews", width=10)
        table.add_column("Findings", key="findings", width=8)
        for s in summaries:
            table.add_row(
                inspection_cell(s, title_width),
                s.status.capitalize(),
                f"{s.documents_done}/{s.documents} done",
                f"{s.interviews_done}/{max(s.interviews_expected, s.interviews)} done",
                str(s.findings),
                key=s.id,
                height=2,
            )
        empty = not summaries
        self.refresh_bindings()
        table.display = not empty
        self.query_one("#home-empty").display = empty
        count = len(summaries)
        self.query_one("#home-status", Static).update(
            ""
            if empty
            else f"{count} inspection{'s' if count != 1 else ''} · Enter opens · Ctrl+Q quits · "
            "Interviews: done of planned"
        )
        if selected is not None and selected in {s.id for s in summaries}:
            table.move_cursor(row=table.get_row_index(selected))
        if not empty:
            table.focus()

    def selected_id(self) -> str | None:
        table = self.query_one("#inspections", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def select(self, inspection_id: str) -> None:
        table = self.query_one("#inspections", DataTable)
        if table.row_count:
            table.move_cursor(row=table.get_row_index(inspection_id))

    # -- actions -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide "Open" while there is nothing to open (False hides; None would only dim it)."""
        return not (action == "open_inspection" and not self.summaries)

    def action_new_inspection(self) -> None:
        from .dialogs.new_inspection import NewInspectionDialog

        def created(inspection_id: str | None) -> None:
            if inspection_id:
                self.notify("Inspection created.", title="Saved")
                self.open_inspection(inspection_id)

        self.app.push_screen(NewInspectionDialog(), created)

    def action_open_inspection(self) -> None:
        inspection_id = self.selected_id()
        if inspection_id is None:
            self.notify("There is no inspection to open yet: press n to create one.")
            return
        self.open_inspection(inspection_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # A mouse click on a row (Enter is handled by the priority binding).
        if event.row_key.value:
            self.open_inspection(event.row_key.value)

    def open_inspection(self, inspection_id: str) -> None:
        self.open("dashboard", inspection_id)

    def action_programme(self) -> None:
        self.open("programme")

    def action_demo(self) -> None:
        from tenant_inspect.demo import build_demo

        self.notify("Creating the sample inspection…")
        self.query_one("#home-status", Static).update("Creating the sample inspection…")

        def work() -> None:
            try:
                store = self.services.wait_store()
                inspection_id = build_demo(store, size="small")
            except Exception as exc:  # shown, not swallowed
                self.app.call_from_thread(self._demo_failed, str(exc))
                return
            self.app.call_from_thread(self._demo_made, inspection_id)

        self.run_worker(work, thread=True, group="demo", exclusive=True, exit_on_error=False)

    def _demo_failed(self, reason: str) -> None:
        self.query_one("#home-status", Static).update("")
        self.notify(f"Could not create the sample: {shown(reason)}", severity="error")

    def action_import_kit(self) -> None:
        """An inspector's first step on a new laptop: bring in the coordinator's kit."""
        # Imported here, not at the top: the home screen is the first paint (start-up budget).
        from .dialogs.team_files import import_dialog

        self.app.push_screen(import_dialog(), self._import)

    def _import(self, picked: PickedFiles | None) -> None:
        """Files chosen: the passphrase next (masked) when a kit is encrypted."""
        from .dialogs.team_files import ask_passphrase, encrypted_among

        if picked is None:
            return
        if encrypted := encrypted_among(picked):
            ask_passphrase(self.app, encrypted, lambda secret: self._import_files(picked, secret))
        else:
            self._import_files(picked, None)

    def _import_files(self, picked: PickedFiles, secret: str | None) -> None:
        paths = picked.paths
        self.query_one("#home-status", Static).update("Importing…")

        def work(store: Store, report: Report) -> list[FileResult]:
            from tenant_inspect.merge import import_bundles

            return import_bundles(store, paths, allow_new=True, passphrase=secret)

        def failed(message: str) -> None:
            self.notify(f"Could not import: {escape(message)}", severity="error")

        from .jobs import run_file_job

        run_file_job(self, work, done=self._imported, failed=failed, group="import")

    def _imported(self, results: list[FileResult]) -> None:
        for result in results:  # file names and refusals quote the file: escaped
            if result.ok:
                self.notify(escape(result.line()), title="Imported", timeout=10)
            else:
                self.notify(
                    f"{escape(result.line())}. Nothing from it was imported.",
                    title="Refused",
                    severity="error",
                    timeout=20,
                )
        imported = [r.inspection_id for r in results if r.ok and r.inspection_id]

        def then(summaries: list[InspectionSummary]) -> None:
            self.show(summaries)
            if imported:
                self.select(imported[-1])

        from tenant_inspect.inspections import list_inspections

        self.services.read(list_inspections, then, group="home")

    def _demo_made(self, inspection_id: str) -> None:
        self.notify("Sample inspection created: it is fictional, explore freely.", title="Saved")

        def then(summaries: list[InspectionSummary]) -> None:
            self.show(summaries)
            self.select(inspection_id)

        from tenant_inspect.inspections import list_inspections

        self.services.read(list_inspections, then, group="home")
