"""The desktop review: the landlord's documents, and reviewing each one.

Each document gets the desktop-review questionnaire, run by the same
question runner as interviews (:class:`~screens.interview.QuestionRunnerScreen`),
plus the reviewer's observations on the whole document in one area that is
saved as it is typed. What the inspector already said when adding the
document (its title, whether and when it is dated) is filled into the
matching questions so nobody types it twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Header, Input, Label, Static, TextArea

from tenant_inspect.views.findings import load_findings

from .base import ServicesMixin
from .interview import (
    STATUS_WORDS,
    QuestionRunnerScreen,
    RunnerData,
    announce_change,
    answer_states,
    clip,
    get_parent,
    questionnaire_of,
)
from .messages import DataChanged
from .widgets.answer_input import FieldTextArea, TickBox, show_problems
from .widgets.footer import FittingFooter
from .widgets.question_nav import AnswerState, progress_text
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session


DESKTOP_REVIEW_QUESTIONNAIRE = "desktop-review"


def date_text(document_date: dt.date | None, undated: bool) -> str:
    if undated:
        return "Undated"
    return document_date.isoformat() if document_date else "—"


# ---------------------------------------------------------------------------
# Loading and writing
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str
    date: str
    status: str
    progress: str
    findings: int


@dataclass
class DocumentListData:
    title: str
    rows: list[DocumentRow]


def load_document_list(session: Session, inspection_id: str) -> DocumentListData:
    from tenant_inspect import analysis, fieldwork, inspections, records
    from tenant_inspect import models as m

    inspection = inspections.get_inspection(session, inspection_id)
    answers: dict[str, dict[str, AnswerState]] = {}
    for a in records.live(session, m.Answer, inspection_id=inspection_id):
        if a.document_review_id:
            answers.setdefault(a.document_review_id, {})[a.question_key] = AnswerState(
                a.value, a.notes, a.skipped
            )
    counts: dict[str, int] = {}
    for f in analysis.findings(session, inspection_id):
        if f.document_review_id:
            counts[f.document_review_id] = counts.get(f.document_review_id, 0) + 1
    rows = []
    for doc in fieldwork.document_reviews(session, inspection_id):
        try:
            questionnaire = questionnaire_of(session, doc)
        except Exception:  # a missing copy must not hide the list
            questionnaire = None
        rows.append(
            DocumentRow(
                id=doc.id,
                title=doc.title,
                date=date_text(doc.document_date, doc.undated),
                status=doc.status,
                progress=progress_text(questionnaire, answers.get(doc.id, {})),
                findings=counts.get(doc.id, 0),
            )
        )
    return DocumentListData(inspection.title, rows)


@dataclass
class DocumentDetails:
    """What the document form collects."""

    title: str
    document_date: dt.date | None
    undated: bool
    version: str
    source: str


def add_document(session: Session, inspection_id: str, details: DocumentDetails) -> str:
    """Add the document with the desktop-review questionnaire, pre-answering what is known."""
    from tenant_inspect import fieldwork
    from tenant_inspect.questionnaire import get_builtin

    questionnaire = get_builtin(DESKTOP_REVIEW_QUESTIONNAIRE)
    review = fieldwork.add_document_review(
        session,
        inspection_id,
        title=details.title,
        questionnaire=questionnaire,
        document_date=details.document_date,
        undated=details.undated,
        version=details.version,
        source=details.source,
    )
    known = {q.id for q in questionnaire.questions()}
    if "doc-title" in known:
        fieldwork.save_answer(session, review, "doc-title", value=details.title)
    if "dated" in known:
        fieldwork.save_answer(session, review, "dated", value="no" if details.undated else "yes")
    if "date-on-document" in known and details.document_date:
        fieldwork.save_answer(
            session, review, "date-on-document", value=details.document_date.isoformat()
        )
    return review.id


def load_review_runner(session: Session, review_id: str) -> RunnerData | None:
    from tenant_inspect import models as m
    from tenant_inspect import records

    review = records.get(session, m.DocumentReview, review_id)
    questionnaire = questionnaire_of(session, review)
    if questionnaire is None:
        return None
    when = date_text(review.document_date, review.undated)
    dated = "" if when == "—" else f", {when.lower() if when == 'Undated' else 'dated ' + when}"
    return RunnerData(
        kind="review",
        parent_id=review.id,
        inspection_id=review.inspection_id,
        questionnaire=questionnaire,
        answers=answer_states(session, review),
        current_question=review.current_question,
        status=review.status,
        heading=f"Document: {review.title}{dated}",
        evidence=f"document “{review.title}”",
        findings=load_findings(session, review.inspection_id, document_review_id=review.id),
        observations=review.observations,
    )


# ---------------------------------------------------------------------------
# The document form
# ---------------------------------------------------------------------------


class DocumentDialog(ModalScreen[DocumentDetails | None]):
    """Add a document to the desktop review: title, its date (or undated), version, source."""

    CSS_PATH = "fieldwork.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Close without saving"),
        Binding(
            "ctrl+s", "save", "Save", id="save-document", tooltip="Add the document", priority=True
        ),
    ]

    def __init__(self, details: DocumentDetails | None = None) -> None:
        super().__init__()
        self.details = details

    def compose(self) -> ComposeResult:
        d = self.details
        with Vertical(classes="dialog document-dialog"):
            yield Static("Edit document" if d else "Add a document", classes="dialog-title")
            with Horizontal(classes="fw-row"):
                yield Label("Title *", classes="fw-label")
                with Vertical(classes="fw-field"):
                    yield Input(
                        d.title if d else "",
                        placeholder="e.g. Tenant Involvement Statement 2023-2026",
                        id="title",
                        compact=True,
                    )
                    yield Static("As it appears on the cover.", classes="fw-note")
            with Horizontal(classes="fw-row"):
                yield Label("Date on it *", classes="fw-label")
                with Vertical(classes="fw-field"):
                    yield Input(
                        d.document_date.isoformat() if d and d.document_date else "",
                        placeholder="YYYY-MM-DD",
                        id="document-date",
                        max_length=10,
                        compact=True,
                        classes="fw-date",
                    )
                    yield TickBox(
                        "Undated: no date anywhere on it",
                        d.undated if d else False,
                        id="undated",
                        compact=True,
                    )
            with Horizontal(classes="fw-row"):
                yield Label("Version", classes="fw-label")
                yield Input(
                    d.version if d else "",
                    placeholder="optional, e.g. v2, second edition",
                    id="version",
                    compact=True,
                    classes="fw-field",
                )
            with Horizontal(classes="fw-row"):
                yield Label("Source", classes="fw-label")
                yield Input(
                    d.source if d else "",
                    placeholder="optional, e.g. landlord's website, inspection pack",
                    id="source",
                    compact=True,
                    classes="fw-field",
                )
            yield Static("", id="form-errors", classes="form-errors -empty")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    "Save" if d else "Add document", variant="primary", id="save", compact=True
                )
                yield Button("Cancel", id="cancel", compact=True)
            yield Static(
                "[b]Enter[/b] next field  ·  [b]Ctrl+S[/b] saves  ·  [b]Esc[/b] cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "source":
            self.action_save()
        else:
            self.focus_next()

    def on_checkbox_changed(self, event: TickBox.Changed) -> None:
        # "Undated" and a date exclude each other: whichever was given last wins.
        if event.value:
            self.query_one("#document-date", Input).value = ""

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "document-date" and event.value.strip():
            self.query_one("#undated", TickBox).value = False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        date_str = self.query_one("#document-date", Input).value.strip()
        undated = self.query_one("#undated", TickBox).value
        problems = []
        first_bad = None
        if not title:
            problems.append("Give the document's title.")
            first_bad = "#title"
        when: dt.date | None = None
        if date_str:
            try:
                if len(date_str) != 10:
                    raise ValueError(date_str)
                when = dt.date.fromisoformat(date_str)
            except ValueError:
                problems.append("Write the date as YYYY-MM-DD, e.g. 2023-04-01.")
                first_bad = first_bad or "#document-date"
        elif not undated:
            problems.append("Give the date on the document, or tick Undated if it has none.")
            first_bad = first_bad or "#document-date"
        if problems:
            show_problems(self, problems)
            if first_bad:
                self.query_one(first_bad).focus()
            return
        self.dismiss(
            DocumentDetails(
                title=title,
                document_date=None if undated else when,
                undated=undated,
                version=self.query_one("#version", Input).value.strip(),
                source=self.query_one("#source", Input).value.strip(),
            )
        )


# ---------------------------------------------------------------------------
# The list
# ---------------------------------------------------------------------------


class DocumentReviewListScreen(ServicesMixin, Screen[None]):
    """The documents of the desktop review: add one, review one."""

    CSS_PATH = "fieldwork.tcss"

    HELP_TITLE = "Desktop review"
    HELP_TEXT = (
        "One row per landlord document. Add each document you read (a for Add), then open it "
        "(Enter) to go through the desktop-review questions and write your observations."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "add_document",
            "Add document",
            id="add-document",
            tooltip="Add a document to review",
        ),
        Binding(
            "enter",
            "open_document",
            "Review",
            id="review-document",
            tooltip="Review the selected document",
            priority=True,
        ),
        Binding(
            "e",
            "edit_document",
            "Edit details",
            id="edit-document",
            tooltip="Change the title, date, version or source",
        ),
        Binding("escape", "back", "Back", id="back", tooltip="Back to the inspection"),
    ]

    def __init__(self, inspection_id: str) -> None:
        super().__init__()
        self.inspection_id = inspection_id
        self.data: DocumentListData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="list-body"):
            with Horizontal(id="list-title-row"):
                yield Static("Desktop review: documents", id="list-title", classes="screen-title")
                yield SaveIndicator()
            yield Static("Opening…", id="list-status")
            yield DataTable(id="documents", cursor_type="row", zebra_stripes=True)
            yield Static(
                "No documents yet.\n\nPress [b]a[/b] to add the first document you have read "
                "(its title and the date on it), then Enter to review it question by question.",
                id="list-empty",
            )
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#list-empty").display = False
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_document", "edit_document"):
            return True if self.selected_id() else None  # shown dimmed until there is one
        return True

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self.reload()

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.data is not None:
            self.show(self.data)

    def reload(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(
            lambda s: load_document_list(s, inspection_id), self.show, group="documents"
        )

    def show(self, data: DocumentListData) -> None:
        if not self.is_attached:
            return
        self.data = data
        table = self.query_one("#documents", DataTable)
        selected = self.selected_id()
        table.clear(columns=True)
        wide = self.size.width >= 100
        # Fixed widths: measuring on idle can lag behind a quick reload; this never does.
        fixed = [("Date on it", "date", 10), ("Status", "status", 11)]
        fixed += [("Progress", "progress", 14) if wide else ("Answered", "progress", 8)]
        fixed += [("Findings", "findings", 8)]
        title_width = max(16, self.size.width - 4 - sum(w + 2 for _, _, w in fixed) - 2)
        table.add_column("Document", key="title", width=title_width)
        for label, key, width in fixed:
            table.add_column(label, key=key, width=width)
        for r in data.rows:
            table.add_row(
                Text(clip(r.title, title_width)),
                r.date,
                STATUS_WORDS.get(r.status, r.status),
                r.progress if wide else r.progress.removesuffix(" answered"),
                str(r.findings),
                key=r.id,
            )
        empty = not data.rows
        table.display = not empty
        self.query_one("#list-empty").display = empty
        done = sum(1 for r in data.rows if r.status == "complete")
        n = len(data.rows)
        self.query_one("#list-status", Static).update(
            f"{n} document{'s' if n != 1 else ''}, {done} reviewed · Enter reviews · a adds a document"
            if n
            else ""
        )
        if selected and selected in {r.id for r in data.rows}:
            table.move_cursor(row=table.get_row_index(selected))
        self.refresh_bindings()
        if n:
            table.focus()

    def selected_id(self) -> str | None:
        table = self.query_one("#documents", DataTable)
        if not table.row_count or not table.display:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def select(self, review_id: str) -> None:
        table = self.query_one("#documents", DataTable)
        if table.row_count:
            table.move_cursor(row=table.get_row_index(review_id))

    def action_back(self) -> None:
        self.dismiss()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.app.push_screen(DocumentReviewScreen(event.row_key.value))

    def action_open_document(self) -> None:
        review_id = self.selected_id()
        if review_id is None:
            self.notify("There is no document yet: press a to add one.")
            return
        self.app.push_screen(DocumentReviewScreen(review_id))

    def action_add_document(self) -> None:
        inspection_id = self.inspection_id

        def chosen(details: DocumentDetails | None) -> None:
            if details is None:
                return

            def added(review_id: str) -> None:
                self.notify(f"“{details.title}” added. Press Enter to review it.", title="Saved")
                announce_change(self)

                def then(data: DocumentListData) -> None:
                    self.show(data)
                    self.select(review_id)

                self.services.read(
                    lambda s: load_document_list(s, inspection_id), then, group="documents"
                )

            self.services.write(lambda s: add_document(s, inspection_id, details), added)

        self.app.push_screen(DocumentDialog(), chosen)

    def action_edit_document(self) -> None:
        review_id = self.selected_id()
        if review_id is None:
            self.notify("There is no document yet: press a to add one.")
            return

        def read(session: Session) -> DocumentDetails:
            from tenant_inspect import models as m
            from tenant_inspect import records

            doc = records.get(session, m.DocumentReview, review_id)
            return DocumentDetails(
                doc.title, doc.document_date, doc.undated, doc.version, doc.source
            )

        def chosen(details: DocumentDetails | None) -> None:
            if details is None:
                return

            def save(session: Session) -> None:
                from tenant_inspect import fieldwork, records
                from tenant_inspect import models as m

                doc = records.get(session, m.DocumentReview, review_id)
                fieldwork.update_document_review(
                    session,
                    doc,
                    title=details.title,
                    document_date=details.document_date,
                    undated=details.undated,
                    version=details.version,
                    source=details.source,
                )

            def saved(_: object) -> None:
                self.notify("Document details saved.", title="Saved")
                announce_change(self)
                self.reload()

            self.services.write(save, saved)

        def edit(details: DocumentDetails) -> None:
            self.app.push_screen(DocumentDialog(details), chosen)

        self.services.read(read, edit)


# ---------------------------------------------------------------------------
# Reviewing one document
# ---------------------------------------------------------------------------


class DocumentReviewScreen(QuestionRunnerScreen):
    """The desktop-review questions for one document, and observations on the whole of it."""

    kind = "review"
    noun = "document review"
    HELP_TITLE = "Document review"

    BINDINGS: ClassVar[list[BindingType]] = [
        *QuestionRunnerScreen.BINDINGS,
        Binding(
            "ctrl+o",
            "observations",
            "Observations",
            id="observations",
            tooltip="Write observations on the whole document (or back to the question)",
            priority=True,
            show=False,  # the Observations label names the key; the Footer is full at 80 columns
        ),
    ]

    def compose_extra(self) -> ComposeResult:
        with Vertical(id="observations-box"):
            yield Label(
                Content.assemble(
                    ("Observations on this document", "bold"),
                    (" — Ctrl+O to write; saved as you type", "dim"),
                ),
                id="observations-label",
            )
            yield FieldTextArea("", id="observations", soft_wrap=True)

    def loader(self) -> Callable[[Session], RunnerData | None]:
        review_id = self.parent_id
        return lambda s: load_review_runner(s, review_id)

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
        kind, parent_id = self.kind, self.parent_id

        def save(session: Session) -> None:
            from tenant_inspect import fieldwork

            review = get_parent(session, kind, parent_id)
            changes: dict[str, object] = {"observations": text}
            if review.status == "not_started":
                changes["status"] = "in_progress"
            fieldwork.update_document_review(session, review, **changes)

        self.typing.typed(f"review:{self.parent_id}:observations", save)
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

    def finding_context(self) -> tuple[str | None, str, tuple[str, ...]]:
        """From the observations area a finding cites the document; elsewhere, the question."""
        area = self.query_one("#observations", TextArea)
        if area.has_focus:
            text = area.selected_text.strip() or area.text.strip()
            return None, text, ()
        return super().finding_context()
