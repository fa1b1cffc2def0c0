"""Possible duplicates: pairs of findings that read alike, to merge or set aside one by one.

With several inspectors writing about the same area, the same weakness is often recorded
twice in different words. :func:`tenant_inspect.views.board.find_duplicates` pairs findings
of the same kind about the same area whose wording is alike, most alike first; here the
coordinator merges a pair (choosing whose wording stays) or says they are not duplicates.
Those "not duplicates" answers live in a set the findings board owns and passes in, so they
last while the board is open and the board can leave them out next time.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tenant_inspect.edits.board import merge_duplicate
from tenant_inspect.views.board import DuplicatePair, find_duplicates

from .base import AnalysisScreen
from .bindings import bind
from .dialogs.merge_findings import MergeFindingsDialog
from .markup import clip, escape, shown
from .widgets.board_table import first_name
from .widgets.footer import FittingFooter
from .widgets.save_indicator import SaveIndicator


class DuplicatesScreen(AnalysisScreen):
    """Pairs of findings with similar wording about the same area: merge or dismiss them."""

    HELP_TITLE = "Possible duplicates"
    HELP_TEXT = (
        "Pairs of findings of the same kind about the same area whose wording is alike, the "
        "most alike first (the percentage says how alike). Enter merges a pair (you choose "
        "whose wording stays); n says they are not duplicates and hides the pair.\n"
        "Esc goes back to the findings board."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("enter", "merge", "Merge", "Merge the selected pair", priority=True),
        bind("n", "not_duplicate", "Not duplicates", "Hide this pair"),
        bind("escape", "back", "Back", "Back to the board", show=False),
    ]

    DEFAULT_CSS = """
    DuplicatesScreen #dup-body { padding: 0 1; }
    DuplicatesScreen .title-row { height: 1; }
    DuplicatesScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    DuplicatesScreen #dup-status { height: auto; color: $text-muted; padding: 0 1; }
    DuplicatesScreen #dup-list { height: 1fr; }
    DuplicatesScreen #dup-detail {
        height: auto; max-height: 8; padding: 0 1; border-top: solid $primary;
    }
    """

    def __init__(
        self,
        inspection_id: str,
        *,
        not_duplicates: set[tuple[str, str]] | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__(inspection_id)
        #: Pairs said not to be duplicates (both orders); the board's own set, shared.
        self.not_duplicates = not_duplicates if not_duplicates is not None else set()
        self.pairs: list[DuplicatePair] = []
        self.sub_title = shown(title or "")

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="dup-body"):
            with Horizontal(classes="title-row"):
                yield Static("Possible duplicates", id="dup-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            yield Static("Comparing the findings…", id="dup-status")
            yield OptionList(id="dup-list")
            yield Static("", id="dup-detail")
        yield FittingFooter()

    def load(self) -> None:
        inspection_id = self.inspection_id
        exclude = set(self.not_duplicates)
        self.services.read(
            lambda s: find_duplicates(s, inspection_id, exclude), self.show, group="duplicates"
        )

    def show(self, result: tuple[list[DuplicatePair], bool]) -> None:
        if not self.is_attached:
            return
        pairs, truncated = result
        self.pairs = [p for p in pairs if (p.first.id, p.second.id) not in self.not_duplicates]
        listing = self.query_one("#dup-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        # The list's border, scroll bar and padding take 8 columns, " 1. " four more.
        room = max(20, (self.size.width or 80) - 14)
        for index, pair in enumerate(self.pairs):
            if index:
                listing.add_option(None)
            head = Text.assemble(
                (f"{round(pair.score * 100)}% alike", "bold"),
                f" · {pair.first.area_title} · {pair.first.kind_label}",
            )
            lines = [head]
            for number, row in enumerate((pair.first, pair.second), start=1):
                by = f" ({first_name(row.author)})" if row.author else ""
                lines.append(Text(f" {number}. {clip(row.text, room - len(by))}{by}"))
            listing.add_option(
                Option(Text("\n").join(lines), id=f"{pair.first.id}|{pair.second.id}")
            )
        if self.pairs:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)
            listing.focus()
        count = len(self.pairs)
        status = self.query_one("#dup-status", Static)
        if not count:
            status.update(
                "No possible duplicates: no two findings of a kind about the same area read alike."
            )
        else:
            more = (
                " (not every pair could be compared: narrow the board first)" if truncated else ""
            )
            status.update(
                f"{count} pair{'s' if count != 1 else ''} of findings read alike{more}. "
                "Enter merges a pair · n: not duplicates"
            )
        self._show_detail()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        pair = self.selected_pair()
        detail = self.query_one("#dup-detail", Static)
        detail.display = pair is not None
        if pair is None:
            return
        lines = []
        for number, row in enumerate((pair.first, pair.second), start=1):
            by = f" (by {row.author})" if row.author else ""
            lines.append(f"[b]{number}.[/b] {escape(row.text + by)}")
        detail.update("\n".join(lines))

    def selected_pair(self) -> DuplicatePair | None:
        listing = self.query_one("#dup-list", OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return next((p for p in self.pairs if f"{p.first.id}|{p.second.id}" == option.id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_merge()

    def action_merge(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return

        def chosen(keep_id: str | None) -> None:
            if keep_id is None:
                return
            duplicate_id = pair.second.id if keep_id == pair.first.id else pair.first.id

            def then() -> None:
                if self.is_attached:
                    self.load()

            merged = "Merged: one finding now stands for both."
            self.write_and_notify(
                lambda s: merge_duplicate(s, keep_id, duplicate_id),
                merged,
                then,
                refused="Not merged",
                bell=False,
            )

        self.app.push_screen(MergeFindingsDialog(pair.first, pair.second, keep=0), chosen)

    def action_not_duplicate(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        self.not_duplicates.add((pair.first.id, pair.second.id))
        self.not_duplicates.add((pair.second.id, pair.first.id))
        self.show((list(self.pairs), False))
