"""Keys for text boxes, bound once on the app: Ctrl+A selects all; Tab leaves the box at once.

**Ctrl+A**: select all the text in a box, so pre-filled text can be typed over.

The finding form opens with the sentence from the notes already in it, and editing a
finding opens with its old wording. Textual's text boxes move to the start of the line on
Ctrl+A (and select all only on F7 or Ctrl+Shift+A, which nobody guesses), so replacing the
text took one Backspace per character. Word, mail and browsers all select everything on
Ctrl+A, so the app binds it once, ahead of every box (a priority binding), to select all the
text in the box that has focus: the next key typed (or Backspace) replaces it. Away from a
text box the key is passed on untouched. Home still goes to the start of the line.

**Tab / Shift+Tab out of a text box** move the focus *before* the next key is read. On a busy
laptop, or when text is pasted, the terminal hands the app "Tab, n, o, t, e, s" in one read.
Textual forwards each key to the focused widget's queue as it reads it, and Tab's usual
binding only runs once the box has bubbled the Tab up, by which time "notes" was queued for
the box being left (and saved in the answer). As a priority binding the move happens while
the app reads the keys, so the rest go to the next field. Away from a text box Tab is passed
on untouched, so lists, buttons and dialogs keep Textual's own handling.
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


def focus_move_bindings() -> list[Binding]:
    """The app's Tab and Shift+Tab bindings for leaving a text box (see the module docstring)."""
    return [
        bind(
            "tab",
            "leave_text_box(1)",
            "Next field",
            "Go to the next field",
            id="leave-text-box-next",
            show=False,
            priority=True,
        ),
        bind(
            "shift+tab",
            "leave_text_box(-1)",
            "Previous field",
            "Go to the previous field",
            id="leave-text-box-previous",
            show=False,
            priority=True,
        ),
    ]


def leave_text_box(screen: Screen[Any], step: int) -> None:
    """Move the focus on now from a text box; elsewhere, let Tab go on as usual."""
    if not isinstance(screen.focused, TextArea | Input):
        raise SkipAction()
    if step > 0:
        screen.focus_next()
    else:
        screen.focus_previous()
