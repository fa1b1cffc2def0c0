"""Messages screens exchange with the app."""

from textual.message import Message


class StoreReady(Message):
    """The database is open (posted to every screen on the stack)."""


class DataChanged(Message):
    """Something was written; screens showing lists should reload."""
