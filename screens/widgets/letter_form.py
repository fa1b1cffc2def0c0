"""One part of the letter to residents as a form: its text, saved as it is typed.

A part's text starts as the draft (:mod:`tenant_inspect.report.letter.drafts`); the first
change stores the coordinator's own wording (:mod:`tenant_inspect.letter_texts`). Under the
text, its reading ease as it stands, so a coordinator sees a sentence get easier as they
shorten it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.widgets import TextArea

from tenant_inspect.letter_texts import set_letter_text
from tenant_inspect.report.letter.parts import LetterPartView

from .autosave_form import AutosaveForm
from .quiet import QuietStatic

if TYPE_CHECKING:
    from sqlmodel import Session


class LetterForm(AutosaveForm):
    """The text of the part chosen in the list."""

    PREFIX = "l-"
    TABLE = "letter_text"
    TEXT_FIELDS = ("text",)
    NAMED = ("text",)
    FIELD_NAMES: ClassVar[dict[str, str]] = {"text": "The letter's text"}

    def compose(self) -> ComposeResult:
        yield QuietStatic("", id="l-label", classes="form-head")
        yield TextArea(id="l-text", soft_wrap=True, classes="form-text", compact=True)
        # Updated on every keystroke: it lays the screen out only when it needs more lines.
        yield QuietStatic("", id="l-note", classes="form-note")

    def stored(self, row: Any, field: str) -> str:
        assert isinstance(row, LetterPartView)
        return row.text

    def write(self, row: Any, field: str, value: Any) -> Callable[[Session], Any]:
        assert isinstance(row, LetterPartView)
        inspection_id, part, subject = self.inspection_id, row.part, row.subject_id
        return lambda s: set_letter_text(s, inspection_id, part, value, subject)
