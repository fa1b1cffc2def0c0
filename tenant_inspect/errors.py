"""Errors a user can act on.

A :class:`UserError` is printed by the CLI as one line (exit status 1) and
shown by the TUI as a notification; anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user asked for cannot be done; the message says why and where."""


class NotFound(UserError):
    """An id or id prefix matched nothing (or, for prefixes, more than one thing)."""


class ValidationError(UserError):
    """Input failed validation; ``problems`` lists every field at fault."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))
