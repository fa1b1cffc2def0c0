"""The letter to residents: every part a coordinator may rewrite, drafted for them.

On the left, the parts in the order the letter prints them: the contact details for other
formats, the overall finding, a paragraph per area, each recommendation in everyday words,
and the signature (✎ marks one the coordinator wrote). On the right, the chosen part's
text, saved as it is typed, with its reading ease under it. Ctrl+R puts the draft back
(the letter then follows the inspection again: a changed conclusion reaches it). The letter
itself is written from the Export screen, which also lists its hardest sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tenant_inspect.document_check.figures import reading_ease
from tenant_inspect.letter_texts import set_letter_text
from tenant_inspect.report.letter.parts import LetterData, LetterPartView, load_letter
from tenant_inspect.report.letter.readability import ease_words

from .base import AnalysisScreen
from .bindings import QUIT, bind
from .markup import escape, shown
from .widgets.footer import FittingFooter
from .widgets.letter_form import LetterForm
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session


class LetterScreen(AnalysisScreen):
    """The parts of the letter (left) and the chosen one's text (right)."""

    HELP_TITLE = "The letter to residents"
    HELP_TEXT = (
        "Every resident gets a short letter about what the panel found: two pages, in plain "
        "English. Each part starts as a draft made from the inspection (the judgements, the "
        "first short sentence of each area's conclusions, each recommendation's first "
        "sentence); rewrite any of them in everyday words. Everything is saved as you type.\n"
        "Give the contact details for large print, Braille, audio and other languages: the "
        "letter offers them at the top.\n"
        "Ctrl+R puts the draft back. Tab moves between the list and the text. Export the "
        "letter from the Export screen (tick 'Letter to residents'), which also lists its "
        "hardest sentences. Esc goes back."
    )

    AUTO_FOCUS = "#letter-parts"

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("ctrl+r", "use_draft", "Use the draft", "Put this part's draft back", priority=True),
        bind("escape", "back", "Back", "Back (from the text: to the list)"),
        QUIT,
    ]

    DEFAULT_CSS = """
    LetterScreen #letter-body { padding: 0 1; }
    LetterScreen .title-row { height: 1; }
    LetterScreen #letter-title { text-wrap: nowrap; text-overflow: ellipsis; width: 1fr; }
    LetterScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    LetterScreen #letter-parts { width: 34; height: 1fr; }
    LetterScreen #letter-detail { width: 1fr; height: 1fr; padding: 0 0 0 1; }
    LetterScreen LetterForm { height: 1fr; }
    LetterScreen LetterForm .form-text { height: 1fr; }
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        self.data: LetterData | None = None
        self.form = LetterForm(inspection_id, self._edited, id="letter-form")

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="letter-body"):
            with Horizontal(classes="title-row"):
                yield Static("Letter to residents", id="letter-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Ctrl+R: draft · Esc: back", classes="key-hint")
            with Horizontal():
                yield OptionList(id="letter-parts")
                with Vertical(id="letter-detail"):
                    yield self.form
        yield FittingFooter()

    def load(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(lambda s: load_letter(s, inspection_id), self.show, group="letter")

    def show(self, data: LetterData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = shown(data.title)
        parts = self.query_one("#letter-parts", OptionList)
        chosen = parts.highlighted or 0
        parts.clear_options()
        parts.add_options([Option(self._line(p), id=p.id) for p in data.parts])
        if data.parts:
            parts.highlighted = min(chosen, len(data.parts) - 1)
            self._show_part(data.parts[parts.highlighted])

    def _line(self, part: LetterPartView) -> str:
        mark = "✎ " if part.written or (part.id, "text") in self.form.typed else "  "
        return escape(mark + part.label)

    def _current(self) -> LetterPartView | None:
        parts = self.query_one("#letter-parts", OptionList)
        if self.data is None or parts.highlighted is None:
            return None
        return self.data.parts[parts.highlighted]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        part = self._current()
        if part is not None and part is not self.form.row:
            self._show_part(part)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#l-text", TextArea).focus()

    def _show_part(self, part: LetterPartView) -> None:
        self.form.show(part)
        self.query_one("#l-label", Static).update(escape(part.label))
        self._note(self.form.value(part, "text"), part)

    def _note(self, text: str, part: LetterPartView) -> None:
        draft = "the draft" if text == part.draft else "your own words"
        words = len(text.split())
        ease = reading_ease(text) if part.part not in ("contact", "signature") else None
        reading = f" · reading ease {ease_words(ease)}" if ease is not None else ""
        self.query_one("#l-note", Static).update(escape(f"{words} words, {draft}{reading}"))

    def _edited(self, row_id: str, field: str) -> None:
        part = self._current()
        if part is None or part.id != row_id:
            return
        self._note(self.form.value(part, "text"), part)
        parts = self.query_one("#letter-parts", OptionList)
        line = self._line(part)
        if parts.get_option(part.id).prompt != line:  # the ✎ mark, once: not on every key
            parts.replace_option_prompt(part.id, line)

    def action_use_draft(self) -> None:
        part = self._current()
        if part is None:
            return
        self.form.typed.pop((part.id, "text"), None)
        self.form.row = None  # what the text box holds now must not be saved over the draft
        inspection_id = self.inspection_id

        def reset(s: Session) -> None:
            set_letter_text(s, inspection_id, part.part, "", part.subject_id)

        self.services.write(reset, lambda _: self.load() if self.is_attached else None)
        self.notify(f"{part.label}: the draft is back.")

    def action_back(self) -> None:
        self.form.save(now=True)
        if isinstance(self.focused, TextArea):
            self.query_one("#letter-parts").focus()
            return
        self.dismiss()

    async def action_quit(self) -> None:
        self.form.save(now=True)
        await self.app.action_quit()
