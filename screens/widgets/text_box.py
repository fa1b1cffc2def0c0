"""Select all the text in a box with Ctrl+A, so pre-filled text can be typed over.

The finding form opens with the sentence from the notes already in it, and editing a
finding opens with its old wording. Textual's text boxes move to the start of the line on
Ctrl+A (and select all only on F7 or Ctrl+Shift+A, which nobody guesses), so replacing the
text took one Backspace per character. Word, mail and browsers all select everything on
Ctrl+A, so the app binds it once, ahead of every box (a priority binding), to select all the
text in the box that has focus: the next key typed (or Backspace) replaces it. Away from a
text box the key is passed on untouched. Home still goes to the start of the line.
"""

from __future__ import annotations

from typing import Any

from textual.actions import SkipAction
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, TextArea

from ..bindings import bind

#: What the dialogs' hint lines say about it.
SELECT_ALL_HINT = "[b]Ctrl+A[/b] selects all, to type over"


def select_all_binding() -> Binding:
    """The app's Ctrl+A binding; its action is ``select_all_text``."""
    return bind(
        "ctrl+a",
        "select_all_text",
        "Select all",
        "Select all the text in the box, to type over it or delete it",
        id="select-all-text",
        show=False,
        priority=True,
    )


def select_all_text(screen: Screen[Any]) -> None:
    """Select all the text of the focused text box; elsewhere, let the key go on to others."""
    focused = screen.focused
    if not isinstance(focused, TextArea | Input):
        raise SkipAction()
    focused.select_all()
