"""Messages screens exchange with the app."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from textual.screen import Screen


class StoreReady(Message):
    """The database is open (posted to every screen on the stack)."""


class DataChanged(Message):
    """Something was written; screens showing lists should reload."""


class Deferred(Message):
    """Run ``fn(*args)`` on the UI thread; posted (not awaited) by background threads."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.fn = fn
        self.args = args


def announce_change(screen: Screen[Any]) -> None:
    """Tell the screens underneath that data changed, so their lists are fresh on return."""
    for other in screen.app.screen_stack:
        if other is not screen:
            other.post_message(DataChanged())
