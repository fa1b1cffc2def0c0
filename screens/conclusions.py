"""Conclusions: an ordered list for each area and for the whole inspection.

The report prints each area's conclusions after its judgement, and the overall
conclusions in their own section, in the order shown here. The coordinator
chooses whose conclusions to work on (the whole inspection, or an area: ← →
or the list at the top), adds one (a), edits the selected one in the box under
the list — saved as it is typed, like every other text in the app — moves it
up or down ([ ]) and deletes it (Del, after a question).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from tenant_inspect.attempts import refusable
from tenant_inspect.errors import UserError

from .base import AnalysisScreen
from .dialogs.confirm import ConfirmDialog
from .dialogs.text_entry import TEXT_LIMIT, TextDialog
from .markup import escape, problem_words
from .widgets.footer import FittingFooter
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session

OVERALL = "overall"
MOVE = Binding.Group("Move ")


# ---------------------------------------------------------------------------
# A dialog for a new piece of text (a conclusion, a recommendation)
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Whose conclusions: the whole inspection (id OVERALL) or one area."""

    id: str
    title: str


@dataclass(frozen=True)
class ConclusionLine:
    id: str
    scope: str
    text: str
    internal: bool


@dataclass(frozen=True)
class ConclusionsData:
    title: str
    scopes: tuple[Scope, ...]
    rows: tuple[ConclusionLine, ...]

    def of(self, scope: str) -> list[ConclusionLine]:
        return [r for r in self.rows if r.scope == scope]


def load_conclusions(session: Session, inspection_id: str) -> ConclusionsData:
    from tenant_inspect import analysis, inspections

    inspection = inspections.get_inspection(session, inspection_id)
    areas = inspections.areas(session, inspection.id)
    scopes = [Scope(OVERALL, "The whole inspection")] + [
        Scope(a.id, f"{inspections.area_letter(i)}. {a.name}") for i, a in enumerate(areas)
    ]
    live_areas = {a.id for a in areas}
    rows = [
        ConclusionLine(c.id, c.area_id if c.area_id in live_areas else OVERALL, c.text, c.internal)
        for c in analysis.conclusions(session, inspection.id)
        if c.area_id is None or c.area_id in live_areas
    ]
    return ConclusionsData(inspection.title, tuple(scopes), tuple(rows))


def add_conclusion(inspection_id: str, scope: str, text: str) -> Callable[[Session], str]:
    def add(session: Session) -> str:
        from tenant_inspect import analysis

        area_id = None if scope == OVERALL else scope
        return analysis.add_conclusion(session, inspection_id, text=text, area_id=area_id).id

    return add


def save_text(conclusion_id: str, text: str) -> Callable[[Session], None]:
    def save(session: Session) -> None:
        from tenant_inspect import models as m
        from tenant_inspect import records

        records.update(session, records.get(session, m.Conclusion, conclusion_id), text=text)

    return save


def move(conclusion_id: str, offset: int) -> Callable[[Session], str]:
    def run(session: Session) -> str:
        from tenant_inspect import analysis, records
        from tenant_inspect import models as m

        analysis.move_conclusion(session, records.get(session, m.Conclusion, conclusion_id), offset)
        return conclusion_id

    return run


def delete(conclusion_id: str) -> Callable[[Session], None]:
    def run(session: Session) -> None:
        from tenant_inspect import models as m
        from tenant_inspect import records

        records.delete(session, records.get(session, m.Conclusion, conclusion_id))

    return run


def check_text(text: str) -> str | None:
    """Why the typed text cannot be saved, or None."""
    if not text.strip():
        return "A conclusion cannot be empty: type it again, or press Esc then Del to delete it."
    if len(text) > TEXT_LIMIT:
        return f"Too long ({len(text)} characters; at most {TEXT_LIMIT})."
    return None


# ---------------------------------------------------------------------------
# The screen
# ---------------------------------------------------------------------------


class ConclusionsScreen(AnalysisScreen):
    """Ordered conclusions for the whole inspection and for each area."""

    HELP_TITLE = "Conclusions"
    HELP_TEXT = (
        "Choose whose conclusions to work on with ← → (the whole inspection, then each area) "
        "or the list at the top. ↑↓ move through the conclusions; the selected one is in the "
        "box below: Enter or e goes into it, and what you type is saved as you type. Esc "
        "leaves the box.\n"
        "a adds a conclusion at the end; [ and ] move the selected one up or down (the report "
        "keeps this order); Del deletes it after asking.\n"
        "Esc goes back to the dashboard."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="add", tooltip="Add a conclusion at the end"),
        Binding("e", "edit", "Edit", id="edit", tooltip="Edit the selected conclusion"),
        Binding(
            "left_square_bracket",
            "move(-1)",
            "Move up",
            id="move-up",
            key_display="[",
            group=MOVE,
            tooltip="Earlier in the report",
        ),
        Binding(
            "right_square_bracket",
            "move(1)",
            "Move down",
            id="move-down",
            key_display="]",
            group=MOVE,
            tooltip="Later in the report",
        ),
        Binding("ctrl+up", "move(-1)", "Move up", show=False),
        Binding("ctrl+down", "move(1)", "Move down", show=False),
        Binding(
            "delete",
            "delete",
            "Delete",
            id="delete",
            key_display="Del",
            tooltip="Delete the selected conclusion (asks first)",
        ),
        Binding("left", "scope(-1)", "Previous area", show=False),
        Binding("right", "scope(1)", "Next area", show=False),
        Binding("escape", "back", "Back", id="back", show=False, tooltip="Back to the dashboard"),
        Binding(
            "ctrl+q", "quit", "Quit", id="quit", show=False, tooltip="Quit (everything is saved)"
        ),
    ]

    AUTO_FOCUS = "#conclusions"

    DEFAULT_CSS = """
    ConclusionsScreen #concl-body { padding: 0 1; }
    ConclusionsScreen .title-row { height: 1; }
    ConclusionsScreen #concl-title { text-wrap: nowrap; text-overflow: ellipsis; }
    ConclusionsScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    ConclusionsScreen #scope-row { height: 1; }
    ConclusionsScreen #scope-label { width: auto; padding: 0 1 0 0; }
    ConclusionsScreen #scope { width: 1fr; }
    ConclusionsScreen #scope-hint { width: auto; color: $text-muted; padding: 0 0 0 1; }
    ConclusionsScreen #conclusions { height: 1fr; margin: 1 0 0 0; }
    ConclusionsScreen #concl-empty { height: auto; color: $text-muted; padding: 1 1; }
    ConclusionsScreen .editor-head { height: 1; text-style: bold; }
    ConclusionsScreen #editor { height: 6; border: none; padding: 0 1; background: $boost; }
    ConclusionsScreen #editor:focus { background: $primary 25%; }
    ConclusionsScreen #concl-message { height: auto; }
    ConclusionsScreen #concl-message.-error { color: $error; text-style: bold; }
    ConclusionsScreen.-tall #editor { height: 10; }
    """

    def __init__(self, inspection_id: str, *, scope: str = OVERALL) -> None:
        super().__init__(inspection_id)
        self.data: ConclusionsData | None = None
        self.scope = scope
        #: Text typed here, per conclusion (the truth while the screen is open).
        self.typed: dict[str, str] = {}
        #: The conclusion the editor box holds (lags the selection while switching).
        self.editor_id: str | None = None
        self._select: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="concl-body"):
            with Horizontal(classes="title-row"):
                yield Static("Conclusions", id="concl-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            with Horizontal(id="scope-row"):
                yield Static("For:", id="scope-label")
                yield Select([], id="scope", compact=True, prompt="Loading…")
                yield Static("← → change", id="scope-hint")
            yield OptionList(id="conclusions")
            yield Static("", id="concl-empty")
            yield Static("The selected conclusion — saved as you type", classes="editor-head")
            yield TextArea(id="editor", soft_wrap=True)
            yield Static("", id="concl-message")
        yield FittingFooter()

    # -- loading --------------------------------------------------------------------

    def load(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(
            lambda s: load_conclusions(s, inspection_id), self.show, group="conclusions"
        )

    def show(self, data: ConclusionsData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = data.title
        scopes = [s.id for s in data.scopes]
        if self.scope not in scopes:
            self.scope = OVERALL
        select = self.query_one("#scope", Select)
        with select.prevent(Select.Changed):
            select.set_options([(f"{s.title} ({len(data.of(s.id))})", s.id) for s in data.scopes])
            select.value = self.scope
        self._fill()

    def rows(self) -> list[ConclusionLine]:
        return self.data.of(self.scope) if self.data else []

    def text_of(self, row: ConclusionLine) -> str:
        return self.typed.get(row.id, row.text)

    def _fill(self) -> None:
        rows = self.rows()
        listing = self.query_one("#conclusions", OptionList)
        keep = self._select or self.selected_id()
        self._select = None
        listing.clear_options()
        for number, row in enumerate(rows, start=1):
            listing.add_option(Option(self._prompt(number, row), id=row.id))
        ids = [r.id for r in rows]
        if rows:
            listing.highlighted = ids.index(keep) if keep in ids else 0
        scope = (
            next((s.title for s in self.data.scopes if s.id == self.scope), "") if self.data else ""
        )
        self.query_one("#concl-title", Static).update(
            escape(f"Conclusions — {scope} ({len(rows)})")
        )
        empty = self.query_one("#concl-empty", Static)
        empty.display = not rows
        listing.display = bool(rows)
        where = "the whole inspection" if self.scope == OVERALL else scope
        empty.update(escape(f"No conclusions for {where} yet: press a to add one."))
        if rows and (self.focused is None or not self.focused.display):
            listing.focus()
        self._load_editor()

    def _prompt(self, number: int, row: ConclusionLine) -> str:
        lead = "(internal) " if row.internal else ""
        return escape(f"{number}. {lead}{' '.join(self.text_of(row).split())}")

    def selected_id(self) -> str | None:
        listing = self.query_one("#conclusions", OptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def selected(self) -> ConclusionLine | None:
        selected = self.selected_id()
        return next((r for r in self.rows() if r.id == selected), None)

    def _load_editor(self) -> None:
        """Put the selected conclusion in the box (after saving what the box held)."""
        self._save_editor(now=True)
        row = self.selected()
        editor = self.query_one("#editor", TextArea)
        self.editor_id = None  # while loading: the Changed this posts saves nothing
        editor.load_text(self.text_of(row) if row else "")
        editor.disabled = row is None
        self.editor_id = row.id if row else None
        self._say("")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id != self.editor_id:
            self._load_editor()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    # -- editing -------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "editor":
            event.stop()
            self._save_editor(now=False)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if getattr(event.widget, "id", None) == "editor":
            self._save_editor(now=True)

    def _key(self, conclusion_id: str) -> str:
        return f"conclusion:{conclusion_id}:text"

    def _save_editor(self, *, now: bool) -> None:
        conclusion_id = self.editor_id
        if conclusion_id is None or self.data is None:
            return
        text = self.query_one("#editor", TextArea).text
        row = next((r for r in self.data.rows if r.id == conclusion_id), None)
        if row is None:
            return
        if text == self.text_of(row):
            if now:
                self.services.hurry_save(self._key(conclusion_id))
            return
        problem = check_text(text)
        if problem:
            self._say(problem, error=True)
            return
        self._say("")
        self.typed[conclusion_id] = text
        self.services.autosave(self._key(conclusion_id), save_text(conclusion_id, text), now=now)
        self._refresh_prompt(conclusion_id)

    def _refresh_prompt(self, conclusion_id: str) -> None:
        rows = self.rows()
        listing = self.query_one("#conclusions", OptionList)
        for index, row in enumerate(rows):
            if row.id == conclusion_id:
                listing.replace_option_prompt_at_index(index, self._prompt(index + 1, row))

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#concl-message", Static)
        message.update(escape(f"✗ {text}" if error else text))
        message.set_class(error, "-error")

    def action_edit(self) -> None:
        if self.selected() is None:
            self._say("There is no conclusion here yet: press a to add one.", error=True)
            return
        editor = self.query_one("#editor", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    # -- adding, moving, deleting ------------------------------------------------------------

    def _write(
        self, fn: Callable[[Session], Any], done: str | None, select: str | None = None
    ) -> None:
        """One change, written after what the box holds; then reload and say what happened."""
        self._save_editor(now=True)

        def finished(result: tuple[Any, UserError | None]) -> None:
            value, error = result
            if not self.is_attached:
                return
            if error is not None:
                self._say(problem_words(error), error=True)
                self.app.bell()
            else:
                self._say(done or "")
            self._select = select or (value if isinstance(value, str) else None)
            self.load()

        self.services.write(refusable(fn), finished)

    def action_add(self) -> None:
        if self.data is None:
            return
        scope = self.scope
        where = next((s.title for s in self.data.scopes if s.id == scope), "")
        inspection_id = self.inspection_id

        def chosen(text: str | None) -> None:
            if text:
                self._write(add_conclusion(inspection_id, scope, text), "Conclusion added.")
                self.query_one("#conclusions", OptionList).focus()

        self.app.push_screen(
            TextDialog(
                f"Add a conclusion — {where}",
                "What the team concludes, in a sentence or a short paragraph.",
            ),
            chosen,
        )

    def action_move(self, offset: int) -> None:
        row = self.selected()
        if row is None:
            return
        rows = self.rows()
        index = next(i for i, r in enumerate(rows) if r.id == row.id)
        if not 0 <= index + offset < len(rows):
            self._say(f"It is already {'first' if offset < 0 else 'last'}.")
            return
        self._write(move(row.id, offset), None, row.id)

    def action_delete(self) -> None:
        row = self.selected()
        if row is None:
            return

        def confirmed(sure: bool | None) -> None:
            if sure:
                self._write(delete(row.id), "Conclusion deleted.")

        preview = " ".join(self.text_of(row).split())
        preview = preview if len(preview) <= 120 else preview[:119] + "…"
        self.app.push_screen(
            ConfirmDialog(f"Delete this conclusion?\n\n“{preview}”", "Delete"), confirmed
        )

    # -- scope -------------------------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "scope" and isinstance(event.value, str):
            event.stop()
            self.set_scope(event.value)

    def set_scope(self, scope: str) -> None:
        if scope == self.scope:
            return
        self._save_editor(now=True)
        self.scope = scope
        select = self.query_one("#scope", Select)
        with select.prevent(Select.Changed):
            select.value = scope
        self._fill()

    def action_scope(self, offset: int) -> None:
        if self.data is None:
            return
        ids = [s.id for s in self.data.scopes]
        index = ids.index(self.scope) if self.scope in ids else 0
        self.set_scope(ids[(index + offset) % len(ids)])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "edit", "move", "delete", "scope"):
            # While typing, letters, brackets, arrows and Del belong to the text.
            return not isinstance(self.focused, TextArea | Select)
        return True

    # -- leaving --------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.size.height >= 36, "-tall")

    def action_back(self) -> None:
        if isinstance(self.focused, TextArea | Select):
            self._save_editor(now=True)
            self.query_one("#conclusions", OptionList).focus()
            return
        self._save_editor(now=True)
        self.dismiss()

    async def action_quit(self) -> None:
        self._save_editor(now=True)
        await self.app.action_quit()
