"""One question on the runner's screen: its text and hint, the answer widget, and notes.

Kept apart from the runner so the runner deals with a question as a unit: it mounts a new
:class:`QuestionView` for each question and reads the fields back through it when leaving.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from tenant_inspect.fieldwork import split_draft
from tenant_inspect.question_path import AnswerState
from tenant_inspect.questionnaire import Question

from .answer_input import AnswerInput, TextAnswer, TypedAnswer, how_to_answer
from .choice_answers import ChoiceAnswer, MultiChoiceAnswer
from .fields import FieldTextArea


class NotesArea(FieldTextArea):
    """The notes of one question; it knows which question it belongs to."""

    def __init__(self, qid: str, text: str) -> None:
        super().__init__(text, id="notes", soft_wrap=True)
        self.qid = qid

    def on_mount(self) -> None:
        # Notes resumed later are added to, not typed in front of.
        self.move_cursor(self.document.end)


class QuestionView(Vertical):
    """The question, its hint, the answer widget its type needs, and notes."""

    DEFAULT_CSS = """
    QuestionView { height: auto; padding: 0 1; }
    QuestionView #q-intro { color: $text-muted; text-style: italic; height: auto; }
    QuestionView #q-text { text-style: bold; height: auto; padding: 1 0 0 0; }
    QuestionView #q-hint { color: $text-muted; height: auto; }
    QuestionView .q-label { color: $text; }
    QuestionView #answer-label { margin-top: 1; }
    QuestionView #notes-label { margin-top: 1; }
    QuestionView .q-label-how { color: $text-muted; }
    QuestionView #notes { height: auto; min-height: 4; max-height: 12; }
    """

    def __init__(
        self, question: Question, state: AnswerState, intro: str, draft: str | None
    ) -> None:
        super().__init__()
        self.question = question
        self.state = state
        self.intro = intro
        self.draft = draft

    def compose(self) -> ComposeResult:
        q = self.question
        if self.intro:
            yield Static(Content(self.intro), id="q-intro")
        text = Content(q.text)
        if q.required:
            text = Content.assemble(text, ("  (required)", "not bold"))
        yield Static(text, id="q-text")
        if q.hint:
            yield Static(Content(f"Hint: {q.hint}"), id="q-hint")
        yield Label(
            Content.assemble("Answer", (f" — {how_to_answer(q)}", "dim")),
            classes="q-label",
            id="answer-label",
        )
        yield make_answer_input(q, self.state.value, draft=self.draft)
        yield Label(
            Content.assemble("Notes", (" — anything said or seen; saved as you type", "dim")),
            classes="q-label",
            id="notes-label",
        )
        yield NotesArea(q.id, split_draft(self.state.notes)[0])

    @property
    def answer_input(self) -> AnswerInput:
        return self.query_one(AnswerInput)

    @property
    def notes_area(self) -> NotesArea:
        return self.query_one(NotesArea)


def make_answer_input(
    question: Question, value: str = "", *, draft: str | None = None
) -> AnswerInput:
    """The answer widget the question's type needs, showing the stored ``value``."""
    if question.type == "text":
        return TextAnswer(question, value, id="answer-input")
    if question.type in ("yes_no", "choice", "scale"):
        return ChoiceAnswer(question, value, id="answer-input")
    if question.type == "multi_choice":
        return MultiChoiceAnswer(question, value, id="answer-input")
    if question.type in ("date", "number"):
        return TypedAnswer(question, value, id="answer-input", draft=draft)
    raise ValueError(f"no answer widget for question type {question.type!r}")
