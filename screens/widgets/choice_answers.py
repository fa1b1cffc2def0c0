"""Answers chosen rather than typed: one of several options, or any number of them.

Split from :mod:`.answer_input` (which holds the base class and the typed answers) so each
module stays readable in one sitting. Yes/no, choice and scale questions share
:class:`ChoiceAnswer` (radio buttons, with digits choosing on a scale); a multiple choice is
:class:`MultiChoiceAnswer` (ticks, stored as a JSON list in option order).
"""

from __future__ import annotations

import json
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import RadioSet, SelectionList

from tenant_inspect.questionnaire import Question

from .answer_input import AnswerInput
from .fields import MarkedRadioButton, TickList


class ChoiceAnswer(AnswerInput):
    """One answer out of several (yes/no, a choice, or a point on a scale)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "delete,backspace",
            "clear",
            "Clear answer",
            tooltip="Remove the chosen answer",
            show=False,
        ),
    ]

    # Compact (no box) to leave room for the question at 80×24: the shaded block is
    # the answer, and the cursor bar shows in it when it has the focus.
    DEFAULT_CSS = """
    ChoiceAnswer > RadioSet { width: 100%; }
    """

    def __init__(self, question: Question, value: str = "", *, id: str | None = None) -> None:
        super().__init__(question, value, id=id)
        self.options = self._options(question)

    @staticmethod
    def _options(question: Question) -> list[tuple[str, str]]:
        """(stored value, label) pairs in the order shown."""
        if question.type == "scale":
            low, high = question.scale_labels or ("", "")
            out = []
            for n in range(question.scale_min, question.scale_max + 1):
                label = str(n)
                if n == question.scale_min and low:
                    label += f" — {low}"
                elif n == question.scale_max and high:
                    label += f" — {high}"
                out.append((str(n), label))
            return out
        return [(o.value, o.label) for o in question.choices]

    def compose(self) -> ComposeResult:
        yield RadioSet(
            *[MarkedRadioButton(label, value == self._value) for value, label in self.options],
            id="answer",
            compact=True,
        )

    def on_mount(self) -> None:
        # After the radio set has put its cursor on the first option (its own mount).
        self.call_after_refresh(self._cursor_to_answer)

    def _cursor_to_answer(self) -> None:
        """Start the cursor on the chosen answer, so Enter never silently changes it."""
        chosen = next((i for i, (v, _) in enumerate(self.options) if v == self._value), 0)
        radio = self.query_one("#answer", RadioSet)
        for _ in range(chosen):
            radio.action_next_button()

    def on_key(self, event: events.Key) -> None:
        """On a scale, typing a score's digit chooses it (the hint says the scale is numbers)."""
        if self.question.type != "scale" or event.character is None:
            return
        index = next((i for i, (v, _) in enumerate(self.options) if v == event.character), None)
        if index is None:
            return
        event.stop()
        event.prevent_default()
        radio = self.query_one("#answer", RadioSet)
        radio._selected = index  # the cursor follows the choice, as Enter would leave it
        button = list(radio.query(MarkedRadioButton))[index]
        button.value = True

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.index >= 0:
            self._changed(self.options[event.index][0], typing=False)

    async def action_clear(self) -> None:
        if not self._value:
            return
        had_focus = self.input_widget.has_focus
        self._changed("", typing=False)
        await self.recompose()
        if had_focus:
            self.focus_input()


class MultiChoiceAnswer(AnswerInput):
    """Any number of options, stored as a JSON list in option order."""

    DEFAULT_CSS = """
    MultiChoiceAnswer > TickList { height: auto; max-height: 12; }
    """

    def compose(self) -> ComposeResult:
        try:
            chosen = set(json.loads(self._value)) if self._value.startswith("[") else set()
        except ValueError:
            chosen = set()
        yield TickList(
            *[(o.label, o.value, o.value in chosen) for o in self.question.choices],
            id="answer",
            compact=True,
        )

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        chosen = set(event.selection_list.selected)
        ordered = [o.value for o in self.question.choices if o.value in chosen]
        self._changed(json.dumps(ordered, ensure_ascii=False) if ordered else "", typing=False)
