"""What the document checker found in a landlord's file, and its proposals to tick.

The checker (``tenant_inspect.document_check``) measures the document — dates, print size,
italics, headings, reading ease, other formats offered — and proposes draft findings and
answers to the desktop-review questions. The inspector decides: every proposal starts
unticked, Space ticks the highlighted one, Ctrl+S records the ticked ones and Esc records
nothing. Nothing is recorded silently.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static
from textual.widgets.selection_list import Selection

from tenant_inspect.document_check.check import Checked, describe

from ..bindings import bind
from ..markup import escape
from ..widgets.fields import TickList
from .base import QuietModal


class ProposalsDialog(QuietModal[list[int] | None]):
    """The figures, then every proposal unticked; gives back the indexes ticked (or None).

    Indexes count the findings first, then the answers, as :attr:`Checked` holds them.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("ctrl+s", "record", "Record ticked", "Record the ticked proposals", priority=True),
        bind("escape", "cancel", "Cancel", "Record nothing"),
    ]

    DEFAULT_CSS = """
    ProposalsDialog .proposals { height: 90%; }
    ProposalsDialog #proposal-figures { height: auto; max-height: 5; overflow-y: auto; }
    ProposalsDialog #proposal-list { height: 1fr; min-height: 6; }
    ProposalsDialog #proposal-full { height: auto; max-height: 3; color: $text-muted; }
    """

    def __init__(self, name: str, checked: Checked) -> None:
        super().__init__()
        self.file_name = name
        self.checked = checked

    def compose(self) -> ComposeResult:
        figures = [line.strip() for line in describe(self.checked)[1:] if line.strip()]
        figures = [
            line
            for line in figures
            if not line.startswith(("To consider", "Proposed", "Long sentence"))
        ]
        lines = [f.line() for f in self.checked.findings] + [a.line() for a in self.checked.answers]
        with Vertical(classes="dialog proposals"):
            yield Static(
                escape(f"What the checker found in {self.file_name}"), classes="dialog-title"
            )
            yield Static(escape("\n".join(figures)), id="proposal-figures")
            yield Static(
                "Tick what to record in this review (Space); nothing is recorded otherwise.",
                classes="dialog-hint",
            )
            # A TickList draws the X only on ticked lines, so nothing looks ticked that is not.
            yield TickList(
                *(Selection(escape(line), str(n), False) for n, line in enumerate(lines)),
                id="proposal-list",
            )
            # The highlighted proposal in full: at 80 columns a line of the list is cut short.
            yield Static(escape(lines[0]) if lines else "", id="proposal-full")
            yield Static(
                "[b]Space[/b] tick  ·  [b]Ctrl+S[/b] record the ticked ones  ·  [b]Esc[/b] record nothing",
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Record ticked", variant="primary", id="record")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#proposal-list", TickList).focus()

    def on_selection_list_selection_highlighted(
        self, event: TickList.SelectionHighlighted[str]
    ) -> None:
        self.query_one("#proposal-full", Static).update(event.selection.prompt)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "record":
            self.action_record()
        else:
            self.action_cancel()

    def action_record(self) -> None:
        self.dismiss(sorted(int(n) for n in self.query_one("#proposal-list", TickList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
