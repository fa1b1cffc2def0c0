"""The findings board's search box and its kind, area and theme filters, on one line.

The coordinator narrows hundreds of findings down to the few about one thing before merging
or moving them. The widget holds the fields and says what changed in a
:class:`BoardFilters.Changed` message, which the board turns into
:class:`tenant_inspect.views.board.Filters`. Typing in the search box is ``typed``: the board
waits for a pause (:meth:`BoardFilters.after_pause`) before rebuilding a 1,000-row table.
Enter or ↓ in the search box ends the search (:class:`BoardFilters.SearchDone`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Select

from tenant_inspect.themes import THEMES
from tenant_inspect.views.board import ALL, NO_AREA
from tenant_inspect.views.shared import AreaData
from tenant_inspect.vocabulary import KIND_LABELS

from ..markup import clip

#: The filters' select ids, in the order Tab reaches them, and the filter each one sets.
SELECT_FIELDS = {"board-kind": "kind", "board-area": "area", "board-theme": "theme"}
SELECT_IDS = tuple(SELECT_FIELDS)

#: Typing in the search box waits this long for a pause before the table is rebuilt.
SEARCH_PAUSE = 0.2


class BoardFilters(Horizontal):
    """Search words, then All kinds / All areas / All themes."""

    DEFAULT_CSS = """
    BoardFilters { height: 1; }
    BoardFilters #board-search { width: 1fr; background: $boost; }
    BoardFilters #board-search:focus { background: $primary 25%; }
    BoardFilters #board-kind { width: 16; }
    BoardFilters #board-area { width: 20; }
    BoardFilters #board-theme { width: 20; }
    """

    class Changed(Message):
        """One filter changed: ``field`` of :class:`Filters`; ``typed`` for the search words."""

        def __init__(self, field: str, value: str, *, typed: bool) -> None:
            super().__init__()
            self.field = field
            self.value = value
            self.typed = typed

    class SearchDone(Message):
        """Enter or ↓ in the search box: search now, and go back to the table."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The wait for a pause in typing, while there is one.
        self.search_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder="/ Search words…", id="board-search", compact=True)
        yield Select(
            [("All kinds", ALL), *[(label, key) for key, label in KIND_LABELS.items()]],
            allow_blank=False,
            value=ALL,
            id="board-kind",
            compact=True,
        )
        yield Select(
            [("All areas", ALL)], allow_blank=False, value=ALL, id="board-area", compact=True
        )
        yield Select(
            [("All themes", ALL), *[(t.label, t.id) for t in THEMES]],
            allow_blank=False,
            value=ALL,
            id="board-theme",
            compact=True,
        )

    def set_areas(self, areas: Sequence[AreaData], no_area: bool, current: str) -> str:
        """Offer the inspection's areas (and "No area" when some finding has none).

        Keeps ``current`` chosen if it is still offered; returns the area filter now chosen.
        """
        area_select = self.query_one("#board-area", Select)
        options = [("All areas", ALL), *[(clip(a.title, 30), a.id) for a in areas]]
        if no_area:
            options.append(("No area", NO_AREA))
        with area_select.prevent(Select.Changed):
            area_select.set_options(options)
            area_select.value = current if current in {v for _, v in options} else ALL
        return str(area_select.value)

    def clear(self) -> None:
        """Empty the search box and set every filter back to "All", quietly."""
        self.query_one("#board-search", Input).value = ""
        for select_id in SELECT_IDS:
            select = self.query_one(f"#{select_id}", Select)
            with select.prevent(Select.Changed):
                select.value = ALL

    # -- what the fields say -------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "board-search":
            event.stop()
            self.post_message(self.Changed("query", event.value, typed=True))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id in SELECT_FIELDS:
            event.stop()
            self.post_message(
                self.Changed(SELECT_FIELDS[event.select.id], str(event.value), typed=False)
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "board-search":
            event.stop()
            self.post_message(self.SearchDone())

    def on_key(self, event: events.Key) -> None:
        # ↓ from the search box goes to the table, as Enter does.
        if event.key == "down" and self.screen.focused is self.query_one("#board-search", Input):
            event.stop()
            self.post_message(self.SearchDone())

    # -- waiting for a pause in typing ----------------------------------------------

    def after_pause(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once typing pauses; each key typed meanwhile restarts the wait."""
        self.cancel_pause()
        self.search_timer = self.set_timer(SEARCH_PAUSE, callback)

    def cancel_pause(self) -> None:
        """Stop waiting (the caller filters at once)."""
        if self.search_timer is not None:
            self.search_timer.stop()
            self.search_timer = None
