"""An inspector's own grade for one area, recorded before the team agrees on the final one.

Own grades are what the agreement figures are made of, so the dialog asks who is grading
first (those who have not graded this area yet come first by default) and shows what that
inspector recorded before, to change rather than duplicate it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import RadioSet, Select, Static, TextArea

from tenant_inspect.views.shared import MemberData
from tenant_inspect.vocabulary import GRADE_KEYS

from ..markup import escape
from ..widgets.grade_choice import cursor_to_choice, grade_radio
from .base import Dialog, dialog_bindings, dialog_buttons


class InspectorGradeDialog(Dialog[tuple[str, str, str]]):
    """Choose an inspector, their grade and (optionally) why; returns (judge id, grade, rationale)."""

    BINDINGS: ClassVar[list[BindingType]] = dialog_bindings(tooltip="Save this grade")

    ERRORS_ID = "grade-error"

    DEFAULT_CSS = """
    InspectorGradeDialog .grade-dialog { width: 76; max-width: 100%; height: auto; }
    InspectorGradeDialog .grade-title { text-style: bold; height: auto; }
    InspectorGradeDialog .grade-label { text-style: bold; height: 1; margin: 1 0 0 0; }
    InspectorGradeDialog #grade-judge { width: 100%; }
    InspectorGradeDialog #grade-box { height: auto; }
    InspectorGradeDialog #grade-choice { width: 100%; }
    InspectorGradeDialog #grade-rationale { height: 4; }
    InspectorGradeDialog #grade-error { color: $error; text-style: bold; height: auto; }
    InspectorGradeDialog .grade-buttons { height: 1; align: right middle; margin: 1 0 0 0; }
    InspectorGradeDialog .grade-buttons Button { margin-left: 2; }
    InspectorGradeDialog .grade-hint { color: $text-muted; height: auto; }
    """

    def __init__(
        self,
        area_title: str,
        team: Sequence[MemberData],
        existing: dict[str, tuple[str, str]],
        judge_id: str | None = None,
    ) -> None:
        super().__init__()
        self.area_title = area_title
        self.team = list(team)
        self.existing = existing
        ungraded = [t.id for t in self.team if t.id not in existing and t.role != "coordinator"]
        self.judge_id = judge_id or (ungraded[0] if ungraded else self.team[0].id)

    def compose(self) -> ComposeResult:
        grade, rationale = self.existing.get(self.judge_id, ("", ""))
        with Vertical(classes="dialog grade-dialog"):
            yield Static(
                escape(f"An inspector's own grade — {self.area_title}"), classes="grade-title"
            )
            yield Static("Who is grading", classes="grade-label")
            yield Select(
                [
                    (t.name + (" (has graded)" if t.id in self.existing else ""), t.id)
                    for t in self.team
                ],
                allow_blank=False,
                value=self.judge_id,
                id="grade-judge",
                compact=True,
            )
            yield Static("Their grade *", classes="grade-label")
            with Vertical(id="grade-box"):
                yield grade_radio(grade, "grade-choice")
            yield Static("Why (optional)", classes="grade-label")
            yield TextArea(rationale, id="grade-rationale", soft_wrap=True)
            yield Static("", id="grade-error")
            yield dialog_buttons("Save", classes="grade-buttons")
            yield Static(
                "[b]Ctrl+S[/b] saves  ·  [b]Esc[/b] cancels  ·  [b]↑↓ Space[/b] choose the grade",
                classes="grade-hint",
            )

    def on_mount(self) -> None:
        radio = self.query_one("#grade-choice", RadioSet)
        radio.focus()
        radio.call_after_refresh(cursor_to_choice, radio)

    async def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if not isinstance(event.value, str) or event.value == self.judge_id:
            return
        self.judge_id = event.value
        grade, rationale = self.existing.get(self.judge_id, ("", ""))
        box = self.query_one("#grade-box", Vertical)
        await box.remove_children()
        radio = grade_radio(grade, "grade-choice")
        await box.mount(radio)
        radio.call_after_refresh(cursor_to_choice, radio)
        self.query_one("#grade-rationale", TextArea).load_text(rationale)

    def action_save(self) -> None:
        index = self.query_one("#grade-choice", RadioSet).pressed_index
        if index < 0:
            self.show_problems(["Choose their grade (↑↓ then Space)."], "#grade-choice")
            return
        rationale = self.query_one("#grade-rationale", TextArea).text.strip()
        self.dismiss((self.judge_id, GRADE_KEYS[index], rationale))
