"""The findings board's search box and its kind, area and theme filters, on one line.

The coordinator narrows hundreds of findings down to the few about one thing before merging
or moving them. The widget only holds the fields; the board listens to their ``Changed``
messages and turns them into :class:`tenant_inspect.views.board.Filters`.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select

from tenant_inspect.themes import THEMES
from tenant_inspect.views.board import ALL, NO_AREA, AreaChoice
from tenant_inspect.vocabulary import KIND_LABELS

from ..markup import clip

#: The filters' select ids, in the order Tab reaches them.
SELECT_IDS = ("board-kind", "board-area", "board-theme")


class BoardFilters(Horizontal):
    """Search words, then All kinds / All areas / All themes."""

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

    def set_areas(self, areas: Sequence[AreaChoice], no_area: bool, current: str) -> str:
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
