"""Recommendations: R1, R2 … with their actions, benefits, levels, dates and evidence.

The list at the top is the report's order; the numbers follow it and are
rewritten whenever a recommendation is added, moved ([ ]) or deleted, so there
is never a gap or a duplicate. Links to findings are by id, so renumbering
never loses them.

The selected recommendation is edited in the form below the list
(:mod:`screens.widgets.recommendation_form`), saved as it is typed. Press l to
choose the findings it answers — the area's weaknesses are offered first. Two
warnings keep recommendations tied to the evidence: a recommendation citing no
finding, and weaknesses no recommendation answers (press w to see them and link
one to the selected recommendation).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input, OptionList, Select, Static, TextArea

from tenant_inspect.edits import recommendations as recommendation_edits
from tenant_inspect.views.recommendations import (
    RecsData,
    load_recommendations,
    offer_order,
    shared_area,
)
from tenant_inspect.views.shared import RecommendationData

from .bindings import bind, move_bindings
from .dialogs.link_findings import LinkFindingsDialog
from .dialogs.text_entry import TextDialog
from .dialogs.unanswered import UnansweredDialog
from .markup import clip, escape, shown
from .name_warning import warn_about_names
from .ordered_list_base import LEAVE_BINDINGS, OrderedListScreen, delete_binding
from .widgets.footer import FittingFooter
from .widgets.recommendation_form import FIELD_NAMES, NO_AREA, RecommendationForm
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session


def cited_words(recs: tuple[RecommendationData, ...]) -> str:
    """How many different findings the recommendations cite, in words for the title."""
    cited = {finding_id for rec in recs for finding_id in rec.finding_ids}
    if not cited:
        return "no findings cited yet"
    verb = "it cites" if len(recs) == 1 else "they cite"
    return f"{verb} {len(cited)} finding{'s' if len(cited) != 1 else ''}"


class RecommendationsScreen(OrderedListScreen[RecommendationData]):
    """Numbered recommendations, each tied to the findings it answers."""

    HELP_TITLE = "Recommendations"
    HELP_TEXT = (
        "The list is the report's order: R1, R2 … are renumbered whenever you add, move or "
        "delete one, and the findings each cites stay with it.\n"
        "↑↓ choose a recommendation; Enter or e goes into its form, Tab moves between the "
        "fields, Esc comes back to the list. Everything is saved as you type; a target date "
        "can be written 14/06/2021, 14 June 2021 or 2021-06-14. Sub-actions: one per line.\n"
        "a adds one at the end; [ and ] move it up or down; Del deletes it after asking.\n"
        "l chooses the findings it answers (this area's weaknesses first); w lists the "
        "weaknesses no recommendation answers yet (Enter links one to the selected "
        "recommendation). p opens the landlord's action plan at the selected recommendation. "
        "When every finding a recommendation cites is about one area, a "
        "recommendation still under Whole organisation moves to that area, so the area's "
        "part of the report lists it (the Area field changes it back).\n"
        "Esc goes back to the dashboard."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("a", "add", "Add", "Add a recommendation at the end"),
        bind("e", "edit", "Edit", "Go into the selected one's form"),
        bind("l", "link", "Findings", "Choose the findings this one answers"),
        bind("w", "unanswered", "Unanswered", "Weaknesses no recommendation answers"),
        bind("p", "action_plan", "Plan", "The landlord's action plan for the selected one"),
        *move_bindings("Earlier (renumbers)", "Later (renumbers)"),
        delete_binding("Delete the selected recommendation (asks first)"),
        *LEAVE_BINDINGS,
    ]

    AUTO_FOCUS = "#recs"
    LIST_ID = "#recs"
    MESSAGE_ID = "#recs-message"
    EDITOR_ID = "#f-text"
    NOTHING_TO_EDIT = "There is no recommendation yet: press a to add one."
    TYPING_WIDGETS = (TextArea, Input, Select)
    LIST_ACTIONS = ("add", "edit", "link", "unanswered", "action_plan", "move", "delete")

    DEFAULT_CSS = """
    RecommendationsScreen #recs-body { padding: 0 1; }
    RecommendationsScreen .title-row { height: 1; }
    RecommendationsScreen #recs-title { text-wrap: nowrap; text-overflow: ellipsis; }
    RecommendationsScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    RecommendationsScreen #recs-warnings { height: auto; max-height: 3; color: $warning; }
    RecommendationsScreen #recs-main { height: 1fr; layout: vertical; }
    RecommendationsScreen.-wide #recs-main { layout: horizontal; }
    RecommendationsScreen #recs-side { height: auto; }
    RecommendationsScreen.-wide #recs-side { height: 1fr; width: 2fr; }
    RecommendationsScreen #recs { height: 7; }
    RecommendationsScreen.-wide #recs { height: 1fr; }
    RecommendationsScreen #recs-empty { height: auto; color: $text-muted; padding: 1; }
    RecommendationsScreen #rec-form { height: 1fr; padding: 0 1 0 0; }
    RecommendationsScreen.-wide #rec-form { width: 3fr; padding: 0 0 0 1; }
    RecommendationsScreen .form-head.-first { margin: 0; }
    RecommendationsScreen .form-head { text-style: bold; height: 1; margin: 1 0 0 0; }
    RecommendationsScreen .form-text { padding: 0 1; background: $boost; height: 3; }
    RecommendationsScreen .form-text:focus { background: $primary 25%; }
    RecommendationsScreen #f-text { height: 4; }
    RecommendationsScreen .form-row { height: 1; margin: 1 0 0 0; }
    RecommendationsScreen .form-label { width: 10; text-style: bold; }
    RecommendationsScreen .form-row Select { width: 1fr; margin: 0 1 0 0; }
    RecommendationsScreen #f-cost { width: 2fr; }
    RecommendationsScreen #f-target_date { width: 20; background: $boost; margin: 0 1 0 0; }
    RecommendationsScreen #f-target_date:focus { background: $primary 25%; }
    RecommendationsScreen .field-error { color: $error; text-style: bold; height: auto; }
    RecommendationsScreen #rec-warning { color: $warning; text-style: bold; height: auto; }
    RecommendationsScreen #rec-links { height: auto; }
    RecommendationsScreen #recs-message { height: auto; }
    RecommendationsScreen #recs-message.-error { color: $error; text-style: bold; }
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        self.data: RecsData | None = None
        self.form = RecommendationForm(
            inspection_id, self.refresh_prompt, id="rec-form", can_focus=False
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="recs-body"):
            with Horizontal(classes="title-row"):
                yield Static("Recommendations", id="recs-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            yield Static("", id="recs-warnings")
            with Horizontal(id="recs-main"):
                with Vertical(id="recs-side"):
                    yield OptionList(id="recs")
                    yield Static("", id="recs-empty")
                yield self.form
            yield Static("", id="recs-message")
        yield FittingFooter()

    # -- loading ---------------------------------------------------------------------

    def load(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(
            lambda s: load_recommendations(s, inspection_id), self.show, group="recommendations"
        )

    def show(self, data: RecsData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = shown(data.title)
        self.form.set_data(data)
        self._fill()
        self._show_warnings()

    def rows(self) -> tuple[RecommendationData, ...]:
        return self.data.recs if self.data else ()

    def value(self, rec: RecommendationData, field: str) -> Any:
        """What the form shows for a field (typed here, or as stored)."""
        return self.form.value(rec, field)

    def _fill(self) -> None:
        assert self.data is not None
        self.fill_list()
        n = len(self.data.recs)
        self.query_one("#recs-title", Static).update(
            f"Recommendations — {n}"
            + (f" (R1–R{n})" if n > 1 else "")
            + (f" · {cited_words(self.data.recs)}" if n else "")
        )
        empty = self.query_one("#recs-empty", Static)
        empty.display = not n
        self.query_one("#recs", OptionList).display = bool(n)
        empty.update("No recommendations yet: press a to add the first (R1).")
        self.form.display = bool(n)
        self.focus_list_if_lost()
        self.show_selected()

    def prompt(self, number: int, row: RecommendationData) -> str:
        assert self.data is not None
        letter = next((a.letter for a in self.data.areas if a.id == row.area_id), "–")
        text = " ".join(str(self.value(row, "text")).split())
        n = len(row.finding_ids)
        flag = "  ⚠ cites no finding" if not n else f"  ({n})"
        lead = f"R{row.number} {letter}  "
        # The list's border, padding and scroll bar take 8 columns, the body's padding 2.
        room = (
            (self.size.width or 80)
            if not self.has_class("-wide")
            else int((self.size.width or 80) * 0.4)
        )
        width = max(20, room - 10 - len(lead) - len(flag))
        internal = "(internal) " if row.internal else ""
        return escape(f"{lead}{clip(internal + text, width)}{flag}")

    def _show_warnings(self) -> None:
        assert self.data is not None
        uncited = [r for r in self.data.recs if not r.finding_ids]
        unanswered = self.data.unanswered
        parts = []
        if uncited:
            numbers = ", ".join(f"R{r.number}" for r in uncited[:6]) + (
                " …" if len(uncited) > 6 else ""
            )
            parts.append(f"⚠ {numbers} cite{'s' if len(uncited) == 1 else ''} no finding (l links)")
        if unanswered:
            n = len(unanswered)
            parts.append(
                f"⚠ {n} weakness{'es' if n != 1 else ''} no recommendation answers (w lists "
                f"{'them' if n != 1 else 'it'})"
            )
        widget = self.query_one("#recs-warnings", Static)
        widget.update(escape(" · ".join(parts)))
        widget.display = bool(parts)

    # -- the form ------------------------------------------------------------------------------

    def editing_id(self) -> str | None:
        return self.form.form_id

    def show_selected(self) -> None:
        self.form.show(self.selected())

    def save_typing(self) -> None:
        self.form.save(now=True)

    # -- actions -----------------------------------------------------------------------------

    def action_add(self) -> None:
        inspection_id = self.inspection_id
        current = self.selected()
        area_id = current.area_id if current else None

        def chosen(text: str | None) -> None:
            if text:
                self.write_change(
                    lambda s: recommendation_edits.add_recommendation(
                        s, inspection_id, text, area_id
                    ),
                    "Recommendation added at the end: press l to link the findings it answers.",
                )
                warn_about_names(self, inspection_id, text, box="new-recommendation")

        self.app.push_screen(
            TextDialog(
                "Add a recommendation",
                "What the landlord should do. Sub-actions, benefits, levels and the target date "
                "go in the form afterwards.",
            ),
            chosen,
        )

    def move_change(self, row: RecommendationData, offset: int) -> Callable[[Session], Any]:
        return lambda s: recommendation_edits.move_recommendation(s, row.id, offset)

    def already_words(self, row: RecommendationData, offset: int) -> str:
        return f"R{row.number} is already {'first' if offset < 0 else 'last'}."

    def moved_words(self, row: RecommendationData, number: int) -> str:
        return f"Moved: it is now R{number}; the others are renumbered."

    def delete_change(self, row: RecommendationData) -> Callable[[Session], Any]:
        return lambda s: recommendation_edits.delete_recommendation(s, row.id)

    def delete_question(self, row: RecommendationData) -> str:
        text = clip(str(self.value(row, "text")), 120)
        return f"Delete R{row.number}? The recommendations after it move up one number.\n\n“{text}”"

    def deleted_words(self, row: RecommendationData) -> str:
        return f"R{row.number} deleted; the ones after it are renumbered."

    def action_link(self) -> None:
        rec = self.selected()
        if rec is None or self.data is None:
            self.say("Add a recommendation first (a).", error=True)
            return
        area_id = self.value(rec, "area_id")
        area_id = None if area_id == NO_AREA else area_id
        offered = offer_order(self.data.findings, area_id)
        rec_id = rec.id

        def chosen(ticked: list[str] | None) -> None:
            if ticked is None:
                return
            n = len(ticked)
            self.save_links(
                rec,
                ticked,
                lambda s: recommendation_edits.set_links(s, rec_id, ticked),
                f"R{rec.number} now cites {n} finding{'s' if n != 1 else ''}.",
            )

        self.app.push_screen(
            LinkFindingsDialog(
                f"Findings R{rec.number} answers — {clip(str(self.value(rec, 'text')), 50)}",
                offered,
                rec.finding_ids,
            ),
            chosen,
        )

    def save_links(
        self,
        rec: RecommendationData,
        cited: list[str],
        link: Callable[[Session], object],
        done: str,
    ) -> None:
        """Write ``link`` (after it ``rec`` cites ``cited``); file it under their one area.

        A recommendation still under "Whole organisation" that answers one area only would
        leave that area's section of the report without it, so it moves to that area (in
        the same change) and the message says so; the Area field changes it back.
        """
        assert self.data is not None
        rec_id = rec.id
        area_id = self.value(rec, "area_id")
        whole = area_id in (None, NO_AREA)
        proposed = shared_area(self.data.findings, cited) if whole else None
        area = next((a for a in self.data.areas if a.id == proposed), None)
        if area is None:
            self.write_change(link, done, rec_id)
            return

        def links_and_area(s: Session) -> str:
            link(s)
            recommendation_edits.save_recommendation_field(s, rec_id, "area_id", area.id)
            return rec_id

        self.write_change(
            links_and_area,
            f"{done} Its area is now {area.title}, the area of every finding it cites "
            "(change it under Area).",
            rec_id,
        )

    def action_unanswered(self) -> None:
        if self.data is None:
            return
        rec = self.selected()
        wanted = set(self.data.unanswered)
        area_id = rec.area_id if rec else None
        rows = offer_order([f for f in self.data.findings if f.id in wanted], area_id)

        def chosen(finding_id: str | None) -> None:
            if finding_id and rec is not None and finding_id not in rec.finding_ids:
                rec_id = rec.id
                self.save_links(
                    rec,
                    [*rec.finding_ids, finding_id],
                    lambda s: recommendation_edits.link_one(s, rec_id, finding_id),
                    f"Linked to R{rec.number}.",
                )

        self.app.push_screen(UnansweredDialog(rows, rec.number if rec else None), chosen)

    def action_action_plan(self) -> None:
        rec = self.selected()
        self.save_typing()
        self.reload_on_return = True
        self.open("action_plan", self.inspection_id, rec.id if rec else None)

    # -- layout and leaving ----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        wide = self.size.width >= 140 and self.size.height >= 30
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
            if self.data is not None:
                self._fill()

    def before_leaving(self) -> None:
        if self.form.invalid:
            names = ", ".join(FIELD_NAMES.get(f, f) for f in self.form.invalid)
            self.notify(
                f"Not saved (not valid): {names}. The saved value was kept.",
                severity="warning",
                title="Not saved",
            )
