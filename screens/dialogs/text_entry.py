"""A dialog to type one paragraph (a conclusion, an action, a note) and give it back."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from ..markup import escape

#: Longest paragraph accepted (a whole page is far less; this only stops a runaway paste).
TEXT_LIMIT = 100_000


class TextDialog(ModalScreen[str | None]):
    """Type a paragraph; Ctrl+S gives it back (never empty), Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Close without adding"),
        Binding("ctrl+s", "save", "Add", id="save", tooltip="Add it", priority=True),
    ]

    DEFAULT_CSS = """
    TextDialog .text-dialog { width: 76; max-width: 100%; height: auto; }
    TextDialog .text-title { text-style: bold; height: auto; }
    TextDialog .text-label { height: auto; color: $text-muted; margin: 1 0 0 0; }
    TextDialog #text-input { height: 6; }
    TextDialog #text-error { color: $error; text-style: bold; height: auto; }
    TextDialog .text-buttons { height: 1; align: right middle; margin: 1 0 0 0; }
    TextDialog .text-buttons Button { margin-left: 2; }
    TextDialog .text-hint { color: $text-muted; height: auto; }
    """

    def __init__(self, title: str, label: str, ok_label: str = "Add") -> None:
        super().__init__()
        self.title_text = title
        self.label = label
        self.ok_label = ok_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog text-dialog"):
            yield Static(escape(self.title_text), classes="text-title")
            yield Static(escape(self.label), classes="text-label")
            yield TextArea(id="text-input", soft_wrap=True)
            yield Static("", id="text-error")
            with Horizontal(classes="text-buttons"):
                yield Button(self.ok_label, variant="primary", id="ok", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static(
                f"[b]Ctrl+S[/b] {self.ok_label.lower()}s it  ·  [b]Esc[/b] cancels",
                classes="text-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#text-input", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        text = self.query_one("#text-input", TextArea).text.strip()
        if not text:
            self.query_one("#text-error", Static).update(
                "Type the text first, or press Esc to cancel."
            )
            return
        if len(text) > TEXT_LIMIT:
            self.query_one("#text-error", Static).update(
                f"Too long ({len(text)} characters; at most {TEXT_LIMIT})."
            )
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
