"""A yes/no question before anything is removed.

Removing is the one thing in the app that is not undone by typing again, so
it always asks first. Cancel has the focus, so a stray Enter keeps the data;
the confirming button names what will happen ("Remove"), never just "OK".
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ..bindings import bind
from .base import QuietModal


class ConfirmDialog(QuietModal[bool]):
    """Ask ``question``; dismiss with True only when the user confirms."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Cancel", "Keep it: change nothing"),
        Binding("n", "cancel", "No", show=False),
        bind("y", "confirm", "Yes", "Do it"),
    ]

    def __init__(self, question: str, confirm_label: str = "Remove") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm-dialog"):
            yield Static(self.question, id="confirm-question")
            yield Static(
                f"[b]y[/b] {self.confirm_label}  ·  [b]Esc[/b] Cancel  ·  or Tab to a button and press Enter",
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.confirm_label, variant="error", id="confirm")
                yield Button("Cancel", variant="primary", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
