"""The Details and Texts tabs: an inspection's details, saved as they are typed.

Every field is written through ``services.autosave`` a moment after typing pauses, and at
once when the cursor leaves it — there is no save command because none is needed. A value
that cannot be saved (a date written "3rd March", an empty title) is *not* saved: the field
keeps the text and a line under it names the field and says how to write it
(:func:`tenant_inspect.edits.setup.check_detail`), so nothing typed is lost and nothing
wrong is stored.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Input, Label, Select, TabbedContent, TextArea

from tenant_inspect.dates import DATE_PLACEHOLDER, show_day
from tenant_inspect.edit_bases import Loaded
from tenant_inspect.edits import setup as setup_edits
from tenant_inspect.views.setup import REPORT_TEXTS, SHORT_DETAILS
from tenant_inspect.vocabulary import INSPECTION_STATUS_WORDS

from ..base import InspectionScreen
from ..markup import escape, shown
from ..widgets.quiet import QuietInput, QuietStatic

#: How long typing in the title pauses before the header follows it (the set-up line under
#: the header follows at once; the header alone would lay the whole screen out per key).
HEADER_DELAY = 0.3

#: Short details: (label, placeholder) for each of SHORT_DETAILS, as one-line inputs.
SHORT_FIELDS: tuple[tuple[str, str, str], ...] = tuple(
    (field, label, placeholder)
    for field, (label, placeholder) in zip(
        SHORT_DETAILS,
        (
            ("Title *", "What the inspection is about"),
            ("Landlord *", "The landlord's name"),
            ("Topic", "The service inspected, e.g. Resident involvement"),
            ("Report number", "e.g. TI/2025/03"),
            ("Start date", DATE_PLACEHOLDER),
            ("End date", DATE_PLACEHOLDER),
            ("Report date", DATE_PLACEHOLDER),
        ),
        strict=True,
    )
)

#: The report's longer texts, as multi-line text areas.
LONG_FIELDS: tuple[tuple[str, str], ...] = tuple(
    zip(
        REPORT_TEXTS,
        (
            "Scope — what the inspection covers and what it leaves out",
            "Preface — who the inspectors are (start of the report)",
            "Acknowledgements — who helped",
            "Introduction — why this service was chosen",
            "Methodology — how you inspected",
            "Other methods — mystery shopping, site visits …",
        ),
        strict=True,
    )
)

#: What each field is called in messages ("Start date: ... is not a date").
FIELD_NAMES = {field: label.rstrip(" *") for field, label, _ in SHORT_FIELDS} | {
    field: label.split(" — ")[0] for field, label in LONG_FIELDS
}


def check_field(field: str, text: str) -> tuple[Any, str | None]:
    """The value to store for what was typed, or a message naming the field and the fix."""
    return setup_edits.check_detail(field, text, FIELD_NAMES.get(field, field))


def status_choices(work_stage: str) -> list[tuple[str, str]]:
    """The status list: "follow the work" (stored as "planning", the default) shows the stage
    the work has reached; any other choice is the coordinator's and wins over it."""
    now = INSPECTION_STATUS_WORDS.get(work_stage, work_stage)
    follow = (f"Follow the work (now: {now})", "planning")
    return [follow, *((w, k) for k, w in INSPECTION_STATUS_WORDS.items() if k != "planning")]


class DetailsEditing(InspectionScreen):
    """Set-up's first two tabs: fill the fields once, then save what is typed in them."""

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        #: The last value of each detail handed to autosave (or read from the database).
        self.stored: dict[str, Any] = {}
        #: Fields whose text could not be saved, with that text.
        self.invalid: dict[str, str] = {}
        self.loaded = False
        #: The details as read: each save carries its field's, so a detail someone else
        #: saved meanwhile is kept as a conflict, never typed over unseen.
        self.bases = Loaded()
        self._header_timer: Timer | None = None
        #: The tabs, kept from compose (see :attr:`tab`).
        self.tabs: TabbedContent | None = None

    @property
    def tab(self) -> str:
        """The active tab's id ("details", "texts", "areas", "team"); "" before it is built."""
        # Kept, not queried: Textual asks check_action (which reads this) for every binding
        # at every footer refresh, and a query walks the whole screen each time.
        tabs = self.tabs
        return tabs.active if tabs is not None and tabs.is_attached else ""

    def compose_details(self) -> ComposeResult:
        for field, label, placeholder in SHORT_FIELDS:
            with Horizontal(classes="field-row"):
                yield Label(label, classes="field-label")
                yield QuietInput(
                    placeholder=placeholder,
                    id=f"f-{field}",
                    compact=True,
                    select_on_focus=False,
                )
            yield QuietStatic("", id=f"err-{field}", classes="field-error")
        with Horizontal(classes="field-row", id="status-row"):
            yield Label("Status", classes="field-label")
            yield Select(
                status_choices("planning"),
                allow_blank=False,
                value="planning",
                id="f-status",
                compact=True,
            )

    def compose_texts(self) -> ComposeResult:
        for field, label in LONG_FIELDS:
            yield Label(label, classes="long-label")
            yield TextArea(id=f"f-{field}", soft_wrap=True, show_line_numbers=False)
            yield QuietStatic("", id=f"err-{field}", classes="field-error")

    def show_details(self, values: dict[str, Any]) -> None:
        """Fill the fields once; afterwards the fields are the truth and the database follows them."""
        if not self.is_attached or self.loaded:
            return
        self.stored = dict(values)
        for field, value in values.items():
            self.bases.shown(self.inspection_id, field, value)
        for field, _, _ in SHORT_FIELDS:
            value = values[field]
            text = show_day(value) if isinstance(value, date) else (value or "")
            self.query_one(f"#f-{field}", Input).value = text
        for field, _ in LONG_FIELDS:
            self.query_one(f"#f-{field}", TextArea).load_text(values[field] or "")
        status = self.query_one("#f-status", Select)
        status.set_options(status_choices(values.get("work_stage", "planning")))
        status.value = values["status"]
        # The choice's words changed even when its value did not: show them.
        status.mutate_reactive(Select.value)  # type: ignore[misc]
        self._show_title(values["title"])
        self.loaded = True
        if self.tab == "details":
            self.query_one("#f-title", Input).focus()

    def _show_title(self, title: str, *, typing: bool = False) -> None:
        """The title in the set-up line now; in the header now, or ``typing``, once typing pauses."""
        self.query_one("#setup-title", QuietStatic).update(escape(f"Set-up: {title}"))
        if self._header_timer is not None:
            self._header_timer.stop()
            self._header_timer = None
        if typing:
            self._header_timer = self.set_timer(HEADER_DELAY, lambda: self._set_header(title))
        else:
            self._set_header(title)

    def _set_header(self, title: str) -> None:
        self._header_timer = None
        if self.sub_title != shown(title):
            self.sub_title = shown(title)

    # -- saving details as you type -------------------------------------------

    def _field_of(self, widget: object) -> str | None:
        widget_id = getattr(widget, "id", None) or ""
        return widget_id[2:] if widget_id.startswith("f-") else None

    def on_input_changed(self, event: Input.Changed) -> None:
        field = self._field_of(event.input)
        if field:
            event.stop()
            self.typed(field, event.value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        field = self._field_of(event.text_area)
        if field:
            event.stop()
            self.typed(field, event.text_area.text)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "f-status" and isinstance(event.value, str):
            event.stop()
            self.typed("status", event.value, now=True)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Leaving a field saves it at once (DESIGN.md: committed when the inspector leaves it)."""
        field = self._field_of(event.widget)
        if field is None or field == "status":
            return
        if isinstance(event.widget, Input):
            self.typed(field, event.widget.value, now=True)
        elif isinstance(event.widget, TextArea):
            self.typed(field, event.widget.text, now=True)

    def typed(self, field: str, text: str, *, now: bool = False) -> None:
        """Check what was typed; save it (debounced, or ``now``) or say why it cannot be saved."""
        if not self.loaded:
            return  # the stored values are not shown yet: nothing the user typed
        if field == "status":  # a choice from a list: always a valid value
            value, problem = text, None
        else:
            value, problem = check_field(field, text)
            self._show_problem(field, problem)
        if problem:
            self.invalid[field] = text
            return
        self.invalid.pop(field, None)
        key = f"inspection:{self.inspection_id}:{field}"
        if value == self.stored.get(field):
            if now:
                self.services.hurry_save(key)
            return
        self.stored[field] = value
        if field == "title":
            self._show_title(value, typing=not now)
        inspection_id = self.inspection_id
        save = self.bases.save(
            inspection_id,
            "inspection",
            (field,),
            lambda s: setup_edits.save_detail(s, inspection_id, field, value),
        )
        self.services.autosave(key, save, now=now)

    def save_all_now(self) -> None:
        """Save every field from what it shows now, not from the change messages.

        The last keystrokes' ``Changed`` messages may still be queued when the
        user presses Escape; reading the widgets makes sure they are saved.
        """
        if not self.loaded:
            return
        for field, _, _ in SHORT_FIELDS:
            self.typed(field, self.query_one(f"#f-{field}", Input).value, now=True)
        for field, _ in LONG_FIELDS:
            self.typed(field, self.query_one(f"#f-{field}", TextArea).text, now=True)

    def _show_problem(self, field: str, problem: str | None) -> None:
        error = self.query_one(f"#err-{field}", QuietStatic)
        error.update(escape(f"✗ {problem}") if problem else "")  # nothing if unchanged
        if error.display != bool(problem):
            error.display = bool(problem)
        widget = self.query_one(f"#f-{field}")
        widget.set_class(bool(problem), "-invalid")

    def invalid_words(self) -> str:
        """The fields not saved because what they hold is not valid, by name."""
        return ", ".join(FIELD_NAMES.get(f, f) for f in self.invalid)
