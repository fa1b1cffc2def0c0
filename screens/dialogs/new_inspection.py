"""The "New inspection" form: checked before anything is written, then created in the core."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType

from ..bindings import bind
from .form import Field, Form

if TYPE_CHECKING:
    from sqlmodel import Session

FIELDS = (
    Field(
        "title",
        "Title (what the inspection is about) *",
        placeholder="e.g. Resident involvement: staff pledges and objectives",
        required=True,
        missing="Give the inspection a title.",
    ),
    Field(
        "landlord",
        "Landlord *",
        placeholder="e.g. Riverside Vale Housing Association",
        required=True,
        missing="Give the landlord's name.",
    ),
    Field("topic", "Service or topic (optional)", placeholder="e.g. Resident involvement"),
)


class NewInspectionDialog(Form[str]):
    """Asks for title and landlord (required) and the topic (optional); returns the new id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        bind("ctrl+s", "create", "Create", "Create the inspection"),
    ]

    def __init__(self) -> None:
        super().__init__("New inspection", FIELDS, ok_label="Create", ok_id="create", hint="")

    def action_create(self) -> None:
        self.action_save()

    def finish(self, values: dict[str, str]) -> None:
        """Create it on the app's ordered writer; the dialog closes with the new id."""
        self.say("Creating…")

        def create(session: Session) -> str:
            from tenant_inspect.inspections import create_inspection

            return create_inspection(
                session, title=values["title"], landlord=values["landlord"], topic=values["topic"]
            ).id

        def created(inspection_id: str) -> None:
            self.dismiss(inspection_id)

        self.services.write(create, created)
