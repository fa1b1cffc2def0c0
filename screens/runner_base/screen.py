"""The question runner: one question at a time for an interview or a document review.

Interviews and document reviews run on this same screen (their screens in
:mod:`screens.interviews` and :mod:`screens.documents` add only what differs), so both
behave and save identically. It is a base, never opened by name. What it holds and how it
saves is in :mod:`.saving`; findings from a question are in :mod:`.findings`.

The current question is saved on every move, so an interview resumes exactly
where it was left, even after the laptop was switched off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from tenant_inspect.edits import fieldwork as fieldwork_edits
from tenant_inspect.question_path import QuestionPath
from tenant_inspect.views.fieldwork import RunnerData

from ..base import must_define
from ..dialogs.confirm import ConfirmDialog
from ..messages import announce_change
from ..widgets.answer_input import TypingSaves
from ..widgets.findings_panel import FindingsPanel
from ..widgets.footer import FittingFooter
from ..widgets.question_nav import QuestionJumpDialog
from ..widgets.question_view import QuestionView
from ..widgets.save_indicator import SaveIndicator
from . import keys
from .complete_check import CompleteCheckDialog, unanswered_groups
from .findings import RunnerFindingsBase

if TYPE_CHECKING:
    from sqlmodel import Session

#: Width from which the findings panel sits beside the question instead of replacing it.
WIDE = 120


class QuestionRunnerScreen(RunnerFindingsBase):
    """One question at a time for an interview or a document review, saved as it is typed.

    Its keys (chosen to work in tmux and inside the notes area) and its help are in
    :mod:`.keys`.
    """

    CSS_PATH = "fieldwork.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keys.RUNNER_BINDINGS
    HELP_TITLE = keys.HELP_TITLE
    HELP_TEXT = keys.HELP_TEXT

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
        self.typing = TypingSaves(self.services)
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
        must_define(self, "loader")

    def load(self) -> None:
        self.services.read(self.loader(), self._loaded, group=f"runner-{self.parent_id}")

    def _loaded(self, data: RunnerData | None) -> None:
        if not self.is_attached:
            return  # the inspector has already left
        if data is None:
            # Made without a questionnaire (e.g. on the command line): give it the default one.
            kind, parent_id = self.kind, self.parent_id
            self.services.write(
                lambda s: fieldwork_edits.attach_default_questionnaire(s, kind, parent_id),
                lambda _: self.load(),
            )
            return
        self.data = data
        self.answers_read(data)
        self.keep_drafts(data)
        self.path = QuestionPath(data.questionnaire, data.answers)
        self.query_one("#runner-heading", Static).update(Content(data.heading))
        self.show_loaded_extra(data)
        self._show_findings(data.findings)
        start = self.path.resume_at(data.current_question)
        self.call_later(self.show_question, start.id)

    def show_loaded_extra(self, data: RunnerData) -> None:
        """Hook: fill subclass widgets from the loaded data."""

    async def show_question(self, qid: str) -> None:
        """Leave the current question (saving it) and show ``qid``.

        The keys typed meanwhile wait for the new answer box and then go into it
        (:mod:`screens.type_ahead`): the old box is gone, and on opening an interview, or
        after choosing a question in the Ctrl+G list, there was no box at all yet.
        """
        assert self.data is not None and self.path is not None
        self.services.hold_keys()
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
        if pane.display:
            # The question (and its section's introduction) stays at the top; the pane
            # scrolls only if the answer would otherwise be out of sight. Focusing with
            # Textual's own scrolling raced the layout and left either position.
            view.answer_input.focus_input(scroll_visible=False)
            self.call_after_refresh(self._answer_in_sight, view)
        self.services.release_keys()

    def _answer_in_sight(self, view: QuestionView) -> None:
        if view is not self.view or self.focused is None:
            return
        pane = self.query_one("#question-pane", VerticalScroll)
        if not pane.region.overlaps(self.focused.region):
            pane.scroll_to_widget(self.focused, animate=False, top=False)

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
        if self.current in self.drafts:
            parts.append("⚠ answer to correct")
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

    # -- actions ---------------------------------------------------------------

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
        groups = unanswered_groups(self.path, self.drafts)
        if not groups:
            self._set_status("complete", f"The {self.noun} is marked complete.", leave=True)
            return

        def answered(sure: bool | None) -> None:
            if sure:
                self._set_status("complete", f"The {self.noun} is marked complete.", leave=True)

        self.app.push_screen(CompleteCheckDialog(self.noun, groups), answered)

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
