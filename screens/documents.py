"""The desktop review: the landlord's documents, and reviewing each one.

Each document gets the desktop-review questionnaire, run by the same question runner as
interviews (:class:`~screens.runner_base.QuestionRunnerScreen`), plus the reviewer's
observations on the whole document in one area that is saved as it is typed. What the
inspector already said when adding the document (its title, whether and when it is dated)
is filled into the matching questions so nobody types it twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Label, Static, TextArea

from tenant_inspect.edits import fieldwork as fieldwork_edits
from tenant_inspect.views import fieldwork as views
from tenant_inspect.views.fieldwork import DocumentDetails, DocumentListData, RunnerData
from tenant_inspect.vocabulary import WORK_STATUS_WORDS

from .bindings import bind
from .dialogs.document_details import DocumentDialog
from .list_base import ListScreenBase, free_width, progress_cell, progress_column
from .messages import announce_change
from .runner_base import QuestionRunnerScreen
from .widgets.fields import FieldTextArea
from .widgets.one_line import one_line

if TYPE_CHECKING:
    from sqlmodel import Session

__all__ = ["DocumentDialog", "DocumentReviewListScreen", "DocumentReviewScreen"]

NO_DOCUMENT = "There is no document yet: press a to add one."


class DocumentReviewListScreen(ListScreenBase[DocumentListData]):
    """The documents of the desktop review: add one, review one."""

    HELP_TITLE = "Desktop review"
    HELP_TEXT = (
        "One row per landlord document. Add each document you read (a for Add), then open it "
        "(Enter) to go through the desktop-review questions and write your observations."
    )

    TABLE_ID = "documents"
    LIST_TITLE = "Desktop review: documents"
    EMPTY_TEXT = (
        "No documents yet.\n\nPress [b]a[/b] to add the first document you have read "
        "(its title and the date on it), then Enter to review it question by question."
    )
    ROW_ACTIONS = ("open_document", "edit_document")

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("a", "add_document", "Add document", "Add a document to review"),
        bind(
            "enter",
            "open_document",
            "Review",
            "Review the selected document",
            id="review-document",
            priority=True,
        ),
        bind("e", "edit_document", "Edit details", "Change the title, date, version or source"),
        bind("escape", "back", "Back", "Back to the inspection"),
    ]

    def loader(self) -> Callable[[Session], DocumentListData]:
        inspection_id = self.inspection_id
        return lambda s: views.load_document_list(s, inspection_id)

    def fill(self, table: DataTable[object], data: DocumentListData) -> list[str]:
        wide = self.size.width >= 100
        # Fixed widths: measuring on idle can lag behind a quick reload; this never does.
        # The date is 11 wide: "14 Jun 2021" (tenant_inspect.dates.show_day_short).
        fixed = [("Date on it", "date", 11), ("Status", "status", 11)]
        fixed += [progress_column(wide), ("Findings", "findings", 8)]
        title_width = free_width(self.size.width, fixed)
        table.add_column("Document", key="title", width=title_width)
        for label, key, width in fixed:
            table.add_column(label, key=key, width=width)
        for r in data.rows:
            table.add_row(
                Text(one_line(r.title, title_width)),
                r.date,
                WORK_STATUS_WORDS.get(r.status, r.status),
                progress_cell(r.progress, wide),
                str(r.findings),
                key=r.id,
            )
        done = sum(1 for r in data.rows if r.status == "complete")
        n = len(data.rows)
        self.query_one("#list-status", Static).update(
            f"{n} document{'s' if n != 1 else ''}, {done} reviewed · Enter reviews · a adds a document"
            if n
            else ""
        )
        return [r.id for r in data.rows]

    def open_row(self, row_id: str) -> None:
        self.app.push_screen(DocumentReviewScreen(row_id))

    def action_open_document(self) -> None:
        self.open_selected(NO_DOCUMENT)

    def action_add_document(self) -> None:
        inspection_id = self.inspection_id

        def chosen(details: DocumentDetails | None) -> None:
            if details is None:
                return

            def added(review_id: str) -> None:
                self.notify(f"“{details.title}” added. Press Enter to review it.", title="Saved")
                announce_change(self)
                self.reload_and_select(review_id)

            self.services.write(
                lambda s: fieldwork_edits.add_document(s, inspection_id, details), added
            )

        self.app.push_screen(DocumentDialog(), chosen)

    def action_edit_document(self) -> None:
        review_id = self.selected_or_say(NO_DOCUMENT)
        if review_id is None:
            return

        def chosen(details: DocumentDetails | None) -> None:
            if details is None:
                return

            def saved(_: object) -> None:
                self.notify("Document details saved.", title="Saved")
                announce_change(self)
                self.reload()

            self.services.write(
                lambda s: fieldwork_edits.change_document(s, review_id, details), saved
            )

        def edit(details: DocumentDetails) -> None:
            self.app.push_screen(DocumentDialog(details), chosen)

        self.services.read(lambda s: views.load_document_details(s, review_id), edit)


class DocumentReviewScreen(QuestionRunnerScreen):
    """The desktop-review questions for one document, and observations on the whole of it."""

    kind = "review"
    noun = "document review"
    HELP_TITLE = "Document review"

    BINDINGS: ClassVar[list[BindingType]] = [
        *QuestionRunnerScreen.BINDINGS,
        bind(
            "ctrl+o",
            "observations",
            "Observations",
            "Write observations on the whole document (or back to the question)",
            show=False,
            priority=True,
        ),
        bind(
            "f4",
            "check_file",
            "Check file",
            "Check the landlord's file (.docx or .pdf): dates, print, italics, reading ease …",
            show=False,
            priority=True,
        ),
    ]

    def compose_extra(self) -> ComposeResult:
        with Vertical(id="observations-box"):
            yield Label(
                Content.assemble(
                    ("Observations on this document", "bold"),
                    (" — Ctrl+O to write · F4 checks its file", "dim"),
                ),
                id="observations-label",
            )
            yield FieldTextArea("", id="observations", soft_wrap=True)

    def loader(self) -> Callable[[Session], RunnerData | None]:
        review_id = self.parent_id
        return lambda s: views.load_review_runner(s, review_id)

    def show_loaded_extra(self, data: RunnerData) -> None:
        self.query_one("#observations", TextArea).load_text(data.observations)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "observations":
            self.observations_typed(event.text_area.text)
            return
        super().on_text_area_changed(event)

    def observations_typed(self, text: str) -> None:
        if self.data is None or self.typing is None or text == self.data.observations:
            return
        self.data.observations = text
        review_id = self.parent_id
        self.typing.typed(
            f"review:{self.parent_id}:observations",
            lambda s: fieldwork_edits.save_observations(s, review_id, text),
        )
        self._started()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "observations" and self.typing is not None:
            self.typing.leave(f"review:{self.parent_id}:observations")
            return
        super().on_descendant_blur(event)

    def leave_screen(self) -> None:
        self.leave_question(warn=True)
        if self.data is not None and self.typing is not None:
            self.observations_typed(self.query_one("#observations", TextArea).text)
            self.typing.leave(f"review:{self.parent_id}:observations")

    def action_observations(self) -> None:
        area = self.query_one("#observations", TextArea)
        if area.has_focus:
            if self.view is not None:
                self.view.answer_input.focus_input()
        else:
            area.focus()

    def action_check_file(self) -> None:
        """Check the document's own file; its proposals are recorded only when ticked."""
        from .document_file_check import check_document_file

        check_document_file(self)

    def finding_context(self) -> tuple[str | None, str, tuple[str, ...]]:
        """From the observations area a finding cites the document; elsewhere, the question."""
        area = self.query_one("#observations", TextArea)
        if area.has_focus:
            text = area.selected_text.strip() or area.text.strip()
            return None, text, ()
        return super().finding_context()
