"""Base for the fieldwork lists (documents, interviews): one table of rows to open.

Both lists are the same screen with different columns: a title with the save indicator, a
status line, a table, and a friendly text instead of the table while there is nothing
yet. They reload whenever the data may have changed (a write here or underneath, coming
back from a runner) and keep the row the inspector was on, so coming back from an
interview lands on that interview. This base does all of that once; a list says what it
reads (:meth:`loader`), how it fills the table (:meth:`fill`) and what opening a row does
(:meth:`open_row`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from .base import ServicesMixin, must_define
from .messages import DataChanged
from .widgets.footer import FittingFooter
from .widgets.save_indicator import SaveIndicator
from .widgets.tables import FittedTable

if TYPE_CHECKING:
    from sqlmodel import Session

ListData = TypeVar("ListData")


def progress_column(wide: bool) -> tuple[str, str, int]:
    """The progress column (heading, key, width): "7 of 23 answered", or "7 of 23" when narrow."""
    return ("Progress", "progress", 14) if wide else ("Answered", "progress", 8)


def progress_cell(progress: str, wide: bool) -> str:
    return progress if wide else progress.removesuffix(" answered")


def free_width(total: int, fixed: list[tuple[str, str, int]], *others: int) -> int:
    """What is left (at least 16) of ``total`` for the one flexible column of a list."""
    return max(16, total - 4 - sum(w + 2 for w in others) - sum(w + 2 for _, _, w in fixed) - 2)


class ListScreenBase(ServicesMixin, Screen[None], Generic[ListData]):
    """A titled table of rows read in a worker; Enter opens the selected row."""

    CSS_PATH = "fieldwork.tcss"

    #: The table's id (tests and styles find it by this).
    TABLE_ID: ClassVar[str] = "rows"
    #: Shown above the table.
    LIST_TITLE: ClassVar[str] = ""
    #: Shown instead of the table while the list is empty (markup).
    EMPTY_TEXT: ClassVar[str] = ""
    #: Actions that need a selected row: shown dimmed until there is one.
    ROW_ACTIONS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, inspection_id: str) -> None:
        super().__init__()
        self.inspection_id = inspection_id
        self.data: ListData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="list-body"):
            with Horizontal(id="list-title-row"):
                yield Static(self.LIST_TITLE, id="list-title", classes="screen-title")
                yield SaveIndicator()
            yield Static("Opening…", id="list-status")
            yield FittedTable(id=self.TABLE_ID, cursor_type="row", zebra_stripes=True)
            yield Static(self.EMPTY_TEXT, id="list-empty")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#list-empty").display = False
        self.reload()

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self.reload()

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.data is not None:
            self.show(self.data)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.ROW_ACTIONS:
            return True if self.selected_id() else None
        return True

    # -- reading and showing ----------------------------------------------------

    def loader(self) -> Callable[[Session], ListData]:
        """Each list says what it reads."""
        must_define(self, "loader")

    def fill(self, table: DataTable[object], data: ListData) -> list[str]:  # pragma: no cover
        """Add the columns and rows (and update the title and status); return the row ids."""
        must_define(self, "fill")

    def reload(self) -> None:
        self.services.read(self.loader(), self.show, group=self.TABLE_ID)

    def reload_and_select(self, row_id: str) -> None:
        """Reload, then put the cursor on ``row_id`` (a row just added)."""

        def then(data: ListData) -> None:
            self.show(data)
            self.select(row_id)

        self.services.read(self.loader(), then, group=self.TABLE_ID)

    def show(self, data: ListData) -> None:
        if not self.is_attached:
            return
        self.data = data
        table: DataTable[object] = self.query_one(f"#{self.TABLE_ID}", DataTable)
        selected = self.selected_id()
        table.clear(columns=True)
        shown = self.fill(table, data)
        table.display = bool(shown)
        self.query_one("#list-empty").display = not shown
        if selected and selected in shown:
            table.move_cursor(row=table.get_row_index(selected))
        self.refresh_bindings()
        if shown:
            table.focus()

    # -- the selected row -------------------------------------------------------

    def selected_id(self) -> str | None:
        table: DataTable[object] = self.query_one(f"#{self.TABLE_ID}", DataTable)
        if not table.row_count or not table.display:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def select(self, row_id: str) -> None:
        table: DataTable[object] = self.query_one(f"#{self.TABLE_ID}", DataTable)
        if table.row_count:
            table.move_cursor(row=table.get_row_index(row_id))

    def selected_or_say(self, nothing: str) -> str | None:
        """The selected row's id; when there is none, say ``nothing`` (what to do first)."""
        row_id = self.selected_id()
        if row_id is None:
            self.notify(nothing)
        return row_id

    def open_selected(self, nothing: str) -> None:
        """Open the selected row, or say ``nothing`` when there is none."""
        row_id = self.selected_or_say(nothing)
        if row_id is not None:
            self.open_row(row_id)

    def open_row(self, row_id: str) -> None:
        """Each list says what opening a row does."""
        must_define(self, "open_row")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.open_row(event.row_key.value)

    def action_back(self) -> None:
        self.dismiss()
