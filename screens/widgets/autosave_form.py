"""A block of fields for one row, saved as it is typed: the action plan's forms share it.

It behaves as the recommendation form does (:mod:`screens.widgets.recommendation_form`):
each field is checked as the service would check it; a field that does not pass is not
saved, says why on the line under it (a :class:`~.quiet.QuietStatic`: typing that changes
nothing there redraws nothing), and keeps what was typed; what passes goes to the
app's autosave keyed per row and field, so quick typing is one write and leaving a field
writes at once. Until the screen reloads, what was typed here is the truth
(:meth:`AutosaveForm.value`), so the lists beside the form can follow the typing.

A subclass names its fields (text areas, one-line inputs and choices, by widget id
``<PREFIX><field>``), says how a row's stored value reads, checks a value and gives the
write. Its compose yields the widgets; a field listed in ``CHECKED`` has an error line
``<PREFIX>err-<field>`` under it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.containers import Vertical
from textual.widgets import Input, Select, Static, TextArea

from tenant_inspect.edit_bases import Loaded

from ..base import must_define
from ..markup import escape
from ..name_warning import warn_about_names
from ..services import services_of
from .fields import TEXT_LIMIT

if TYPE_CHECKING:
    from sqlmodel import Session


class AutosaveForm(Vertical):
    """Fields of one row (see the module docstring); ``after_edit(row_id, field)`` on a save."""

    DEFAULT_CSS = """
    AutosaveForm { height: auto; }
    AutosaveForm .form-head { text-style: bold; height: 1; }
    AutosaveForm .form-text { padding: 0 1; background: $boost; height: 3; }
    AutosaveForm .form-text:focus { background: $primary 25%; }
    AutosaveForm .form-row { height: 1; }
    AutosaveForm .form-label { width: 13; text-style: bold; }
    AutosaveForm .form-row Select { width: 1fr; }
    AutosaveForm .form-line { width: 1fr; background: $boost; }
    AutosaveForm .form-line:focus { background: $primary 25%; }
    AutosaveForm .field-error { color: $error; text-style: bold; height: auto; }
    AutosaveForm .form-note { color: $text-muted; height: auto; }
    """

    PREFIX: ClassVar[str]
    #: Text areas and inputs (saved when left), and choices (saved when chosen).
    TEXT_FIELDS: ClassVar[tuple[str, ...]] = ()
    CHOICE_FIELDS: ClassVar[tuple[str, ...]] = ()
    #: Fields with an error line under them.
    CHECKED: ClassVar[tuple[str, ...]] = ()
    #: Text fields checked for interviewees' names when left.
    NAMED: ClassVar[tuple[str, ...]] = ()
    FIELD_NAMES: ClassVar[dict[str, str]] = {}
    #: The table a row's fields are stored in: each save carries what the form showed as
    #: stored, so a field someone else saved meanwhile is kept as a conflict, never typed
    #: over unseen (``tenant_inspect.edit_bases``). Fields in ``UNBASED`` are shown in
    #: another form than they are stored in, so they carry nothing.
    TABLE: ClassVar[str]
    UNBASED: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        inspection_id: str,
        after_edit: Callable[[str, str], None] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.inspection_id = inspection_id
        self.after_edit = after_edit
        #: Values typed here, per row and field (the truth while the screen is open).
        self.typed: dict[tuple[str, str], str] = {}
        #: The row the form holds (None while switching, or when there is none).
        self.row: Any = None
        #: Fields of the shown row whose typed value was refused (field → what was typed).
        self.invalid: dict[str, str] = {}
        #: Every refused value still typed, per row and field: shown again on return.
        self.refused: dict[tuple[str, str], str] = {}
        self.loaded = Loaded()

    # -- what subclasses say -------------------------------------------------------------

    def stored(self, row: Any, field: str) -> str:
        """A stored field as its widget holds it."""
        return str(getattr(row, field))

    def check(self, field: str, raw: str) -> tuple[Any, str | None]:
        """The value to store for what a field holds, or why it cannot be stored."""
        if len(raw) > TEXT_LIMIT:
            name = self.FIELD_NAMES.get(field, field)
            return (
                None,
                f"{name}: too long ({len(raw)} characters; at most {TEXT_LIMIT}). Not saved.",
            )
        return raw, None

    def write(self, row: Any, field: str, value: Any) -> Callable[[Session], Any]:
        """The write that stores ``value`` in ``field`` of ``row`` (each form says which)."""
        must_define(self, "write")

    def save_key(self, row: Any, field: str) -> str:
        return f"{self.PREFIX}{row.id}:{field}"

    def saved_fields(self, field: str) -> tuple[str, ...]:
        """The stored fields a save of ``field`` writes (the form's write says which)."""
        return (field,)

    def based(self, row: Any, field: str, fn: Callable[[Session], Any]) -> Callable[[Session], Any]:
        """The save ``fn`` of ``field``, carrying what the form showed as stored."""
        fields = tuple(f for f in self.saved_fields(field) if f not in self.UNBASED)
        return self.loaded.save(row.id, self.TABLE, fields, fn) if fields else fn

    # -- showing -------------------------------------------------------------------------

    def value(self, row: Any, field: str) -> str:
        """What the form shows for a field of ``row`` (typed here, or as stored)."""
        return self.typed.get((row.id, field), self.stored(row, field))

    def on_mount(self) -> None:
        for widget in self.query(".field-error"):
            widget.display = False

    def show(self, row: Any) -> None:
        """Show ``row`` (None: nothing), after saving what the form held."""
        self.save(now=True)
        self.row = None  # the Changed messages filling posts must save nothing
        self.invalid.clear()
        for field in self.CHECKED:
            self.show_problem(field, None)
        if row is None:
            return
        for field in (*self.TEXT_FIELDS, *self.CHOICE_FIELDS):
            widget = self.query_one(f"#{self.PREFIX}{field}")
            value = self.value(row, field)
            if (row.id, field) not in self.typed:  # shown as stored
                self.loaded.shown(row.id, field, value)
            if isinstance(widget, TextArea):
                if widget.text != value:
                    widget.load_text(value)
            elif isinstance(widget, Input):
                with widget.prevent(Input.Changed):
                    widget.value = value
            elif isinstance(widget, Select):
                with widget.prevent(Select.Changed):
                    widget.value = value
        self.row = row
        for field in self.CHECKED:
            raw = self.refused.get((row.id, field))
            if raw is not None:  # typed before, refused, and kept: show it again
                self._put(field, raw)
                self.invalid[field] = raw
                self.show_problem(field, self.check(field, raw)[1])

    def _put(self, field: str, raw: str) -> None:
        widget = self.query_one(f"#{self.PREFIX}{field}")
        if isinstance(widget, TextArea):
            widget.load_text(raw)
        elif isinstance(widget, Input):
            with widget.prevent(Input.Changed):
                widget.value = raw

    def show_problem(self, field: str, problem: str | None) -> None:
        error = self.query_one(f"#{self.PREFIX}err-{field}", Static)
        error.update(escape(f"✗ {problem}") if problem else "")  # a QuietStatic: nothing if same
        if error.display != bool(problem):
            error.display = bool(problem)

    # -- typing --------------------------------------------------------------------------

    def _field_of(self, widget: object) -> str | None:
        widget_id = getattr(widget, "id", None) or ""
        return widget_id[len(self.PREFIX) :] if widget_id.startswith(self.PREFIX) else None

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        field = self._field_of(event.text_area)
        if field in self.TEXT_FIELDS:
            event.stop()
            self.typed_in(field, event.text_area.text)

    def on_input_changed(self, event: Input.Changed) -> None:
        field = self._field_of(event.input)
        if field in self.TEXT_FIELDS:
            event.stop()
            self.typed_in(field, event.value)

    def on_select_changed(self, event: Select.Changed) -> None:
        field = self._field_of(event.select)
        if field in self.CHOICE_FIELDS and isinstance(event.value, str):
            event.stop()
            self.typed_in(field, event.value, now=True)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        field = self._field_of(event.widget)
        if field in self.TEXT_FIELDS:
            self.save(now=True, only=field)

    def save(self, *, now: bool, only: str | None = None) -> None:
        """Save what the text fields show (the last keystrokes may not have been seen yet)."""
        if self.row is None:
            return
        for field in self.TEXT_FIELDS:
            if only in (None, field):
                widget = self.query_one(f"#{self.PREFIX}{field}")
                text = widget.text if isinstance(widget, TextArea) else getattr(widget, "value")
                self.typed_in(field, str(text), now=now)

    def typed_in(self, field: str, raw: str, *, now: bool = False) -> None:
        """Check what a field holds; save it (debounced, or ``now``) or say why not."""
        row = self.row
        if row is None:
            return
        key = self.save_key(row, field)
        services = services_of(self)
        if now and field in self.NAMED:
            warn_about_names(self, self.inspection_id, raw, box=key)
        if raw == self.value(row, field):
            if now:
                services.hurry_save(key)
            self.refused.pop((row.id, field), None)
            if self.invalid.pop(field, None) is not None:
                self.show_problem(field, None)
            return
        value, problem = self.check(field, raw)
        if field in self.CHECKED:
            self.show_problem(field, problem)
        if problem:
            self.invalid[field] = raw
            self.refused[(row.id, field)] = raw
            return
        self.invalid.pop(field, None)
        self.refused.pop((row.id, field), None)
        self.typed[(row.id, field)] = raw
        services.autosave(key, self.based(row, field, self.write(row, field, value)), now=now)
        if self.after_edit is not None:
            self.after_edit(row.id, field)
