"""Name a new area and say what kind it is, in one step.

An area is either a department (its staff are interviewed; interviews are planned for it) or
a theme (findings only, such as value for money). Asking both together means a new area is
never stored with the wrong kind and corrected afterwards.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from ..bindings import bind
from .form import Field, Form

FIELDS = (
    Field(
        "area-name",
        "Name *",
        placeholder="e.g. Customer Services",
        required=True,
        missing="Name: type the department's or theme's name.",
        error_id="area-error",
    ),
    Field(
        "area-kind",
        "Kind",
        kind="choice",
        value="department",
        choices=(
            ("Department — you interview its staff", "department"),
            ("Theme — findings only, e.g. Value for money", "theme"),
        ),
    ),
)


class AddAreaDialog(Form[tuple[str, str]]):
    """Dismisses with (name, kind) — kind "department" or "theme" — or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Cancel", "Close without adding"),
        bind("ctrl+s", "save", "Add", "Add the area", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__("Add an area", FIELDS, ok_label="Add", ok_id="add")

    def result(self, values: dict[str, str]) -> tuple[str, str]:
        return values["area-name"], values["area-kind"]
