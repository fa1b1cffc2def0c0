"""One small form for every "type a few things, then save" dialog.

Naming an area, renaming a person, typing a conclusion, starting an inspection: each used to
be its own dialog with its own idea of which key saves, where a mistake is shown and what is
trimmed. Inspectors should not have to learn four. A form here is a list of :class:`Field`
(a label, single-line / multi-line / choice, the initial value, whether it is required, and a
check that returns a sentence), and behaves the same everywhere:

* Enter on a single-line field moves to the next single-line field, and saves on the last
  one, so a name can be typed and confirmed with one key, and a longer form filled in top to
  bottom without reaching for the mouse;
* Ctrl+S saves from anywhere (a multi-line field needs Enter for new lines); Esc cancels;
* nothing is handed back until every field passes: each problem is shown in words under its
  field, and — when the form has several fields — listed together above the buttons, where
  the eye is after pressing Save; the focus goes to the first field to put right;
* what was typed is trimmed, and never read as markup (a title may well contain "[draft]").

:class:`FormDialog` dismisses with a dict of values (field id → text or chosen key), or None.
Dialogs that give back something else (one text, a new inspection's id) subclass
:class:`Form` and say so in :meth:`Form.result` or :meth:`Form.finish`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal, TypeVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ..base import ServicesMixin, must_define
from ..markup import escape
from .base import QuietModal, dialog_bindings

#: A check on the typed (trimmed, non-empty) text: None when it is fine, else what is wrong.
Validator = Callable[[str], str | None]

ResultT = TypeVar("ResultT")


@dataclass(frozen=True)
class Field:
    """One field of a form: what it is called, how it is typed, and when it is acceptable."""

    #: The widget's id and the key of its value in the result.
    id: str
    label: str
    kind: Literal["line", "text", "choice"] = "line"
    value: str = ""
    required: bool = False
    #: What to say when a required field is left empty (default: "<label>: please type ...").
    missing: str = ""
    validate: Validator | None = None
    placeholder: str = ""
    #: For a choice: (words shown, key returned), in the order offered.
    choices: tuple[tuple[str, str], ...] = ()
    #: The id of the line under the field that says what is wrong (default "<id>-error").
    error_id: str = ""
    #: Typed masked, and kept exactly as typed (a passphrase is not trimmed).
    password: bool = False

    @property
    def error_line(self) -> str:
        return self.error_id or f"{self.id}-error"

    def problem(self, text: str) -> str | None:
        """What is wrong with ``text`` (already trimmed), in a sentence; None when it will do."""
        if not text:
            if not self.required:
                return None
            name = self.label.rstrip(":* ").strip()
            return self.missing or f"{name}: please type something, or press Esc to cancel."
        return self.validate(text) if self.validate is not None else None


class Form(ServicesMixin, QuietModal[ResultT | None]):
    """A dialog built from :class:`Field` s; subclasses say what the values become."""

    BINDINGS: ClassVar[list[BindingType]] = dialog_bindings()

    DEFAULT_CSS = """
    .form-dialog Input { background: $boost; }
    .form-dialog Input:focus { background: $primary 25%; }
    .form-dialog TextArea { height: 6; }
    .form-dialog .field-error { height: auto; }
    """

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        *,
        ok_label: str = "OK",
        ok_id: str = "ok",
        hint: str | None = None,
        classes: str = "",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = tuple(fields)
        self.ok_label = ok_label
        self.ok_id = ok_id
        self.hint = self._default_hint() if hint is None else hint
        self.form_classes = classes

    def _default_hint(self) -> str:
        key = "Enter" if any(f.kind == "line" for f in self.fields) else "Ctrl+S"
        return f"[b]{key}[/b] {self.ok_label}  ·  [b]Esc[/b] Cancel"

    def compose(self) -> ComposeResult:
        with Vertical(classes=f"dialog form-dialog {self.form_classes}".strip()):
            yield Static(escape(self.form_title), classes="dialog-title")
            for field in self.fields:
                yield Label(escape(field.label), id=f"{field.id}-label", classes="form-label")
                yield self._widget(field)
                yield Static("", id=field.error_line, classes="form-errors field-error")
            yield Static("", id="form-errors", classes="form-errors")
            if self.hint:
                yield Static(self.hint, classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.ok_label, variant="primary", id=self.ok_id, compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    @staticmethod
    def _widget(field: Field) -> Widget:
        if field.kind == "text":
            return TextArea(field.value, id=field.id, soft_wrap=True)
        if field.kind == "choice":
            return Select(
                field.choices,
                allow_blank=False,
                value=field.value or field.choices[0][1],
                id=field.id,
                compact=True,
            )
        return Input(
            field.value,
            placeholder=field.placeholder,
            id=field.id,
            compact=True,
            password=field.password,
        )

    def on_mount(self) -> None:
        for error in self.query(".form-errors"):
            error.display = False
        if self.fields:
            self.query_one(f"#{self.fields[0].id}").focus()
        if isinstance(self.focused, TextArea):
            self.focused.move_cursor(self.focused.document.end)

    # -- reading and checking ---------------------------------------------------

    def text_of(self, field: Field) -> str:
        """What the field holds now, trimmed (a choice gives its key)."""
        widget = self.query_one(f"#{field.id}")
        if isinstance(widget, TextArea):
            return widget.text.strip()
        if isinstance(widget, Select):
            return str(widget.value)
        assert isinstance(widget, Input)
        return widget.value if field.password else widget.value.strip()

    def values(self) -> dict[str, str]:
        return {field.id: self.text_of(field) for field in self.fields}

    def say(self, text: str) -> None:
        """A message for the whole form, above the buttons ("Creating…", a refusal)."""
        message = self.query_one("#form-errors", Static)
        message.update(escape(text))
        message.display = bool(text)

    def show_problems(self, values: dict[str, str]) -> bool:
        """Put each problem under its field (and together when there are several fields)."""
        problems: list[str] = []
        first: Field | None = None
        for field in self.fields:
            problem = field.problem(values[field.id])
            error = self.query_one(f"#{field.error_line}", Static)
            error.update(escape(problem or ""))
            error.display = bool(problem)
            if problem:
                problems.append(problem)
                first = first or field
        self.say("\n".join(problems) if len(self.fields) > 1 else "")
        if first is not None:
            self.query_one(f"#{first.id}").focus()
        return bool(problems)

    # -- keys and buttons ----------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        lines = [f.id for f in self.fields if f.kind == "line"]
        current = event.input.id or ""
        later = lines[lines.index(current) + 1 :] if current in lines else []
        if later:
            self.query_one(f"#{later[0]}", Input).focus()
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == self.ok_id:
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        values = self.values()
        if not self.show_problems(values):
            self.finish(values)

    def action_cancel(self) -> None:
        self.dismiss(None)

    # -- what the values become ---------------------------------------------------

    def finish(self, values: dict[str, str]) -> None:
        """Every field passed: close with the result (a subclass may write something first)."""
        self.dismiss(self.result(values))

    def result(self, values: dict[str, str]) -> ResultT:
        """What the values become (the dialog's result)."""
        must_define(self, "result")


class FormDialog(Form[dict[str, str]]):
    """A form that gives back its values as they are: field id → text or chosen key."""

    def result(self, values: dict[str, str]) -> dict[str, str]:
        return values
