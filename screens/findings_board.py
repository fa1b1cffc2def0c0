"""The findings board: every finding of the inspection, to review, tidy and merge.

After fieldwork the coordinator turns hundreds of notes into a clean set of
findings. This screen shows them all in one table — area, kind, themes,
author, the evidence in words, the text — and lets the coordinator

* find: search as you type, filter by kind, area and theme, sort by any column
  (press 1–6, or o to go round the columns; press the same number again to
  reverse);
* fix: edit a finding (the same form inspectors use), move it to another area;
* merge duplicates: press m on one, move to the other, press m again and
  confirm which wording to keep (:func:`tenant_inspect.analysis.merge_findings`
  moves themes and recommendation links to the survivor and keeps the other as
  merged, never deleted); or press d for the possible duplicates
  :mod:`tenant_inspect.similarity` suggests;
* check: press v to read the evidence behind a finding — the question, the
  answer and the notes, or the document.

All findings are read once, in a worker, into plain rows
(:func:`tenant_inspect.views.board.load_board`); search, filters and sorting
work on those rows in memory, and the table is rebuilt only when what it shows
changes (typing in the search box waits for a short pause first), so the large
demo's 1,000 findings stay responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Header, Input, Select, Static

from tenant_inspect.edit_bases import edited_from
from tenant_inspect.edits.board import merge_duplicate, move_finding
from tenant_inspect.edits.findings import FindingDraft, save_finding_change
from tenant_inspect.views import board
from tenant_inspect.views.board import ALL, NO_AREA, BoardData, BoardRow, EvidenceView, Filters

from .base import AnalysisScreen
from .bindings import bind
from .dialogs.area_picker import AreaPickerDialog
from .dialogs.evidence import EvidenceDialog
from .dialogs.finding import FindingDialog
from .dialogs.merge_findings import MergeFindingsDialog
from .markup import escape, shown
from .messages import announce_change
from .name_warning import warn_about_names
from .widgets.board_filters import BoardFilters
from .widgets.board_status import LEGEND, BoardDetail, BoardStatus, board_title
from .widgets.board_table import BoardTable, Widths, author_width, column_widths
from .widgets.footer import FittingFooter
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session


class FindingsBoardScreen(AnalysisScreen):
    """Every finding: search, filter, sort, edit, move, merge, and see the evidence."""

    HELP_TITLE = "Findings board"
    HELP_TEXT = (
        "Every finding of the inspection. Type / to search (every word must match); Tab moves "
        "to the kind, area and theme filters; ↓ or Enter goes back to the table.\n"
        "Sort: press 1 area · 2 kind · 3 themes · 4 author · 5 evidence · 6 text (again to "
        "reverse), or o to go round the columns. x clears the search and filters.\n"
        "Merge duplicates: press m on one finding, move to the other and press m again, then "
        "choose whose wording to keep. d lists possible duplicates (similar wording about the "
        "same area). A merged finding is kept on record, not deleted.\n"
        f"Kinds when the screen is narrow: {LEGEND}.\n"
        "Esc goes back (or cancels a merge, or leaves the search box)."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("slash", "search", "Search", "Search words", key_display="/"),
        bind("e", "edit", "Edit", "Edit or delete the selected finding"),
        bind("a", "move", "Area", "Move the finding to another area"),
        bind("m", "merge", "Merge", "Mark a duplicate, then the one to keep"),
        bind("d", "duplicates", "Duplicates", "Possible duplicates"),
        bind("v", "evidence", "Evidence", "The answer or document behind it"),
        bind("o", "sort_next", "Sort", "Sort by the next column", id="sort"),
        bind("x", "clear_filters", "Clear filters", "Show all", id="clear", show=False),
        *[
            Binding(str(number), f"sort('{column}')", f"Sort by {column}", show=False)
            for number, column in enumerate(board.COLUMN_KEYS, start=1)
        ],
        bind("escape", "back", "Back", "Back to the inspection", show=False),
    ]

    AUTO_FOCUS = "#board-table"

    DEFAULT_CSS = """
    FindingsBoardScreen #board-body { padding: 0 1; }
    FindingsBoardScreen .title-row { height: 1; }
    FindingsBoardScreen #board-title { text-wrap: nowrap; text-overflow: ellipsis; }
    FindingsBoardScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    FindingsBoardScreen #board-table { height: 1fr; }
    FindingsBoardScreen.-tall #board-detail { max-height: 10; }
    """

    def __init__(self, inspection_id: str, *, area_id: str | None = None) -> None:
        super().__init__(inspection_id)
        self.data: BoardData | None = None
        self.filters = Filters(area=area_id or ALL)
        self.order = board.SortOrder()
        self.shown_rows: list[BoardRow] = []
        #: The finding marked as a duplicate, waiting for the one to keep.
        self.marked: str | None = None
        #: Pairs the coordinator said are not duplicates (kept while the board is open).
        self.not_duplicates: set[tuple[str, str]] = set()
        self._select: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="board-body"):
            with Horizontal(classes="title-row"):
                yield Static("Findings board", id="board-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            yield BoardFilters(id="board-filters")
            yield BoardStatus("Loading the findings…", id="board-status")
            yield BoardTable(id="board-table", cursor_type="row", zebra_stripes=True)
            yield BoardDetail("", id="board-detail")
        yield FittingFooter()

    @property
    def table(self) -> BoardTable:
        return self.query_one("#board-table", BoardTable)

    # -- loading ---------------------------------------------------------------

    def load(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(lambda s: board.load_board(s, inspection_id), self.show, group="board")

    def show(self, data: BoardData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = shown(data.title)
        no_area = any(r.area_id is None for r in data.rows)
        current = self.filters.area
        if self.query_one(BoardFilters).set_areas(data.areas, no_area, current) != current:
            self.filters = replace(self.filters, area=ALL)
        if self.marked and not any(r.id == self.marked for r in data.rows):
            self.marked = None
        self.refilter()
        if self.focused is None or self.focused is self:
            self.table.focus()

    # -- the table ---------------------------------------------------------------

    def refilter(self) -> None:
        """Apply the filters and the sort; rebuild the table only if what it shows changed."""
        if self.data is None:
            return
        rows = board.filter_rows(self.data.rows, self.filters)
        self.shown_rows = self.order.sort(rows)
        self.table.show(
            self.shown_rows,
            self._column_widths(),
            order=self.order,
            marked=self.marked,
            keep=self._select or self.selected_id(),
        )
        self._select = None
        self._show_status()
        self._show_detail()

    def _column_widths(self) -> Widths:
        width = self.size.width or 80
        return column_widths(width, author_width(self.data.rows if self.data else (), width))

    def _show_status(self) -> None:
        total = len(self.data.rows) if self.data else 0
        shown = len(self.shown_rows)
        self.query_one("#board-title", Static).update(escape(board_title(total, shown)))
        self.query_one(BoardStatus).show(
            total=total,
            shown=shown,
            marked=self.row(self.marked),
            order=self.order,
            wide=self.table.widths is not None and self.table.widths.wide,
        )

    def _show_detail(self) -> None:
        self.query_one(BoardDetail).show(self.row(self.selected_id()), self.size.width or 80)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.size.height >= 36, "-tall")
        if self.data is not None and self._column_widths() != self.table.widths:
            self.refilter()

    def on_data_table_row_highlighted(self, event: BoardTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: BoardTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def on_data_table_header_selected(self, event: BoardTable.HeaderSelected) -> None:
        event.stop()
        self.action_sort(str(event.column_key.value))

    def selected_id(self) -> str | None:
        return self.table.selected_id()

    def row(self, finding_id: str | None) -> BoardRow | None:
        if self.data is None or finding_id is None:
            return None
        return next((r for r in self.data.rows if r.id == finding_id), None)

    def selected(self) -> BoardRow | None:
        row = self.row(self.selected_id())
        if row is None:
            self.notify("There is no finding to act on here.", severity="warning")
        return row

    # -- search and filters ---------------------------------------------------------

    def on_board_filters_changed(self, event: BoardFilters.Changed) -> None:
        event.stop()
        self.filters = replace(self.filters, **{event.field: event.value})
        if event.typed:
            self.query_one(BoardFilters).after_pause(self.refilter)
        else:
            self.refilter()

    def on_board_filters_search_done(self, event: BoardFilters.SearchDone) -> None:
        event.stop()
        self._apply_search_now()
        self.table.focus()

    @property
    def _search_timer(self) -> Timer | None:
        return self.query_one(BoardFilters).search_timer

    def _apply_search_now(self) -> None:
        self.query_one(BoardFilters).cancel_pause()
        self.refilter()

    def action_search(self) -> None:
        self.query_one("#board-search", Input).focus()

    def action_clear_filters(self) -> None:
        self.filters = Filters()
        self.query_one(BoardFilters).clear()
        self._apply_search_now()
        # Back to the table: from a filter the highlighted row was hard to see, while the
        # detail pane and e were about it; in the table, ↑↓, the pane and e agree in plain view.
        self.table.focus()

    # -- sorting ----------------------------------------------------------------------

    def action_sort(self, column: str) -> None:
        self.order = self.order.by(column)
        self.refilter()

    def action_sort_next(self) -> None:
        self.order = self.order.next()
        self.refilter()

    # -- keys that are only for the table ------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"edit", "move", "merge", "evidence", "sort", "sort_next"}:
            # Not while typing in the search box (the keys are letters there).
            return not isinstance(self.focused, Input)
        return True

    # -- editing --------------------------------------------------------------------------

    def _save(self, fn: Callable[[Session], object], done: str, select: str | None) -> None:
        """Write on the app's writer; then say so, tell the other screens, and reload.

        ``select`` is the finding the cursor should be on once the table is redrawn.
        """

        def then() -> None:
            self._select = select
            announce_change(self)
            if self.is_attached:
                self.load()

        self.write_and_notify(fn, done, then)

    def action_edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        finding_id = row.id
        evidence = row.evidence + (f" · question: {row.question}" if row.question else "")

        def chosen(draft: FindingDraft | None) -> None:
            if draft is None:
                return
            done = "Finding deleted." if draft.delete else "Finding updated."
            select = None if draft.delete else finding_id
            shown = {"kind": row.kind, "text": row.text, "themes": list(row.themes)}
            save = edited_from(
                finding_id, "finding", shown, lambda s: save_finding_change(s, finding_id, draft)
            )
            self._save(save, done, select)
            if not draft.delete:
                warn_about_names(self, self.inspection_id, draft.text, box=finding_id)

        self.app.push_screen(
            FindingDialog(
                evidence=evidence, text=row.text, themes=row.themes, kind=row.kind, editing=True
            ),
            chosen,
        )

    def action_move(self) -> None:
        row = self.selected()
        if row is None or self.data is None:
            return
        areas = self.data.areas
        finding_id = row.id

        def chosen(area_id: str | None) -> None:
            if area_id is None or area_id == (row.area_id or NO_AREA):
                return
            target = None if area_id == NO_AREA else area_id
            name = next((a.title for a in areas if a.id == target), "no area")
            self._save(
                lambda s: move_finding(s, finding_id, target), f"Moved to {name}.", finding_id
            )

        self.app.push_screen(AreaPickerDialog(areas, row.area_id, row.text), chosen)

    def action_merge(self) -> None:
        row = self.selected()
        if row is None:
            return
        first = self.row(self.marked)
        if first is None:
            self.marked = row.id
            self.refilter()
        elif first.id == row.id:
            self.notify("That is the finding you marked: move to the other one first.")
        else:
            self.open_merge(first, row)

    def open_merge(self, first: BoardRow, second: BoardRow, keep: int = 1) -> None:
        """Ask which wording to keep, then merge the other finding into it."""

        def chosen(keep_id: str | None) -> None:
            if keep_id is None:
                return
            self.marked = None
            duplicate_id = second.id if keep_id == first.id else first.id
            merged = "Merged: one finding now stands for both."
            self._save(lambda s: merge_duplicate(s, keep_id, duplicate_id), merged, keep_id)

        self.app.push_screen(MergeFindingsDialog(first, second, keep), chosen)

    def action_duplicates(self) -> None:
        if self.data is None:
            return
        self.reload_on_return = True
        self.open(
            "duplicates",
            self.inspection_id,
            not_duplicates=self.not_duplicates,
            title=self.sub_title,
        )

    def action_evidence(self) -> None:
        row = self.selected()
        if row is None:
            return
        finding_id = row.id

        def show(view: EvidenceView) -> None:
            if self.is_attached:
                self.app.push_screen(EvidenceDialog(view))

        self.services.read(lambda s: board.load_evidence(s, finding_id), show, group="evidence")

    def action_back(self) -> None:
        if isinstance(self.focused, Input | Select):
            self._apply_search_now()
            self.table.focus()
            return
        if self.marked is not None:
            self.marked = None
            self.refilter()
            self.notify("Merge cancelled.")
            return
        self.dismiss()
