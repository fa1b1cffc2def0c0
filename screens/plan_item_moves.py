"""Moving and deleting the action plan's items (``[`` ``]`` and Del on the Action plan screen).

Kept beside :mod:`screens.plan_files` as a part of
:class:`~screens.action_plan.ActionPlanScreen`: both only ask the screen to write a change
(``write_change``, after pending typing is saved) and say what happened; the rules of the
change are ``tenant_inspect.edits.action_plan``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tenant_inspect.edits import action_plan as plan_edits

from .dialogs.confirm import ConfirmDialog
from .markup import clip

if TYPE_CHECKING:
    from sqlmodel import Session

    from tenant_inspect.views.action_plan import ItemView, RecommendationPlan

    from .widgets.plan_forms import ItemForm


class PlanItemMoves:
    """Move ([ ]) and delete (Del) for :class:`~screens.action_plan.ActionPlanScreen`."""

    if TYPE_CHECKING:  # what the screen provides (declared only for the type checker)
        app: Any
        item_form: ItemForm

        def say(self, text: str, *, error: bool = False) -> None: ...
        def selected_item(self) -> ItemView | None: ...
        def selected_rec(self) -> RecommendationPlan | None: ...
        def write_change(self, fn: Callable[[Session], Any], done: str, then: str = "") -> None: ...

    def action_move(self, offset: int) -> None:
        item, rec = self.selected_item(), self.selected_rec()
        if item is None or rec is None:
            self.say("Choose an item to move (Tab to the items).", error=True)
            return
        index = [i.id for i in rec.items].index(item.id)
        if not 0 <= index + offset < len(rec.items):
            self.say(f"{item.label} is already {'first' if offset < 0 else 'last'}.")
            return
        item_id = item.id
        self.write_change(
            lambda s: plan_edits.move_item(s, item_id, offset),
            f"Moved: it is now {rec.number}.{index + offset + 1}.",
        )

    def action_delete(self) -> None:
        item = self.selected_item()
        if item is None:
            self.say("Choose an item to delete (Tab to the items).", error=True)
            return
        item_id = item.id
        text = clip(self.item_form.value(item, "key_actions") or item.key_outcomes, 100)

        def confirmed(sure: bool | None) -> None:
            if sure:
                self.write_change(
                    lambda s: plan_edits.delete_item(s, item_id), f"{item.label} deleted."
                )

        question = f"Delete item {item.label}? Its monitoring notes are kept.\n\n“{text}”"
        self.app.push_screen(ConfirmDialog(question, "Delete"), confirmed)
