"""Interviews: the list, the set-up form, and the question runner.

The question runner (:class:`QuestionRunnerScreen`) lives here because the
interview is its main user; :class:`~screens.review.DocumentReviewScreen`
runs the desktop-review questionnaire with the same class, so both behave and
save identically.

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

The current question is saved on every move, so an interview resumes exactly
where it was left, even after the laptop was switched off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import (
    Button,
    DataTable,
    Header,
    Input,
    Label,
    RadioSet,
    Select,
    Static,
    TextArea,
)

from tenant_inspect.finding_edits import FindingDraft, save_finding_change, save_new_finding
from tenant_inspect.questionnaire import Question, Questionnaire
from tenant_inspect.views.findings import FindingRow, load_findings

from .base import ServicesMixin
from .dialogs.finding import FindingDialog
from .messages import DataChanged
from .widgets.answer_input import (
    AnswerInput,
    FieldTextArea,
    MarkedRadioButton,
    TextAnswer,
    TickBox,
    TickList,
    TypedAnswer,
    TypingSaves,
    how_to_answer,
    make_answer_input,
    show_problems,
)
from .widgets.findings_panel import FindingsPanel
from .widgets.footer import FittingFooter
from .widgets.question_nav import AnswerState, QuestionJumpDialog, QuestionPath, progress_text
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session


#: Width from which the findings panel sits beside the question instead of replacing it.
WIDE = 120

STATUS_WORDS = {
    "planned": "Planned",
    "not_started": "Not started",
    "in_progress": "In progress",
    "complete": "Complete",
}

DEFAULT_INTERVIEW_QUESTIONNAIRE = "staff-interview-ri"
TENANT_QUESTIONNAIRE = "tenant-interview"


def clip(text: str, width: int) -> str:
    """Shorten ``text`` to ``width`` characters with an ellipsis, on one line."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)].rstrip() + "…"


def announce_change(screen: Screen[Any]) -> None:
    """Tell the screens underneath that data changed, so their lists are fresh on return."""
    for other in screen.app.screen_stack:
        if other is not screen:
            other.post_message(DataChanged())


# ---------------------------------------------------------------------------
# Loading what the runner needs (runs in a worker thread)
# ---------------------------------------------------------------------------


@dataclass
class RunnerData:
    """Everything the runner shows, copied out of the database in one read."""

    kind: str  # "interview" or "review"
    parent_id: str
    inspection_id: str
    questionnaire: Questionnaire
    answers: dict[str, AnswerState]
    current_question: str
    status: str
    heading: str
    evidence: str
    findings: list[FindingRow] = field(default_factory=list)
    observations: str = ""
    consent: bool = True


def parent_model(kind: str) -> Any:
    from tenant_inspect import models as m

    return m.Interview if kind == "interview" else m.DocumentReview


def get_parent(session: Session, kind: str, parent_id: str) -> Any:
    from tenant_inspect import records

    return records.get(session, parent_model(kind), parent_id)


def answer_states(session: Session, parent: Any) -> dict[str, AnswerState]:
    from tenant_inspect import fieldwork

    return {
        key: AnswerState(a.value, a.notes, a.skipped)
        for key, a in fieldwork.answers(session, parent).items()
    }


def questionnaire_of(session: Session, parent: Any) -> Questionnaire | None:
    from tenant_inspect.inspections import questionnaire_for

    if not parent.questionnaire_id:
        return None
    return questionnaire_for(
        session, parent.inspection_id, parent.questionnaire_id, parent.questionnaire_version
    )


def attach_default_questionnaire(session: Session, kind: str, parent_id: str) -> None:
    """Give an interview or review made without a questionnaire (e.g. by the CLI) the default one."""
    from tenant_inspect.inspections import use_questionnaire
    from tenant_inspect.questionnaire import get_builtin

    parent = get_parent(session, kind, parent_id)
    if parent.questionnaire_id:
        return
    questionnaire = get_builtin(
        DEFAULT_INTERVIEW_QUESTIONNAIRE if kind == "interview" else "desktop-review"
    )
    use_questionnaire(session, parent.inspection_id, questionnaire)
    from tenant_inspect import records

    records.update(
        session,
        parent,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
    )


def interview_label(interview: Any, area_name: str) -> str:
    """ "Housing Officer (Housing Management)": how an interviewee is named — role, never name."""
    return (
        f"{interview.interviewee_role} ({area_name})" if area_name else interview.interviewee_role
    )


def load_interview_runner(session: Session, interview_id: str) -> RunnerData | None:
    from tenant_inspect import models as m
    from tenant_inspect import records

    interview = records.get(session, m.Interview, interview_id)
    questionnaire = questionnaire_of(session, interview)
    if questionnaire is None:
        return None
    area = session.get(m.Area, interview.area_id) if interview.area_id else None
    who = interview_label(interview, area.name if area else "")
    kind_word = "Observation" if questionnaire.kind == "observation" else "Interview"
    return RunnerData(
        kind="interview",
        parent_id=interview.id,
        inspection_id=interview.inspection_id,
        questionnaire=questionnaire,
        answers=answer_states(session, interview),
        current_question=interview.current_question,
        status=interview.status,
        heading=f"{kind_word}: {who}",
        evidence=f"{kind_word.lower()} with {who}",
        findings=load_findings(session, interview.inspection_id, interview_id=interview.id),
        consent=interview.consent,
    )


# ---------------------------------------------------------------------------
# One question on screen
# ---------------------------------------------------------------------------


class NotesArea(FieldTextArea):
    """The notes of one question; it knows which question it belongs to."""

    def __init__(self, qid: str, text: str) -> None:
        super().__init__(text, id="notes", soft_wrap=True)
        self.qid = qid


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
        yield NotesArea(q.id, self.state.notes)

    @property
    def answer_input(self) -> AnswerInput:
        return self.query_one(AnswerInput)

    @property
    def notes_area(self) -> NotesArea:
        return self.query_one(NotesArea)


# ---------------------------------------------------------------------------
# The runner
# ---------------------------------------------------------------------------


class QuestionRunnerScreen(ServicesMixin, Screen[None]):
    """One question at a time for an interview or a document review, saved as it is typed.

    The keys were chosen to work in tmux and inside the notes area: PgUp/PgDn
    are shown for Back/Next because Ctrl+B is tmux's prefix (it still works
    elsewhere, as does Ctrl+N); the runner's Ctrl keys are ones a notes area
    does not need, and the answer fields give up the few they had (Ctrl+E
    "line end" — End does it — and Ctrl+K "delete to line end"), see
    :data:`~screens.widgets.answer_input.RUNNER_KEYS`.
    """

    CSS_PATH = "fieldwork.tcss"

    # Footer order is the order here; at 80 columns these exactly fit beside F1 Help.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "pageup,ctrl+b",
            "previous_question",
            "Back",
            id="previous-question",
            tooltip="Go back one question (PgUp or Ctrl+B)",
            key_display="PgUp",
            priority=True,
        ),
        Binding(
            "pagedown,ctrl+n",
            "next_question",
            "Next",
            id="next-question",
            tooltip="Go to the next question (PgDn or Ctrl+N); everything is saved",
            key_display="PgDn",
            priority=True,
        ),
        Binding(
            "ctrl+k",
            "skip_question",
            "Skip",
            id="skip-question",
            tooltip="Mark this question skipped and move on; return to it with Ctrl+G",
            priority=True,
        ),
        Binding(
            "ctrl+g",
            "jump",
            "Jump",
            id="jump-to-question",
            tooltip="List every question and go to any of them",
            priority=True,
        ),
        Binding(
            "ctrl+f",
            "add_finding",
            "Finding",
            id="add-finding",
            tooltip="Add a finding from this answer, or from the text you selected",
            priority=True,
        ),
        Binding(
            "ctrl+l",
            "toggle_findings",
            "Findings",
            id="toggle-findings",
            tooltip="Show or hide the findings recorded here",
            priority=True,
        ),
        Binding(
            "ctrl+e",
            "mark_complete",
            "Complete",
            id="mark-complete",
            tooltip="Mark this as complete (checks the required questions first)",
            priority=True,
        ),
        Binding(
            "escape",
            "back_to_list",
            "Back to list",
            id="back-to-list",
            tooltip="Back to the list (everything is saved)",
            show=False,
        ),
        # Quit still works here; it is left out of the Footer to make room for the runner's keys.
        Binding(
            "ctrl+q",
            "quit_app",
            "Quit",
            id="quit-from-runner",
            tooltip="Quit (everything is saved first)",
            show=False,
        ),
    ]

    #: "interview" or "review": which table the runner writes.
    kind = "interview"
    #: Word used in messages ("interview", "document review").
    noun = "interview"
    HELP_TITLE = "Question runner"
    HELP_TEXT = (
        "Back: PgUp or Ctrl+B · Next: PgDn or Ctrl+N · Esc: back to the list.\n"
        "One question at a time. Type the answer and any notes: everything is saved as you type, "
        "and when you move to another question. Choices are saved the moment you make them.\n"
        "Questions that do not apply (because of an earlier answer) are left out and the count "
        "changes to match. Skipped questions are marked ↷ in the Ctrl+G list; go back to them "
        "any time. Leave whenever you like: it opens again on the same question."
    )

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

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="runner-top"):
            yield Static("Opening…", id="runner-heading")
            yield SaveIndicator()
        yield Static("", id="runner-status")
        yield Static("", id="runner-warning")
        with Horizontal(id="runner-main"):
            with VerticalScroll(id="question-pane"):
                yield Static("Opening…", id="runner-loading")
            yield FindingsPanel(id="findings-panel")
        yield from self.compose_extra()
        yield FittingFooter()

    def compose_extra(self) -> ComposeResult:
        """Widgets a subclass adds under the question (the review's observations)."""
        yield from ()

    def on_mount(self) -> None:
        self.typing = TypingSaves(self.app)
        self.query_one("#runner-warning").display = False
        self._layout()
        self.load()

    def on_resize(self) -> None:
        self._layout()

    @property
    def wide(self) -> bool:
        return self.size.width >= WIDE

    def _layout(self) -> None:
        panel = self.query_one(FindingsPanel)
        show = self.panel_wanted if self.panel_wanted is not None else self.wide
        panel.display = show
        self.query_one("#question-pane").display = self.wide or not show
        self.set_class(self.wide, "-wide")

    # -- loading --------------------------------------------------------------

    def loader(self) -> Callable[[Session], RunnerData | None]:
        """Each runner (interview, document review) says how its data is read."""
        raise NotImplementedError(f"{type(self).__name__} must define loader()")

    def load(self) -> None:
        self.services.read(self.loader(), self._loaded, group=f"runner-{self.parent_id}")

    def _loaded(self, data: RunnerData | None) -> None:
        if not self.is_attached:
            return  # the inspector has already left
        if data is None:
            # Made without a questionnaire (e.g. on the command line): give it the default one.
            kind, parent_id = self.kind, self.parent_id
            self.services.write(
                lambda s: attach_default_questionnaire(s, kind, parent_id), lambda _: self.load()
            )
            return
        self.data = data
        self.path = QuestionPath(data.questionnaire, data.answers)
        self.query_one("#runner-heading", Static).update(Content(data.heading))
        self.show_loaded_extra(data)
        self._show_findings(data.findings)
        start = self.path.resume_at(data.current_question)
        self.call_later(self.show_question, start.id)

    def show_loaded_extra(self, data: RunnerData) -> None:
        """Hook: fill subclass widgets from the loaded data."""

    # -- showing a question -----------------------------------------------------

    def state(self, qid: str) -> AnswerState:
        assert self.data is not None
        return self.data.answers.setdefault(qid, AnswerState())

    async def show_question(self, qid: str) -> None:
        """Leave the current question (saving it) and show ``qid``."""
        assert self.data is not None and self.path is not None
        if self.view is not None:
            self.leave_question(warn=qid != self.current)
        question = self.data.questionnaire.question(qid)
        view = QuestionView(
            question, self.state(qid), self.path.section_intro(question), self.drafts.get(qid)
        )
        pane = self.query_one("#question-pane", VerticalScroll)
        await pane.remove_children()
        await pane.mount(view)
        self.view = view
        self.current = qid
        self.update_status()
        self.save_position(qid)
        pane.scroll_home(animate=False)
        if self.query_one("#question-pane").display:
            view.answer_input.focus_input()

    def update_status(self) -> None:
        """The line under the heading: section, "Question n of N", required, skipped."""
        if self.path is None or self.current is None:
            return
        question = self.data.questionnaire.question(self.current) if self.data else None
        if question is None:
            return
        n, total = self.path.position(self.current)
        parts = [self.path.section_title(question), f"Question {n} of {total}"]
        state = self.state(self.current)
        if state.skipped and not state.answered:
            parts.append("↷ skipped earlier")
        skipped = len(self.path.skipped())
        if skipped:
            parts.append(f"{skipped} skipped (Ctrl+G)")
        if self.data is not None and self.data.status == "complete":
            parts.append("✓ complete")
        text = " · ".join(p for p in parts if p)
        if text != self._status_text:  # called on every keystroke: redraw only on change
            self._status_text = text
            self.query_one("#runner-status", Static).update(Content(text))
        self._number_findings()

    # -- saving -----------------------------------------------------------------

    def key(self, qid: str, part: str) -> str:
        return f"answer:{self.parent_id}:{qid}:{part}"

    def answer_saver(self, qid: str, **changes: Any) -> Callable[[Session], None]:
        """A save of some parts of one answer; the first answer also marks the work started."""
        kind, parent_id = self.kind, self.parent_id

        def save(session: Session) -> None:
            from tenant_inspect import fieldwork, records

            parent = get_parent(session, kind, parent_id)
            fieldwork.save_answer(session, parent, qid, **changes)
            if parent.status in ("planned", "not_started"):
                records.update(session, parent, status="in_progress")

        return save

    def parent_saver(self, **changes: Any) -> Callable[[Session], None]:
        kind, parent_id = self.kind, self.parent_id

        def save(session: Session) -> None:
            from tenant_inspect import records

            records.update(session, get_parent(session, kind, parent_id), **changes)

        return save

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

    def notes_typed(self, qid: str, text: str) -> None:
        state = self.state(qid)
        if text == state.notes:
            return
        state.notes = text
        assert self.typing is not None
        self.typing.typed(self.key(qid, "notes"), self.answer_saver(qid, notes=text))
        self._started()
        self._unskip(qid)
        self.update_status()

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
        that cannot be saved (a bad date) is pointed out: the inspector is
        moving away from it.
        """
        view = self.view
        if view is None:
            return
        assert self.typing is not None
        q = view.question
        self.notes_typed(q.id, view.notes_area.text)
        self.typing.leave(self.key(q.id, "notes"))
        answer = view.answer_input
        if isinstance(answer, TextAnswer):
            self.value_changed(q.id, answer.text_area.text, typing=True)
        elif isinstance(answer, TypedAnswer):
            problem = answer.problem
            if problem:
                self.drafts[q.id] = answer.raw_text
                n, _ = self.path.position(q.id) if self.path else (0, 0)
                if warn:
                    self.notify(
                        f"Question {n}: “{answer.raw_text}” was not saved. {problem}.",
                        title="Not saved",
                        severity="warning",
                        timeout=8,
                    )
            else:
                self.drafts.pop(q.id, None)
                self.value_changed(q.id, answer.raw_text.strip(), typing=True)
        self.typing.leave(self.key(q.id, "value"))

    def leave_screen(self) -> None:
        """Save everything before the screen closes (subclasses add their own fields)."""
        self.leave_question(warn=True)

    # -- events from the fields -------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, NotesArea):
            self.notes_typed(event.text_area.qid, event.text_area.text)

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

    # -- actions ---------------------------------------------------------------

    def _ready(self) -> bool:
        return self.data is not None and self.path is not None and self.current is not None

    def _hide_panel_if_narrow(self) -> None:
        if not self.wide and self.panel_wanted:
            self.panel_wanted = False
            self._layout()

    async def action_next_question(self) -> None:
        if not self._ready():
            return
        assert self.path is not None and self.current is not None
        self._hide_panel_if_narrow()
        self.path.refresh()
        nxt = self.path.next_after(self.current)
        if nxt is None:
            self.leave_question()
            self.notify(
                f"That was the last question. Ctrl+E marks the {self.noun} complete; "
                "Ctrl+G lists every question.",
                title="Last question",
            )
            return
        await self.show_question(nxt.id)

    async def action_previous_question(self) -> None:
        if not self._ready():
            return
        assert self.path is not None and self.current is not None
        self._hide_panel_if_narrow()
        prev = self.path.before(self.current)
        if prev is None:
            self.notify("This is the first question.", title="First question")
            return
        await self.show_question(prev.id)

    async def action_skip_question(self) -> None:
        if not self._ready():
            return
        assert self.path is not None and self.current is not None
        qid = self.current
        self.leave_question()
        state = self.state(qid)
        if state.answered:
            self.notify(
                "This question has an answer, so it is not marked skipped.", title="Moving on"
            )
        else:
            state.skipped = True
            self.services.autosave(
                self.key(qid, "skipped"), self.answer_saver(qid, skipped=True), now=True
            )
            self._started()
        await self.action_next_question()
        self.update_status()

    def action_jump(self) -> None:
        if not self._ready():
            return
        assert self.path is not None and self.current is not None
        self.leave_question()
        self.path.refresh()

        async def chosen(qid: str | None) -> None:
            if qid:
                self._hide_panel_if_narrow()
                await self.show_question(qid)

        self.app.push_screen(QuestionJumpDialog(self.path, self.current), chosen)

    def action_toggle_findings(self) -> None:
        panel = self.query_one(FindingsPanel)
        self.panel_wanted = not panel.display
        self._layout()
        if panel.display:
            if not self.wide or panel.rows:
                panel.focus_list()
        elif self.view is not None:
            self.view.answer_input.focus_input()

    async def action_back_to_list(self) -> None:
        panel = self.query_one(FindingsPanel)
        if not self.wide and panel.display:
            self.action_toggle_findings()
            return
        if self.data is not None:
            self.leave_screen()
        self.dismiss()

    async def action_quit_app(self) -> None:
        """Quit, saving what is on screen first.

        The fields are read directly (as when leaving a question), so even a
        keystroke whose change message has not been handled yet is saved; the
        app's own quit then waits for the writer.
        """
        if self.data is not None:
            self.leave_screen()
        await self.app.action_quit()

    # -- completing ---------------------------------------------------------------

    def action_mark_complete(self) -> None:
        if not self._ready():
            return
        assert self.path is not None and self.data is not None
        from .dialogs.confirm import ConfirmDialog

        self.leave_question()
        self.path.refresh()
        if self.data.status == "complete":

            def reopen(sure: bool | None) -> None:
                if sure:
                    self._set_status("in_progress", f"The {self.noun} is in progress again.")

            self.app.push_screen(
                ConfirmDialog(
                    f"This {self.noun} is marked complete. Mark it as in progress again?",
                    "Reopen",
                ),
                reopen,
            )
            return
        missing = self.path.missing_required()
        skipped = [q for q in self.path.skipped() if q not in missing]
        if not missing and not skipped:
            self._set_status("complete", f"The {self.noun} is marked complete.", leave=True)
            return
        lines = []
        for title, questions in (
            ("required question", missing),
            ("skipped question", skipped),
        ):
            if not questions:
                continue
            plural = "s are" if len(questions) != 1 else " is"
            state = "not answered yet" if title.startswith("required") else "still open"
            lines.append(f"{len(questions)} {title}{plural} {state}:")
            lines += [f"  • Q{self.path.position(q.id)[0]}: {q.text}" for q in questions[:4]]
            if len(questions) > 4:
                lines.append(f"  … and {len(questions) - 4} more")

        def answered(sure: bool | None) -> None:
            if sure:
                self._set_status("complete", f"The {self.noun} is marked complete.", leave=True)

        self.app.push_screen(
            ConfirmDialog(
                "\n".join(lines) + f"\n\nMark the {self.noun} complete anyway?",
                "Mark complete",
            ),
            answered,
        )

    def _set_status(self, status: str, message: str, leave: bool = False) -> None:
        assert self.data is not None
        self.data.status = status

        def done(_: object) -> None:
            self.notify(message, title="Saved")
            announce_change(self)
            self.update_status()
            if leave and self.is_current:
                self.leave_screen()
                self.dismiss()

        self.services.write(self.parent_saver(status=status), done)

    # -- findings ----------------------------------------------------------------

    def _numbers(self) -> dict[str, int]:
        if self.path is None:
            return {}
        return {q.id: i for i, q in enumerate(self.path.visible, start=1)}

    def _number_findings(self) -> None:
        """Keep the panel's "Q7" labels right when show-if changes the numbering."""
        panel = self.query_one(FindingsPanel)
        numbers = self._numbers()
        if panel.rows and numbers != panel.numbers:
            panel.show(panel.rows, numbers)

    def _show_findings(self, rows: list[FindingRow]) -> None:
        if self.is_attached:
            self.query_one(FindingsPanel).show(rows, self._numbers())

    def reload_findings(self) -> None:
        assert self.data is not None
        inspection_id, parent_id = self.data.inspection_id, self.parent_id
        where = {"interview_id" if self.kind == "interview" else "document_review_id": parent_id}
        self.services.read(lambda s: load_findings(s, inspection_id, **where), self._show_findings)

    def finding_prefill(self) -> str:
        """The selected text of the notes or answer; else the notes or the answer itself."""
        view = self.view
        if view is None:
            return ""
        notes = view.notes_area
        answer = view.answer_input
        if notes.selected_text.strip():
            return notes.selected_text.strip()
        if isinstance(answer, TextAnswer) and answer.selected_text.strip():
            return answer.selected_text.strip()
        if isinstance(answer, TextAnswer) and answer.text_area.text.strip():
            return answer.text_area.text.strip()
        if notes.text.strip():
            return notes.text.strip()
        q = view.question
        value = self.state(q.id).value
        if value and q.type in ("yes_no", "choice"):
            return f"{q.text} — {q.option_label(value)}"
        return ""

    def evidence_for(self, question_key: str) -> str:
        assert self.data is not None
        if not question_key:
            return self.data.evidence
        try:
            q = self.data.questionnaire.question(question_key)
        except KeyError:
            return self.data.evidence
        n = self._numbers().get(question_key)
        where = f"question {n}" if n else "question"
        return f"{self.data.evidence} · {where}: {q.text}"

    def finding_context(self) -> tuple[str | None, str, tuple[str, ...]]:
        """(question key or None, prefilled text, themes) for a new finding from here."""
        if self.view is None:
            return None, "", ()
        q = self.view.question
        return q.id, self.finding_prefill(), q.themes

    def action_add_finding(self) -> None:
        if not self._ready():
            return
        assert self.data is not None
        self.leave_question()
        question_key, text, themes = self.finding_context()
        kind, parent_id = self.kind, self.parent_id

        def chosen(draft: FindingDraft | None) -> None:
            if draft is None or draft.delete:
                return

            def save(session: Session) -> str:
                return save_new_finding(
                    session,
                    parent_kind=kind,
                    parent_id=parent_id,
                    question_key=question_key,
                    draft=draft,
                )

            def saved(_: object) -> None:
                self.notify(
                    f"{draft.kind.replace('_', ' ').capitalize()} recorded.", title="Finding saved"
                )
                self.reload_findings()
                announce_change(self)

            self.services.write(save, saved)

        self.app.push_screen(
            FindingDialog(evidence=self.evidence_for(question_key or ""), text=text, themes=themes),
            chosen,
        )

    def on_findings_panel_edit(self, event: FindingsPanel.Edit) -> None:
        panel = self.query_one(FindingsPanel)
        row = next((r for r in panel.rows if r.id == event.finding_id), None)
        if row is None:
            return
        finding_id = row.id

        def chosen(draft: FindingDraft | None) -> None:
            if draft is None:
                return

            def saved(_: object) -> None:
                self.notify(
                    "Finding deleted." if draft.delete else "Finding updated.", title="Saved"
                )
                self.reload_findings()
                announce_change(self)

            self.services.write(lambda s: save_finding_change(s, finding_id, draft), saved)

        self.app.push_screen(
            FindingDialog(
                evidence=self.evidence_for(row.question_key),
                text=row.text,
                themes=row.themes,
                kind=row.kind,
                editing=True,
            ),
            chosen,
        )


class InterviewScreen(QuestionRunnerScreen):
    """Runs an interview's questionnaire, one question at a time."""

    kind = "interview"
    noun = "interview"
    HELP_TITLE = "Interview"

    def loader(self) -> Callable[[Session], RunnerData | None]:
        interview_id = self.parent_id
        return lambda s: load_interview_runner(s, interview_id)

    def show_loaded_extra(self, data: RunnerData) -> None:
        warning = self.query_one("#runner-warning", Static)
        warning.update("⚠ Consent is not recorded: do not take notes until the interviewee agrees.")
        warning.display = not data.consent


# ---------------------------------------------------------------------------
# The list of interviews
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InterviewRow:
    id: str
    area_id: str | None
    area: str
    role: str
    kind: str
    date: str
    status: str
    consent: bool
    progress: str


@dataclass
class InterviewListData:
    title: str
    rows: list[InterviewRow]
    areas: list[tuple[str, str]]  # (id, name): departments and themes, not the desktop review
    team: list[tuple[str, str]]  # (id, name)


def load_interview_list(session: Session, inspection_id: str) -> InterviewListData:
    from tenant_inspect import fieldwork, inspections, records
    from tenant_inspect import models as m

    inspection = inspections.get_inspection(session, inspection_id)
    all_areas = inspections.areas(session, inspection_id)
    names = {a.id: a.name for a in all_areas}
    answers: dict[str, dict[str, AnswerState]] = {}
    for a in records.live(session, m.Answer, inspection_id=inspection_id):
        if a.interview_id:
            answers.setdefault(a.interview_id, {})[a.question_key] = AnswerState(
                a.value, a.notes, a.skipped
            )
    rows = []
    for iv in fieldwork.interviews(session, inspection_id):
        try:
            questionnaire = questionnaire_of(session, iv)
        except Exception:  # a missing copy must not hide the list
            questionnaire = None
        rows.append(
            InterviewRow(
                id=iv.id,
                area_id=iv.area_id,
                area=names.get(iv.area_id or "", "—"),
                role=iv.interviewee_role,
                kind=iv.interviewee_kind,
                date=iv.interview_date.isoformat() if iv.interview_date else "—",
                status=iv.status,
                consent=iv.consent,
                progress=progress_text(questionnaire, answers.get(iv.id, {})),
            )
        )
    areas = [(a.id, a.name) for a in all_areas if a.kind != "desktop_review"]
    team = [(t.id, t.name) for t in inspections.team(session, inspection_id)]
    return InterviewListData(inspection.title, rows, areas, team)


class InterviewListScreen(ServicesMixin, Screen[None]):
    """The interviews of an inspection (or of one area); start one, or resume one."""

    CSS_PATH = "fieldwork.tcss"

    HELP_TITLE = "Interviews"
    HELP_TEXT = (
        "Each row is one interview: the area, the interviewee's role (never their name), "
        "its status and how many questions are answered. Enter opens it exactly where it "
        "was left."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "start_interview",
            "Start interview",
            id="start-interview",
            tooltip="Set up a new interview and start it",
        ),
        Binding(
            "enter",
            "open_interview",
            "Open",
            id="open-interview",
            tooltip="Open or resume the selected interview",
            priority=True,
        ),
        Binding(
            "f",
            "toggle_filter",
            "All areas",
            id="toggle-area-filter",
            tooltip="Show every area's interviews, or only this area's",
        ),
        Binding("escape", "back", "Back", id="back", tooltip="Back to the inspection"),
    ]

    def __init__(self, inspection_id: str, area_id: str | None = None) -> None:
        super().__init__()
        self.inspection_id = inspection_id
        self.area_id = area_id
        self.only_area = area_id is not None
        self.data: InterviewListData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="list-body"):
            with Horizontal(id="list-title-row"):
                yield Static("Interviews", id="list-title", classes="screen-title")
                yield SaveIndicator()
            yield Static("Opening…", id="list-status")
            yield DataTable(id="interviews", cursor_type="row", zebra_stripes=True)
            yield Static(
                "No interviews yet.\n\nPress [b]n[/b] to start one: you choose the area, the "
                "interviewee's role, the interviewers and the questionnaire, then go through the "
                "questions one at a time.",
                id="list-empty",
            )
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#list-empty").display = False
        self.reload()

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self.reload()

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.data is not None:
            self.show(self.data)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_filter":
            return self.area_id is not None
        if action == "open_interview":
            return True if self.selected_id() else None  # shown dimmed until there is one
        return True

    def reload(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(
            lambda s: load_interview_list(s, inspection_id), self.show, group="interviews"
        )

    def show(self, data: InterviewListData) -> None:
        if not self.is_attached:
            return
        self.data = data
        table = self.query_one("#interviews", DataTable)
        selected = self.selected_id()
        table.clear(columns=True)
        wide = self.size.width >= 100
        # Fixed widths: measuring on idle can lag behind a quick reload; this never does.
        area_width = 28 if wide else 18
        fixed = [("Date", "date", 10)] if wide else []
        fixed += [("Status", "status", 20 if wide else 11)]
        fixed += [("Progress", "progress", 14) if wide else ("Answered", "progress", 8)]
        role_width = max(
            16, self.size.width - 4 - (area_width + 2) - sum(w + 2 for _, _, w in fixed) - 2
        )
        table.add_column("Area", key="area", width=area_width)
        table.add_column("Interviewee (role)", key="role", width=role_width)
        for label, key, width in fixed:
            table.add_column(label, key=key, width=width)
        rows = [r for r in data.rows if not self.only_area or r.area_id == self.area_id]
        for r in rows:
            status = STATUS_WORDS.get(r.status, r.status)
            if r.status == "planned" and not r.consent:
                status += " (no consent)" if wide else "*"
            role = r.role if r.kind == "staff" else f"{r.role} ({r.kind})"
            cells: list[object] = [Text(clip(r.area, area_width)), Text(clip(role, role_width))]
            if wide:
                cells.append(r.date)
            cells += [status, r.progress if wide else r.progress.removesuffix(" answered")]
            table.add_row(*cells, key=r.id)
        area_name = dict(data.areas).get(self.area_id or "", "")
        title = f"Interviews — {area_name}" if self.only_area and area_name else "Interviews"
        self.query_one("#list-title", Static).update(Content(title))
        empty = not rows
        table.display = not empty
        self.query_one("#list-empty").display = empty
        done = sum(1 for r in rows if r.status == "complete")
        parts = []
        if rows:
            plural = "s" if len(rows) != 1 else ""
            parts += [
                f"{len(rows)} interview{plural}, {done} complete",
                "Enter opens",
                "n starts one",
            ]
        if not wide and any(r.status == "planned" and not r.consent for r in rows):
            parts.append("* no consent yet")
        if self.area_id is not None:
            parts.append("f: " + ("show all areas" if self.only_area else "only this area"))
        status_line = " · ".join(parts)
        self.query_one("#list-status", Static).update(Content(status_line))
        if selected and selected in {r.id for r in rows}:
            table.move_cursor(row=table.get_row_index(selected))
        self.refresh_bindings()
        if rows:
            table.focus()

    def selected_id(self) -> str | None:
        table = self.query_one("#interviews", DataTable)
        if not table.row_count or not table.display:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def action_toggle_filter(self) -> None:
        self.only_area = not self.only_area
        if self.data is not None:
            self.show(self.data)

    def action_back(self) -> None:
        self.dismiss()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.open(event.row_key.value)

    def action_open_interview(self) -> None:
        interview_id = self.selected_id()
        if interview_id is None:
            self.notify("There is no interview to open yet: press n to start one.")
            return
        self.open(interview_id)

    def open(self, interview_id: str) -> None:
        row = next((r for r in (self.data.rows if self.data else []) if r.id == interview_id), None)
        if row is not None and not row.consent:
            self._ask_consent(interview_id)
            return
        self.app.push_screen(InterviewScreen(interview_id))

    def _ask_consent(self, interview_id: str) -> None:
        from .dialogs.confirm import ConfirmDialog

        def answered(agreed: bool | None) -> None:
            if not agreed:
                self.notify("The interview stays planned. Open it again once they agree.")
                return

            def save(session: Session) -> None:
                from tenant_inspect import fieldwork

                fieldwork.update_interview(
                    session, get_parent(session, "interview", interview_id), consent=True
                )

            def recorded(_: object) -> None:
                self.app.push_screen(InterviewScreen(interview_id))

            self.services.write(save, recorded)

        self.app.push_screen(
            ConfirmDialog(
                "Consent has not been recorded for this interview.\n\n"
                "Notes must not be taken until the interviewee agrees. "
                "Has the interviewee agreed to notes being taken?",
                "They agreed",
            ),
            answered,
        )

    def action_start_interview(self) -> None:
        if self.data is None:
            self.notify("Still opening your data — try again in a moment.")
            return

        def chosen(details: InterviewDetails | None) -> None:
            if details is None:
                return
            inspection_id = self.inspection_id

            def create(session: Session) -> str:
                return create_interview(session, inspection_id, details)

            def created(interview_id: str) -> None:
                announce_change(self)
                self.reload()
                if details.consent:
                    self.app.push_screen(InterviewScreen(interview_id))
                else:
                    self.notify(
                        "Saved as planned. Open it when the interviewee has agreed to notes being taken.",
                        title="Interview planned",
                    )

            self.services.write(create, created)

        self.app.push_screen(
            InterviewSetupDialog(self.data.areas, self.data.team, area_id=self.area_id), chosen
        )


# ---------------------------------------------------------------------------
# Setting up an interview
# ---------------------------------------------------------------------------


@dataclass
class InterviewDetails:
    """What the set-up form collects."""

    area_id: str | None
    questionnaire_id: str
    interviewee_kind: str
    interviewee_role: str
    interviewee_name: str
    interviewer_ids: list[str]
    interview_date: dt.date
    consent: bool


def create_interview(session: Session, inspection_id: str, details: InterviewDetails) -> str:
    from tenant_inspect import fieldwork
    from tenant_inspect.questionnaire import get_builtin

    interview = fieldwork.add_interview(
        session,
        inspection_id,
        interviewee_role=details.interviewee_role,
        area_id=details.area_id,
        questionnaire=get_builtin(details.questionnaire_id),
        interviewer_ids=details.interviewer_ids,
        interviewee_kind=details.interviewee_kind,
        interviewee_name=details.interviewee_name,
        interview_date=details.interview_date,
        consent=details.consent,
        status="planned",
    )
    return interview.id


def interview_questionnaires() -> list[tuple[str, str]]:
    """(label, id) of the built-in questionnaires an interview can use; the default first."""
    from tenant_inspect.questionnaire import builtin_questionnaires

    found = [q for q in builtin_questionnaires() if q.kind in ("interview", "observation")]
    found.sort(
        key=lambda q: (q.id != DEFAULT_INTERVIEW_QUESTIONNAIRE, q.kind != "interview", q.title)
    )
    return [
        (q.title + (" (for observations)" if q.kind == "observation" else ""), q.id) for q in found
    ]


class InterviewSetupDialog(ModalScreen[InterviewDetails | None]):
    """Who is interviewed, by whom, with which questions — and whether they agreed to notes."""

    CSS_PATH = "fieldwork.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Close without saving"),
        Binding(
            "ctrl+s",
            "start",
            "Start",
            id="start",
            tooltip="Save the interview (and start it if consent is given)",
            priority=True,
        ),
    ]

    def __init__(
        self,
        areas: list[tuple[str, str]],
        team: list[tuple[str, str]],
        *,
        area_id: str | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.areas = areas
        self.team = team
        self.area_id = area_id if area_id in {a for a, _ in areas} else None
        self.today = today or dt.date.today()
        self._chose_questionnaire = False
        self._auto_questionnaire = DEFAULT_INTERVIEW_QUESTIONNAIRE

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog setup-dialog"):
            yield Static("Start an interview", classes="dialog-title")
            with VerticalScroll(id="setup-body"):
                with Horizontal(classes="fw-row"):
                    yield Label("Area *", classes="fw-label")
                    if self.areas:
                        yield Select(
                            [(Content(name), area_id) for area_id, name in self.areas],
                            prompt="Choose the department",
                            value=self.area_id if self.area_id else Select.NULL,
                            id="area",
                            compact=True,
                            classes="fw-field",
                        )
                    else:
                        yield Static(
                            "No departments yet (add them in Set-up); you can still start.",
                            id="no-areas",
                            classes="fw-field fw-note",
                        )
                with Horizontal(classes="fw-row"):
                    yield Label("Questions", classes="fw-label")
                    yield Select(
                        interview_questionnaires(),
                        value=DEFAULT_INTERVIEW_QUESTIONNAIRE,
                        allow_blank=False,
                        id="questionnaire",
                        compact=True,
                        classes="fw-field",
                    )
                with Horizontal(classes="fw-row"):
                    yield Label("Interviewee", classes="fw-label")
                    yield RadioSet(
                        MarkedRadioButton("Staff", True),
                        MarkedRadioButton("Tenant"),
                        id="kind",
                        compact=True,
                        classes="fw-field",
                    )
                with Horizontal(classes="fw-row"):
                    yield Label("Their role *", classes="fw-label")
                    with Vertical(classes="fw-field"):
                        yield Input(
                            placeholder="e.g. Housing Officer, Head of Customer Services",
                            id="role",
                            compact=True,
                        )
                        yield Static("Shown in the report, with the department.", classes="fw-note")
                with Horizontal(classes="fw-row"):
                    yield Label("Their name", classes="fw-label")
                    with Vertical(classes="fw-field"):
                        yield Input(placeholder="optional", id="name", compact=True)
                        yield Static(
                            "Private: never printed in the report.",
                            classes="fw-note",
                            id="name-note",
                        )
                with Horizontal(classes="fw-row"):
                    yield Label("Interviewers", classes="fw-label")
                    if self.team:
                        yield TickList(
                            *[(Content(name), member_id) for member_id, name in self.team],
                            id="interviewers",
                            compact=True,
                            classes="fw-field",
                        )
                    else:
                        yield Static(
                            "No team members yet (add them in Set-up); you can start without.",
                            id="no-team",
                            classes="fw-field fw-note",
                        )
                with Horizontal(classes="fw-row"):
                    yield Label("Date *", classes="fw-label")
                    yield Input(
                        self.today.isoformat(),
                        id="date",
                        max_length=10,
                        placeholder="YYYY-MM-DD",
                        compact=True,
                        classes="fw-field fw-date",
                    )
                with Horizontal(classes="fw-row"):
                    yield Label("Consent", classes="fw-label")
                    with Vertical(classes="fw-field"):
                        yield TickBox(
                            "The interviewee agrees to notes being taken",
                            id="consent",
                            compact=True,
                        )
                        yield Static("", id="consent-warning")
            yield Static("", id="form-errors", classes="form-errors -empty")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save as planned", variant="primary", id="start", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static(
                "[b]Ctrl+S[/b] saves  ·  [b]Tab[/b] next field  ·  [b]Esc[/b] cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self._consent_changed(False)
        if self.areas and not self.area_id:
            self.query_one("#area", Select).focus()
        else:
            self.query_one("#role", Input).focus()

    def _consent_changed(self, consent: bool) -> None:
        self.query_one("#consent-warning", Static).update(
            ""
            if consent
            else "Without consent, do not take notes. The interview is saved as planned "
            "and can be started when they agree."
        )
        self.query_one("#start", Button).label = "Start interview" if consent else "Save as planned"

    def on_checkbox_changed(self, event: TickBox.Changed) -> None:
        self._consent_changed(event.value)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        # A tenant interview gets the tenant questionnaire, unless one was chosen by hand.
        if self._chose_questionnaire:
            return
        wanted = TENANT_QUESTIONNAIRE if event.index == 1 else DEFAULT_INTERVIEW_QUESTIONNAIRE
        if wanted in {v for _, v in interview_questionnaires()}:
            self._auto_questionnaire = wanted
            self.query_one("#questionnaire", Select).value = wanted

    def on_select_changed(self, event: Select.Changed) -> None:
        # The Select also reports the values set above (and its first value): only a
        # different one is the inspector's own choice.
        if event.select.id == "questionnaire" and event.value != self._auto_questionnaire:
            self._chose_questionnaire = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_start(self) -> None:
        problems = []
        area_id: str | None = None
        first_bad: str | None = None
        if self.areas:
            value = self.query_one("#area", Select).value
            if isinstance(value, str):
                area_id = value
            else:
                problems.append("Choose the area (department) the interviewee works in.")
                first_bad = first_bad or "#area"
        role = self.query_one("#role", Input).value.strip()
        if not role:
            problems.append("Give the interviewee's role, e.g. Housing Officer.")
            first_bad = first_bad or "#role"
        date_text = self.query_one("#date", Input).value.strip()
        try:
            when = dt.date.fromisoformat(date_text)
            if len(date_text) != 10:
                raise ValueError(date_text)
        except ValueError:
            problems.append("Write the date as YYYY-MM-DD, e.g. 2024-03-31.")
            first_bad = first_bad or "#date"
            when = self.today
        if problems:
            show_problems(self, problems)
            if first_bad:
                self.query_one(first_bad).focus()
            return
        questionnaire = self.query_one("#questionnaire", Select).value
        kind_index = self.query_one("#kind", RadioSet).pressed_index
        interviewers = list(self.query_one("#interviewers", TickList).selected) if self.team else []
        self.dismiss(
            InterviewDetails(
                area_id=area_id,
                questionnaire_id=str(questionnaire),
                interviewee_kind="tenant" if kind_index == 1 else "staff",
                interviewee_role=role,
                interviewee_name=self.query_one("#name", Input).value.strip(),
                interviewer_ids=interviewers,
                interview_date=when,
                consent=self.query_one("#consent", TickBox).value,
            )
        )
