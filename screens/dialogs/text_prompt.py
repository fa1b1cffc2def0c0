"""Ask for one line of text (a name, a number): Enter gives it, Escape cancels.

Used for small edits — renaming an area, adding a team member, the interviews planned —
where a whole form would be more than the task needs. The value is checked before the
dialog closes, so callers only ever receive something they can save.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from ..bindings import bind
from .form import Field, Form, Validator

__all__ = ["TextPromptDialog", "Validator"]


class TextPromptDialog(Form[str]):
    """One labelled line; dismisses with the trimmed text, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Cancel", "Close without changing anything"),
        Binding("ctrl+s", "save", "OK", id="save", show=False, priority=True),
    ]

    def __init__(
        self,
        title: str,
        label: str,
        value: str = "",
        placeholder: str = "",
        *,
        validate: Validator | None = None,
        ok_label: str = "OK",
    ) -> None:
        field = Field(
            "prompt-input",
            label,
            value=value,
            placeholder=placeholder,
            required=True,
            validate=validate,
            error_id="prompt-error",
        )
        super().__init__(title, [field], ok_label=ok_label, classes="prompt-dialog")

    def result(self, values: dict[str, str]) -> str:
        return values["prompt-input"]
