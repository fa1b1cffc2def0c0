"""The findings board's two lines of words: the status line above the table, the detail below.

The table clips every cell to fit, so the coordinator reads the highlighted finding in full
in :class:`BoardDetail`, and :class:`BoardStatus` says how the table is sorted, what the
letters mean, why it is empty, or which finding is waiting to be merged.
"""

from __future__ import annotations

from textual.widgets import Static

from tenant_inspect.views.board import COLUMN_HEADINGS, BoardRow, SortOrder
from tenant_inspect.vocabulary import KIND_LEGEND

from ..markup import clip, escape

#: The kinds' letters, explained in the status line when the table shows letters.
LEGEND = KIND_LEGEND.removeprefix("Letters: ")


def board_title(total: int, shown: int) -> str:
    """'Findings board — 4 findings, 2 shown'."""
    title = f"Findings board — {total} finding{'s' if total != 1 else ''}"
    return title + (f", {shown} shown" if shown != total else "")


class BoardStatus(Static):
    """How the table is sorted, or why it is empty, or the merge waiting for its second half."""

    DEFAULT_CSS = """
    BoardStatus { height: 1; color: $text-muted; padding: 0 1; }
    BoardStatus.-merging { color: $warning; text-style: bold; }
    """

    def show(
        self,
        *,
        total: int,
        shown: int,
        marked: BoardRow | None,
        order: SortOrder,
        wide: bool,
    ) -> None:
        self.set_class(marked is not None, "-merging")
        if marked is not None:
            self.update(
                escape(
                    f"» Merging “{clip(marked.text, 30)}”: go to the finding to merge it with "
                    "and press m (Esc cancels)"
                )
            )
            return
        heading = COLUMN_HEADINGS[order.column].lower()
        sorted_by = f"Sorted by {heading}{' (reversed)' if order.reverse else ''}"
        if not total:
            self.update(
                "No findings yet: they are added while reviewing documents and in interviews."
            )
        elif not shown:
            self.update("No finding matches the search and filters (x clears them).")
        elif wide:
            self.update(f"{sorted_by} · press 1–6 to sort by a column")
        else:
            self.update(f"{sorted_by} · {LEGEND}")


class BoardDetail(Static):
    """The highlighted finding in full: kind, area, author, themes, evidence and text."""

    DEFAULT_CSS = """
    BoardDetail { height: auto; max-height: 6; padding: 0 1; border-top: solid $primary; }
    """

    def show(self, row: BoardRow | None, width: int) -> None:
        if row is None:
            self.update("")
            return
        by = f" · by {row.author}" if row.author else ""
        themes = f" · Themes: {row.theme_words}" if row.themes else " · no themes"
        internal = " · internal (left out of the public report)" if row.internal else ""
        evidence = row.evidence + (f" — Q: {row.question}" if row.question else "")
        evidence = clip(evidence, max(20, width - 14))
        self.update(
            f"[b]{escape(row.kind_label)}[/b] · {escape(row.area_title)}{escape(by)}"
            f"{escape(themes)}{internal}\n"
            f"[b]Evidence:[/b] {escape(evidence)}\n{escape(row.text)}"
        )
