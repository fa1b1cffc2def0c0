"""Export a report: the inspection report or the progress report on the action plan, public
or internal, optional letterhead, then where to save; watch it go.

Ctrl+S (or Export) asks where to save the report in the same file dialog as kits and return
files (type or paste a path, browse, or jump to a USB stick; replacing a file asks first).
The export runs as a file job (:mod:`screens.jobs`): in a thread worker, because python-docx
and the database read would otherwise freeze the screen, and after pending autosaves are
written, so the report includes the last thing typed. The result says where the file is,
how many sections it has, and anything worth checking (areas with no judgement, names
replaced by roles ...).

The same screen writes the spreadsheets of the findings (``export --tables`` on the command
line) when its tick box is ticked: analysts ask for them alongside the report, and the
choice of where to save is the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, ProgressBar, Static

from tenant_inspect.file_names import slug

from .base import ServicesMixin
from .bindings import bind
from .dialogs.file_picker import FilePicker, PickedFiles, documents_folder
from .jobs import Report, run_file_job
from .markup import escape
from .routes import open_screen
from .widgets.fields import TickBox

if TYPE_CHECKING:
    from sqlmodel import Session

    from tenant_inspect.report import ReportResult
    from tenant_inspect.report.letter.readability import WritingCheck
    from tenant_inspect.store import Store
    from tenant_inspect.tables_export import TablesResult


def default_report_path(
    title: str,
    home: Path | None = None,
    *,
    progress: bool = False,
    tables: bool = False,
    letter: bool = False,
) -> Path:
    """``~/Documents/<title>-report.docx`` (or the home folder if there is no Documents);
    ``-progress.docx`` for the progress report on the action plan, ``-letter.docx`` for the
    letter to residents, ``-tables.xlsx`` for the spreadsheets of the findings."""
    folder = documents_folder(home)
    if tables:
        return folder / f"{slug(title, 'inspection', 60)}-tables.xlsx"
    kind = "letter" if letter else "progress" if progress else "report"
    return folder / f"{slug(title, 'inspection', 60)}-{kind}.docx"


class ExportScreen(ServicesMixin, Screen[None]):
    """Writes the Word (or Markdown) report of one inspection."""

    HELP_TITLE = "Export the report"
    HELP_TEXT = (
        "The file name decides the format: .docx for Word, .md for Markdown.\n"
        "The public version leaves out everything the team marked internal.\n"
        "The progress report is for the landlord's board and the panel: actions by status "
        "(with a chart), overdue actions and what changed since the previous monitoring round.\n"
        "Untick the questionnaires to leave the list of questions out of the appendix.\n"
        "Interviewees are always shown by their role: names typed into notes are replaced.\n"
        "A letterhead is an organisation's own .docx whose styles, headers and footers are used.\n"
        "The spreadsheets (.xlsx) hold the findings, answers, judgements, recommendations and "
        "action plan, one table per sheet, for analysts; inspectors are shown by role.\n"
        "Large print is for readers with low vision: 16 pt and more, a plain sans serif, "
        "never justified, wide line spacing and a page number on every page.\n"
        "The letter to residents goes to every home: two pages in plain English. F3 opens "
        "its parts to rewrite them. Under the options, the writing check of what you are "
        "about to export: its reading ease (60 or more is plain English) and its hardest "
        "sentences, with the section each is in. Add your landlord's jargon to "
        "plain-words.txt in the data folder ('word = plain alternative', one per line)."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("ctrl+s", "export", "Export", "Write the report file", priority=True),
        bind("f3", "edit_letter", "Edit the letter", "Rewrite the letter to residents' parts"),
        bind("escape", "back", "Back", "Back to the dashboard"),
    ]

    DEFAULT_CSS = """
    ExportScreen #export-body { padding: 0 1; }
    ExportScreen Label { padding: 1 0 0 0; }
    ExportScreen .hint { color: $text-muted; }
    ExportScreen #export-progress-row { height: auto; padding: 1 0 0 0; }
    ExportScreen #export-step { padding: 0 1; width: 1fr; }
    ExportScreen #export-result { padding: 1 0 0 0; height: auto; }
    ExportScreen #export-result.-error { color: $error; text-style: bold; }
    ExportScreen #export-buttons { height: auto; padding: 1 0 0 0; }
    ExportScreen #export-writing { height: auto; padding: 1 0 0 0; color: $text-muted; }
    """

    def __init__(self, inspection_id: str, title: str = "") -> None:
        super().__init__()
        self.inspection_id = inspection_id
        self.inspection_title = title
        self.result: ReportResult | TablesResult | None = None
        self.running = False
        #: Where the report goes (offered again in the file dialog).
        self.path = str(default_report_path(title))

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="export-body"):
            yield Static(f"Export the report: {self.inspection_title}", classes="screen-title")
            yield TickBox(
                "Public version: leave out everything marked internal", id="export-public"
            )
            yield TickBox(
                "Include the questionnaires (every question asked) in the appendix",
                True,
                id="export-questionnaires",
            )
            yield TickBox(
                "Progress report on the action plan instead of the inspection report",
                id="export-plan-progress",
            )
            yield TickBox(
                "Letter to residents instead (two pages, plain English; F3 edits it)",
                id="export-letter",
            )
            yield TickBox(
                "Spreadsheets of the findings (.xlsx) instead of the report", id="export-tables"
            )
            yield TickBox(
                "Large print: 16 pt and more, page numbers on every page (Word only)",
                id="export-large-print",
            )
            yield Label("Letterhead (optional): an organisation's .docx to take styles from")
            yield Input(placeholder="e.g. /home/me/Documents/letterhead.docx", id="export-template")
            yield Static(self._where(), id="export-where", classes="hint")
            with Horizontal(id="export-progress-row"):
                yield ProgressBar(total=100, show_eta=False, id="export-progress")
                yield Static("", id="export-step")
            yield Static("", id="export-result")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export")
            yield Static("", id="export-writing")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#export-public", Checkbox).focus()
        self._check_writing()

    def on_screen_resume(self) -> None:
        self._check_writing()  # back from the letter's parts: they may have changed

    def _check_writing(self) -> None:
        """Measure the writing of what is about to be exported, in a worker (a report of
        1,000 findings takes most of a second)."""
        writing = self.query_one("#export-writing", Static)
        if self._ticked("tables"):
            writing.update("")
            return
        writing.update("Checking the writing …")
        inspection_id, data_folder = self.inspection_id, self.services.data_dir.path
        kind = {
            "public": self._ticked("public"),
            "progress_report": self._ticked("plan-progress") and not self._ticked("letter"),
            "letter": self._ticked("letter"),
        }

        def work(s: Session) -> WritingCheck | str:
            from tenant_inspect.errors import UserError
            from tenant_inspect.report.export import check_report
            from tenant_inspect.report.snapshot import load_report_data

            try:
                return check_report(load_report_data(s, inspection_id), data_folder, **kind)
            except UserError as exc:
                return str(exc)

        self.services.read(work, self._show_writing, group="export-writing")

    def _show_writing(self, check: WritingCheck | str) -> None:
        if not self.is_attached:
            return
        writing = self.query_one("#export-writing", Static)
        if isinstance(check, str):
            writing.update(escape(f"Writing check: {check}"))
            return
        lines = [f"Writing check: {check.summary()}"]
        if check.hardest:
            lines.append("Hardest sentences (rewrite these first):")
        for h in check.hardest[:5]:
            why = f" ({'; '.join(h.reasons)})" if h.reasons else ""
            lines.append(f"  • [{h.section}] {h.text}{why}")
        lines += [f"  ⚠ {note}" for note in check.notes]
        writing.update(escape("\n".join(lines)))

    def action_edit_letter(self) -> None:
        open_screen(self, "letter", self.inspection_id)

    def _ticked(self, box: str) -> bool:
        return self.query_one(f"#export-{box}", Checkbox).value

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id in ("export-public", "export-plan-progress", "export-letter",
                                 "export-tables"):  # fmt: skip
            self._check_writing()
        if event.checkbox.id not in ("export-plan-progress", "export-tables", "export-letter"):
            return
        progress, tables = self._ticked("plan-progress"), self._ticked("tables")
        letter = self._ticked("letter") and not tables
        # The questionnaires are an appendix of the inspection report only; the report's
        # options mean nothing to the spreadsheets.
        self.query_one("#export-questionnaires", Checkbox).disabled = progress or tables or letter
        for box in ("public", "plan-progress", "large-print", "letter"):
            self.query_one(f"#export-{box}", Checkbox).disabled = tables
        # The letter is always the public version; it is not a progress report.
        self.query_one("#export-public", Checkbox).disabled = tables or letter
        self.query_one("#export-plan-progress", Checkbox).disabled = tables or letter
        self.query_one("#export-template", Input).disabled = tables
        # Offer this kind's file name, unless the inspector chose a name of their own.
        title = self.inspection_title
        offered = {
            str(default_report_path(title, progress=p, tables=t, letter=lt))
            for p in (False, True)
            for t in (False, True)
            for lt in (False, True)
        }
        if self.path in offered:
            self.path = str(
                default_report_path(title, progress=progress, tables=tables, letter=letter)
            )
            self.query_one("#export-where", Static).update(self._where())

    def _where(self) -> str:
        return escape(f"Ctrl+S asks where to save the report (now: {self.path}).")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_export()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    def action_back(self) -> None:
        if self.running:
            self.notify("The report is still being written; it will only take a moment.")
            return
        self.dismiss(None)

    def action_export(self) -> None:
        if self.running:
            return
        if self._ticked("tables"):
            dialog = FilePicker(
                "Save the spreadsheets",
                "An Excel workbook (.xlsx): one table per sheet.",
                mode="save",
                suffixes=(".xlsx",),
                value=self.path,
                label="Save as (.xlsx for Excel)",
            )
            self.app.push_screen(dialog, self._export)
            return
        dialog = FilePicker(
            "Save the report",
            "The file name decides the format: .docx for Word, .md for Markdown.",
            mode="save",
            suffixes=(".docx", ".md"),
            value=self.path,
            label="Save as (.docx for Word, .md for Markdown)",
        )
        self.app.push_screen(dialog, self._export)

    def _export(self, picked: PickedFiles | None) -> None:
        if picked is None:
            return
        path = picked.path
        self.path = str(path)
        self.query_one("#export-where", Static).update(self._where())
        template = self.query_one("#export-template", Input).value.strip() or None
        public = self.query_one("#export-public", Checkbox).value
        questionnaires = self.query_one("#export-questionnaires", Checkbox).value
        progress_report = self.query_one("#export-plan-progress", Checkbox).value
        large_print = self._ticked("large-print")
        tables = self._ticked("tables")
        letter = self._ticked("letter")
        progress_report = progress_report and not letter
        result = self.query_one("#export-result", Static)
        result.update("")
        result.remove_class("-error")
        self.running = True
        self.query_one("#export-progress", ProgressBar).update(progress=0)
        inspection_id = self.inspection_id

        def work(store: Store, report: Report) -> ReportResult | TablesResult:
            if tables:
                from tenant_inspect.tables_export import export_tables

                report((0.1, "Reading the inspection"))
                return export_tables(store, inspection_id, path)
            from tenant_inspect.report import render_report

            return render_report(
                store,
                inspection_id,
                path,
                public=public,
                template=template,
                progress=lambda fraction, message: report((fraction, message)),
                questionnaires=questionnaires,
                progress_report=progress_report,
                large_print=large_print,
                letter=letter,
            )

        run_file_job(
            self,
            work,
            done=self._done,
            failed=self._show_error,
            progress=lambda step: self._progress(*step),
            group="export",
        )

    def _progress(self, fraction: float, message: str) -> None:
        self.query_one("#export-progress", ProgressBar).update(progress=round(fraction * 100))
        self.query_one("#export-step", Static).update(message)

    def _show_error(self, message: str) -> None:
        self.running = False
        result = self.query_one("#export-result", Static)
        result.add_class("-error")
        result.update(f"✗ Not exported: {message}")
        self.query_one("#export-step", Static).update("")

    def _done(self, done: ReportResult | TablesResult) -> None:
        self.running = False
        self.result = done
        self.query_one("#export-progress", ProgressBar).update(progress=100)
        self.query_one("#export-step", Static).update("Done")
        from tenant_inspect import tables_export

        if isinstance(done, tables_export.TablesResult):
            self._show_tables(done)
            return
        letter = self._ticked("letter")
        version = "public" if self._ticked("public") or letter else "internal"
        kind = (
            "letter to residents"
            if letter
            else "progress report"
            if self._ticked("plan-progress")
            else "report"
        ) + (" in large print" if self._ticked("large-print") else "")
        lines = [
            f"✓ Written: {done.path}",
            f"{done.format} {kind}, {version} version, {done.sections} sections.",
        ]
        if done.redactions:
            lines.append(
                f"{done.redactions} mention(s) of interviewees' names were replaced by their role."
            )
        if done.warnings:
            lines.append("Worth checking before you share it:")
            lines += [f"  • {w}" for w in done.warnings]
        self.query_one("#export-result", Static).update("\n".join(lines))
        self._tell_if_away(f"Report written to {done.path}")

    def _show_tables(self, done: TablesResult) -> None:
        sheets = ", ".join(
            f"{name} ({rows} row{'' if rows == 1 else 's'})" for name, rows in done.sheets
        )
        lines = [
            f"✓ Written: {done.path}",
            f"{done.format} workbook, {len(done.sheets)} sheets: {sheets}.",
        ]
        if done.redactions:
            lines.append(
                f"{done.redactions} mention(s) of interviewees' names were replaced by their role."
            )
        self.query_one("#export-result", Static).update(escape("\n".join(lines)))
        self._tell_if_away(f"Spreadsheets written to {done.path}")

    def _tell_if_away(self, message: str) -> None:
        if not self.is_current:
            # Only when the inspector has moved on: here the result is on the screen, and a
            # notification would sit over the options just used.
            self.notify(message, title="Exported")
