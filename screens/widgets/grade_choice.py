"""The four grades as radio buttons, shared by the agreed grade and an inspector's own grade.

Both places must behave alike: the chosen grade is marked without relying on colour, and
the cursor starts on it, so pressing Enter on arrival never silently changes a grade.
"""

from __future__ import annotations

from textual.widgets import RadioSet

from tenant_inspect.vocabulary import GRADE_KEYS, GRADE_LABELS

from .fields import MarkedRadioButton


def grade_radio(grade: str, id: str) -> RadioSet:
    """A radio set of the four grades with ``grade`` chosen ("" for none)."""
    return RadioSet(
        *[MarkedRadioButton(GRADE_LABELS[key], key == grade) for key in GRADE_KEYS],
        id=id,
        compact=True,
    )


def cursor_to_choice(radio: RadioSet) -> None:
    """Start the cursor on the chosen grade, so Enter never silently changes it.

    (A radio set puts its cursor on the first button when it is mounted.)
    """
    for _ in range(max(0, radio.pressed_index)):
        radio.action_next_button()
