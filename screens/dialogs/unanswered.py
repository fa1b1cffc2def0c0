"""The weaknesses no recommendation answers yet, to link one to the selected recommendation.

The screen's warning line only counts them; this dialog names them, so the coordinator can
see what is still unanswered and close the gap with Enter. Nothing is written here: the
chosen finding's id goes back to the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tenant_inspect.views.recommendations import FindingInfo

from ..bindings import bind
from ..markup import escape
from .base import QuietModal


class UnansweredDialog(QuietModal[str | None]):
    """Weaknesses no recommendation answers; Enter returns one to link."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Close", "Back to the recommendations"),
    ]

    DEFAULT_CSS = """
    UnansweredDialog .unanswered-dialog { width: 100; max-width: 100%; height: 100%; max-height: 40; }
    UnansweredDialog .unanswered-title { text-style: bold; height: auto; }
    UnansweredDialog #unanswered-list { height: 1fr; margin: 1 0 0 0; }
    UnansweredDialog .unanswered-hint { color: $text-muted; height: auto; }
    """

    def __init__(self, findings: Sequence[FindingInfo], rec_number: int | None) -> None:
        super().__init__()
        self.findings = list(findings)
        self.rec_number = rec_number

    def compose(self) -> ComposeResult:
        n = len(self.findings)
        with Vertical(classes="dialog unanswered-dialog"):
            yield Static(
                f"{n} weakness{'es' if n != 1 else ''} no recommendation answers",
                classes="unanswered-title",
            )
            options = [
                Option(escape(f"{f.area_letter} · {f.text}"), id=f.id) for f in self.findings
            ]
            if not options:
                options = [Option("Every weakness is answered by a recommendation.", disabled=True)]
            yield OptionList(*options, id="unanswered-list")
            hint = (
                f"[b]Enter[/b] links the weakness to R{self.rec_number}  ·  "
                if self.rec_number
                else "Add a recommendation first to link these to it  ·  "
            )
            yield Static(hint + "[b]Esc[/b] closes", classes="unanswered-hint")

    def on_mount(self) -> None:
        self.query_one("#unanswered-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.rec_number and event.option.id:
            self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
