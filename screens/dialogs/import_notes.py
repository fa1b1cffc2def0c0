"""What an XLSForm became, and what could not be kept, before it is added to an inspection.

The notes (a repeat asked once, a calculation left out, a condition that became "always
shown" …) are the coordinator's to judge, so the questionnaire is added only after they
have been shown and the coordinator chose Add. The list scrolls, so a long form's notes
fit an 80×24 screen; Cancel has the focus, so a stray Enter adds nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from ..bindings import bind
from .base import QuietModal


class ImportNotesDialog(QuietModal[bool]):
    """Show ``summary`` and ``notes``; True only when the user chooses ``confirm_label``.

    Without a ``confirm_label`` it only informs (a refused form: its problems, and Close).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Cancel", "Add nothing"),
        bind("ctrl+s", "confirm", "Add", "Add the questionnaire to this inspection", priority=True),
    ]

    DEFAULT_CSS = """
    ImportNotesDialog #import-notes { height: auto; max-height: 14; }
    ImportNotesDialog .import-note { padding: 0 0 0 2; }
    """

    def __init__(self, title: str, summary: str, notes: list[str], confirm_label: str) -> None:
        super().__init__()
        self.title_text = title
        self.summary = summary
        self.notes = notes
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog import-dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.summary), id="import-summary")
            with VerticalScroll(id="import-notes"):
                for note in self.notes:
                    yield Static(Content("• " + note), classes="import-note")
            if self.confirm_label:
                yield Static(
                    Content.from_markup(
                        "[b]Ctrl+S[/b] $label  ·  [b]Esc[/b] Cancel", label=self.confirm_label
                    ),
                    classes="dialog-hint",
                )
            with Horizontal(classes="dialog-buttons"):
                if self.confirm_label:
                    yield Button(self.confirm_label, variant="primary", id="confirm", compact=True)
                yield Button("Cancel" if self.confirm_label else "Close", id="cancel", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(bool(self.confirm_label))

    def action_cancel(self) -> None:
        self.dismiss(False)
