"""Finding one's way through a questionnaire: the visible path, and the jump list.

:class:`QuestionPath` is the runner's sense of place, kept free of Textual so
it can be reasoned about on its own: which questions are visible given the
answers so far (show-if), "question 7 of 23", what comes next or before,
what was skipped, what is still required. It is recomputed from the answers
every time one changes, so the count updates as the inspector answers.

:class:`QuestionJumpDialog` is the list behind Ctrl+G: every visible question
with a mark that is a symbol *and* a word away from colour (✓ answered,
↷ skipped, · not yet), grouped under the section titles; ``s`` narrows it to
the skipped ones so they can be returned to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tenant_inspect.questionnaire import Question, Questionnaire

MARK_ANSWERED = "✓"
MARK_SKIPPED = "↷"
MARK_BLANK = "·"
LEGEND = f"{MARK_ANSWERED} answered   {MARK_SKIPPED} skipped   {MARK_BLANK} not answered yet   ▶ you are here"


@dataclass
class AnswerState:
    """What the runner knows of one answer (a mirror of the Answer row)."""

    value: str = ""
    notes: str = ""
    skipped: bool = False

    @property
    def answered(self) -> bool:
        """An answer or a note counts: either is evidence the question was asked."""
        return bool(self.value.strip() or self.notes.strip())

    @property
    def mark(self) -> str:
        if self.answered:
            return MARK_ANSWERED
        if self.skipped:
            return MARK_SKIPPED
        return MARK_BLANK

    @property
    def word(self) -> str:
        if self.answered:
            return "answered"
        if self.skipped:
            return "skipped"
        return "not answered yet"


class QuestionPath:
    """The visible questions of a questionnaire for a given set of answers."""

    def __init__(self, questionnaire: Questionnaire, answers: Mapping[str, AnswerState]) -> None:
        self.questionnaire = questionnaire
        self.answers = answers
        self._all = questionnaire.questions()
        self._visible: list[Question] = []
        self.refresh()

    def refresh(self) -> None:
        """Recompute visibility (call after any answer's value changes)."""
        values = {key: a.value for key, a in self.answers.items()}
        self._visible = self.questionnaire.visible_questions(values)

    def state(self, qid: str) -> AnswerState:
        return self.answers.get(qid) or AnswerState()

    @property
    def visible(self) -> list[Question]:
        return list(self._visible)

    def is_visible(self, qid: str) -> bool:
        return any(q.id == qid for q in self._visible)

    def position(self, qid: str) -> tuple[int, int]:
        """(n, total): "question n of total", counting visible questions only."""
        ids = [q.id for q in self._visible]
        n = ids.index(qid) + 1 if qid in ids else 0
        return n, len(ids)

    def resume_at(self, qid: str | None) -> Question:
        """Where to pick up: ``qid`` if visible, else the nearest visible one after it.

        With no stored place, start at the first question not answered yet.
        """
        if qid:
            if self.is_visible(qid):
                return self.questionnaire.question(qid)
            try:
                index = self.questionnaire.index_of(qid)
            except KeyError:
                index = -1
            if index >= 0:
                later = self._after_index(index)
                if later is not None:
                    return later
        for q in self._visible:
            if not self.state(q.id).answered:
                return q
        return self._visible[0] if self._visible else self._all[0]

    def _after_index(self, index: int) -> Question | None:
        for q in self._visible:
            if self.questionnaire.index_of(q.id) > index:
                return q
        return None

    def next_after(self, qid: str) -> Question | None:
        return self._after_index(self.questionnaire.index_of(qid))

    def before(self, qid: str) -> Question | None:
        index = self.questionnaire.index_of(qid)
        earlier = [q for q in self._visible if self.questionnaire.index_of(q.id) < index]
        return earlier[-1] if earlier else None

    def skipped(self) -> list[Question]:
        """Visible questions skipped and still without an answer."""
        return [
            q for q in self._visible if self.state(q.id).skipped and not self.state(q.id).answered
        ]

    def missing_required(self) -> list[Question]:
        return [q for q in self._visible if q.required and not self.state(q.id).answered]

    def progress(self) -> tuple[int, int]:
        """(answered, visible) — for "12/23 answered"."""
        return sum(1 for q in self._visible if self.state(q.id).answered), len(self._visible)

    def section_title(self, question: Question) -> str:
        for section in self.questionnaire.sections:
            if section.id == question.section:
                return section.title
        return ""

    def section_intro(self, question: Question) -> str:
        """The section's intro, but only on its first visible question."""
        for section in self.questionnaire.sections:
            if section.id == question.section:
                first = next((q for q in self._visible if q.section == section.id), None)
                return section.intro if first is not None and first.id == question.id else ""
        return ""


def progress_text(questionnaire: Questionnaire | None, answers: Mapping[str, AnswerState]) -> str:
    """ "12/23 answered" for a list row (empty without a questionnaire)."""
    if questionnaire is None:
        return ""
    done, total = QuestionPath(questionnaire, answers).progress()
    return f"{done}/{total} answered"


# ---------------------------------------------------------------------------
# The jump list
# ---------------------------------------------------------------------------


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class QuestionJumpDialog(ModalScreen[str | None]):
    """Every visible question with its state; Enter goes there, ``s`` shows only the skipped."""

    CSS_PATH = "../fieldwork.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="close", tooltip="Stay on the current question"),
        Binding(
            "s",
            "toggle_skipped",
            "Skipped only",
            id="skipped-only",
            tooltip="Show only the skipped questions, or all again",
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
        width = max(30, min(self.app.size.width, 100) - 24)  # dialog border, list box, marks
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
            prompt = f"{here}{state.mark} {numbers[q.id]:>2}. {_shorten(q.text, width)}"
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

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(event.option.id)

    def action_toggle_skipped(self) -> None:
        self.skipped_only = not self.skipped_only
        self.fill()

    def action_cancel(self) -> None:
        self.dismiss(None)
