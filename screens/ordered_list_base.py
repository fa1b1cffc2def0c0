"""Base for screens that edit an ordered list in place: conclusions and recommendations.

Both screens show a list in report order above an editor that saves as it is typed, and both
add, move ([ ]) and delete (after a question) one item at a time. What must behave the same
on both lives here: every change is written *after* whatever the editor holds, then the list
is reloaded with the same item (or the new one) still selected; keys that edit the list are
off while the cursor is in a text field; Esc first leaves the field, then the screen.

Subclasses say what their rows are, how a row reads in the list, and which core function
moves or deletes one. Not a route: it is never opened on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from tenant_inspect.attempts import refusable
from tenant_inspect.errors import UserError

from .base import AnalysisScreen, must_define
from .bindings import bind
from .dialogs.confirm import ConfirmDialog
from .markup import escape, problem_words

if TYPE_CHECKING:
    from sqlmodel import Session


class HasId(Protocol):
    @property
    def id(self) -> str: ...


RowT = TypeVar("RowT", bound=HasId)


def delete_binding(tooltip: str) -> Binding:
    return bind("delete", "delete", "Delete", tooltip, key_display="Del")


LEAVE_BINDINGS = [
    bind("escape", "back", "Back", "Back to the dashboard", show=False),
    bind("ctrl+q", "quit", "Quit", "Quit (everything is saved)", show=False),
]


class OrderedListScreen(AnalysisScreen, Generic[RowT]):
    """An ordered list with an editor for the selected item (see the module docstring)."""

    #: The list, the message line under it, and the field ``e`` goes into.
    LIST_ID: ClassVar[str]
    MESSAGE_ID: ClassVar[str]
    EDITOR_ID: ClassVar[str]
    #: Said when ``e`` is pressed with nothing to edit.
    NOTHING_TO_EDIT: ClassVar[str]
    #: Widgets in which typing is text, not commands.
    TYPING_WIDGETS: ClassVar[tuple[type[Widget], ...]] = (TextArea, Select)
    #: Actions that are off while typing.
    LIST_ACTIONS: ClassVar[tuple[str, ...]] = ("add", "edit", "move", "delete")

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        #: The item to select after the next reload (the one just added or moved).
        self._select: str | None = None

    # -- what subclasses say -----------------------------------------------------------

    def rows(self) -> Sequence[RowT]:
        """The items, in order."""
        must_define(self, "rows")

    def prompt(self, number: int, row: RowT) -> str:
        """How the row reads in the list (``number`` counts from 1)."""
        must_define(self, "prompt")

    def editing_id(self) -> str | None:
        """The item the editor holds (it lags the selection while switching)."""
        must_define(self, "editing_id")

    def show_selected(self) -> None:
        """Put the selected item in the editor, after saving what the editor held."""
        must_define(self, "show_selected")

    def save_typing(self) -> None:
        """Save what the editor holds now (the last keystrokes may not be saved yet)."""
        must_define(self, "save_typing")

    def move_change(self, row: RowT, offset: int) -> Callable[[Session], Any]:
        """The write that moves ``row`` by ``offset``."""
        must_define(self, "move_change")

    def delete_change(self, row: RowT) -> Callable[[Session], Any]:
        """The write that deletes ``row``."""
        must_define(self, "delete_change")

    def already_words(self, row: RowT, offset: int) -> str:
        """What to say when ``row`` cannot move further that way."""
        must_define(self, "already_words")

    def moved_words(self, row: RowT, number: int) -> str | None:
        """What to say once moved to position ``number`` (None: nothing)."""
        return None

    def delete_question(self, row: RowT) -> str:
        """The question asked before deleting ``row``."""
        must_define(self, "delete_question")

    def deleted_words(self, row: RowT) -> str:
        """What to say once ``row`` is deleted."""
        must_define(self, "deleted_words")

    # -- the list ---------------------------------------------------------------------

    def fill_list(self) -> None:
        """Redraw the list, keeping the selection (or moving it to the item just changed)."""
        rows = self.rows()
        listing = self.query_one(self.LIST_ID, OptionList)
        keep = self._select or self.selected_id()
        self._select = None
        listing.clear_options()
        for number, row in enumerate(rows, start=1):
            listing.add_option(Option(self.prompt(number, row), id=row.id))
        ids = [r.id for r in rows]
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else 0

    def focus_list_if_lost(self) -> None:
        """Focus the list unless the cursor is already in something visible."""
        if self.rows() and (self.focused is None or not self.focused.display):
            self.query_one(self.LIST_ID, OptionList).focus()

    def refresh_prompt(self, row_id: str) -> None:
        """Redraw one item's line (after its text was typed)."""
        listing = self.query_one(self.LIST_ID, OptionList)
        for index, row in enumerate(self.rows()):
            if row.id == row_id:
                listing.replace_option_prompt_at_index(index, self.prompt(index + 1, row))

    def selected_id(self) -> str | None:
        listing = self.query_one(self.LIST_ID, OptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def selected(self) -> RowT | None:
        selected = self.selected_id()
        return next((r for r in self.rows() if r.id == selected), None)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == self.LIST_ID[1:]:
            event.stop()
            if event.option.id != self.editing_id():
                self.show_selected()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == self.LIST_ID[1:]:
            event.stop()
            self.action_edit()

    # -- changes ----------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one(self.MESSAGE_ID, Static)
        message.update(escape(f"✗ {text}" if error else text))
        message.set_class(error, "-error")

    def write_change(
        self, fn: Callable[[Session], Any], done: str | None, select: str | None = None
    ) -> None:
        """One change, written after what the editor holds; then reload and say what happened.

        The item selected afterwards is ``select``, or the id the change returned (a new item).
        """
        self.save_typing()

        def finished(result: tuple[Any, UserError | None]) -> None:
            value, error = result
            if not self.is_attached:
                return
            if error is not None:
                self.say(problem_words(error), error=True)
                self.app.bell()
            else:
                self.say(done or "")
            self._select = select or (value if isinstance(value, str) else None)
            self.load()

        self.services.write(refusable(fn), finished)

    def action_edit(self) -> None:
        if self.selected() is None:
            self.say(self.NOTHING_TO_EDIT, error=True)
            return
        editor = self.query_one(self.EDITOR_ID, TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_move(self, offset: int) -> None:
        row = self.selected()
        if row is None:
            return
        ids = [r.id for r in self.rows()]
        index = ids.index(row.id)
        if not 0 <= index + offset < len(ids):
            self.say(self.already_words(row, offset))
            return
        self.write_change(
            self.move_change(row, offset), self.moved_words(row, index + offset + 1), row.id
        )

    def action_delete(self) -> None:
        row = self.selected()
        if row is None:
            return

        def confirmed(sure: bool | None) -> None:
            if sure:
                self.write_change(self.delete_change(row), self.deleted_words(row))

        self.app.push_screen(ConfirmDialog(self.delete_question(row), "Delete"), confirmed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.LIST_ACTIONS:
            # While typing, letters, brackets, arrows and Del belong to the text.
            return not isinstance(self.focused, self.TYPING_WIDGETS)
        return True

    # -- leaving ----------------------------------------------------------------------

    def before_leaving(self) -> None:
        """Anything to tell the user as the screen closes (after the last save)."""

    def action_back(self) -> None:
        if isinstance(self.focused, self.TYPING_WIDGETS):
            self.save_typing()
            self.query_one(self.LIST_ID, OptionList).focus()
            return
        self.save_typing()
        self.before_leaving()
        self.dismiss()

    async def action_quit(self) -> None:
        self.save_typing()
        await self.app.action_quit()
