"""The "New inspection" form: validates before anything is written."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..app import TenantInspectApp


class NewInspectionDialog(ModalScreen[str | None]):
    """Asks for title and landlord (required) and the topic (optional); returns the new id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "create", "Create", id="create", tooltip="Create the inspection"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("New inspection", classes="dialog-title")
            yield Label("Title (what the inspection is about) *")
            yield Input(
                placeholder="e.g. Resident involvement: staff pledges and objectives", id="title"
            )
            yield Label("Landlord *")
            yield Input(placeholder="e.g. Riverside Vale Housing Association", id="landlord")
            yield Label("Service or topic (optional)")
            yield Input(placeholder="e.g. Resident involvement", id="topic")
            yield Static("", id="form-errors", classes="form-errors")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Create", variant="primary", id="create")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        order = ["title", "landlord", "topic"]
        current = event.input.id or "title"
        if current != order[-1]:
            self.query_one(f"#{order[order.index(current) + 1]}", Input).focus()
        else:
            self.action_create()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "create":
            self.action_create()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_create(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        landlord = self.query_one("#landlord", Input).value.strip()
        topic = self.query_one("#topic", Input).value.strip()
        problems = []
        if not title:
            problems.append("Give the inspection a title.")
        if not landlord:
            problems.append("Give the landlord's name.")
        errors = self.query_one("#form-errors", Static)
        if problems:
            errors.update("\n".join(problems))
            self.query_one("#title" if not title else "#landlord", Input).focus()
            return
        errors.update("Creating…")

        def create(session: Session) -> str:
            from tenant_inspect.inspections import create_inspection

            return create_inspection(session, title=title, landlord=landlord, topic=topic).id

        app: TenantInspectApp = self.app  # type: ignore[assignment]
        app.write(create, self.dismiss)
