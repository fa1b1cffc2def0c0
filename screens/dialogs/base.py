"""What the app's dialogs with buttons share, so they all behave the same.

Esc cancels and Ctrl+S saves (:func:`dialog_bindings` makes the pair, with each dialog's
words); each button does what its key does — the button with id ``save`` runs
``action_save``, ``delete`` runs ``action_delete``, any other cancels; and what is wrong with
the answers is said in one line above the buttons (:meth:`Dialog.show_problems`), with the
focus on the first field to put right. (:class:`~screens.dialogs.form.Form` builds the
simplest dialogs from a list of fields.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..bindings import bind

ResultT = TypeVar("ResultT")


def dialog_bindings(
    save: str = "Save",
    tooltip: str = "Save",
    *,
    action: str = "save",
    id: str | None = None,
    cancel: str = "Close without saving",
    save_first: bool = False,
) -> list[BindingType]:
    """Esc cancels (``cancel`` is its tooltip); Ctrl+S runs ``action``, shown as ``save``."""
    cancel_binding = bind("escape", "cancel", "Cancel", cancel)
    save_binding = bind("ctrl+s", action, save, tooltip, id=id, priority=True)
    return [save_binding, cancel_binding] if save_first else [cancel_binding, save_binding]


def dialog_buttons(
    ok: str, ok_id: str = "save", *before: Button, classes: str = "dialog-buttons"
) -> Horizontal:
    """The primary button (``ok``, id ``ok_id``) and Cancel, after any ``before``."""
    return Horizontal(
        *before,
        Button(ok, variant="primary", id=ok_id, compact=True),
        Button("Cancel", id="cancel", compact=True),
        classes=classes,
    )


class QuietModal(ModalScreen[ResultT]):
    """A modal screen that nothing covers: opening it clears the notifications on show.

    Notifications sit top-right, over whatever is there; on a screen that is fine for the
    few seconds they last, but a dialog is read and answered now, and at 80 columns a
    notification hid the end of its question. What they said was about the step before.
    """

    def on_mount(self) -> None:
        self.app.clear_notifications()


class Dialog(QuietModal[ResultT | None]):
    """A modal dialog with buttons named after its actions; Esc and Cancel give back None."""

    #: The line above the buttons that says what is wrong (class ``-empty`` while nothing is).
    ERRORS_ID: ClassVar[str] = "form-errors"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        action: Callable[[], object] | None = getattr(self, f"action_{event.button.id}", None)
        (action or self.action_cancel)()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_problems(self, problems: list[str], focus: str | None = None) -> None:
        """Say what is wrong (nothing clears the line) and focus the field ``focus`` selects."""
        errors = self.query_one(f"#{self.ERRORS_ID}", Static)
        errors.update("\n".join(problems))
        errors.set_class(not problems, "-empty")
        if focus is not None:
            self.query_one(focus).focus()
