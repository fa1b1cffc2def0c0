"""Choose the area a finding belongs to (or no area), to move it there from the board.

Findings often land in the wrong area when an interview touched several; the coordinator
moves them while tidying. The dialog returns the area id, :data:`NO_AREA` for "no area",
or None when cancelled; the board writes the move.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tenant_inspect.views.board import NO_AREA
from tenant_inspect.views.shared import AreaData

from ..bindings import bind
from ..markup import clip, escape
from .base import QuietModal


class AreaPickerDialog(QuietModal[str | None]):
    """Choose the area to move a finding to; returns the area id (or NO_AREA)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Cancel", "Leave it where it is"),
    ]

    DEFAULT_CSS = """
    AreaPickerDialog .area-dialog { width: 60; }
    AreaPickerDialog #area-choices { height: auto; max-height: 16; }
    AreaPickerDialog .area-title { text-style: bold; height: auto; }
    AreaPickerDialog .area-hint { color: $text-muted; height: auto; }
    AreaPickerDialog #area-finding { color: $text-muted; height: auto; max-height: 3; }
    """

    def __init__(self, areas: Sequence[AreaData], current: str | None, text: str) -> None:
        super().__init__()
        self.areas = areas
        self.current = current
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog area-dialog"):
            yield Static("Move the finding to another area", classes="area-title")
            yield Static(escape(clip(self.text, 160)), id="area-finding")
            options = [
                Option(
                    escape(a.title + ("  (where it is now)" if a.id == self.current else "")),
                    id=a.id,
                )
                for a in self.areas
            ]
            options.append(
                Option(
                    "No area" + ("  (where it is now)" if self.current is None else ""), id=NO_AREA
                )
            )
            yield OptionList(*options, id="area-choices")
            yield Static(
                "[b]↑↓[/b] choose  ·  [b]Enter[/b] move  ·  [b]Esc[/b] cancel",
                classes="area-hint",
            )

    def on_mount(self) -> None:
        choices = self.query_one("#area-choices", OptionList)
        ids = [a.id for a in self.areas] + [NO_AREA]
        current = self.current or NO_AREA
        choices.highlighted = ids.index(current) if current in ids else 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
