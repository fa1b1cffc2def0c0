"""The inspection's own home: where the work stands and what to do next.

A coordinator opens an inspection here and should see, without pressing
anything, the areas in report order (A. Desktop review, B. ...) with their
progress, the team, and one plain sentence saying what to do next. Every
number is labelled in words (or letters explained on screen), never by
colour alone.

The numbers are gathered in one read (:func:`tenant_inspect.views.overview.load_overview`,
run through ``services.read`` so the UI never waits for the database) into plain frozen
dataclasses, so the rendering and the "what next" rule (:func:`next_step`) are pure and
testable without a database. An inspection opened while the store is still opening is shown
at once from the same reader run over plain sqlite3 (``services.quick_overview``): opening
one is within the start-up budget (DESIGN.md, docs/performance.md).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Static

from tenant_inspect.views.overview import AreaProgress, Overview, load_overview
from tenant_inspect.vocabulary import (
    INSPECTION_STATUS_WORDS,
    KIND_LEGEND,
)

from .base import InspectionScreen
from .bindings import bind
from .markup import escape, shown
from .widgets.dashboard_words import (
    area_detail,
    area_rows,
    findings_words,
    next_step,
    team_words,
)
from .widgets.footer import FittingFooter
from .widgets.save_indicator import SaveIndicator
from .widgets.tables import keyed_table

#: From this height the selected area's documents or interviews are listed below the areas.
TALL = 36

#: The main actions the Footer has no room for at 80 columns, always shown on the screen.
MORE_KEYS = (
    "[b]j[/b] Judgements · [b]c[/b] Conclusions · [b]m[/b] Recommendations · "
    "[b]t[/b] Team and files\n[b]p[/b] Action plan · [b]o[/b] Monitoring rounds"
)

# ---------------------------------------------------------------------------
# Screens
# ---------------------------------------------------------------------------


class DashboardScreen(InspectionScreen):
    """One inspection at a glance: areas and their progress, the team, what to do next."""

    HELP_TITLE = "Inspection dashboard"
    HELP_TEXT = (
        "The areas are listed in report order (A, B, C ...). Move with ↑ ↓ and press Enter to "
        "open one: the desktop review opens its documents, a department its interviews.\n"
        "Letters for findings: S strength · W weakness · O observation · GP good practice.\n"
        "Esc goes back to the list of inspections. Ctrl+P finds any action by its name."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("s", "setup", "Set-up", "Edit details, texts, areas and team"),
        bind("r", "review", "Review a document", "The desktop review's documents"),
        bind("i", "interview", "Start interview", "Interviews with staff or tenants"),
        bind("f", "findings", "Findings", "Every finding recorded so far"),
        # The analysis screens and the team: no room left in an 80-column Footer, so the
        # screen lists them on its own line (MORE_KEYS) as well as in F1 and Ctrl+P.
        bind(
            "j",
            "judgements",
            "Judgements",
            "Grade each area; see how far the inspectors agree",
            show=False,
        ),
        bind(
            "c", "conclusions", "Conclusions", "Conclusions for each area and overall", show=False
        ),
        bind(
            "m",
            "recommendations",
            "Recommendations",
            "R1, R2 … linked to the findings they answer",
            show=False,
        ),
        bind(
            "p",
            "action_plan",
            "Action plan",
            "The landlord's response and items for each recommendation",
            show=False,
        ),
        bind("o", "monitoring", "Monitoring", "Monitoring rounds and prospects", show=False),
        bind("x", "export", "Export", "Write the report (Word or Markdown)"),
        bind(
            "t",
            "team",
            "Team and files",
            "Kits for inspectors, import their files, resolve conflicts",
            show=False,
        ),
        bind(
            "enter", "open_area", "Open area", "Open the selected area", show=False, priority=True
        ),
        bind("escape", "back", "Back", "Back to the list of inspections", show=False),
    ]

    # In the class, not in a CSS_PATH file: Textual reparses the *whole* stylesheet (every
    # widget's CSS, from scratch) when a screen brings a CSS file, which was a fifth of
    # opening an inspection; a class's DEFAULT_CSS is parsed alone, once. No rule here meets
    # one of app.tcss's (which would outrank it).
    DEFAULT_CSS = """
    DashboardScreen #dash-body { padding: 0 1; }
    DashboardScreen .title-row { height: 1; }
    DashboardScreen #dash-title { text-wrap: nowrap; text-overflow: ellipsis; }
    DashboardScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    DashboardScreen .info-line { color: $text-muted; padding: 0 1; height: auto; }
    DashboardScreen #dash-next { padding: 0 1; height: auto; margin: 1 0; }
    DashboardScreen #dash-team { padding: 0 1; height: auto; max-height: 4; }
    DashboardScreen #areas { height: auto; max-height: 1fr; }
    DashboardScreen #dash-area { height: 1fr; padding: 0 1; border-top: solid $primary; }
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        self.overview: Overview | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="dash-body"):
            with Horizontal(classes="title-row"):
                yield Static("Opening the inspection…", id="dash-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            yield Static("", id="dash-info", classes="info-line")
            yield Static("", id="dash-next")
            yield keyed_table(
                "areas",
                ("Area", "area"),
                ("Progress", "progress"),
                ("Findings", "findings"),
                zebra_stripes=True,
            )
            # Only when the terminal is tall enough (≥ 36 rows): 80×24 keeps the overview.
            yield Static("", id="dash-area")
            yield Static("", id="dash-findings", classes="info-line")
            yield Static("", id="dash-team")
            yield Static(MORE_KEYS, id="dash-more", classes="info-line")
        yield FittingFooter()

    def first_show(self) -> None:
        # Opened during start-up (the store, and SQLModel, still loading): show the overview
        # read with plain sqlite3 at once; the store's read follows on StoreReady as usual.
        if not self.services.store_ready:
            quick = self.services.quick_overview(self.inspection_id)
            if quick is not None:
                self.show(quick)
        super().first_show()

    def reload(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(lambda s: load_overview(s, inspection_id), self.show, group="dashboard")

    def show(self, overview: Overview) -> None:
        """Fill the screen from a freshly read :class:`Overview` (keeps the selected area)."""
        if not self.is_attached:
            return  # the user has already left this screen
        self.overview = overview
        self.sub_title = shown(overview.title)
        self.query_one("#dash-title", Static).update(escape(overview.title))
        info = [
            f"Landlord: {overview.landlord}",
            f"Status: {INSPECTION_STATUS_WORDS.get(overview.status, overview.status)}",
        ]
        if overview.topic and overview.topic.casefold() not in overview.title.casefold():
            info.append(f"Topic: {overview.topic}")
        self.query_one("#dash-info", Static).update(escape(" · ".join(info)))
        self.query_one("#dash-next", Static).update(f"▶ [b]Next:[/b] {escape(next_step(overview))}")
        self._fill_table()

    def _fill_table(self) -> None:
        overview = self.overview
        if overview is None:
            return
        table = self.query_one("#areas", DataTable)
        selected = self.selected_area_id()
        table.clear()
        # The body's and the three cells' padding, and room for a scroll bar.
        text_room = (self.size.width or 80) - 2 - 6 - 2
        rows, letters = area_rows(overview.areas, text_room)
        for area, cells in zip(overview.areas, rows, strict=True):
            table.add_row(*cells, key=area.id)
        ids = [a.id for a in overview.areas]
        if selected in ids:
            table.move_cursor(row=ids.index(selected))
        total = findings_words(overview.findings, empty="none yet")
        legend = f"\n{KIND_LEGEND}" if letters else ""
        self.query_one("#dash-findings", Static).update(f"[b]In all:[/b] {total}{legend}")
        # Two lines for the team: the table of areas matters more at 80×24.
        room = 2 * (self.size.width - 4) if self.size.width else None
        self.query_one("#dash-team", Static).update(team_words(overview.team, room))
        self._show_area()
        if self.focused is None:
            table.focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fill_table()

    def _show_area(self) -> None:
        panel = self.query_one("#dash-area", Static)
        panel.display = self.size.height >= TALL
        area = self.selected_area()
        panel.update(area_detail(area) if area else "")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_area()

    def selected_area_id(self) -> str | None:
        table = self.query_one("#areas", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def selected_area(self) -> AreaProgress | None:
        area_id = self.selected_area_id()
        if self.overview is None or area_id is None:
            return None
        return next((a for a in self.overview.areas if a.id == area_id), None)

    # -- actions -------------------------------------------------------------

    def action_setup(self) -> None:
        self.open("setup", self.inspection_id)

    def action_review(self) -> None:
        self.open("documents", self.inspection_id)

    def action_interview(self, area_id: str | None = None) -> None:
        if area_id:
            self.open("interviews", self.inspection_id, area_id=area_id)
        else:
            self.open("interviews", self.inspection_id)

    def action_export(self) -> None:
        title = self.overview.title if self.overview is not None else ""
        self.open("export", self.inspection_id, title)

    def action_team(self) -> None:
        self.open("team", self.inspection_id)

    def action_findings(self, area_id: str | None = None) -> None:
        self.open("findings", self.inspection_id, area_id=area_id)

    def action_judgements(self) -> None:
        area = self.selected_area()
        self.open("judgements", self.inspection_id, area_id=area.id if area else None)

    def action_conclusions(self) -> None:
        self.open("conclusions", self.inspection_id)

    def action_recommendations(self) -> None:
        self.open("recommendations", self.inspection_id)

    def action_action_plan(self) -> None:
        self.open("action_plan", self.inspection_id)

    def action_monitoring(self) -> None:
        self.open("monitoring", self.inspection_id)

    def action_open_area(self) -> None:
        area = self.selected_area()
        if area is None:
            self.notify("There are no areas yet: press s to add the departments you will inspect.")
            return
        if area.kind == "desktop_review":
            self.action_review()
        elif area.kind == "department":
            self.action_interview(area.id)
        else:
            self.action_findings(area.id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # A mouse click on the selected row (Enter is the priority binding above).
        event.stop()
        self.action_open_area()
