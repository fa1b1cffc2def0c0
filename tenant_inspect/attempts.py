"""Writes that may be refused, run so a refusal is an answer rather than an exception.

A screen that saves an edit wants "it worked" or "here is why not" back on the UI thread; a
UserError raised inside the app's ordered writer would instead roll back and surface as a
generic failure. :func:`refusable` runs the write in a savepoint, so a refusal undoes only
that write and comes back as a value to show next to the field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from .errors import UserError

if TYPE_CHECKING:
    from sqlmodel import Session

T = TypeVar("T")


def refusable(fn: Callable[[Session], T]) -> Callable[[Session], tuple[T | None, UserError | None]]:
    """Run ``fn`` in a savepoint; a refusal (UserError) is returned to be shown, not raised."""

    def run(session: Session) -> tuple[T | None, UserError | None]:
        try:
            with session.begin_nested():
                return fn(session), None
        except UserError as exc:
            return None, exc

    return run
