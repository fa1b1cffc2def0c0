"""The landlord's action plan: per recommendation, its response and its items.

At the top the recommendations (R1 …) with the response in words and how many items are
overdue; below them the selected recommendation's items, each with its by-when, status and
— when its date has passed and it is not done — "⚠ overdue since 31 March 2027" in words.
The form under the lists follows the list that has the cursor: the response for a
recommendation, the item for an item. Everything is saved as it is typed
(:mod:`screens.widgets.plan_forms`); a "by when" that is not a date, a month or a word such
as "ongoing" stays in its field, is explained and is not saved.

Items are added at the end (a), moved ([ ]) and deleted after a question (Del, a tombstone:
its monitoring history stays). o opens the monitoring rounds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from tenant_inspect.attempts import refusable
from tenant_inspect.edits import action_plan as plan_edits
from tenant_inspect.errors import UserError
from tenant_inspect.views.action_plan import ActionPlanData, ItemView, RecommendationPlan
from tenant_inspect.views.action_plan_read import load_action_plan

from .base import AnalysisScreen
from .bindings import QUIT, bind, move_bindings
from .markup import escape, problem_words, shown
from .plan_files import PlanFiles
from .plan_item_moves import PlanItemMoves
from .widgets.footer import FittingFooter
from .widgets.plan_forms import ItemForm, ResponseForm, item_line, items_words, rec_line
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session

TYPING = (TextArea, Input, Select)


class ActionPlanScreen(PlanFiles, PlanItemMoves, AnalysisScreen):
    """The response and items for each recommendation (see the module docstring)."""

    HELP_TITLE = "Action plan"
    HELP_TEXT = (
        "The landlord's answer to each recommendation. ↑↓ choose a recommendation; Tab "
        "goes to its items. The form below follows the list with the cursor: the response "
        "(accepted or not, why, the responsible officer and the executive sponsor by role, "
        "costs, how customers will have a say) or the selected item.\n"
        "e or Enter goes into the form, Tab moves between its fields, Esc comes back to the "
        "list. Everything is saved as you type.\n"
        "By when: a day (31/03/2027, 31 March 2027), a month (March 2027, 03/2027) or "
        "ongoing, completed, continuous. Anything else is kept in the field and explained, "
        "and not saved until it is one of these. An item whose date has passed and that is "
        "not done says 'overdue since …'.\n"
        "a adds an item at the end; [ and ] move it; Del deletes it after asking. "
        "o opens the monitoring rounds. x writes the plan for the landlord (an Excel "
        "workbook to fill in, or a Word form); i imports the filled-in workbook: it is "
        "checked first, and if anything is wrong every problem is listed and nothing "
        "changes. Esc goes back."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("a", "add", "Add item", "Add an item to the selected recommendation's plan"),
        bind("e", "edit", "Edit", "Go into the form below the lists"),
        *move_bindings("Move the item up", "Move the item down"),
        bind("delete", "delete", "Delete", "Delete the selected item (asks first)",
             key_display="Del"),
        bind("o", "monitoring", "Monitoring", "Monitoring rounds: what the panel saw"),
        bind("x", "export_plan", "Export", "The plan as a workbook for the landlord to fill in"),
        bind("i", "import_plan", "Import", "The landlord's filled-in workbook"),
        bind("escape", "back", "Back", "Back (from a field: to the list)", show=False),
        QUIT,
    ]  # fmt: skip

    LIST_ACTIONS = ("add", "edit", "move", "delete", "monitoring", "export_plan", "import_plan")

    CSS_PATH = "action_plan.tcss"

    def __init__(self, inspection_id: str, recommendation_id: str | None = None) -> None:
        super().__init__(inspection_id)
        self.data: ActionPlanData | None = None
        self._select_rec = recommendation_id
        self._select_item: str | None = None
        #: Go into the item's form once the next read has put it there (after adding one).
        self._edit_after_load = False
        #: Which form the detail shows: "response" or "item" (follows the list last used).
        self.mode = "response"
        self.response_form = ResponseForm(inspection_id, self._typed, id="response-form")
        self.item_form = ItemForm(inspection_id, self._typed, id="item-form")

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plan-body"):
            with Horizontal(classes="title-row"):
                yield Static("Action plan", id="plan-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            with Horizontal(id="plan-main"):
                with Vertical(id="plan-lists"):
                    yield OptionList(id="plan-recs", compact=True)
                    yield Static("", id="items-head", classes="list-head")
                    yield OptionList(id="plan-items", compact=True)
                with VerticalScroll(id="plan-detail", can_focus=False):
                    yield Static("", id="plan-empty")
                    yield self.response_form
                    yield self.item_form
            yield Static("", id="plan-message")
        yield FittingFooter()

    # -- loading -------------------------------------------------------------------------

    def load(self) -> None:
        inspection_id, today = self.inspection_id, date.today()
        self.services.read(
            lambda s: load_action_plan(s, inspection_id, today), self.show, group="action_plan"
        )

    def show(self, data: ActionPlanData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = shown(data.title)
        items = data.items
        self.query_one("#plan-title", Static).update(
            f"Action plan — {len(data.recommendations)} recommendations · {items_words(items)}"
        )
        self._fill_recs()
        if self._edit_after_load:
            self._edit_after_load = False
            self.action_edit()
            self.services.release_keys()
        elif self.focused is None and data.recommendations:
            self.query_one("#plan-recs", OptionList).focus()

    def _room(self) -> int:
        width = self.size.width or 80
        return (width // 2 if self.has_class("-wide") else width) - 10

    def rec_prompt(self, rec: RecommendationPlan) -> str:
        today = self.data.today if self.data else date.today()
        response = self.response_form.value(rec, "response")
        return rec_line(rec, response, self._room(), self.item_form.value, today)

    def item_prompt(self, item: ItemView) -> str:
        today = self.data.today if self.data else date.today()
        return item_line(item, self.item_form.value, today, self._room())

    def _fill_recs(self) -> None:
        assert self.data is not None
        recs = self.query_one("#plan-recs", OptionList)
        keep = self._select_rec or self.selected_rec_id()
        self._select_rec = None
        recs.clear_options()
        for rec in self.data.recommendations:
            recs.add_option(Option(self.rec_prompt(rec), id=rec.id))
        ids = [r.id for r in self.data.recommendations]
        empty = self.query_one("#plan-empty", Static)
        empty.display = not ids
        empty.update(
            "There are no recommendations yet: the landlord's plan answers them. Write them "
            "on the Recommendations screen (m on the dashboard)."
        )
        recs.display = bool(ids)
        if ids:
            recs.highlighted = ids.index(keep) if keep in ids else 0
        self._fill_items()

    def _fill_items(self) -> None:
        rec = self.selected_rec()
        listing = self.query_one("#plan-items", OptionList)
        keep = self._select_item or self.selected_item_id()
        self._select_item = None
        listing.clear_options()
        items = rec.items if rec else ()
        for item in items:
            listing.add_option(Option(self.item_prompt(item), id=item.id))
        ids = [i.id for i in items]
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else 0
        listing.display = bool(ids)
        head = self.query_one("#items-head", Static)
        head.display = rec is not None
        self._items_head(rec)
        self._show_detail()

    def _items_head(self, rec: RecommendationPlan | None) -> None:
        if rec is not None:
            today = self.data.today if self.data else date.today()
            counts = items_words(rec.items, self.item_form.value, today)
            more = "" if rec.items else " — press a to add the first"
            self.query_one("#items-head", Static).update(f"{rec.number}'s items: {counts}{more}")

    def _show_detail(self) -> None:
        rec, item = self.selected_rec(), self.selected_item()
        if self.mode == "item" and item is None:
            self.mode = "response"
        self.response_form.show(rec if self.mode == "response" else None)
        self.item_form.show(item if self.mode == "item" else None)
        self.response_form.display = self.mode == "response" and rec is not None
        self.item_form.display = self.mode == "item"
        if rec is not None and item is not None:
            self.item_form.set_head(item, rec.number)

    # -- selection -----------------------------------------------------------------------

    def selected_rec_id(self) -> str | None:
        return _highlighted(self.query_one("#plan-recs", OptionList))

    def selected_item_id(self) -> str | None:
        return _highlighted(self.query_one("#plan-items", OptionList))

    def selected_rec(self) -> RecommendationPlan | None:
        wanted = self.selected_rec_id()
        recs = self.data.recommendations if self.data else ()
        return next((r for r in recs if r.id == wanted), None)

    def selected_item(self) -> ItemView | None:
        rec, wanted = self.selected_rec(), self.selected_item_id()
        return next((i for i in rec.items if i.id == wanted), None) if rec else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_list.id == "plan-recs":
            shown = self.response_form.row or self.item_form.row
            if event.option.id != getattr(shown, "id", None):
                self._fill_items()
        elif self.mode == "item" and event.option.id != getattr(self.item_form.row, "id", None):
            self._show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        mode = {"plan-recs": "response", "plan-items": "item"}.get(event.widget.id or "")
        if mode and mode != self.mode:
            self.mode = mode
            self._show_detail()

    def _typed(self, row_id: str, field: str) -> None:
        """A field was saved: the lists' lines follow what was typed."""
        if self.data is None:
            return
        selected = self.selected_rec_id()
        for index, rec in enumerate(self.data.recommendations):
            if row_id in (rec.id, *(i.id for i in rec.items)) or rec.id == selected:
                self.query_one("#plan-recs", OptionList).replace_option_prompt_at_index(
                    index, self.rec_prompt(rec)
                )
        chosen = self.selected_rec()
        self._items_head(chosen)
        for index, item in enumerate(chosen.items if chosen else ()):
            if item.id == row_id:
                self.query_one("#plan-items", OptionList).replace_option_prompt_at_index(
                    index, self.item_prompt(item)
                )

    # -- changes -------------------------------------------------------------------------

    def plan_title(self) -> str:
        return self.data.title if self.data is not None else "inspection"

    def say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#plan-message", Static)
        message.update(escape(f"✗ {text}" if error else text))
        message.set_class(error, "-error")

    def save_typing(self) -> None:
        self.response_form.save(now=True)
        self.item_form.save(now=True)

    def write_change(self, fn: Callable[[Session], Any], done: str, then: str = "") -> None:
        """One change, written after the typing; reload; ``then`` "edit" goes into the item."""
        self.save_typing()
        if then == "edit":
            self.services.hold_keys()  # what is typed meanwhile goes into the new item

        def finished(result: tuple[Any, UserError | None]) -> None:
            value, error = result
            if error is not None or not self.is_attached:
                self.services.release_keys(keep=False)
            if not self.is_attached:
                return
            if error is not None:
                self.say(problem_words(error), error=True)
                self.app.bell()
                return
            self.say(done)
            if isinstance(value, str):
                self._select_item = value
                self.mode = "item"
            if then == "edit":  # once the new item is in the form, never before
                self.query_one("#plan-items", OptionList).focus()
                self._edit_after_load = True
            self.load()

        self.services.write(refusable(fn), finished)

    def action_add(self) -> None:
        rec = self.selected_rec()
        if rec is None:
            self.say("There is no recommendation to plan for yet.", error=True)
            return
        rec_id = rec.id
        self.write_change(
            lambda s: plan_edits.add_item(s, rec_id),
            f"Item added to {rec.number}: type its outcome, action and by when.",
            then="edit",
        )

    def action_edit(self) -> None:
        target = "#i-key_outcomes" if self.mode == "item" else "#r-response"
        if self.selected_rec() is None:
            return
        self.query_one(target).focus()

    def action_monitoring(self) -> None:
        self.save_typing()
        self.reload_on_return = True
        self.open("monitoring", self.inspection_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.LIST_ACTIONS:
            # While typing, letters, brackets and Del belong to the text.
            return not isinstance(self.focused, TYPING)
        return True

    # -- layout and leaving --------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        wide = self.size.width >= 140 and self.size.height >= 30
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
        if self.data is not None:
            self._fill_recs()

    def action_back(self) -> None:
        self.save_typing()
        if isinstance(self.focused, TYPING):
            target = "#plan-items" if self.mode == "item" else "#plan-recs"
            self.query_one(target, OptionList).focus()
            return
        bad = {**self.response_form.invalid, **self.item_form.invalid}
        if bad or self.item_form.refused:
            self.notify(
                "Not saved (not valid): By when. The saved value was kept.",
                severity="warning",
                title="Not saved",
            )
        self.dismiss()

    async def action_quit(self) -> None:
        self.save_typing()
        await self.app.action_quit()


def _highlighted(listing: OptionList) -> str | None:
    if listing.highlighted is None or not listing.option_count:
        return None
    return listing.get_option_at_index(listing.highlighted).id
