"""Messages screens exchange with the app."""

from collections.abc import Callable
from typing import Any

from textual.message import Message


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
