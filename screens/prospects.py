"""Prospects for improvement: the final edition's judgement of the landlord's plan.

Its own small screen rather than a part of monitoring: at 80×24 the monitoring screen has
no room left, and the prospects are judged once, at the end, not in every round. Three
questions — track record of improvement, how well performance is managed, capacity to
improve — each on the four-point scale, an overall excellent / promising / uncertain / poor,
and a rationale, all saved as chosen and typed. Above them, the warnings that tie the grades
to the plan's items (:func:`tenant_inspect.views.action_plan.prospects_warnings`), for
example "capacity to improve: strengths outweigh weaknesses, but 9 of 14 items are off
track or overdue".
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Input, Select, Static, TextArea

from tenant_inspect.views.action_plan import ActionPlanData
from tenant_inspect.views.action_plan_read import load_action_plan

from .base import AnalysisScreen
from .bindings import QUIT, bind
from .markup import escape, shown
from .widgets.footer import FittingFooter
from .widgets.prospects_form import ProspectsForm, prospects_row
from .widgets.save_indicator import SaveIndicator

TYPING = (TextArea, Input, Select)


def items_summary(data: ActionPlanData) -> str:
    """'14 items: 3 on track · 9 off track … · 4 overdue' — what the grades are tied to."""
    items = data.items
    if not items:
        return "The plan has no items yet, so there is nothing to tie the grades to."
    counts: dict[str, int] = {}
    for item in items:
        counts[item.current_status_words] = counts.get(item.current_status_words, 0) + 1
    parts = [f"{n} {words.lower()}" for words, n in counts.items()]
    late = sum(1 for i in items if i.overdue)
    return f"{len(items)} items now: " + " · ".join(parts) + (f" · {late} overdue" if late else "")


class ProspectsScreen(AnalysisScreen):
    """The three graded questions, the overall assessment, a rationale, and the warnings."""

    HELP_TITLE = "Prospects for improvement"
    HELP_TEXT = (
        "Judge the landlord's prospects once the plan has run: the track record of "
        "improvement, how well performance is managed and the capacity to improve, each on "
        "the four-point scale, then the overall assessment (excellent, promising, uncertain "
        "or poor prospects) and why. Tab moves between them; Enter opens a choice. "
        "Everything is saved as chosen or typed.\n"
        "A warning (⚠) says when a grade and the plan's items disagree: a good grade while "
        "half the items or more are off track or overdue, or a poor one while most are on "
        "track or done. Esc goes back."
    )

    AUTO_FOCUS = "#p-track_record"

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "back", "Back", "Back (from the rationale: to the grades)"),
        QUIT,
    ]

    DEFAULT_CSS = """
    ProspectsScreen #pro-body { padding: 0 1; }
    ProspectsScreen .title-row { height: 1; }
    ProspectsScreen #pro-title { text-wrap: nowrap; text-overflow: ellipsis; }
    ProspectsScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    ProspectsScreen #pro-items { height: auto; color: $text-muted; }
    ProspectsScreen #pro-warnings { height: auto; max-height: 4; color: $warning; text-style: bold; }
    ProspectsScreen #pro-detail { height: 1fr; }
    ProspectsScreen ProspectsForm .form-head { margin: 1 0 0 0; }
    ProspectsScreen ProspectsForm .form-text { height: 4; }
    ProspectsScreen ProspectsForm .form-row { margin: 1 0 0 0; }
    ProspectsScreen ProspectsForm .form-label { width: 32; }
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        self.data: ActionPlanData | None = None
        self.form = ProspectsForm(inspection_id, self._saved, id="prospects-form")

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="pro-body"):
            with Horizontal(classes="title-row"):
                yield Static("Prospects for improvement", id="pro-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            yield Static("", id="pro-items")
            yield Static("", id="pro-warnings")
            with VerticalScroll(id="pro-detail", can_focus=False):
                yield self.form
        yield FittingFooter()

    def load(self) -> None:
        inspection_id, today = self.inspection_id, date.today()
        self.services.read(
            lambda s: load_action_plan(s, inspection_id, today), self.show, group="prospects"
        )

    def show(self, data: ActionPlanData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = shown(data.title)
        self.query_one("#pro-items", Static).update(escape(items_summary(data)))
        warnings = self.query_one("#pro-warnings", Static)
        warnings.update(escape("\n".join(f"⚠ {w}" for w in data.prospects.warnings)))
        warnings.display = bool(data.prospects.warnings)
        self.form.show(prospects_row(self.inspection_id, data.prospects))

    def _saved(self, row_id: str, field: str) -> None:
        if field != "rationale":  # a grade: read the warnings again once it is written
            self.services.write(lambda s: None, lambda _: self.load() if self.is_attached else None)

    def action_back(self) -> None:
        self.form.save(now=True)
        if isinstance(self.focused, TextArea):
            self.query_one("#p-overall").focus()
            return
        self.dismiss()

    async def action_quit(self) -> None:
        self.form.save(now=True)
        await self.app.action_quit()
