"""The programme: every inspection in the store at once (g from home).

For a coordinator of many inspections — on a programme's server (``--database``) or on
their own laptop. One search box narrows all three views at once: words from the title,
landlord, an area, the year or the stage ("riverside 2026 repairs"). The views:
every inspection (Enter opens it), the weaknesses that recur across them by theme (which
inspections, how many, in which areas), and the action-plan items overdue across them.
No finding's or action's wording is shown here: a programme view is for people outside the
panel, and the words may quote an interviewee (:mod:`tenant_inspect.programme`).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Input, Static, TabbedContent, TabPane

from tenant_inspect.programme import (
    ProgrammeData,
    load_programme,
    overdue_items,
    recurring_weaknesses,
    search,
)

from .base import ReloadingScreen
from .bindings import QUIT, bind
from .markup import clip, escape
from .widgets.footer import FittingFooter
from .widgets.tables import keyed_table

TABS = ("prog-inspections", "prog-weaknesses", "prog-overdue")


class ProgrammeScreen(ReloadingScreen):
    """Three views of every inspection, narrowed by one search box."""

    HELP_TITLE = "The programme"
    HELP_TEXT = (
        "Every inspection in this store, for a coordinator of many. Type in the search box "
        "to narrow all three views: words from the title, the landlord, an area, the year or "
        "the stage ('riverside 2026 repairs'); Enter in the box goes to the list.\n"
        "1: every inspection (Enter opens it) · 2: weaknesses that recur across inspections, "
        "by theme, found in the most inspections first · 3: action-plan items past their date "
        "and not done, the longest overdue first.\n"
        "No finding's or action's wording is shown here: open the inspection for the words. "
        "/ goes to the search box; Esc goes back."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("1", "tab('prog-inspections')", "Inspections", "Every inspection", show=False),
        bind("2", "tab('prog-weaknesses')", "Weaknesses", "Recurring weaknesses by theme"),
        bind("3", "tab('prog-overdue')", "Overdue", "Action-plan items overdue"),
        bind("slash", "search", "Search", "Narrow the views"),
        bind("escape", "back", "Back", "Back to the list of inspections"),
        QUIT,
    ]

    DEFAULT_CSS = """
    ProgrammeScreen #prog-body { padding: 0 1; }
    ProgrammeScreen .title-row { height: 1; }
    ProgrammeScreen #prog-title { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    ProgrammeScreen .key-hint { width: auto; color: $text-muted; }
    ProgrammeScreen #prog-search { margin: 0 0 0 0; }
    ProgrammeScreen TabbedContent { height: 1fr; }
    ProgrammeScreen DataTable { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.data: ProgrammeData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="prog-body"):
            with Horizontal(classes="title-row"):
                yield Static("Programme", id="prog-title", classes="screen-title")
                yield Static("1 2 3: views · /: search · Esc: back", classes="key-hint")
            yield Input(
                placeholder="Search: landlord, title, area, year or stage", id="prog-search"
            )
            with TabbedContent(id="prog-tabs"):
                with TabPane("1 Inspections", id="prog-inspections"):
                    yield keyed_table(
                        "prog-table-inspections", ("Inspection", "title"), ("Year", "year"),
                        ("Stage", "status"), ("Findings", "findings"), ("Overdue", "overdue"),
                    )  # fmt: skip
                with TabPane("2 Recurring weaknesses", id="prog-weaknesses"):
                    yield keyed_table(
                        "prog-table-weaknesses", ("Theme", "theme"), ("Inspections", "n"),
                        ("Weaknesses", "weaknesses"), ("Most in", "areas"),
                    )  # fmt: skip
                with TabPane("3 Overdue actions", id="prog-overdue"):
                    yield keyed_table(
                        "prog-table-overdue", ("Item", "label"), ("Due", "due"),
                        ("Late", "late"), ("Status", "status"), ("Inspection", "inspection"),
                    )  # fmt: skip
        yield FittingFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#prog-table-inspections", DataTable).focus()

    def reload(self) -> None:
        today = date.today()
        self.services.read(lambda s: load_programme(s, today), self.show, group="programme")

    def show(self, data: ProgrammeData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.fill()

    def fill(self) -> None:
        data = self.data
        if data is None:
            return
        text = self.query_one("#prog-search", Input).value
        found = search(data.inspections, text=text)
        total = len(data.inspections)
        counted = f"{len(found)} of {total}" if text else f"{total}"
        noun = "inspection" if total == 1 else "inspections"
        self.query_one("#prog-title", Static).update(escape(f"Programme: {counted} {noun}"))
        table = self.query_one("#prog-table-inspections", DataTable)
        table.clear()
        for i in found:
            table.add_row(
                escape(clip(f"{i.title} ({i.landlord})", 36)), str(i.year or "–"), i.status,
                str(i.findings), str(i.overdue or ""), key=i.id,
            )  # fmt: skip
        weaknesses = self.query_one("#prog-table-weaknesses", DataTable)
        weaknesses.clear()
        for w in recurring_weaknesses(data, found):
            weaknesses.add_row(
                escape(clip(w.label, 30)), str(len(w.inspections)), str(w.weaknesses),
                escape(clip(", ".join(w.areas[:2]), 24)), key=w.theme,
            )  # fmt: skip
        overdue = self.query_one("#prog-table-overdue", DataTable)
        overdue.clear()
        for n, o in enumerate(overdue_items(data, found)):
            overdue.add_row(
                o.label, o.by_when, f"{o.days_late} d", o.status,
                escape(clip(f"{o.inspection} ({o.landlord})", 28)), key=f"{o.inspection_id}:{n}",
            )  # fmt: skip

    def on_input_changed(self, event: Input.Changed) -> None:
        self.fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#prog-tabs", TabbedContent).active = "prog-inspections"
        self.query_one("#prog-table-inspections", DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "prog-table-inspections" and event.row_key.value:
            self.open("dashboard", event.row_key.value)
        elif event.data_table.id == "prog-table-overdue" and event.row_key.value:
            self.open("action_plan", event.row_key.value.split(":")[0])

    def action_tab(self, tab: str) -> None:
        self.query_one("#prog-tabs", TabbedContent).active = tab
        self.query_one(f"#prog-table-{tab.removeprefix('prog-')}", DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#prog-search", Input).focus()

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one("#prog-table-inspections", DataTable).focus()
            return
        self.dismiss()

    async def action_quit(self) -> None:
        await self.app.action_quit()
