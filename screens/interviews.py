"""Interviews: the list of an inspection's (or one area's) interviews, and running one.

An interview is opened only with the interviewee's consent to notes being taken: a planned
interview without it asks first. Running one is the shared question runner
(:class:`~screens.runner_base.QuestionRunnerScreen`) plus the consent warning.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import DataTable, Static

from tenant_inspect.edits import fieldwork as fieldwork_edits
from tenant_inspect.edits.fieldwork import InterviewDetails
from tenant_inspect.views import fieldwork as views
from tenant_inspect.views.fieldwork import InterviewListData, RunnerData
from tenant_inspect.vocabulary import WORK_STATUS_WORDS

from .bindings import bind
from .dialogs.confirm import ConfirmDialog
from .dialogs.interview_details import InterviewSetupDialog
from .list_base import ListScreenBase, free_width, progress_cell, progress_column
from .messages import announce_change
from .runner_base import QuestionRunnerScreen
from .widgets.one_line import one_line

if TYPE_CHECKING:
    from sqlmodel import Session

__all__ = ["InterviewListScreen", "InterviewScreen", "InterviewSetupDialog"]


class InterviewListScreen(ListScreenBase[InterviewListData]):
    """The interviews of an inspection (or of one area); start one, or resume one."""

    HELP_TITLE = "Interviews"
    HELP_TEXT = (
        "Each row is one interview: the area, the interviewee's role (never their name), "
        "its status and how many questions are answered. Enter opens it exactly where it "
        "was left."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("n", "start_interview", "Start interview", "Set up a new interview and start it"),
        bind(
            "enter",
            "open_interview",
            "Open",
            "Open or resume the selected interview",
            priority=True,
        ),
        bind(
            "f",
            "toggle_filter",
            "All areas",
            "Show every area's interviews, or only this area's",
            id="toggle-area-filter",
        ),
        bind("escape", "back", "Back", "Back to the inspection"),
    ]

    TABLE_ID = "interviews"
    LIST_TITLE = "Interviews"
    EMPTY_TEXT = (
        "No interviews yet.\n\nPress [b]n[/b] to start one: you choose the area, the "
        "interviewee's role, the interviewers and the questionnaire, then go through the "
        "questions one at a time."
    )
    ROW_ACTIONS = ("open_interview",)

    def __init__(self, inspection_id: str, area_id: str | None = None) -> None:
        super().__init__(inspection_id)
        self.area_id = area_id
        self.only_area = area_id is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_filter":
            return self.area_id is not None
        return super().check_action(action, parameters)

    def loader(self) -> Callable[[Session], InterviewListData]:
        inspection_id = self.inspection_id
        return lambda s: views.load_interview_list(s, inspection_id)

    def fill(self, table: DataTable[object], data: InterviewListData) -> list[str]:
        wide = self.size.width >= 100
        # Fixed widths: measuring on idle can lag behind a quick reload; this never does.
        area_width = 28 if wide else 18
        fixed = [("Date", "date", 11)] if wide else []  # "14 Jun 2021" (show_day_short)
        fixed += [("Status", "status", 20 if wide else 11)]
        fixed += [progress_column(wide)]
        role_width = free_width(self.size.width, fixed, area_width)
        table.add_column("Area", key="area", width=area_width)
        table.add_column("Interviewee (role)", key="role", width=role_width)
        for label, key, width in fixed:
            table.add_column(label, key=key, width=width)
        rows = [r for r in data.rows if not self.only_area or r.area_id == self.area_id]
        for r in rows:
            status = WORK_STATUS_WORDS.get(r.status, r.status)
            if r.status == "planned" and not r.consent:
                status += " (no consent)" if wide else "*"
            role = r.role if r.kind == "staff" else f"{r.role} ({r.kind})"
            cells: list[object] = [
                Text(one_line(r.area, area_width)),
                Text(one_line(role, role_width)),
            ]
            if wide:
                cells.append(r.date)
            cells += [status, progress_cell(r.progress, wide)]
            table.add_row(*cells, key=r.id)
        area_name = dict(data.areas).get(self.area_id or "", "")
        title = f"Interviews — {area_name}" if self.only_area and area_name else "Interviews"
        self.query_one("#list-title", Static).update(Content(title))
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
        return [r.id for r in rows]

    def action_toggle_filter(self) -> None:
        self.only_area = not self.only_area
        if self.data is not None:
            self.show(self.data)

    def action_open_interview(self) -> None:
        self.open_selected("There is no interview to open yet: press n to start one.")

    def open_row(self, row_id: str) -> None:
        """Open the interview, asking for consent first if it was not recorded."""
        row = next((r for r in (self.data.rows if self.data else []) if r.id == row_id), None)
        if row is not None and not row.consent:
            self._ask_consent(row_id)
            return
        self.app.push_screen(InterviewScreen(row_id))

    def _ask_consent(self, interview_id: str) -> None:
        def answered(agreed: bool | None) -> None:
            if not agreed:
                self.notify("The interview stays planned. Open it again once they agree.")
                return

            def recorded(_: object) -> None:
                self.app.push_screen(InterviewScreen(interview_id))

            self.services.write(lambda s: fieldwork_edits.record_consent(s, interview_id), recorded)

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

            self.services.write(
                lambda s: fieldwork_edits.create_interview(s, inspection_id, details), created
            )

        self.app.push_screen(
            InterviewSetupDialog(
                self.data.areas,
                self.data.team,
                area_id=self.area_id,
                fieldwork=self.data.fieldwork,
                questionnaires=self.data.questionnaires,
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
        return lambda s: views.load_interview_runner(s, interview_id)

    def show_loaded_extra(self, data: RunnerData) -> None:
        warning = self.query_one("#runner-warning", Static)
        warning.update("⚠ Consent is not recorded: do not take notes until the interviewee agrees.")
        warning.display = not data.consent
