"""Judgements: a grade for each area on the four-point scale, tied to the evidence.

For each area the coordinator sees the strengths and the weaknesses side by
side with their counts, picks the agreed grade and writes the rationale (saved
as it is typed). When the grade contradicts the evidence — "Strengths outweigh
weaknesses" with at least twice as many weaknesses, say — a warning says so in
words (the rule is :func:`tenant_inspect.checks.grade_mismatch`).

Inspectors can each record an independent grade first (press i and choose who
is grading). The Agreement tab leads with words — in how many areas they agreed
and which to discuss first — and keeps the figures (a weighted Fleiss' kappa for
the team, see :mod:`tenant_inspect.agreement` for why, and weighted Cohen's kappa
for two inspectors) one key away, explained, since newcomers read "0.00 — slight
agreement" for two areas as a verdict.

This module is the screen: the tabs, the keys and moving between areas. The Area tab is
:class:`screens.widgets.judgement_area.AreaPane`, the Agreement tab
:class:`screens.widgets.judgement_agreement.AgreementPane`, and the data comes from
:mod:`tenant_inspect.views.judgements`.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Header, Select, Static, TabbedContent, TabPane, Tabs, TextArea

from tenant_inspect.edits import judgements as judgement_edits
from tenant_inspect.views.judgements import JudgementsData, load_judgements

from .base import AnalysisScreen
from .bindings import bind
from .dialogs.inspector_grade import InspectorGradeDialog
from .markup import escape, shown
from .name_warning import warn_about_names
from .widgets.footer import FittingFooter
from .widgets.judgement_agreement import AgreementPane
from .widgets.judgement_area import AreaPane
from .widgets.save_indicator import SaveIndicator

MOVE = Binding.Group("Area ")


class JudgementsScreen(AnalysisScreen):
    """Grade each area on the evidence; see where the inspectors' own grades differ."""

    HELP_TITLE = "Judgements"
    HELP_TEXT = (
        "Area tab: the strengths (good practice counts as a strength) and weaknesses of one "
        "area, the agreed grade (↑↓ then Space or Enter) and the rationale, saved as you type. "
        "r goes into the rationale box to write; Esc leaves it. PgUp and PgDn (or [ and ] "
        "outside the rationale) go to the previous or next area.\n"
        "A warning appears when the grade contradicts the evidence: strengths said to be ahead "
        "with at least twice as many weaknesses, weaknesses said to be ahead with at least twice "
        "as many strengths, 'considerably' with weaknesses as many as strengths, or no evidence "
        "at all.\n"
        "i records an inspector's own grade for the area, before the team agrees.\n"
        "Agreement tab: in how many areas the inspectors' own grades agreed, the areas to "
        "discuss first and two inspectors compared. s shows the statistics behind the words "
        "(weighted Fleiss' and Cohen's kappa, explained); with fewer than 4 areas graded by "
        "both, there is too little to judge how well people agree.\n"
        "Ctrl+PgDn (or Ctrl+PgUp) switches between the two tabs. Esc goes back to the dashboard."
    )

    #: The tabs, kept from compose (see :meth:`_tab`).
    _tabs: TabbedContent | None = None
    BINDINGS: ClassVar[list[BindingType]] = [
        # PgUp/PgDn switch areas from anywhere on the Area tab, the rationale included, so
        # the Footer stays the same while typing; [ and ] do too, except in the rationale,
        # where they are text.
        bind(
            "pageup",
            "area(-1)",
            "Previous area",
            "The area before this one (also [ outside the rationale)",
            id="previous-area",
            key_display="PgUp",
            group=MOVE,
            priority=True,
        ),
        bind(
            "pagedown",
            "area(1)",
            "Next area",
            "The area after this one (also ] outside the rationale)",
            id="next-area",
            key_display="PgDn",
            group=MOVE,
            priority=True,
        ),
        bind(
            "left_square_bracket",
            "area_key(-1)",
            "Previous area",
            "The area before this one",
            id="previous-area-bracket",
            show=False,
        ),
        bind(
            "right_square_bracket",
            "area_key(1)",
            "Next area",
            "The area after this one",
            id="next-area-bracket",
            show=False,
        ),
        bind(
            "r",
            "write_rationale",
            "Rationale",
            "Write or change the rationale for the agreed grade (Esc when done)",
        ),
        bind(
            "i",
            "inspector_grade",
            "Inspector's grade",
            "Record one inspector's own grade for this area",
        ),
        # One key for both tabs; the Footer names the tab it goes to.
        bind(
            "ctrl+pagedown,ctrl+pageup",
            "show_tab('agreement')",
            "Agreement",
            "How far the inspectors agree, and the areas to discuss",
            id="agreement-tab",
            priority=True,
            key_display="^PgDn",
        ),
        bind(
            "ctrl+pagedown,ctrl+pageup",
            "show_tab('area')",
            "Area",
            "Back to grading the area",
            id="area-tab",
            priority=True,
            key_display="^PgDn",
        ),
        bind("escape", "back", "Back", "Back to the dashboard", show=False),
        bind("ctrl+q", "quit", "Quit", "Quit (everything is already saved)", show=False),
    ]

    AUTO_FOCUS = "#final-grade"

    DEFAULT_CSS = """
    JudgementsScreen .title-row { height: 1; padding: 0 1; }
    JudgementsScreen #judge-title { text-wrap: nowrap; text-overflow: ellipsis; }
    JudgementsScreen .key-hint { width: auto; color: $text-muted; }
    JudgementsScreen TabbedContent { height: 1fr; }
    JudgementsScreen TabPane { padding: 0 1; }
    JudgementsScreen #area-pane { height: 1fr; }
    JudgementsScreen #area-row { height: 1; }
    JudgementsScreen #area-select { width: 1fr; }
    JudgementsScreen #area-progress { width: auto; color: $text-muted; padding: 0 0 0 1; }
    JudgementsScreen #evidence { height: 5; }
    JudgementsScreen .evidence-col { width: 1fr; height: 100%; }
    JudgementsScreen .evidence-col.-right { margin: 0 0 0 1; }
    JudgementsScreen .evidence-head { text-style: bold; height: 1; }
    JudgementsScreen .evidence-list { height: 1fr; border: none; padding: 0; }
    JudgementsScreen #mismatch { height: auto; color: $warning; text-style: bold; }
    JudgementsScreen #grade-row { height: auto; layout: vertical; }
    JudgementsScreen #grade-side { width: 100%; height: auto; }
    JudgementsScreen .small-head { text-style: bold; height: 1; }
    JudgementsScreen #grade-box { height: auto; }
    JudgementsScreen #final-grade { width: 100%; }
    JudgementsScreen #rationale-side { width: 100%; height: auto; }
    JudgementsScreen #rationale {
        height: 6; border: round $panel-lighten-2; padding: 0 1; background: $boost;
        border-title-color: $text; border-title-style: bold;
    }
    JudgementsScreen #rationale:focus { border: round $accent; background: $primary 25%; }
    JudgementsScreen #rationale-note { height: auto; color: $text-muted; }
    JudgementsScreen #independent { height: auto; }
    JudgementsScreen #agreement-pane { height: 1fr; }
    JudgementsScreen #plain-summary { text-style: bold; height: auto; }
    JudgementsScreen #stats-hint { color: $text-muted; height: auto; }
    JudgementsScreen #statistics { height: auto; }
    JudgementsScreen #team-figure { text-style: bold; height: auto; }
    JudgementsScreen #team-explain { color: $text-muted; height: auto; }
    JudgementsScreen .section-head { text-style: bold; height: 1; margin: 1 0 0 0; }
    JudgementsScreen #discuss { height: auto; max-height: 10; }
    JudgementsScreen #discuss-note { height: auto; color: $text-muted; }
    JudgementsScreen #pair-row { height: 1; }
    JudgementsScreen #pair-row Static { width: auto; padding: 0 1 0 0; }
    JudgementsScreen #pair-a, JudgementsScreen #pair-b { width: 1fr; }
    JudgementsScreen #pair-result { height: auto; }
    JudgementsScreen #pairs { height: auto; max-height: 12; }
    JudgementsScreen.-tall #evidence { height: 14; }
    JudgementsScreen.-tall #rationale { height: 10; }
    JudgementsScreen.-wide #grade-row { layout: horizontal; height: auto; }
    JudgementsScreen.-wide #grade-side { width: 48; }
    JudgementsScreen.-wide #rationale-side { width: 1fr; margin: 0 0 0 1; }
    JudgementsScreen.-tall #pairs { max-height: 20; }
    """

    def __init__(self, inspection_id: str, *, area_id: str | None = None) -> None:
        super().__init__(inspection_id)
        #: The Area tab holds the data shown and the agreed grades being typed.
        self.area_pane = AreaPane(inspection_id, area_id, id="area-pane")

    @property
    def data(self) -> JudgementsData | None:
        return self.area_pane.data

    @property
    def area_id(self) -> str | None:
        """The area shown on the Area tab."""
        return self.area_pane.area_id

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="title-row"):
            yield Static("Judgements", id="judge-title", classes="screen-title")
            yield SaveIndicator()
            yield Static("Esc: back", classes="key-hint")
        self._tabs = TabbedContent(id="judge-tabs")
        with self._tabs:
            with TabPane("Area", id="area"):
                yield self.area_pane
            with TabPane("Agreement", id="agreement"):
                yield AgreementPane(id="agreement-pane")
        yield FittingFooter()

    # -- loading -----------------------------------------------------------------

    def load(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(
            lambda s: load_judgements(s, inspection_id), self.show, group="judgements"
        )

    def show(self, data: JudgementsData) -> None:
        if not self.is_attached:
            return
        first = self.data is None
        self.area_pane.take(data)
        self.sub_title = shown(data.title)
        self.show_area(reload_editor=first)
        if self.data is not None:
            self.query_one(AgreementPane).show(self.data)

    def show_area(self, *, reload_editor: bool = True) -> None:
        area = self.area_pane.current
        title = self.query_one("#judge-title", Static)
        if area is None:
            title.update("Judgements — no areas yet (add them in Set-up)")
            return
        title.update(escape(f"Judgements — {area.title}"))
        self.area_pane.show_area(area, reload_editor=reload_editor)

    # -- choosing the area ---------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "area-select":
            event.stop()
            if isinstance(event.value, str) and event.value != self.area_id:
                self.go_to(event.value)

    def go_to(self, area_id: str) -> None:
        self.area_pane.save_rationale(now=True)
        self.area_pane.area_id = area_id
        self.area_pane.fill_area_select()
        self.show_area()

    def action_area(self, offset: int) -> None:
        if self.data is None or not self.data.areas or self.area_id is None:
            return
        ids = [a.id for a in self.data.areas]
        index = ids.index(self.area_id)
        target = index + offset
        if not 0 <= target < len(ids):
            self.notify("That was the " + ("first" if offset < 0 else "last") + " area.")
            return
        self.go_to(ids[target])

    def action_area_key(self, offset: int) -> None:
        self.action_area(offset)

    def action_write_rationale(self) -> None:
        self.area_pane.begin_rationale()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tab = self._tab()
        if action == "show_tab":
            return parameters[0] != tab
        if action in ("area", "area_key", "inspector_grade", "write_rationale"):
            if tab != "area":
                return False
            if action == "area":
                return True
            # Letters and brackets are text while typing the rationale. i and r stay in the
            # Footer, dimmed, so it does not change under the typist's eyes.
            if isinstance(self.focused, TextArea):
                return False if action == "area_key" else None
        return True

    def _tab(self) -> str:
        # Kept from compose, not queried: Textual asks check_action for every binding at
        # every footer refresh, and a query walks the whole screen each time.
        tabs = self._tabs
        return tabs.active if tabs is not None and tabs.is_attached else ""

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()

    def action_show_tab(self, tab: str) -> None:
        tabs = self.query_one("#judge-tabs", TabbedContent)
        tabs.active = tab
        target = "#final-grade" if tabs.active == "area" else "#agreement-pane"
        self.call_after_refresh(lambda: self.query_one(target).focus())

    # -- inspectors' own grades ------------------------------------------------------------

    def action_inspector_grade(self) -> None:
        area = self.area_pane.current
        if area is None or self.data is None:
            return
        if not self.data.team:
            self.notify("Add the team first (Set-up, Team tab).", severity="warning")
            return
        existing = {g.judge_id: (g.grade, g.rationale) for g in area.independent}
        area_id = area.id
        inspection_id = self.inspection_id

        def chosen(result: tuple[str, str, str] | None) -> None:
            if result is None:
                return
            judge_id, grade, rationale = result
            warn_about_names(self, inspection_id, rationale, box=f"own-grade:{area_id}")

            def saved(_: object) -> None:
                if self.is_attached:
                    self.load()

            self.services.write(
                lambda s: judgement_edits.save_own_grade(
                    s, inspection_id, area_id, judge_id=judge_id, grade=grade, why=rationale
                ),
                saved,
            )

        self.app.push_screen(InspectorGradeDialog(area.title, self.data.team, existing), chosen)

    # -- leaving -------------------------------------------------------------------------------

    def action_back(self) -> None:
        if isinstance(self.focused, TextArea):
            self.area_pane.save_rationale(now=True)
            self.query_one("#final-grade").focus()
            return
        self.area_pane.save_rationale(now=True)
        self.dismiss()

    async def action_quit(self) -> None:
        self.area_pane.save_rationale(now=True)
        await self.app.action_quit()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.size.height >= 36, "-tall")
        self.set_class(self.size.width >= 110, "-wide")

    def on_key(self, event: events.Key) -> None:
        # ↓ on the tab names goes into the tab.
        if event.key == "down" and isinstance(self.focused, Tabs):
            event.stop()
            target = "#final-grade" if self._tab() == "area" else "#agreement-pane"
            self.query_one(target).focus()
