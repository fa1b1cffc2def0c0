"""Read the evidence behind a finding: the question, the answer and notes, or the document.

Before a finding goes into the report the coordinator checks what it rests on. The lines
come ready in words from :func:`tenant_inspect.views.board.load_evidence`; this dialog only
shows them.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tenant_inspect.views.board import EvidenceView

from ..bindings import bind
from ..markup import escape
from .base import QuietModal


class EvidenceDialog(QuietModal[None]):
    """Read the evidence behind a finding. Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "close", "Close", "Back to the findings"),
        Binding("v", "close", "Close", show=False),
    ]

    DEFAULT_CSS = """
    EvidenceDialog .evidence-dialog { width: 90; max-width: 100%; height: auto; max-height: 100%; }
    EvidenceDialog #evidence-body { height: auto; max-height: 100%; }
    EvidenceDialog .evidence-label { text-style: bold; padding: 1 0 0 0; height: auto; }
    EvidenceDialog .evidence-text { height: auto; }
    EvidenceDialog .evidence-title { text-style: bold; height: auto; }
    EvidenceDialog .evidence-label.-first { padding: 0; }
    EvidenceDialog .evidence-hint { color: $text-muted; height: auto; margin: 1 0 0 0; }
    """

    def __init__(self, view: EvidenceView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog evidence-dialog"):
            yield Static(escape(self.view.title), classes="evidence-title")
            with VerticalScroll(id="evidence-body"):
                for index, (label, text) in enumerate(self.view.lines):
                    yield Static(label, classes="evidence-label" + (" -first" if not index else ""))
                    yield Static(escape(text), classes="evidence-text")
            yield Static("[b]Esc[/b] closes  ·  ↑↓ scroll", classes="evidence-hint")

    def on_mount(self) -> None:
        self.query_one("#evidence-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
