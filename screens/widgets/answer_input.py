"""Answer widgets: one per question type, all speaking the stored string form.

The question runner (interviews and document reviews) shows whichever widget
a question's type needs — a notes area for text, radio buttons for yes/no, choices and
scales, ticks for several choices (those two in :mod:`.choice_answers`), a checked field for
dates and numbers; :func:`.question_view.make_answer_input` picks it — and only ever
deals with :class:`AnswerInput`: it sets the stored answer (the string
:func:`tenant_inspect.questionnaire.encode_answer` produces) and hears
:class:`AnswerInput.Changed` with the new stored string.
``Changed.typing`` tells the runner whether to debounce the save (typing) or
save at once (a choice was made).

:class:`TypingSaves` routes typing to the app's autosave writer, which
debounces and also writes continuous typing at least every 0.4 s
(``tenant_inspect.autosave.DEFAULT_MAX_WAIT``), as DESIGN.md asks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import (
    Input,
    Static,
    TextArea,
)

from tenant_inspect.dates import DATE_MAX_LEN, DATE_PLACEHOLDER, show_day
from tenant_inspect.questionnaire import Question, encode_answer, validate_answer

from .fields import FieldInput, FieldTextArea
from .quiet import QuietStatic

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..services import AppServices

# ---------------------------------------------------------------------------
# Saving typed text
# ---------------------------------------------------------------------------


class TypingSaves:
    """Saves of typed text through the app's autosave writer.

    ``typed(key, fn)`` on every change; ``leave(key)`` when the typist leaves the
    field (any pending save of ``key`` becomes due now). The debounce and the
    ceiling on how long text may wait unsaved live in
    :class:`tenant_inspect.autosave.AutoSaver`.
    """

    def __init__(self, services: AppServices) -> None:
        self.services = services

    def typed(self, key: str, fn: Callable[[Session], Any]) -> None:
        self.services.autosave(key, fn)

    def leave(self, key: str) -> None:
        self.services.hurry_save(key)


# ---------------------------------------------------------------------------
# The answer widgets
# ---------------------------------------------------------------------------


def how_to_answer(question: Question) -> str:
    """One line under "Answer" saying how to give this kind of answer with the keyboard."""
    if question.type == "text":
        return "type the answer"
    if question.type in ("yes_no", "choice"):
        return "↑↓ move, Enter or Space chooses, Delete clears"
    if question.type == "multi_choice":
        return "tick all that apply: ↑↓ move, Space ticks"
    if question.type == "scale":
        return (
            f"a score from {question.scale_min} to {question.scale_max}: "
            "type the number, or ↑↓ move and Enter chooses"
        )
    if question.type == "date":
        return "a date, e.g. 14/06/2021 or 14 June 2021"
    if question.type == "number":
        return "a number, e.g. 12 or 3.5"
    return ""


class AnswerInput(Vertical):
    """Edits the stored answer to one question; posts :class:`Changed` with the new one."""

    DEFAULT_CSS = """
    AnswerInput { height: auto; }
    AnswerInput .answer-problem { color: $error; text-style: bold; height: auto; }
    """

    class Changed(Message):
        """The answer changed. ``value`` is the stored string ("" means not answered)."""

        def __init__(self, answer_input: AnswerInput, value: str, typing: bool) -> None:
            super().__init__()
            self.answer_input = answer_input
            self.value = value
            self.typing = typing

        @property
        def control(self) -> AnswerInput:
            return self.answer_input

    class Draft(Message):
        """What is typed cannot be the answer yet (``text``), or no longer needs keeping (None).

        The runner keeps it durably until it is corrected (see
        :func:`tenant_inspect.fieldwork.split_draft`).
        """

        def __init__(self, answer_input: AnswerInput, text: str | None) -> None:
            super().__init__()
            self.answer_input = answer_input
            self.text = text

        @property
        def control(self) -> AnswerInput:
            return self.answer_input

    def __init__(self, question: Question, value: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        self._value = value

    @property
    def value(self) -> str:
        """The stored form of the answer as it is now ("" when unanswered)."""
        return self._value

    @property
    def raw_text(self) -> str:
        """What is typed in the field, even if it is not a valid answer (typed fields only)."""
        return self._value

    @property
    def problem(self) -> str | None:
        """Why what is typed cannot be saved, or None."""
        return None

    @property
    def input_widget(self) -> Widget:
        """The widget that takes the focus."""
        return self.query_one("#answer")

    def focus_input(self, *, scroll_visible: bool = True) -> None:
        self.input_widget.focus(scroll_visible=scroll_visible)

    def _changed(self, value: str, typing: bool) -> None:
        if value != self._value:
            self._value = value
            self.post_message(self.Changed(self, value, typing))


class TextAnswer(AnswerInput):
    """A free-text answer: a soft-wrapping text area, saved as the inspector types."""

    DEFAULT_CSS = """
    TextAnswer > TextArea { height: auto; min-height: 4; max-height: 12; }
    """

    def compose(self) -> ComposeResult:
        yield FieldTextArea(self._value, id="answer", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        # A resumed answer is added to, not typed in front of: the cursor starts at the end.
        area = self.text_area
        area.move_cursor(area.document.end)

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#answer", TextArea)

    @property
    def selected_text(self) -> str:
        return self.text_area.selected_text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._changed(event.text_area.text, typing=True)


class TypedAnswer(AnswerInput):
    """A date or a number typed into one line, checked as it is typed.

    Only valid values are passed on as the answer. Invalid text stays in the field with a
    message under it and is passed on as a :class:`AnswerInput.Draft`, which the runner
    saves in the notes marked to correct: nothing the inspector typed disappears, not even
    after a crash.
    """

    def __init__(
        self,
        question: Question,
        value: str = "",
        *,
        id: str | None = None,
        draft: str | None = None,
    ) -> None:
        super().__init__(question, value, id=id)
        self._draft = value if draft is None else draft

    def compose(self) -> ComposeResult:
        if self.question.type == "number":
            yield FieldInput(
                self._draft,
                id="answer",
                type="number",
                placeholder="e.g. 12 or 3.5",
                select_on_focus=False,
            )
        else:
            shown = self._draft
            if shown == self.value and shown:  # a stored date: shown as people write it
                with contextlib.suppress(ValueError):
                    shown = show_day(date.fromisoformat(shown))
            yield FieldInput(
                shown,
                id="answer",
                placeholder=DATE_PLACEHOLDER,
                max_length=DATE_MAX_LEN,
                select_on_focus=False,
            )
        yield QuietStatic(self._problem_text(self._draft), classes="answer-problem")

    def _checked(self, text: str) -> tuple[str, str | None]:
        """(the value to store, or why not): dates are typed as people write them
        ("14/06/2021", "14 June 2021") and stored as YYYY-MM-DD."""
        text = text.strip()
        if self.question.type == "date" and text:
            try:
                return encode_answer(self.question, text), None
            except ValueError as exc:
                return "", str(exc)
        return text, validate_answer(self.question, text)

    def _problem_text(self, text: str) -> str:
        _, problem = self._checked(text)
        if not problem:
            return ""
        return f"Not saved as the answer: {problem}. Kept in the notes, marked to correct."

    @property
    def raw_text(self) -> str:
        return self.query_one("#answer", Input).value

    @property
    def problem(self) -> str | None:
        return self._checked(self.raw_text)[1]

    @property
    def stored_value(self) -> str:
        """What the field holds, in the stored form ("" when it is not a valid answer)."""
        return self._checked(self.raw_text)[0]

    def focus_input(self, *, scroll_visible: bool = True) -> None:
        field = self.query_one("#answer", Input)
        field.focus(scroll_visible=scroll_visible)
        field.cursor_position = len(field.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value.strip()
        self.query_one(".answer-problem", Static).update(self._problem_text(text))
        stored, problem = self._checked(text)
        if problem is None:
            self.post_message(self.Draft(self, None))
            self._changed(stored, typing=True)
        else:
            # The answer is what the field holds: a half-typed value that happened to be
            # valid on the way ("2024-02-3" while typing "2024-02-30") must not stay stored.
            self._changed("", typing=True)
            self.post_message(self.Draft(self, text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in a one-line answer means "done with this field": move on to the notes.
        event.stop()
        self.screen.focus_next()
