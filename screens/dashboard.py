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
from tenant_inspect.views.shared import MemberData
from tenant_inspect.vocabulary import (
    INSPECTION_STATUS_WORDS,
    KIND_LEGEND,
    KIND_WORDS,
    WORK_STATUS_MARKS,
)

from .base import InspectionScreen
from .bindings import bind
from .markup import clip, escape, shown
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
# Words (pure functions, so they can be tested without a screen)
# ---------------------------------------------------------------------------


def findings_words(counts: dict[str, int], *, short: bool = False, empty: str = "none yet") -> str:
    """'2 strengths · 1 weakness' (or '2 S · 1 W' when short); kinds with none are left out."""
    parts = []
    for kind, (one, many, letter) in KIND_WORDS.items():
        n = counts.get(kind, 0)
        if n:
            parts.append(f"{n} {letter}" if short else f"{n} {one if n == 1 else many}")
    return " · ".join(parts) if parts else empty


def progress_words(area: AreaProgress, *, short: bool = False) -> str:
    """What has been done in an area, in words ('2/3 done, 1 under way' when short)."""
    if area.kind == "desktop_review":
        if not area.documents:
            return "No documents yet"
        if short:
            return f"{area.documents_done}/{area.documents} reviewed"
        return f"{area.documents_done} of {area.documents} documents reviewed"
    if area.kind == "theme":
        return "Theme (findings only)"
    expected = area.interviews_expected
    if not expected:
        return "No interviews planned"
    done, started = area.interviews_done, area.interviews_started
    if short:
        return f"{done}/{expected} done" + (f", {started} under way" if started else "")
    text = f"{done} of {expected} interviews done"
    return text + (f" ({started} under way)" if started else "")


def area_rows(areas: tuple[AreaProgress, ...], room: int) -> tuple[list[tuple[str, ...]], bool]:
    """The areas table's cells fitted into ``room`` characters, and whether findings are letters.

    Nothing a newcomer needs is dropped: every kind of finding and any interview under way
    stay. The longest forms that fit are used (findings in words, then letters; progress in
    full words, then short), and only then is an area's name cut, by no more than is missing.
    """
    names = [f"{a.letter}. {a.name}" for a in areas]

    def widest(cells: list[str]) -> int:
        return max((len(c) for c in cells), default=0)

    for letters, short in ((False, False), (True, False), (True, True)):
        findings = [findings_words(a.findings, short=letters, empty="–") for a in areas]
        progress = [progress_words(a, short=short) for a in areas]
        if widest(names) + widest(progress) + widest(findings) <= room:
            break
    name_room = max(12, min(40, room - widest(progress) - widest(findings)))
    cells = zip(names, progress, findings, strict=True)
    return [(clip(n, name_room), p, f) for n, p, f in cells], letters


def area_detail(area: AreaProgress) -> str:
    """The selected area's documents or interviews, one a line, status first in words."""
    head = f"[b]{escape(area.letter)}. {escape(area.name)}[/b]"
    if area.kind == "theme":
        return f"{head} — a theme: its findings come from documents and interviews (f lists them)."
    what = "documents" if area.kind == "desktop_review" else "interviews"
    if not area.items:
        key = "r" if area.kind == "desktop_review" else "i"
        return f"{head} — no {what} yet (press {key})."
    lines = [f"{head} — {what}:"]
    lines += [
        f"  {WORK_STATUS_MARKS.get(status, status):<14} {escape(label)}"
        for label, status in area.items
    ]
    missing = area.interviews_planned - area.interviews if area.kind == "department" else 0
    if missing > 0:
        lines.append(f"  {'○ to arrange':<14} {missing} more planned")
    return "\n".join(lines)


def next_step(o: Overview) -> str:
    """The one thing to do next, worked out from what is (and is not) there yet."""
    departments = [a for a in o.areas if a.kind == "department"]
    if not [a for a in o.areas if a.kind != "desktop_review"]:
        return "Add the departments you will inspect (s: Set-up)"
    if not o.team:
        return "Add your team (s: Set-up, Team tab)"
    if o.coordinator is None:
        return "Mark who is the coordinator (s: Set-up, Team tab)"
    desk = [a for a in o.areas if a.kind == "desktop_review"]
    documents = sum(a.documents for a in o.areas)
    reviewed = sum(a.documents_done for a in o.areas)
    if desk and not documents:
        return "Add the landlord's documents and review them (r: Review a document)"
    if reviewed < documents:
        return f"Review documents (r): {documents - reviewed} of {documents} not finished"
    # Counted as home and `list` count: done of those planned (or held, where more were).
    planned, held = o.interviews_expected, o.interviews_done
    if departments and not sum(a.interviews_expected for a in departments):
        return "Say how many interviews you plan for each department (s: Set-up, Areas tab)"
    if held < planned:
        return f"Interviews (i): {held} of {planned} done, {planned - held} still to do"
    if not sum(o.findings.values()):
        return "Record findings from your documents and interviews"
    return "Fieldwork is done: look over the findings (f)"


def team_words(team: tuple[MemberData, ...], room: int | None = None) -> str:
    """'Team (3): Ann (coordinator) · Bob · Chris', cut to ``room`` characters with '+ N more'."""
    if not team:
        return "[b]Team:[/b] nobody yet — add your team in Set-up (s)."
    names = [f"{t.name} (coordinator)" if t.role == "coordinator" else t.name for t in team]
    head = f"Team ({len(team)}): "
    shown: list[str] = []
    for index, name in enumerate(names):
        rest = len(names) - index - 1
        tail = f" · + {rest} more (s: Set-up)" if rest else ""
        line = " · ".join([*shown, name])
        if room is not None and shown and len(head) + len(line) + len(tail) > room:
            break
        shown.append(name)
    more = len(names) - len(shown)
    text = " · ".join(escape(n) for n in shown)
    if more:
        text += f" · + {more} more (s: Set-up)"
    return f"[b]{head.strip()}[/b] {text}"


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

    DEFAULT_CSS = """
    DashboardScreen #dash-body { padding: 0 1; }
    DashboardScreen .title-row { height: 1; }
    DashboardScreen #dash-title { text-wrap: nowrap; text-overflow: ellipsis; }
    DashboardScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    DashboardScreen .info-line { color: $text-muted; padding: 0 1; height: auto; }
    DashboardScreen #dash-next { padding: 0 1; height: auto; margin: 1 0; }
    DashboardScreen #areas { height: 1fr; }
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
