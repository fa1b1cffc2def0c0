"""The app's own keys, whatever the screen: F1 help, F2 contrast, Ctrl+Q, Ctrl+P (the
command palette), and the text-box keys bound once on the app (Ctrl+A, Tab out of a box).

Kept apart from :mod:`screens.app`, which owns the store and the writer: this class holds
only what a key does, on top of the key routing of :mod:`screens.type_ahead`, and applies the
stand-ins for Textual's unreleased fixes (:mod:`screens.widgets.textual_fixes`) when the app
is made, before any widget exists.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App
from textual.binding import BindingType

from .bindings import QUIT, bind
from .commands import ScreenActionsProvider
from .themes import DEFAULT_THEME, HIGH_CONTRAST
from .type_ahead import TypeAheadApp
from .widgets.text_box import (
    focus_move_bindings,
    leave_text_box,
    select_all_binding,
    select_all_text,
)
from .widgets.textual_fixes import apply_textual_fixes


class AppKeys(TypeAheadApp):
    """The keys every screen shares (see the module docstring)."""

    COMMANDS: ClassVar[set[Any]] = {*App.COMMANDS, ScreenActionsProvider}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("f1", "help", "Help", "Keys for this screen"),
        QUIT,
        bind(
            "f2",
            "toggle_contrast",
            "Contrast",
            "High-contrast theme on or off",
            id="contrast",
            show=False,
        ),
        select_all_binding(),
        *focus_move_bindings(),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        apply_textual_fixes()  # before any widget is made
        super().__init__(*args, **kwargs)

    def action_help(self) -> None:
        from .dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def action_select_all_text(self) -> None:
        select_all_text(self.screen)

    def action_leave_text_box(self, step: int) -> None:
        leave_text_box(self.screen, step)

    def action_toggle_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name
