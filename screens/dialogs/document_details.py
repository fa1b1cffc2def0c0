"""The document form: a landlord document's title, its date (or undated), version and source.

What the inspector gives here is also filled into the matching desktop-review questions
(:func:`tenant_inspect.edits.fieldwork.add_document`), so the date rules are checked before
anything is written: a date, or Undated, never neither.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from tenant_inspect.views.fieldwork import DocumentDetails

from ..widgets.fields import TickBox
from .base import Dialog, dialog_bindings


class DocumentDialog(Dialog[DocumentDetails]):
    """Add a document to the desktop review: title, its date (or undated), version, source."""

    CSS_PATH = "../fieldwork.tcss"

    BINDINGS: ClassVar[list[BindingType]] = dialog_bindings(
        tooltip="Add the document", id="save-document"
    )

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
            self.show_problems(problems, first_bad)
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
