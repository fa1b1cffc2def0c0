"""Writing one text from both versions of a conflict (the Conflicts screen's m).

The text area starts with both versions, the one shown now first; Ctrl+S keeps what is
written and settles the conflict, Esc closes without deciding but hands the text back, so
the screen can offer it again (a half-merged text is never lost to a stray Esc).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static, TextArea

from ..markup import escape
from .base import Dialog, dialog_bindings

if TYPE_CHECKING:
    from tenant_inspect.views.conflicts import ConflictItem


@dataclass(frozen=True)
class MergeOutcome:
    text: str
    save: bool  # False: cancelled (the text is kept as a draft)


class MergeDialog(Dialog[MergeOutcome]):
    """A text area prefilled with both versions; Ctrl+S keeps what is written."""

    BINDINGS: ClassVar[list[BindingType]] = dialog_bindings(
        "Save merged text",
        "Keep this text and settle the conflict",
        id="save-merged",
        cancel="Close; nothing is decided",
        save_first=True,
    )

    ERRORS_ID = "merge-error"

    DEFAULT_CSS = """
    MergeDialog .merge-dialog { height: 100%; }
    MergeDialog #merged-text { height: 1fr; min-height: 4; }
    MergeDialog .merge-hint { width: 1fr; }
    """

    def __init__(self, item: ConflictItem, text: str) -> None:
        super().__init__()
        self.item = item
        self.initial_text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog merge-dialog"):
            yield Static(f"Write one text: {escape(self.item.title)}", classes="dialog-title")
            yield Static(
                "Both versions are below, the one shown now first. Edit them into one text; "
                "it replaces both on every laptop after the next exchange of files."
            )
            yield TextArea(self.initial_text, soft_wrap=True, id="merged-text")
            yield Static("", id="merge-error", classes="form-errors")
            with Horizontal(classes="dialog-buttons"):
                yield Static(
                    "[b]Ctrl+S[/b] Save  ·  [b]Esc[/b] Cancel", classes="dialog-hint merge-hint"
                )
                yield Button("Save merged text", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#merged-text", TextArea).focus()

    def action_save(self) -> None:
        text = self.query_one("#merged-text", TextArea).text
        if not text.strip():
            self.show_problems(
                ["The merged text is empty: write it, or press Esc and keep one version."]
            )
            return
        self.dismiss(MergeOutcome(text, True))

    def action_cancel(self) -> None:
        self.dismiss(MergeOutcome(self.query_one("#merged-text", TextArea).text, False))
