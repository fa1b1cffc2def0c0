"""The Footer every screen uses, made to fit 80 columns, and redrawn only when it changes."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


class FittingFooter(Footer):
    """A compact Footer that drops the "^p palette" key when the terminal is narrow.

    At 80 columns the screen's own keys plus Help and Quit only just fit;
    Ctrl+P still works everywhere and F1 help says so.

    Textual's Footer rebuilds all its keys (a dozen widgets, each styled as it mounts)
    whenever the screen's bindings *may* have changed: at every focus move and every
    ``refresh_bindings``. Most of those times the keys shown are exactly the same, and the
    rebuild was the largest single cost of moving between fields (about 2 ms per key). So
    the keys shown are compared first, and the footer is rebuilt only when they differ.
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._composed: Hashable = None

    def on_resize(self, event: events.Resize) -> None:
        self.show_command_palette = self.app.size.width >= 100

    def _shown(self) -> Hashable:
        """What the footer would show now: each key with its words and state."""
        keys = tuple(
            (
                binding.key,
                binding.description,
                binding.action,
                binding.group,
                enabled,
                tooltip,
            )
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
        return keys, self.show_command_palette, self.compact

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._composed = self._shown()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if (
            self._bindings_ready
            and self.is_attached
            and screen is self.screen
            and self._composed is not None
            and self._shown() == self._composed
        ):
            return  # the same keys: nothing to redraw
        super().bindings_changed(screen)
