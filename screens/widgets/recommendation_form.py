"""The form under the recommendations list: every field of one recommendation, saved as typed.

What an inspector types is checked field by field as the service would check it (a target
date that is not a date, an empty recommendation, too much text): a field that does not pass
is not saved and says why under itself, and the saved value is kept. What passes is handed to
the app's autosave, keyed per recommendation and field, so quick typing is one write and
leaving a field writes at once. Until the list reloads, what was typed here is the truth
(:meth:`RecommendationForm.value`), so the list's line follows the typing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Select, Static, TextArea

from tenant_inspect.dates import DATE_FORMS, DATE_MAX_LEN, DATE_PLACEHOLDER, parse_day, show_day
from tenant_inspect.edit_bases import Loaded
from tenant_inspect.edits import recommendations as recommendation_edits
from tenant_inspect.views.recommendations import RecsData
from tenant_inspect.views.shared import RecommendationData
from tenant_inspect.vocabulary import COST_BANDS, LEVEL_WORDS

from ..markup import clip, escape
from ..name_warning import warn_about_names
from ..services import services_of
from .fields import TEXT_LIMIT
from .quiet import QuietInput, QuietStatic

#: The area select's value for "no area: the whole organisation".
NO_AREA = "-"
TEXT_FIELDS = ("text", "sub_actions", "expected_benefits")
CHOICE_FIELDS = ("impact", "cost", "priority", "area_id")
FIELD_NAMES = {
    "text": "Recommendation",
    "sub_actions": "Sub-actions",
    "expected_benefits": "Expected benefits",
    "impact": "Impact",
    "cost": "Cost",
    "priority": "Priority",
    "target_date": "Target date",
    "area_id": "Area",
}


def parse_target(text: str) -> date | None:
    """A target date as typed (any form :func:`parse_day` takes); '' for none. ValueError otherwise."""
    return parse_day(text) if text.strip() else None


def check_field(field: str, raw: str) -> tuple[Any, str | None]:
    """The value to store for what is in a field, or why it cannot be stored."""
    name = FIELD_NAMES.get(field, field)
    if field == "target_date":
        try:
            return parse_target(raw), None
        except ValueError:
            return None, (
                f"{name}: “{raw.strip()}” is not a date. {DATE_FORMS}. "
                "Not saved until it is a date."
            )
    if field == "sub_actions":
        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        if len(lines) > 100:
            return None, f"{name}: at most 100 sub-actions. Not saved."
        return lines, None
    if field == "area_id":
        return (None if raw == NO_AREA else raw), None
    if field == "text" and not raw.strip():
        return None, (
            "Recommendation: it cannot be empty. Type it again, or delete the recommendation "
            "(Esc, then Del). Not saved while it is empty."
        )
    if len(raw) > TEXT_LIMIT:
        return None, f"{name}: too long ({len(raw)} characters; at most {TEXT_LIMIT}). Not saved."
    return (raw.strip() if field == "text" else raw), None


def stored_value(rec: RecommendationData, field: str) -> Any:
    """A stored field as its form field holds it (lines joined, NO_AREA, the date in words)."""
    if field == "sub_actions":
        return "\n".join(rec.sub_actions)
    if field == "area_id":
        return rec.area_id or NO_AREA
    if field == "target_date":
        return show_day(rec.target_date) if rec.target_date else ""
    return getattr(rec, field)


def level_options(field: str) -> list[tuple[str, str]]:
    if field == "cost":
        return [("– not set", "")] + [
            (f"{LEVEL_WORDS[k]} ({COST_BANDS[k][0].lower()}{COST_BANDS[k][1:]})", k)
            for k in ("high", "medium", "low")
        ]
    return [("– not set", "")] + [(LEVEL_WORDS[k], k) for k in ("high", "medium", "low")]


def _level_select(field: str) -> Select[str]:
    return Select(level_options(field), allow_blank=False, value="", id=f"f-{field}", compact=True)


class RecommendationForm(VerticalScroll):
    """Every field of the selected recommendation; ``after_edit(id)`` when its line may change."""

    def __init__(
        self,
        inspection_id: str,
        after_edit: Callable[[str], None],
        *,
        id: str,
        can_focus: bool,
    ) -> None:
        super().__init__(id=id, can_focus=can_focus)
        self.inspection_id = inspection_id
        self.after_edit = after_edit
        self.data: RecsData | None = None
        #: Values typed here, per recommendation and field (the truth while the screen is open).
        self.typed: dict[tuple[str, str], Any] = {}
        #: The recommendation the form holds (lags the selection while switching).
        self.form_id: str | None = None
        #: Fields whose typed value was refused (field → what was typed).
        self.invalid: dict[str, str] = {}
        #: What was read, per recommendation and field: each save carries it, so a field
        #: someone else saved meanwhile is kept as a conflict, never typed over unseen.
        self.loaded = Loaded()

    def compose(self) -> ComposeResult:
        yield Static("", id="rec-warning")
        yield Static("Recommendation *", classes="form-head -first")
        yield TextArea(id="f-text", soft_wrap=True, classes="form-text", compact=True)
        yield QuietStatic("", id="err-text", classes="field-error")
        yield Static("Sub-actions — one per line", classes="form-head")
        yield TextArea(id="f-sub_actions", soft_wrap=True, classes="form-text", compact=True)
        yield Static("Expected benefits", classes="form-head")
        yield TextArea(id="f-expected_benefits", soft_wrap=True, classes="form-text", compact=True)
        with Horizontal(classes="form-row"):
            yield Static("Impact", classes="form-label")
            yield _level_select("impact")
            yield Static("Priority", classes="form-label")
            yield _level_select("priority")
        with Horizontal(classes="form-row"):
            yield Static("Cost", classes="form-label")
            yield _level_select("cost")
        with Horizontal(classes="form-row"):
            yield Static("Target", classes="form-label")
            yield QuietInput(
                placeholder=DATE_PLACEHOLDER,
                id="f-target_date",
                compact=True,
                max_length=DATE_MAX_LEN,
            )
            yield Static("Area", classes="form-label")
            yield Select(
                [("Whole organisation", NO_AREA)],
                allow_blank=False,
                value=NO_AREA,
                id="f-area_id",
                compact=True,
            )
        yield QuietStatic("", id="err-target_date", classes="field-error")
        yield Static("Findings it answers", id="links-head", classes="form-head")
        yield Static("", id="rec-links")

    def on_mount(self) -> None:
        for widget in self.query(".field-error"):
            widget.display = False

    def set_data(self, data: RecsData) -> None:
        """New data read: offer its areas (the form is filled by :meth:`show`)."""
        self.data = data
        for rec in data.recs:
            for field in (*TEXT_FIELDS, *CHOICE_FIELDS, "target_date"):
                if (rec.id, field) not in self.typed:  # shown as read (typing here wins)
                    self.loaded.shown(rec.id, field, getattr(rec, field))
        area_select = self.query_one("#f-area_id", Select)
        with area_select.prevent(Select.Changed):
            area_select.set_options(
                [("Whole organisation", NO_AREA), *[(clip(a.title, 40), a.id) for a in data.areas]]
            )

    def value(self, rec: RecommendationData, field: str) -> Any:
        """What the form shows for a field (typed here, or as stored)."""
        return self.typed.get((rec.id, field), stored_value(rec, field))

    def rec(self, rec_id: str | None) -> RecommendationData | None:
        if self.data is None or rec_id is None:
            return None
        return next((r for r in self.data.recs if r.id == rec_id), None)

    def show(self, rec: RecommendationData | None) -> None:
        """Show ``rec`` in the form (after saving what the form held)."""
        self.save(now=True)
        self.form_id = None  # the Changed messages this posts must save nothing
        self.invalid.clear()
        for field in ("text", "target_date"):
            self._show_problem(field, None)
        if rec is None:
            return
        for field in TEXT_FIELDS:
            area = self.query_one(f"#f-{field}", TextArea)
            value = str(self.value(rec, field))
            if area.text != value:
                area.load_text(value)
        for field in CHOICE_FIELDS:
            select = self.query_one(f"#f-{field}", Select)
            value = self.value(rec, field)
            if field == "area_id" and self.data and value not in {a.id for a in self.data.areas}:
                value = NO_AREA
            with select.prevent(Select.Changed):
                select.value = value
        date_input = self.query_one("#f-target_date", Input)
        with date_input.prevent(Input.Changed):
            date_input.value = str(self.value(rec, "target_date"))
        self.form_id = rec.id
        self._show_links(rec)

    def _show_links(self, rec: RecommendationData) -> None:
        assert self.data is not None
        warning = self.query_one("#rec-warning", Static)
        head = self.query_one("#links-head", Static)
        links = self.query_one("#rec-links", Static)
        n = len(rec.finding_ids)
        head.update(f"Findings R{rec.number} answers ({n}) — l chooses")
        warning.display = not rec.finding_ids
        warning.update(
            f"⚠ R{rec.number} cites no finding: press l to link the findings it answers."
        )
        lines = []
        width = max(30, (self.screen.size.width or 80) - 12)
        for finding_id in rec.finding_ids:
            f = self.data.finding(finding_id)
            if f is not None:
                lines.append(escape(f"• {f.kind_label} ({f.area_letter}): {clip(f.text, width)}"))
        links.update("\n".join(lines) if lines else "None yet.")

    # -- typing ----------------------------------------------------------------------------

    def _field_of(self, widget: object) -> str | None:
        widget_id = getattr(widget, "id", None) or ""
        return widget_id[2:] if widget_id.startswith("f-") else None

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        field = self._field_of(event.text_area)
        if field:
            event.stop()
            self.typed_in(field, event.text_area.text)

    def on_input_changed(self, event: Input.Changed) -> None:
        field = self._field_of(event.input)
        if field:
            event.stop()
            self.typed_in(field, event.value)

    def on_select_changed(self, event: Select.Changed) -> None:
        field = self._field_of(event.select)
        if field and isinstance(event.value, str):
            event.stop()
            self.typed_in(field, event.value, now=True)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        field = self._field_of(event.widget)
        if field in TEXT_FIELDS or field == "target_date":
            self.save(now=True, only=field)

    def save(self, *, now: bool, only: str | None = None) -> None:
        """Save what the form shows (the last keystrokes may not have been seen yet)."""
        if self.form_id is None:
            return
        for field in TEXT_FIELDS:
            if only in (None, field):
                self.typed_in(field, self.query_one(f"#f-{field}", TextArea).text, now=now)
        if only in (None, "target_date"):
            self.typed_in("target_date", self.query_one("#f-target_date", Input).value, now=now)

    def typed_in(self, field: str, raw: str, *, now: bool = False) -> None:
        """Check what a field holds; save it (debounced, or ``now``) or say why not."""
        rec = self.rec(self.form_id)
        if rec is None:
            return
        key = f"recommendation:{rec.id}:{field}"
        services = services_of(self)
        if now and field in TEXT_FIELDS:
            warn_about_names(self, self.inspection_id, raw, box=f"{rec.id}:{field}")
        if raw == self.value(rec, field):
            if now:
                services.hurry_save(key)
            if field in self.invalid:
                self.invalid.pop(field)
                self._show_problem(field, None)
            return
        value, problem = check_field(field, raw)
        if field in ("text", "target_date"):
            self._show_problem(field, problem)
        if problem:
            self.invalid[field] = raw
            return
        self.invalid.pop(field, None)
        self.typed[(rec.id, field)] = raw
        rec_id = rec.id
        services.autosave(
            key,
            self.loaded.save(
                rec_id,
                "recommendation",
                (field,),
                lambda s: recommendation_edits.save_recommendation_field(s, rec_id, field, value),
            ),
            now=now,
        )
        if field in ("text", "area_id"):
            self.after_edit(rec_id)

    def _show_problem(self, field: str, problem: str | None) -> None:
        error = self.query_one(f"#err-{field}", QuietStatic)
        error.update(escape(f"✗ {problem}") if problem else "")  # nothing if unchanged
        if error.display != bool(problem):
            error.display = bool(problem)
