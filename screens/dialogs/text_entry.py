"""A dialog to type one paragraph (a conclusion, a recommendation) and give it back."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from ..bindings import bind
from ..widgets.fields import TEXT_LIMIT
from ..widgets.text_box import SELECT_ALL_HINT
from .form import Field, Form


def _not_too_long(text: str) -> str | None:
    if len(text) > TEXT_LIMIT:
        return f"Too long ({len(text)} characters; at most {TEXT_LIMIT})."
    return None


class TextDialog(Form[str]):
    """Type a paragraph; Ctrl+S gives it back (never empty), Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Cancel", "Close without adding"),
        bind("ctrl+s", "save", "Add", "Add it", priority=True),
    ]

    def __init__(self, title: str, label: str, ok_label: str = "Add") -> None:
        field = Field(
            "text-input",
            label,
            kind="text",
            required=True,
            missing="Type the text first, or press Esc to cancel.",
            validate=_not_too_long,
            error_id="text-error",
        )
        super().__init__(
            title,
            [field],
            ok_label=ok_label,
            hint=f"[b]Ctrl+S[/b] {ok_label.lower()}s it  ·  [b]Esc[/b] cancels  ·  {SELECT_ALL_HINT}",
            classes="text-dialog",
        )

    def result(self, values: dict[str, str]) -> str:
        return values["text-input"]
