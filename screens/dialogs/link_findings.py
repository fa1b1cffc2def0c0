"""Choosing the findings a recommendation answers: a tick list that narrows as you type.

An inspection can hold hundreds of findings, so the list is offered in a useful order (the
recommendation's own area's weaknesses first, see
:func:`tenant_inspect.views.recommendations.offer_order`) and a few typed words narrow it.
Nothing is written here: the ticked ids go back to the screen, which saves them in one change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from tenant_inspect.views.recommendations import FindingInfo
from tenant_inspect.vocabulary import KIND_WORDS

from ..bindings import bind
from ..markup import clip, escape
from ..widgets.fields import TickList
from .base import QuietModal


class LinkFindingsDialog(QuietModal[list[str] | None]):
    """Tick the findings a recommendation answers; returns the ticked ids."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Cancel", "Keep the links as they were"),
        bind("ctrl+s", "save", "Save links", "Save the ticks", priority=True),
    ]

    DEFAULT_CSS = """
    LinkFindingsDialog .link-dialog { width: 100; max-width: 100%; height: 100%; max-height: 40; }
    LinkFindingsDialog .link-title { text-style: bold; height: auto; }
    LinkFindingsDialog #link-filter { margin: 1 0 0 0; }
    LinkFindingsDialog #link-list { height: 1fr; }
    LinkFindingsDialog #link-full { height: auto; max-height: 4; border-top: solid $primary; }
    LinkFindingsDialog .link-hint { color: $text-muted; height: auto; }
    """

    def __init__(self, title: str, findings: Sequence[FindingInfo], linked: Sequence[str]) -> None:
        super().__init__()
        self.title_text = title
        self.findings = list(findings)
        self.ticked = set(linked)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog link-dialog"):
            yield Static(escape(self.title_text), classes="link-title")
            yield Input(
                placeholder="Type to narrow the list…",
                id="link-filter",
                compact=True,
                select_on_focus=False,  # a letter typed in the list lands here: keep it
            )
            yield TickList(id="link-list", compact=True)
            yield Static("", id="link-full")
            yield Static("", id="link-count", classes="link-hint")
            yield Static(
                "[b]Space[/b] ticks or unticks  ·  [b]Ctrl+S[/b] saves  ·  [b]Esc[/b] cancels  ·  "
                "this area's weaknesses come first",
                classes="link-hint",
            )

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#link-list", TickList).focus()

    def _fill(self, query: str) -> None:
        words = query.casefold().split()
        listing = self.query_one("#link-list", TickList)
        listing.clear_options()
        options = []
        for f in self.findings:
            label = f"{KIND_WORDS.get(f.kind, ('', '', '?'))[2]} · {f.area_letter} · {f.text}"
            if words and not all(w in label.casefold() for w in words):
                continue
            options.append((clip(label, 190), f.id, f.id in self.ticked))
        listing.add_options(options)
        if options:
            listing.highlighted = 0
        self._count()

    def _count(self) -> None:
        n = len(self.ticked)
        self.query_one("#link-count", Static).update(
            f"{n} finding{'s' if n != 1 else ''} ticked. Letters: W weakness · S strength · "
            "O observation · GP good practice."
        )

    def on_selection_list_selection_highlighted(
        self, event: TickList.SelectionHighlighted[str]
    ) -> None:
        event.stop()
        finding = next((f for f in self.findings if f.id == event.selection.value), None)
        full = self.query_one("#link-full", Static)
        if finding is not None:
            full.update(escape(f"{finding.kind_label} ({finding.area_letter}): {finding.text}"))

    def on_key(self, event: events.Key) -> None:
        # The placeholder says "Type to narrow the list": a letter typed while the list has
        # focus goes to the search box, so nobody has to find the box first. Space still
        # ticks, as the hint line says.
        search = self.query_one("#link-filter", Input)
        character = event.character
        if (
            self.focused is self.query_one("#link-list", TickList)
            and event.is_printable
            and character is not None
            and not character.isspace()
        ):
            event.stop()
            event.prevent_default()
            search.focus()
            search.insert_text_at_cursor(character)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#link-list", TickList).focus()

    def on_selection_list_selection_toggled(self, event: TickList.SelectionToggled[str]) -> None:
        event.stop()
        value = event.selection.value
        if value in event.selection_list.selected:
            self.ticked.add(value)
        else:
            self.ticked.discard(value)
        self._count()

    def action_save(self) -> None:
        order = [f.id for f in self.findings]
        self.dismiss([i for i in order if i in self.ticked])

    def action_cancel(self) -> None:
        self.dismiss(None)
