"""The Footer every screen uses, made to fit 80 columns."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer


class FittingFooter(Footer):
    """A compact Footer that drops the "^p palette" key when the terminal is narrow.

    At 80 columns the screen's own keys plus Help and Quit only just fit;
    Ctrl+P still works everywhere and F1 help says so.
    """

    def __init__(self) -> None:
        super().__init__(compact=True)

    def on_resize(self, event: events.Resize) -> None:
        self.show_command_palette = self.app.size.width >= 100
