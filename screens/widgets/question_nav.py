"""The jump list: finding one's way through a questionnaire from the question runner.

The runner's sense of place (:class:`~tenant_inspect.question_path.QuestionPath`: which
questions show, "question 7 of 23", what was skipped) is in the core so the lists count
the same way; this module only shows it.

:class:`QuestionJumpDialog` is the list behind Ctrl+G: every visible question
with a mark that is a symbol *and* a word away from colour (✓ answered,
↷ skipped, · not yet), grouped under the section titles; ``s`` narrows it to
the skipped ones so they can be returned to.
"""

from __future__ import annotations

import textwrap
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tenant_inspect.question_path import (
    MARK_ANSWERED,
    MARK_BLANK,
    MARK_SKIPPED,
    QuestionPath,
)

from ..bindings import bind

LEGEND = f"{MARK_ANSWERED} answered   {MARK_SKIPPED} skipped   {MARK_BLANK} not answered yet   ▶ you are here"


# ---------------------------------------------------------------------------
# The jump list
# ---------------------------------------------------------------------------


class QuestionJumpDialog(ModalScreen[str | None]):
    """Every visible question with its state; Enter goes there, ``s`` shows only the skipped."""

    CSS_PATH = "../fieldwork.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("escape", "cancel", "Close", "Stay on the current question", id="close"),
        bind(
            "s",
            "toggle_skipped",
            "Skipped only",
            "Show only the skipped questions, or all again",
            id="skipped-only",
        ),
    ]

    def __init__(self, path: QuestionPath, current: str) -> None:
        super().__init__()
        self.path = path
        self.current = current
        self.skipped_only = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog jump-dialog"):
            yield Static("Jump to a question", classes="dialog-title", id="jump-title")
            yield Static(LEGEND, id="jump-legend")
            yield OptionList(id="jump-list")
            yield Static(
                "[b]Enter[/b] go there  ·  [b]s[/b] skipped only / all  ·  [b]Esc[/b] stay here",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        option_list = self.query_one("#jump-list", OptionList)
        option_list.clear_options()
        width = self._text_width()
        section = None
        highlight = None
        count = 0
        questions = self.path.skipped() if self.skipped_only else self.path.visible
        numbers = {q.id: i for i, q in enumerate(self.path.visible, start=1)}
        for q in questions:
            if q.section != section:
                section = q.section
                heading = Content.from_markup("[b]$title[/b]", title=self.path.section_title(q))
                option_list.add_option(Option(heading, disabled=True))
            state = self.path.state(q.id)
            here = "▶" if q.id == self.current else " "
            lead = f"{here}{state.mark} {numbers[q.id]:>2}. "
            lines = textwrap.wrap(" ".join(q.text.split()), width) or [""]
            prompt = lead + ("\n" + " " * len(lead)).join(lines)
            option_list.add_option(Option(Content(prompt), id=q.id))
            if q.id == self.current or highlight is None:
                highlight = option_list.option_count - 1
            count += 1
        title = self.query_one("#jump-title", Static)
        if self.skipped_only:
            title.update(f"Skipped questions ({count}) — answer them now or leave them")
            if not count:
                option_list.add_option(
                    Option("Nothing is skipped. Press s to see all questions.", disabled=True)
                )
        else:
            title.update("Jump to a question")
        if highlight is not None:
            option_list.highlighted = highlight
        option_list.focus()

    def _text_width(self) -> int:
        """Room for a question's words beside its mark and number.

        Long questions wrap under themselves instead of being cut with "…": an inspector
        looking for a question needs all of its words, and the list scrolls anyway. The
        room is the list's own width once it is laid out; before that, what the dialog
        (100 wide, or the screen) leaves inside its border, padding and margin and beside
        the list's scrollbar.
        """
        listed = self.query_one("#jump-list", OptionList).scrollable_content_region.width
        room = listed if listed > 0 else min(self.app.size.width, 100) - 10
        return max(20, room - len("▶✓ 99. "))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(event.option.id)

    def action_toggle_skipped(self) -> None:
        self.skipped_only = not self.skipped_only
        self.fill()

    def action_cancel(self) -> None:
        self.dismiss(None)
