"""The runner's memory of the work and how every keystroke is saved.

How the runner keeps every word (DESIGN.md, "Rules that keep data safe"):

* typing in a notes area or a text answer is saved through the app's
  ordered autosave writer — debounced, but never left unsaved for more than
  a fraction of a second even while the typist keeps going
  (:class:`~screens.widgets.answer_input.TypingSaves`);
* a choice is saved the moment it is made;
* leaving a question (next, back, jump, skip, Escape) reads the fields
  directly and saves whatever is not yet saved, at once — it does not rely
  on a change message still in flight from the field being removed;
* each save names the question it belongs to when it is made, so a late
  message can never put one question's words into another.

The writes themselves are core functions (:mod:`tenant_inspect.edits.fieldwork`); this
module decides when they run and keeps the screen's copy of the answers in step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.screen import Screen
from textual.widgets import TextArea

from tenant_inspect.edit_bases import Loaded
from tenant_inspect.edits import fieldwork as fieldwork_edits
from tenant_inspect.fieldwork import split_draft, with_draft
from tenant_inspect.question_path import AnswerState, QuestionPath
from tenant_inspect.views.fieldwork import RunnerData

from ..base import ServicesMixin
from ..widgets.answer_input import AnswerInput, TextAnswer, TypedAnswer, TypingSaves
from ..widgets.question_view import NotesArea, QuestionView

if TYPE_CHECKING:
    from sqlmodel import Session


class RunnerSavesBase(ServicesMixin, Screen[None]):
    """What the runner holds of one interview or review, and saving it as it changes."""

    #: "interview" or "review": which table the runner writes.
    kind = "interview"
    #: Word used in messages ("interview", "document review").
    noun = "interview"

    def __init__(self, parent_id: str) -> None:
        super().__init__()
        self.parent_id = parent_id
        self.data: RunnerData | None = None
        self.path: QuestionPath | None = None
        self.current: str | None = None
        self.view: QuestionView | None = None
        self.drafts: dict[str, str] = {}
        self.panel_wanted: bool | None = None
        self.typing: TypingSaves | None = None
        self._status_text = ""
        #: The answers as read, per question: each save carries its own, so words someone
        #: else saved meanwhile are kept as a conflict, never typed over unseen.
        self.bases = Loaded()

    def state(self, qid: str) -> AnswerState:
        assert self.data is not None
        return self.data.answers.setdefault(qid, AnswerState())

    def _ready(self) -> bool:
        return self.data is not None and self.path is not None and self.current is not None

    def update_status(self) -> None:
        """Hook: redraw the status line after a change (the runner screen draws it)."""

    # -- saving -----------------------------------------------------------------

    def key(self, qid: str, part: str) -> str:
        return f"answer:{self.parent_id}:{qid}:{part}"

    def answer_saver(self, qid: str, **changes: Any) -> Callable[[Session], None]:
        """A save of some parts of one answer; the first answer also marks the work started."""
        kind, parent_id = self.kind, self.parent_id
        fields = tuple(f for f in ("value", "notes") if f in changes)
        for field in fields:
            if not self.bases.has(qid, field):  # not answered when read: shown empty
                self.bases.shown(qid, field, "")
        return self.bases.save(
            qid,
            "answer",
            fields,
            lambda s: fieldwork_edits.save_answer_part(s, kind, parent_id, qid, **changes),
        )

    def answers_read(self, data: RunnerData) -> None:
        """The answers as read are what the runner shows (the bases of their saves)."""
        for qid, state in data.answers.items():
            self.bases.shown(qid, "value", state.value)
            self.bases.shown(qid, "notes", state.notes)

    def parent_saver(self, **changes: Any) -> Callable[[Session], None]:
        """A save of the interview or review itself (its status, the question it is on)."""
        kind, parent_id = self.kind, self.parent_id
        return lambda s: fieldwork_edits.update_work(s, kind, parent_id, **changes)

    def _started(self) -> None:
        if self.data is not None and self.data.status in ("planned", "not_started"):
            self.data.status = "in_progress"

    def _unskip(self, qid: str) -> None:
        state = self.state(qid)
        if state.skipped and state.answered:
            state.skipped = False
            self.services.autosave(
                self.key(qid, "skipped"), self.answer_saver(qid, skipped=False), now=True
            )

    def keep_drafts(self, data: RunnerData) -> None:
        """Answers typed but not valid yet, kept in their notes, go back in their fields."""
        self.drafts = {}
        for qid, state in data.answers.items():
            draft = split_draft(state.notes)[1]
            if draft is not None:
                self.drafts[qid] = draft

    def notes_typed(self, qid: str, text: str) -> None:
        """The inspector's notes changed; they are stored with any draft answer after them."""
        state = self.state(qid)
        stored = with_draft(text, self.drafts.get(qid))
        if stored == state.notes:
            return
        state.notes = stored
        assert self.typing is not None
        self.typing.typed(self.key(qid, "notes"), self.answer_saver(qid, notes=stored))
        self._started()
        self._unskip(qid)
        self.update_status()

    def draft_typed(self, qid: str, draft: str | None) -> None:
        """An answer that cannot be saved yet is kept in the notes (None: no longer needed)."""
        if self.drafts.get(qid) == draft:
            return
        if draft:
            self.drafts[qid] = draft
        else:
            self.drafts.pop(qid, None)
        self.notes_typed(qid, split_draft(self.state(qid).notes)[0])

    def value_changed(self, qid: str, value: str, typing: bool) -> None:
        state = self.state(qid)
        if value == state.value:
            return
        state.value = value
        saver = self.answer_saver(qid, value=value)
        if typing:
            assert self.typing is not None
            self.typing.typed(self.key(qid, "value"), saver)
        else:
            self.services.autosave(self.key(qid, "value"), saver, now=True)
        self._started()
        self._unskip(qid)
        assert self.path is not None
        self.path.refresh()
        self.update_status()

    def save_position(self, qid: str) -> None:
        if self.data is None or self.data.current_question == qid:
            return
        self.data.current_question = qid
        self.services.autosave(
            f"current:{self.parent_id}", self.parent_saver(current_question=qid), now=True
        )

    def leave_question(self, warn: bool = False) -> None:
        """Save whatever of the shown question is not saved yet, at once.

        Reads the fields themselves: a change message may still be on its way
        from a field that is about to be removed. With ``warn``, a typed value
        that cannot be the answer (a bad date) is pointed out: the inspector is
        moving away from it. It is kept in the notes either way (:meth:`draft_typed`).
        """
        view = self.view
        if view is None:
            return
        assert self.typing is not None
        q = view.question
        answer = view.answer_input
        if isinstance(answer, TextAnswer):
            self.value_changed(q.id, answer.text_area.text, typing=True)
        elif isinstance(answer, TypedAnswer):
            problem = answer.problem
            if problem:
                self.draft_typed(q.id, answer.raw_text)
                n, _ = self.path.position(q.id) if self.path else (0, 0)
                if warn:
                    self.notify(
                        f"Question {n}: “{answer.raw_text}” is not the answer yet: {problem}. "
                        "It is kept in the notes, marked to correct.",
                        title="To correct",
                        severity="warning",
                        timeout=8,
                    )
            else:
                self.draft_typed(q.id, None)
                self.value_changed(q.id, answer.stored_value, typing=True)
        self.notes_typed(q.id, view.notes_area.text)
        self.typing.leave(self.key(q.id, "notes"))
        self.typing.leave(self.key(q.id, "value"))

    def leave_screen(self) -> None:
        """Save everything before the screen closes (subclasses add their own fields)."""
        self.leave_question(warn=True)

    # -- events from the fields -------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, NotesArea):
            self.notes_typed(event.text_area.qid, event.text_area.text)

    def on_answer_input_draft(self, event: AnswerInput.Draft) -> None:
        self.draft_typed(event.answer_input.question.id, event.text)

    def on_answer_input_changed(self, event: AnswerInput.Changed) -> None:
        self.value_changed(event.answer_input.question.id, event.value, event.typing)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Leaving a field saves it at once (the debounce is for typing, not for leaving)."""
        if self.typing is None or self.view is None:
            return
        widget = event.widget
        qid = self.view.question.id
        if isinstance(widget, NotesArea):
            self.typing.leave(self.key(widget.qid, "notes"))
        elif widget.id == "answer":
            self.typing.leave(self.key(qid, "value"))
