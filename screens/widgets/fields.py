"""Form fields that leave the question runner's keys alone and do not rely on colour.

The runner's Ctrl keys must work from inside any field, so these text fields and lists
give up the few keys they would otherwise claim (:data:`RUNNER_KEYS`). Textual's radio
buttons, checkboxes and selection lists show the same glyph on and off and differ only in
colour; :class:`MarkedRadioButton`, :class:`TickBox` and :class:`TickList` blank the glyph
when off, so inspectors never have to rely on colour. Every form in the app uses them.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import (
    Checkbox,
    Input,
    Label,
    OptionList,
    RadioButton,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import OptionDoesNotExist

from .quiet import QuietInput

#: Longest paragraph accepted (a whole page is far less; this only stops a runaway paste).
TEXT_LIMIT = 100_000

#: Keys the question runner uses for itself. Text fields here do not claim them, so the
#: runner's keys work from any field and the Footer lists them in the same order wherever
#: the focus is. (TextArea loses Ctrl+E "line end" — End does it — Ctrl+K "delete to line
#: end", and PgUp/PgDn cursor paging inside a notes area.)
RUNNER_KEYS = frozenset(
    {
        "pageup",
        "pagedown",
        "ctrl+n",
        "ctrl+b",
        "ctrl+k",
        "ctrl+g",
        "ctrl+f",
        "ctrl+l",
        "ctrl+e",
        "ctrl+o",
    }
)


def bindings_without(widget_class: type[Widget], keys: frozenset[str]) -> list[BindingType]:
    """All bindings ``widget_class`` has (its own and inherited), less ``keys``.

    For subclasses declared with ``inherit_bindings=False``: the result is the
    complete set, so nothing but the named keys is lost. As in Textual's own
    merge, a class's binding for a key replaces its ancestors' bindings for it
    (a list's "down" moves the cursor instead of scrolling).
    """
    merged: dict[str, list[Binding]] = {}
    for base in reversed(widget_class.__mro__):
        level: dict[str, list[Binding]] = {}
        for item in base.__dict__.get("BINDINGS", ()):
            binding = item if isinstance(item, Binding) else Binding(*item)
            for key in binding.key.split(","):
                key = key.strip()
                level.setdefault(key, []).append(dataclasses.replace(binding, key=key))
        merged.update(level)
    return [b for key, found in merged.items() if key not in keys for b in found]


class FieldTextArea(TextArea, inherit_bindings=False):
    """A soft-wrapping text area that leaves the runner's keys to the runner."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_without(TextArea, RUNNER_KEYS)


class FieldInput(QuietInput, inherit_bindings=False):
    """A one-line input that leaves the runner's keys to the runner (and typing in it lays
    nothing out when its size is fixed)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_without(Input, RUNNER_KEYS)


class FieldOptionList(OptionList, inherit_bindings=False):
    """An option list that leaves the runner's keys (PgUp/PgDn ...) to the runner."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_without(OptionList, RUNNER_KEYS)


# ---------------------------------------------------------------------------
# Toggles that do not rely on colour
# ---------------------------------------------------------------------------


class MarkedRadioButton(RadioButton):
    """A radio button whose dot is only drawn when it is chosen."""

    def render(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super().render()


class TickBox(Checkbox):
    """A checkbox whose X is only drawn when it is ticked."""

    def render(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super().render()


class NextOnEnterTickBox(TickBox, inherit_bindings=False):
    """A tick box where Enter moves on, as the hint says, and only Space ticks.

    A plain checkbox ticks on Enter too: in a form where Enter means "next field", an
    inspector who typed a document's date and pressed Enter twice ticked Undated and lost
    the date; on the interview form, the same two presses would tick Consent.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Tick", show=False),
        Binding("enter", "next_field", "Next field", show=False),
    ]

    def action_next_field(self) -> None:
        self.screen.focus_next()


class TickList(SelectionList[str], inherit_bindings=False):
    """A selection list whose X is only drawn on ticked lines (and leaves the runner's keys)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_without(SelectionList, RUNNER_KEYS)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if selection.value in self.selected:
            return strip
        segments = list(strip)
        if len(segments) > 2 and segments[1].text == Checkbox.BUTTON_INNER:
            inner = segments[1]
            segments[1] = Segment(" ", inner.style, inner.control)
            return Strip(segments, strip.cell_length)
        return strip


def form_row(label: str, field: Widget) -> Horizontal:
    """One row of a fieldwork form: the label, and beside it the field (of class fw-field)."""
    return Horizontal(Label(label, classes="fw-label"), field, classes="fw-row")


def noted(*widgets: Widget) -> Vertical:
    """A form field with what goes under it (a note, a tick box), as one fw-field."""
    return Vertical(*widgets, classes="fw-field")


def note(text: str, *, id: str | None = None, classes: str = "fw-note") -> Static:
    """A line explaining a field (or why there is nothing to choose yet)."""
    return Static(text, id=id, classes=classes)
