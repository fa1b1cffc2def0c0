"""Set-up: the inspection's details and report texts, its areas and its team.

The details are saved as they are typed (:mod:`.details`); areas and the team change through
small dialogs and one-off ordered writes (:mod:`.lists`). This module puts the four tabs
together and decides which keys apply where.

The four tabs keep the screen within 80×24; their keys are screen bindings that are enabled
only on their own tab, so the Footer, F1 help and the command palette always show exactly
what can be done where the user is. All the bindings are declared here, in one list, because
their order is the order the Footer shows them in.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Static, TabbedContent, TabPane, Tabs

from tenant_inspect.views.setup import load_details, load_work_stage

from ..bindings import QUIT, bind, move_bindings
from ..messages import DataChanged
from ..widgets.footer import FittingFooter
from ..widgets.quiet import QuietStatic
from ..widgets.save_indicator import SaveIndicator
from .details import DetailsEditing
from .lists import ListsEditing
from .questionnaire_import import QuestionnaireImporting

AREA_ACTIONS = frozenset({"add_area", "rename_area", "move_area", "planned", "remove_area"})
TEAM_ACTIONS = frozenset({"add_member", "rename_member", "coordinator", "remove_member"})


class SetupScreen(QuestionnaireImporting, DetailsEditing, ListsEditing):
    """Edit an inspection: details, texts, areas, team. Escape goes back to the dashboard."""

    HELP_TITLE = "Set-up"
    HELP_TEXT = (
        "Tabs: Details · Texts · Areas · Team. Shift+Tab reaches the tab names, ← → switch "
        "tabs and ↓ goes into the tab.\n"
        "Tab moves between fields. Everything is saved as you type; a date can be "
        "written 14/06/2021, 14 June 2021 or 2021-06-14.\n"
        "On the Areas and Team tabs move with ↑ ↓ and use the keys shown at the bottom.\n"
        "Ctrl+PgDn / Ctrl+PgUp switch tabs from anywhere.\n"
        "F6 imports a questionnaire (XLSForm) for this inspection's interviews.\n"
        "Esc goes back to the dashboard. Ctrl+P finds any action by its name."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "back", "Back", "Back to the dashboard", show=False),
        Binding("down", "into_tab", "Into the tab", show=False),
        bind(
            "ctrl+pagedown",
            "switch_tab(1)",
            "Next tab",
            "Details → Texts → Areas → Team",
            id="next-tab",
            priority=True,
            key_display="^PgDn",
        ),
        bind(
            "ctrl+pageup",
            "switch_tab(-1)",
            "Previous tab",
            "Team → Areas → Texts → Details",
            id="previous-tab",
            show=False,
            priority=True,
        ),
        bind(
            "f6",
            "import_questionnaire",
            "Import questionnaire",
            "Import questionnaire (XLSForm): read an ODK / KoboToolbox form for this "
            "inspection's interviews",
            id="import-questionnaire",
            key_display="F6",
            show=False,
        ),
        # Areas tab
        bind("a", "add_area", "Add area", "Add a department or theme"),
        bind("e", "rename_area", "Rename", "Rename the selected area"),
        *move_bindings(
            "Earlier in the report",
            "Later in the report",
            action="move_area",
            up="Move area up",
            down="Move area down",
            ids=("area-up", "area-down"),
        ),
        bind(
            "p",
            "planned",
            "Interviews planned",
            "How many interviews you plan in the selected department",
            id="interviews-planned",
        ),
        bind(
            "delete",
            "remove_area",
            "Remove",
            "Remove the selected area (asks first)",
            key_display="Del",
        ),
        # Team tab
        bind("a", "add_member", "Add member", "Add someone to the team"),
        bind("c", "coordinator", "Coordinator", "Make the selected person the coordinator"),
        bind("e", "rename_member", "Rename", "Correct the selected person's name"),
        bind(
            "delete",
            "remove_member",
            "Remove",
            "Remove the selected person (asks first)",
            key_display="Del",
        ),
        # The app's Quit, taken here first so the fields' last keystrokes are queued for saving.
        QUIT,
    ]

    DEFAULT_CSS = """
    SetupScreen .title-row { height: 1; padding: 0 1; }
    SetupScreen .key-hint { width: auto; color: $text-muted; }
    SetupScreen #setup-title { text-wrap: nowrap; text-overflow: ellipsis; height: 1; }
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

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="title-row"):
            yield QuietStatic("Set-up", id="setup-title", classes="screen-title")
            yield SaveIndicator()
            yield Static("Esc: back", classes="key-hint")
        self.tabs = TabbedContent(id="setup-tabs")
        with self.tabs:
            with (
                TabPane("Details", id="details"),
                VerticalScroll(id="details-form", can_focus=False),
            ):
                yield from self.compose_details()
            with TabPane("Texts", id="texts"), VerticalScroll(id="texts-form", can_focus=False):
                yield from self.compose_texts()
            with TabPane("Areas", id="areas"):
                yield from self.compose_areas()
            with TabPane("Team", id="team"):
                yield from self.compose_team()
        yield FittingFooter()

    def on_mount(self) -> None:
        for widget in self.query(".field-error"):
            widget.display = False
        super().on_mount()

    def reload(self) -> None:
        inspection_id = self.inspection_id
        if not self.loaded:
            self.services.read(
                lambda s: (
                    load_details(s, inspection_id)
                    | {"work_stage": load_work_stage(s, inspection_id)}
                ),
                self.show_details,
                group="setup",
            )
        self.reload_lists()

    # -- tabs and which keys apply ---------------------------------------------

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
                # Focusing scrolls the field itself into view, which scrolled the first
                # text's label (above it) away; the first field is at the top of its tab.
                widget.focus(scroll_visible=False)
                for form in pane.query(VerticalScroll):
                    form.scroll_home(animate=False, immediate=True)
                return

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()

    async def action_quit(self) -> None:
        self.save_all_now()
        await self.app.action_quit()

    def action_back(self) -> None:
        """Go back; what was typed is written first, and the dashboard reloads when it is."""
        self.save_all_now()
        if self.invalid:
            self.notify(
                f"Not saved (not valid): {self.invalid_words()}. The saved value was kept.",
                severity="warning",
                title="Not saved",
            )
        app = self.app

        def tell_everyone(_: object) -> None:
            for screen in app.screen_stack:
                screen.post_message(DataChanged())

        self.services.write(lambda session: None, tell_everyone)
        self.dismiss()
