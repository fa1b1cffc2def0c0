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
from textual.containers import Vertical
from textual.widgets import Input, Static

from tenant_inspect.dates import DATE_FORMS, DATE_MAX_LEN, DATE_PLACEHOLDER, parse_day, show_day
from tenant_inspect.views.fieldwork import DocumentDetails

from ..widgets.fields import NextOnEnterTickBox, TickBox, form_row, note, noted
from .base import Dialog, dialog_bindings, dialog_buttons

OPTIONAL_SOURCE = "optional, e.g. landlord's website, inspection pack"


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
            title = Input(
                d.title if d else "",
                placeholder="e.g. Tenant Involvement Statement 2023-2026",
                id="title",
                compact=True,
            )
            yield form_row("Title *", noted(title, note("As it appears on the cover.")))
            date = Input(
                show_day(d.document_date) if d and d.document_date else "",
                placeholder=DATE_PLACEHOLDER,
                id="document-date",
                max_length=DATE_MAX_LEN,
                compact=True,
                classes="fw-date",
            )
            undated = NextOnEnterTickBox(
                "Undated: no date anywhere on it",
                d.undated if d else False,
                id="undated",
                compact=True,
            )
            yield form_row("Date on it *", noted(date, undated))
            for label, field_id, value, placeholder in (
                ("Version", "version", d.version if d else "", "optional, e.g. v2, second edition"),
                ("Source", "source", d.source if d else "", OPTIONAL_SOURCE),
            ):
                field = Input(
                    value, placeholder=placeholder, id=field_id, compact=True, classes="fw-field"
                )
                yield form_row(label, field)
            yield Static("", id="form-errors", classes="form-errors -empty")
            yield dialog_buttons("Save" if d else "Add document")
            yield Static(
                "[b]Enter[/b] next field  ·  [b]Space[/b] ticks  ·  [b]Ctrl+S[/b] saves  ·  [b]Esc[/b] cancels",
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
                when = parse_day(date_str)
            except ValueError:
                problems.append(f"“{date_str}” is not a date. {DATE_FORMS}.")
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
