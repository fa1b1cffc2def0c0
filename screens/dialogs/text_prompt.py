"""Ask for one line of text (a name, a number): Enter gives it, Escape cancels.

Used for small edits — a new area's name, renaming, a team member — where a
whole form would be more than the task needs. The value is checked before the
dialog closes, so callers only ever receive something they can save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

#: A check on the typed text: None when it is fine, else a sentence saying what is wrong.
Validator = Callable[[str], str | None]


class TextPromptDialog(ModalScreen[str | None]):
    """One labelled Input; dismisses with the stripped text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", "Cancel", id="cancel", tooltip="Close without changing anything"
        ),
    ]

    def __init__(
        self,
        title: str,
        label: str,
        value: str = "",
        placeholder: str = "",
        *,
        validate: Validator | None = None,
        ok_label: str = "OK",
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.label = label
        self.initial_value = value
        self.placeholder = placeholder
        self.check = validate
        self.ok_label = ok_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog prompt-dialog"):
            yield Static(self.prompt_title, classes="dialog-title")
            yield Label(self.label, id="prompt-label")
            yield Input(self.initial_value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", id="prompt-error", classes="form-errors")
            yield Static("[b]Enter[/b] OK  ·  [b]Esc[/b] Cancel", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.ok_label, variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#prompt-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.submit()
        else:
            self.action_cancel()

    def submit(self) -> None:
        """Close with the text if it passes the checks; otherwise say why and stay open."""
        text = self.query_one("#prompt-input", Input).value.strip()
        problem = (
            None
            if text
            else f"{self.label.rstrip(':*').strip()}: please type something, or press Esc to cancel."
        )
        if problem is None and self.check is not None:
            problem = self.check(text)
        if problem:
            self.query_one("#prompt-error", Static).update(problem)
            self.query_one("#prompt-input", Input).focus()
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
