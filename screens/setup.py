"""Set-up: the inspection's details and report texts, its areas and its team.

Saved as you type: every field is written through ``app.autosave`` a moment
after typing pauses, and at once when the cursor leaves the field — there is
no save command because none is needed. A value that cannot be saved (a date
written "3rd March", an empty title) is *not* saved: the field keeps the text
and a message under it names the field and says how to write it, so nothing
typed is lost and nothing wrong is stored.

Areas and the team change through small dialogs and one-off ordered writes
(``app.write``); when the service refuses (an area that still has interviews
filed under it), its own message is shown in the tab.

The four tabs keep the screen within 80×24; their keys are screen bindings
that are enabled only on their own tab, so the Footer, F1 help and the
command palette always show exactly what can be done where the user is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    DataTable,
    Header,
    Input,
    Label,
    Select,
    Static,
    TabbedContent,
    TabPane,
    Tabs,
    TextArea,
)

from tenant_inspect.dates import parse_day
from tenant_inspect.errors import UserError
from tenant_inspect.vocabulary import INSPECTION_STATUS_WORDS as STATUS_WORDS

from .base import InspectionScreen
from .dialogs.confirm import ConfirmDialog
from .dialogs.text_prompt import TextPromptDialog
from .markup import escape
from .messages import DataChanged
from .widgets.footer import FittingFooter

if TYPE_CHECKING:
    from sqlmodel import Session

#: Short details: (field, label, placeholder). Shown as one-line inputs on the Details tab.
SHORT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("title", "Title *", "What the inspection is about"),
    ("landlord", "Landlord *", "The landlord's name"),
    ("topic", "Topic", "The service inspected, e.g. Resident involvement"),
    ("report_number", "Report number", "e.g. TI/2025/03"),
    ("start_date", "Start date", "YYYY-MM-DD, e.g. 2025-03-14"),
    ("end_date", "End date", "YYYY-MM-DD"),
    ("report_date", "Report date", "YYYY-MM-DD"),
)

#: Longer texts of the report, edited as multi-line text areas on the Texts tab.
LONG_FIELDS: tuple[tuple[str, str], ...] = (
    ("scope", "Scope — what the inspection covers and what it leaves out"),
    ("preface", "Preface — who the inspectors are (start of the report)"),
    ("acknowledgements", "Acknowledgements — who helped"),
    ("introduction", "Introduction — why this service was chosen"),
    ("methodology", "Methodology — how you inspected"),
    ("other_methods", "Other methods — mystery shopping, site visits …"),
)

DATE_FIELDS = frozenset({"start_date", "end_date", "report_date"})
REQUIRED = {"title": "the inspection needs a title", "landlord": "give the landlord's name"}
#: Same limits as the service layer (tenant_inspect.records.RULES), checked here as you type.
MAX_LENGTH = {"title": 200, "landlord": 200, "topic": 200, "report_number": 50}
TEXT_LIMIT = 100_000

FIELD_NAMES = {field: label.rstrip(" *") for field, label, _ in SHORT_FIELDS} | {
    field: label.split(" — ")[0] for field, label in LONG_FIELDS
}

KIND_WORDS = {"desktop_review": "Desktop review", "department": "Department", "theme": "Theme"}


def check_field(field: str, text: str) -> tuple[Any, str | None]:
    """The value to store for what was typed, or a message naming the field and the fix."""
    name = FIELD_NAMES.get(field, field)
    if field in DATE_FIELDS:
        if not text.strip():
            return None, None
        try:
            return parse_day(text), None
        except ValueError:
            return None, (
                f"{name}: “{text.strip()}” is not a date. Write it as YYYY-MM-DD, "
                "for example 2025-03-14. Not saved until it is a date."
            )
    if field in MAX_LENGTH:
        value = text.strip()
        if field in REQUIRED and not value:
            return None, f"{name}: {REQUIRED[field]}. Not saved while it is empty."
        if len(value) > MAX_LENGTH[field]:
            return (
                None,
                f"{name}: too long ({len(value)} characters; at most {MAX_LENGTH[field]}). Not saved.",
            )
        return value, None
    if len(text) > TEXT_LIMIT:
        return None, f"{name}: too long ({len(text)} characters; at most {TEXT_LIMIT}). Not saved."
    return text, None


def check_planned(text: str) -> str | None:
    """Validator for 'interviews planned' (a whole number, as the service allows)."""
    if not text.isdigit() or int(text) > 500:
        return "Interviews planned: type a whole number from 0 to 500, for example 3."
    return None


# ---------------------------------------------------------------------------
# Reads and writes (run off the UI thread through app.read / app.write / app.autosave)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaLine:
    id: str
    letter: str
    name: str
    kind: str
    interviews_planned: int


@dataclass(frozen=True)
class MemberLine:
    id: str
    name: str
    role: str


def load_details(session: Session, inspection_id: str) -> dict[str, Any]:
    from tenant_inspect import inspections

    inspection = inspections.get_inspection(session, inspection_id)
    names = [f for f, _, _ in SHORT_FIELDS] + [f for f, _ in LONG_FIELDS] + ["status"]
    return {name: getattr(inspection, name) for name in names}


def load_lists(session: Session, inspection_id: str) -> tuple[list[AreaLine], list[MemberLine]]:
    from tenant_inspect import inspections

    areas = [
        AreaLine(a.id, inspections.area_letter(i), a.name, a.kind, a.interviews_planned)
        for i, a in enumerate(inspections.areas(session, inspection_id))
    ]
    team = [MemberLine(t.id, t.name, t.role) for t in inspections.team(session, inspection_id)]
    return areas, team


def save_field(inspection_id: str, field: str, value: Any) -> Callable[[Session], None]:
    """A save of one detail, for the autosave queue."""

    def save(session: Session) -> None:
        from tenant_inspect import inspections

        inspection = inspections.get_inspection(session, inspection_id)
        inspections.update_inspection(session, inspection, **{field: value})

    return save


def refusable(fn: Callable[[Session], Any]) -> Callable[[Session], tuple[Any, UserError | None]]:
    """Run ``fn`` in a savepoint; a refusal (UserError) is returned, not raised.

    The service's message is what the user should read ("area 'Repairs' still
    has 1 interviews; move or delete them first"), so it is shown in the tab
    rather than as a failed save; the savepoint guarantees a refused change
    leaves nothing half-written.
    """

    def run(session: Session) -> tuple[Any, UserError | None]:
        try:
            with session.begin_nested():
                return fn(session), None
        except UserError as exc:
            return None, exc

    return run


# ---------------------------------------------------------------------------
# The add-area dialog (name and kind together)
# ---------------------------------------------------------------------------


class AddAreaDialog(ModalScreen[tuple[str, str] | None]):
    """Name a new area and say whether it is a department (interviewed) or a theme."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Close without adding"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Add an area", classes="dialog-title")
            yield Label("Name *")
            yield Input(placeholder="e.g. Customer Services", id="area-name")
            yield Label("Kind")
            yield Select(
                [
                    ("Department — you interview its staff", "department"),
                    ("Theme — findings only, e.g. Value for money", "theme"),
                ],
                allow_blank=False,
                value="department",
                id="area-kind",
                compact=True,
            )
            yield Static("", id="area-error", classes="form-errors")
            yield Static("[b]Enter[/b] Add  ·  [b]Esc[/b] Cancel", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add", variant="primary", id="add")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#area-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "add":
            self.submit()
        else:
            self.action_cancel()

    def submit(self) -> None:
        name = self.query_one("#area-name", Input).value.strip()
        if not name:
            self.query_one("#area-error", Static).update(
                "Name: type the department's or theme's name."
            )
            self.query_one("#area-name", Input).focus()
            return
        kind = str(self.query_one("#area-kind", Select).value)
        self.dismiss((name, kind))

    def action_cancel(self) -> None:
        self.dismiss(None)


# ---------------------------------------------------------------------------
# The screen
# ---------------------------------------------------------------------------

AREA_ACTIONS = frozenset({"add_area", "rename_area", "move_area", "planned", "remove_area"})
TEAM_ACTIONS = frozenset({"add_member", "rename_member", "coordinator", "remove_member"})
MOVE = Binding.Group("Move ")  # trailing space: the compact Footer runs the next key into it


class SetupScreen(InspectionScreen):
    """Edit an inspection: details, texts, areas, team. Escape goes back to the dashboard."""

    HELP_TITLE = "Set-up"
    HELP_TEXT = (
        "Tabs: Details · Texts · Areas · Team. Shift+Tab reaches the tab names, ← → switch "
        "tabs and ↓ goes into the tab.\n"
        "Tab moves between fields. Everything is saved as you type; dates are written "
        "YYYY-MM-DD (or DD/MM/YYYY).\n"
        "On the Areas and Team tabs move with ↑ ↓ and use the keys shown at the bottom.\n"
        "Ctrl+PgDn / Ctrl+PgUp switch tabs from anywhere.\n"
        "Esc goes back to the dashboard. Ctrl+P finds any action by its name."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="back", tooltip="Back to the dashboard", show=False),
        Binding("down", "into_tab", "Into the tab", show=False),
        Binding(
            "ctrl+pagedown",
            "switch_tab(1)",
            "Next tab",
            id="next-tab",
            key_display="^PgDn",
            tooltip="Details → Texts → Areas → Team",
            priority=True,
        ),
        Binding(
            "ctrl+pageup",
            "switch_tab(-1)",
            "Previous tab",
            id="previous-tab",
            show=False,
            tooltip="Team → Areas → Texts → Details",
            priority=True,
        ),
        # Areas tab
        Binding("a", "add_area", "Add area", id="add-area", tooltip="Add a department or theme"),
        Binding("e", "rename_area", "Rename", id="rename-area", tooltip="Rename the selected area"),
        Binding(
            "left_square_bracket",
            "move_area(-1)",
            "Move area up",
            id="area-up",
            tooltip="Earlier in the report",
            group=MOVE,
            key_display="[",
        ),
        Binding(
            "right_square_bracket",
            "move_area(1)",
            "Move area down",
            id="area-down",
            tooltip="Later in the report",
            group=MOVE,
            key_display="]",
        ),
        Binding("ctrl+up", "move_area(-1)", "Move area up", show=False),
        Binding("ctrl+down", "move_area(1)", "Move area down", show=False),
        Binding(
            "p",
            "planned",
            "Interviews planned",
            id="interviews-planned",
            tooltip="How many interviews you plan in the selected department",
        ),
        Binding(
            "delete",
            "remove_area",
            "Remove",
            id="remove-area",
            tooltip="Remove the selected area (asks first)",
            key_display="Del",
        ),
        # Team tab
        Binding(
            "a", "add_member", "Add member", id="add-member", tooltip="Add someone to the team"
        ),
        Binding(
            "c",
            "coordinator",
            "Coordinator",
            id="coordinator",
            tooltip="Make the selected person the coordinator",
        ),
        Binding(
            "e",
            "rename_member",
            "Rename",
            id="rename-member",
            tooltip="Correct the selected person's name",
        ),
        Binding(
            "delete",
            "remove_member",
            "Remove",
            id="remove-member",
            tooltip="Remove the selected person (asks first)",
            key_display="Del",
        ),
        # The app's Quit, taken here first so the fields' last keystrokes are queued for saving.
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            tooltip="Quit (everything is already saved)",
            show=False,
        ),
    ]

    DEFAULT_CSS = """
    SetupScreen .title-row { height: 1; padding: 0 1; }
    SetupScreen .key-hint { width: auto; color: $text-muted; }
    SetupScreen #setup-title { text-wrap: nowrap; text-overflow: ellipsis; }
    SetupScreen TabbedContent { height: 1fr; }
    SetupScreen TabPane { padding: 0 1; }
    SetupScreen .field-row { height: 1; margin-top: 1; }
    SetupScreen .field-label { width: 16; padding: 0; }
    SetupScreen .field-row Input { width: 1fr; background: $boost; }
    SetupScreen .field-row Input:focus { background: $primary 25%; }
    SetupScreen .field-row Select { width: 1fr; }
    SetupScreen .field-error { color: $error; text-style: bold; height: auto; padding-left: 16; }
    SetupScreen .long-label { margin-top: 1; text-style: bold; }
    SetupScreen TextArea { height: 7; }
    SetupScreen .tab-hint { color: $text-muted; height: auto; }
    SetupScreen .tab-message { height: auto; }
    SetupScreen .tab-message.-error { color: $error; text-style: bold; }
    SetupScreen DataTable { height: 1fr; }
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        #: The last value of each detail handed to autosave (or read from the database).
        self.stored: dict[str, Any] = {}
        #: Fields whose text could not be saved, with that text.
        self.invalid: dict[str, str] = {}
        self.loaded = False
        self.areas: list[AreaLine] = []
        self.team: list[MemberLine] = []

    def compose(self) -> ComposeResult:
        from .widgets.save_indicator import SaveIndicator

        yield Header()
        with Horizontal(classes="title-row"):
            yield Static("Set-up", id="setup-title", classes="screen-title")
            yield SaveIndicator()
            yield Static("Esc: back", classes="key-hint")
        with TabbedContent(id="setup-tabs"):
            with (
                TabPane("Details", id="details"),
                VerticalScroll(id="details-form", can_focus=False),
            ):
                for field, label, placeholder in SHORT_FIELDS:
                    with Horizontal(classes="field-row"):
                        yield Label(label, classes="field-label")
                        yield Input(
                            placeholder=placeholder,
                            id=f"f-{field}",
                            compact=True,
                            select_on_focus=False,
                        )
                    yield Static("", id=f"err-{field}", classes="field-error")
                with Horizontal(classes="field-row", id="status-row"):
                    yield Label("Status", classes="field-label")
                    yield Select(
                        [(word, key) for key, word in STATUS_WORDS.items()],
                        allow_blank=False,
                        value="planning",
                        id="f-status",
                        compact=True,
                    )
            with TabPane("Texts", id="texts"), VerticalScroll(id="texts-form", can_focus=False):
                for field, label in LONG_FIELDS:
                    yield Label(label, classes="long-label")
                    yield TextArea(id=f"f-{field}", soft_wrap=True, show_line_numbers=False)
                    yield Static("", id=f"err-{field}", classes="field-error")
            with TabPane("Areas", id="areas"):
                yield Static(
                    "The report has one lettered section per area, in this order.",
                    classes="tab-hint",
                )
                yield Static("", id="areas-message", classes="tab-message")
                areas: DataTable[str] = DataTable(
                    id="setup-areas", cursor_type="row", zebra_stripes=True
                )
                areas.add_column("Area", key="area")
                areas.add_column("Kind", key="kind")
                areas.add_column("Interviews planned", key="planned")
                yield areas
            with TabPane("Team", id="team"):
                yield Static("The inspectors, and who coordinates them.", classes="tab-hint")
                yield Static("", id="team-message", classes="tab-message")
                team: DataTable[str] = DataTable(
                    id="setup-team", cursor_type="row", zebra_stripes=True
                )
                team.add_column("Name", key="name")
                team.add_column("Role", key="role")
                yield team
        yield FittingFooter()

    def on_mount(self) -> None:
        for widget in self.query(".field-error"):
            widget.display = False
        super().on_mount()

    # -- loading -------------------------------------------------------------

    def reload(self) -> None:
        inspection_id = self.inspection_id
        if not self.loaded:
            self.services.read(
                lambda s: load_details(s, inspection_id), self.show_details, group="setup"
            )
        self.reload_lists()

    def reload_lists(self, select: str | None = None) -> None:
        inspection_id = self.inspection_id
        self.services.read(
            lambda s: load_lists(s, inspection_id),
            lambda lists: self.show_lists(lists, select),
            group="setup-lists",
        )

    def show_details(self, values: dict[str, Any]) -> None:
        """Fill the fields once; afterwards the fields are the truth and the database follows them."""
        if not self.is_attached or self.loaded:
            return
        self.stored = dict(values)
        for field, _, _ in SHORT_FIELDS:
            value = values[field]
            text = value.isoformat() if isinstance(value, date) else (value or "")
            self.query_one(f"#f-{field}", Input).value = text
        for field, _ in LONG_FIELDS:
            self.query_one(f"#f-{field}", TextArea).load_text(values[field] or "")
        self.query_one("#f-status", Select).value = values["status"]
        self._show_title(values["title"])
        self.loaded = True
        if self.tab == "details":
            self.query_one("#f-title", Input).focus()

    def _show_title(self, title: str) -> None:
        self.query_one("#setup-title", Static).update(escape(f"Set-up: {title}"))
        self.sub_title = title

    def show_lists(
        self, lists: tuple[list[AreaLine], list[MemberLine]], select: str | None = None
    ) -> None:
        if not self.is_attached:
            return
        self.areas, self.team = lists
        table = self.query_one("#setup-areas", DataTable)
        keep = select or self._selected(table)
        table.clear()
        for a in self.areas:
            planned = str(a.interviews_planned) if a.kind == "department" else "–"
            table.add_row(
                f"{a.letter}. {a.name}", KIND_WORDS.get(a.kind, a.kind), planned, key=a.id
            )
        self._restore(table, [a.id for a in self.areas], keep)
        members = self.query_one("#setup-team", DataTable)
        keep = select or self._selected(members)
        members.clear()
        for t in self.team:
            members.add_row(
                t.name, "Coordinator" if t.role == "coordinator" else "Inspector", key=t.id
            )
        self._restore(members, [t.id for t in self.team], keep)
        if not self.team:
            self._say("team", "Nobody yet: press a to add the first member of the team.")
        if not self.areas:
            self._say("areas", "No areas yet: press a to add a department.")

    @staticmethod
    def _selected(table: DataTable[Any]) -> str | None:
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    @staticmethod
    def _restore(table: DataTable[Any], ids: list[str], keep: str | None) -> None:
        if keep in ids:
            table.move_cursor(row=ids.index(keep))

    # -- saving details as you type -------------------------------------------

    def _field_of(self, widget: object) -> str | None:
        widget_id = getattr(widget, "id", None) or ""
        return widget_id[2:] if widget_id.startswith("f-") else None

    def on_input_changed(self, event: Input.Changed) -> None:
        field = self._field_of(event.input)
        if field:
            event.stop()
            self.typed(field, event.value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        field = self._field_of(event.text_area)
        if field:
            event.stop()
            self.typed(field, event.text_area.text)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "f-status" and isinstance(event.value, str):
            event.stop()
            self.typed("status", event.value, now=True)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Leaving a field saves it at once (DESIGN.md: committed when the inspector leaves it)."""
        field = self._field_of(event.widget)
        if field is None or field == "status":
            return
        if isinstance(event.widget, Input):
            self.typed(field, event.widget.value, now=True)
        elif isinstance(event.widget, TextArea):
            self.typed(field, event.widget.text, now=True)

    def typed(self, field: str, text: str, *, now: bool = False) -> None:
        """Check what was typed; save it (debounced, or ``now``) or say why it cannot be saved."""
        if not self.loaded:
            return  # the stored values are not shown yet: nothing the user typed
        if field == "status":  # a choice from a list: always a valid value
            value, problem = text, None
        else:
            value, problem = check_field(field, text)
            self._show_problem(field, problem)
        if problem:
            self.invalid[field] = text
            return
        self.invalid.pop(field, None)
        key = f"inspection:{self.inspection_id}:{field}"
        if value == self.stored.get(field):
            if now:
                self.services.hurry_save(key)
            return
        self.stored[field] = value
        if field == "title":
            self._show_title(value)
        self.services.autosave(key, save_field(self.inspection_id, field, value), now=now)

    def save_all_now(self) -> None:
        """Save every field from what it shows now, not from the change messages.

        The last keystrokes' ``Changed`` messages may still be queued when the
        user presses Escape; reading the widgets makes sure they are saved.
        """
        if not self.loaded:
            return
        for field, _, _ in SHORT_FIELDS:
            self.typed(field, self.query_one(f"#f-{field}", Input).value, now=True)
        for field, _ in LONG_FIELDS:
            self.typed(field, self.query_one(f"#f-{field}", TextArea).text, now=True)

    def _show_problem(self, field: str, problem: str | None) -> None:
        error = self.query_one(f"#err-{field}", Static)
        error.update(escape(f"✗ {problem}") if problem else "")
        error.display = bool(problem)
        widget = self.query_one(f"#f-{field}")
        widget.set_class(bool(problem), "-invalid")

    # -- tabs and which keys apply ---------------------------------------------

    @property
    def tab(self) -> str:
        """The active tab's id ("details", "texts", "areas", "team"); "" before it is built."""
        tabs = self.query("#setup-tabs")
        return tabs.first(TabbedContent).active if tabs else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "into_tab":
            return isinstance(self.focused, Tabs)
        if action in AREA_ACTIONS:
            return self.tab == "areas"
        if action in TEAM_ACTIONS:
            return self.tab == "team"
        return True

    def action_switch_tab(self, offset: int) -> None:
        """Ctrl+PgDn / Ctrl+PgUp move between the tabs from anywhere on the screen."""
        tabs = self.query_one("#setup-tabs", TabbedContent)
        panes = [pane.id for pane in tabs.query(TabPane) if pane.id]
        if not panes or tabs.active not in panes:
            return
        # Take the focus off the field first: when a pane is hidden with a field
        # focused, Textual moves the focus to the next field *in that pane*, which
        # makes the old pane active again.
        self.query_one(Tabs).focus()
        tabs.active = panes[(panes.index(tabs.active) + offset) % len(panes)]
        self.call_after_refresh(self.action_into_tab)

    def action_into_tab(self) -> None:
        """↓ on the tab names goes into the tab (the list, or the first field)."""
        pane = self.query_one("#setup-tabs", TabbedContent).active_pane
        if pane is None:
            return
        for widget in pane.query("Input, Select, TextArea, DataTable"):
            if widget.focusable:
                widget.focus()
                return

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()

    # -- areas -----------------------------------------------------------------

    def selected_area(self) -> AreaLine | None:
        area_id = self._selected(self.query_one("#setup-areas", DataTable))
        return next((a for a in self.areas if a.id == area_id), None)

    def action_add_area(self) -> None:
        inspection_id = self.inspection_id

        def chosen(answer: tuple[str, str] | None) -> None:
            if not answer:
                return
            name, kind = answer

            def add(session: Session) -> str:
                from tenant_inspect import inspections

                return inspections.add_area(session, inspection_id, name=name, kind=kind).id

            self.change(add, "areas", done=f"Added “{name}”.", refused="Not added")

        self.app.push_screen(AddAreaDialog(), chosen)

    def action_rename_area(self) -> None:
        area = self._need_area()
        if area is None:
            return

        def chosen(name: str | None) -> None:
            if not name or name == area.name:
                return

            def rename(session: Session) -> str:
                from tenant_inspect import inspections, records
                from tenant_inspect import models as m

                return inspections.rename_area(
                    session, records.get(session, m.Area, area.id), name
                ).id

            self.change(rename, "areas", done=f"Renamed to “{name}”.", refused="Not renamed")

        self.app.push_screen(TextPromptDialog("Rename area", "New name", value=area.name), chosen)

    def action_move_area(self, offset: int) -> None:
        area = self._need_area()
        if area is None:
            return

        def move(session: Session) -> str:
            from tenant_inspect import inspections, records
            from tenant_inspect import models as m

            inspections.move_area(session, records.get(session, m.Area, area.id), offset)
            return area.id

        self.change(move, "areas", done=None, refused="Not moved")

    def action_planned(self) -> None:
        area = self._need_area()
        if area is None:
            return
        if area.kind != "department":
            self._say(
                "areas",
                f"“{area.name}” is not a department: interviews are planned for departments.",
                error=True,
            )
            return

        def chosen(text: str | None) -> None:
            if text is None:
                return
            planned = int(text)

            def save(session: Session) -> str:
                from tenant_inspect import models as m
                from tenant_inspect import records

                records.update(
                    session, records.get(session, m.Area, area.id), interviews_planned=planned
                )
                return area.id

            self.change(
                save,
                "areas",
                done=f"{area.name}: {planned} interviews planned.",
                refused="Not saved",
            )

        self.app.push_screen(
            TextPromptDialog(
                f"Interviews planned — {area.name}",
                "How many interviews do you plan in this department?",
                value=str(area.interviews_planned),
                validate=check_planned,
            ),
            chosen,
        )

    def action_remove_area(self) -> None:
        area = self._need_area()
        if area is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return

            def remove(session: Session) -> None:
                from tenant_inspect import inspections, records
                from tenant_inspect import models as m

                inspections.remove_area(session, records.get(session, m.Area, area.id))

            self.change(remove, "areas", done=f"Removed “{area.name}”.", refused="Not removed")

        self.app.push_screen(
            ConfirmDialog(f"Remove the area “{area.name}” from this inspection?"), confirmed
        )

    def _need_area(self) -> AreaLine | None:
        area = self.selected_area()
        if area is None:
            self._say("areas", "There is no area to change yet: press a to add one.", error=True)
        return area

    # -- team --------------------------------------------------------------------

    def selected_member(self) -> MemberLine | None:
        member_id = self._selected(self.query_one("#setup-team", DataTable))
        return next((t for t in self.team if t.id == member_id), None)

    def _need_member(self) -> MemberLine | None:
        member = self.selected_member()
        if member is None:
            self._say(
                "team", "There is nobody in the team yet: press a to add someone.", error=True
            )
        return member

    def action_add_member(self) -> None:
        inspection_id = self.inspection_id

        def chosen(name: str | None) -> None:
            if not name:
                return

            def add(session: Session) -> str:
                from tenant_inspect import inspections

                # Decided from the database, not from the list on screen (which may
                # be a moment behind): only the very first member becomes coordinator.
                first = inspections.coordinator(session, inspection_id) is None
                role = "coordinator" if first else "inspector"
                return inspections.add_member(session, inspection_id, name=name, role=role).id

            first_on_screen = not self.team
            done = f"Added {name}" + (
                " (the first member is the coordinator; c changes who)." if first_on_screen else "."
            )
            self.change(add, "team", done=done, refused="Not added")

        self.app.push_screen(
            TextPromptDialog("Add a team member", "Name", placeholder="e.g. Ann Example"), chosen
        )

    def action_coordinator(self) -> None:
        member = self._need_member()
        if member is None:
            return

        def mark(session: Session) -> str:
            from tenant_inspect import inspections, records
            from tenant_inspect import models as m

            inspections.set_coordinator(session, records.get(session, m.TeamMember, member.id))
            return member.id

        self.change(
            mark, "team", done=f"{member.name} is now the coordinator.", refused="Not changed"
        )

    def action_rename_member(self) -> None:
        member = self._need_member()
        if member is None:
            return

        def chosen(name: str | None) -> None:
            if not name or name == member.name:
                return

            def rename(session: Session) -> str:
                from tenant_inspect import inspections, records
                from tenant_inspect import models as m

                row = records.get(session, m.TeamMember, member.id)
                return inspections.update_member(session, row, name=name).id

            self.change(rename, "team", done=f"Renamed to {name}.", refused="Not renamed")

        self.app.push_screen(
            TextPromptDialog("Rename team member", "Name", value=member.name), chosen
        )

    def action_remove_member(self) -> None:
        member = self._need_member()
        if member is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return

            def remove(session: Session) -> None:
                from tenant_inspect import inspections, records
                from tenant_inspect import models as m

                inspections.remove_member(session, records.get(session, m.TeamMember, member.id))

            self.change(
                remove, "team", done=f"Removed {member.name} from the team.", refused="Not removed"
            )

        self.app.push_screen(ConfirmDialog(f"Remove {member.name} from the team?"), confirmed)

    # -- shared --------------------------------------------------------------------

    def change(
        self, fn: Callable[[Session], Any], tab: str, *, done: str | None, refused: str
    ) -> None:
        """Write one change in order with the autosaves; then show the result in the tab."""

        def finished(result: tuple[Any, UserError | None]) -> None:
            value, error = result
            if error is not None:
                message = "; ".join(getattr(error, "problems", None) or [str(error)])
                self._say(tab, f"{refused}: {message}", error=True)
                self.app.bell()
                self.reload_lists()
                return
            self._say(tab, done or "")
            self.reload_lists(select=value if isinstance(value, str) else None)

        self.services.write(refusable(fn), finished)

    def _say(self, tab: str, text: str, *, error: bool = False) -> None:
        if not self.is_attached:
            return
        message = self.query_one(f"#{tab}-message", Static)
        message.update(escape(f"✗ {text}" if error else text))
        message.set_class(error, "-error")

    async def action_quit(self) -> None:
        self.save_all_now()
        await self.app.action_quit()

    def action_back(self) -> None:
        """Go back; what was typed is written first, and the dashboard reloads when it is."""
        self.save_all_now()
        if self.invalid:
            names = ", ".join(FIELD_NAMES.get(f, f) for f in self.invalid)
            self.notify(
                f"Not saved (not valid): {names}. The saved value was kept.",
                severity="warning",
                title="Not saved",
            )
        app = self.app

        def tell_everyone(_: object) -> None:
            for screen in app.screen_stack:
                screen.post_message(DataChanged())

        self.services.write(lambda session: None, tell_everyone)
        self.dismiss()
