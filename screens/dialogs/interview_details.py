"""The interview set-up form: who is interviewed, by whom, with which questions, and consent.

The interviewee is named by role (their name is private and never printed); without
consent the interview is only saved as planned, because notes must not be taken until
the interviewee agrees. Consent sits below the scrolling fields, beside the buttons, so it
is seen on an 80×24 screen before the inspector saves: a box below the fold was easy to
miss, and the interview was then planned without anyone having decided that.

The date is today only when today falls within the fieldwork dates (set-up); otherwise it
starts empty, with those dates beside it, since a planned interview is rarely today. A
date outside them is allowed (interviews move) but flagged.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, RadioSet, Select, Static

from tenant_inspect.dates import (
    DATE_FORMS,
    DATE_MAX_LEN,
    DATE_PLACEHOLDER,
    parse_day,
    show_day,
    span_words,
    within,
)
from tenant_inspect.edits.fieldwork import InterviewDetails
from tenant_inspect.fieldwork import DEFAULT_INTERVIEW_QUESTIONNAIRE, TENANT_QUESTIONNAIRE
from tenant_inspect.views.fieldwork import interview_questionnaires

from ..widgets.fields import (
    MarkedRadioButton,
    NextOnEnterTickBox,
    TickBox,
    TickList,
    form_row,
    note,
    noted,
)
from .base import Dialog, dialog_bindings, dialog_buttons


class InterviewSetupDialog(Dialog[InterviewDetails]):
    """Who is interviewed, by whom, with which questions — and whether they agreed to notes."""

    CSS_PATH = "../fieldwork.tcss"

    BINDINGS: ClassVar[list[BindingType]] = dialog_bindings(
        "Start", "Save the interview (and start it if consent is given)", action="start"
    )

    def __init__(
        self,
        areas: list[tuple[str, str]],
        team: list[tuple[str, str]],
        *,
        area_id: str | None = None,
        today: dt.date | None = None,
        fieldwork: tuple[dt.date | None, dt.date | None] = (None, None),
        questionnaires: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__()
        #: (label, id) offered: the built-in ones and the inspection's imported ones.
        self.questionnaires = questionnaires or interview_questionnaires()
        self.areas = areas
        self.team = team
        self.area_id = area_id if area_id in {a for a, _ in areas} else None
        self.today = today or dt.date.today()
        self.fieldwork = fieldwork
        self._chose_questionnaire = False
        self._auto_questionnaire = DEFAULT_INTERVIEW_QUESTIONNAIRE

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog setup-dialog"):
            yield Static("Start an interview", classes="dialog-title")
            with VerticalScroll(id="setup-body"):
                yield form_row("Area *", self._area_field())
                yield form_row(
                    "Questions",
                    Select(
                        self.questionnaires,
                        value=DEFAULT_INTERVIEW_QUESTIONNAIRE,
                        allow_blank=False,
                        id="questionnaire",
                        compact=True,
                        classes="fw-field",
                    ),
                )
                yield form_row(
                    "Interviewee",
                    RadioSet(
                        MarkedRadioButton("Staff", True),
                        MarkedRadioButton("Tenant"),
                        id="kind",
                        compact=True,
                        classes="fw-field",
                    ),
                )
                role = Input(
                    placeholder="e.g. Housing Officer, Head of Customer Services",
                    id="role",
                    compact=True,
                )
                yield form_row(
                    "Their role *", noted(role, note("Shown in the report, with the department."))
                )
                name = Input(placeholder="optional", id="name", compact=True)
                private = note("Private: never printed in the report.", id="name-note")
                yield form_row("Their name", noted(name, private))
                yield form_row("Interviewers", self._interviewers_field())
                date = Input(
                    show_day(self.today) if within(self.today, *self.fieldwork) else "",
                    id="date",
                    max_length=DATE_MAX_LEN,
                    placeholder=DATE_PLACEHOLDER,
                    compact=True,
                    classes="fw-date",
                )
                yield form_row("Date *", noted(date, note("", id="date-note")))
            consent = NextOnEnterTickBox(
                "The interviewee agrees to notes being taken", id="consent", compact=True
            )
            consent_row = form_row("Consent", noted(consent, Static("", id="consent-warning")))
            consent_row.styles.margin = (1, 0, 1, 0)  # apart from the fields scrolling above
            yield consent_row
            yield Static("", id="form-errors", classes="form-errors -empty")
            yield dialog_buttons("Save as planned", "start")
            yield Static(
                "[b]Ctrl+S[/b] saves  ·  [b]Tab[/b] next field  ·  [b]Space[/b] ticks  ·  [b]Esc[/b] cancels",
                classes="dialog-hint",
            )

    def _area_field(self) -> Widget:
        if not self.areas:
            return note(
                "No departments yet (add them in Set-up); you can still start.",
                id="no-areas",
                classes="fw-field fw-note",
            )
        return Select(
            [(Content(name), area_id) for area_id, name in self.areas],
            prompt="Choose the department",
            value=self.area_id if self.area_id else Select.NULL,
            id="area",
            compact=True,
            classes="fw-field",
        )

    def _interviewers_field(self) -> Widget:
        if not self.team:
            return note(
                "No team members yet (add them in Set-up); you can start without.",
                id="no-team",
                classes="fw-field fw-note",
            )
        return TickList(
            *[(Content(name), member_id) for member_id, name in self.team],
            id="interviewers",
            compact=True,
            classes="fw-field",
        )

    def on_mount(self) -> None:
        self._consent_changed(False)
        self._date_changed(self.query_one("#date", Input).value)
        if self.areas and not self.area_id:
            self.query_one("#area", Select).focus()
        else:
            self.query_one("#role", Input).focus()

    def _consent_changed(self, consent: bool) -> None:
        self.query_one("#consent-warning", Static).update(
            "" if consent else "Not ticked: do not take notes; it is saved as planned."
        )
        self.query_one("#start", Button).label = "Start interview" if consent else "Save as planned"

    def _date_changed(self, text: str) -> None:
        """Beside the date: the fieldwork dates, and a warning when the date is outside them."""
        span = span_words(*self.fieldwork)
        words = f"Fieldwork: {span}." if span else ""
        try:
            when = parse_day(text)
        except ValueError:
            when = None
        if span and when is not None and not within(when, *self.fieldwork):
            words = f"[b]Check the date:[/b] it is outside the fieldwork ({span})."
        note_widget = self.query_one("#date-note", Static)
        note_widget.update(words)
        note_widget.display = bool(words)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "date":
            self._date_changed(event.value)

    def on_checkbox_changed(self, event: TickBox.Changed) -> None:
        self._consent_changed(event.value)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        # A tenant interview gets the tenant questionnaire, unless one was chosen by hand.
        if self._chose_questionnaire:
            return
        wanted = TENANT_QUESTIONNAIRE if event.index == 1 else DEFAULT_INTERVIEW_QUESTIONNAIRE
        if wanted in {v for _, v in self.questionnaires}:
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
            when = parse_day(date_text)
        except ValueError:
            problems.append(
                f"“{date_text}” is not a date. {DATE_FORMS}."
                if date_text
                else f"Give the date of the interview. {DATE_FORMS}."
            )
            first_bad = first_bad or "#date"
            when = self.today
        if problems:
            self.show_problems(problems, first_bad)
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
