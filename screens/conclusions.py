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
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, OptionList, Select, Static, TextArea

from tenant_inspect.edit_bases import Loaded
from tenant_inspect.edits import conclusions as conclusion_edits
from tenant_inspect.views.conclusions import OVERALL, ConclusionsData, load_conclusions
from tenant_inspect.views.shared import ConclusionData

from .bindings import bind, move_bindings
from .dialogs.text_entry import TextDialog
from .markup import escape, shown
from .name_warning import warn_about_names
from .ordered_list_base import LEAVE_BINDINGS, OrderedListScreen, delete_binding
from .widgets.fields import TEXT_LIMIT
from .widgets.footer import FittingFooter
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session


def check_text(text: str) -> str | None:
    """Why the typed text cannot be saved, or None."""
    if not text.strip():
        return "A conclusion cannot be empty: type it again, or press Esc then Del to delete it."
    if len(text) > TEXT_LIMIT:
        return f"Too long ({len(text)} characters; at most {TEXT_LIMIT})."
    return None


class ConclusionsScreen(OrderedListScreen[ConclusionData]):
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
        bind("a", "add", "Add", "Add a conclusion at the end"),
        bind("e", "edit", "Edit", "Edit the selected conclusion"),
        *move_bindings("Earlier in the report", "Later in the report"),
        delete_binding("Delete the selected conclusion (asks first)"),
        Binding("left", "scope(-1)", "Previous area", show=False),
        Binding("right", "scope(1)", "Next area", show=False),
        *LEAVE_BINDINGS,
    ]

    AUTO_FOCUS = "#conclusions"
    LIST_ID = "#conclusions"
    MESSAGE_ID = "#concl-message"
    EDITOR_ID = "#editor"
    NOTHING_TO_EDIT = "There is no conclusion here yet: press a to add one."
    LIST_ACTIONS = ("add", "edit", "move", "delete", "scope")

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
    ConclusionsScreen #editor { height: 6; padding: 0 1; background: $boost; }
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
        #: The texts as read: each save carries its own, so words someone else saved
        #: meanwhile are kept as a conflict, never typed over unseen.
        self.loaded = Loaded()

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
            yield TextArea(id="editor", soft_wrap=True, compact=True)
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
        for row in data.rows:
            if row.id not in self.typed:  # shown as read (what was typed here wins)
                self.loaded.shown(row.id, "text", row.text)
        self.sub_title = shown(data.title)
        scopes = [s.id for s in data.scopes]
        if self.scope not in scopes:
            self.scope = OVERALL
        select = self.query_one("#scope", Select)
        with select.prevent(Select.Changed):
            select.set_options([(f"{s.title} ({len(data.of(s.id))})", s.id) for s in data.scopes])
            select.value = self.scope
        self._fill()

    def rows(self) -> list[ConclusionData]:
        return self.data.of(self.scope) if self.data else []

    def text_of(self, row: ConclusionData) -> str:
        return self.typed.get(row.id, row.text)

    def _scope_title(self) -> str:
        if self.data is None:
            return ""
        return next((s.title for s in self.data.scopes if s.id == self.scope), "")

    def _fill(self) -> None:
        rows = self.rows()
        self.fill_list()
        scope = self._scope_title()
        self.query_one("#concl-title", Static).update(
            escape(f"Conclusions — {scope} ({len(rows)})")
        )
        empty = self.query_one("#concl-empty", Static)
        empty.display = not rows
        self.query_one("#conclusions", OptionList).display = bool(rows)
        where = "the whole inspection" if self.scope == OVERALL else scope
        empty.update(escape(f"No conclusions for {where} yet: press a to add one."))
        self.focus_list_if_lost()
        self.show_selected()

    def prompt(self, number: int, row: ConclusionData) -> str:
        lead = "(internal) " if row.internal else ""
        return escape(f"{number}. {lead}{' '.join(self.text_of(row).split())}")

    def editing_id(self) -> str | None:
        return self.editor_id

    def show_selected(self) -> None:
        """Put the selected conclusion in the box (after saving what the box held)."""
        self._save_editor(now=True)
        row = self.selected()
        editor = self.query_one("#editor", TextArea)
        self.editor_id = None  # while loading: the Changed this posts saves nothing
        editor.load_text(self.text_of(row) if row else "")
        editor.disabled = row is None
        self.editor_id = row.id if row else None
        self.say("")

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

    def save_typing(self) -> None:
        self._save_editor(now=True)

    def _save_editor(self, *, now: bool) -> None:
        conclusion_id = self.editor_id
        if conclusion_id is None or self.data is None:
            return
        text = self.query_one("#editor", TextArea).text
        row = next((r for r in self.data.rows if r.id == conclusion_id), None)
        if row is None:
            return
        if now:
            warn_about_names(self, self.inspection_id, text, box=conclusion_id)
        if text == self.text_of(row):
            if now:
                self.services.hurry_save(self._key(conclusion_id))
            return
        problem = check_text(text)
        if problem:
            self.say(problem, error=True)
            return
        self.say("")
        self.typed[conclusion_id] = text
        self.services.autosave(
            self._key(conclusion_id),
            self.loaded.save(
                conclusion_id,
                "conclusion",
                ("text",),
                lambda s: conclusion_edits.save_conclusion_text(s, conclusion_id, text),
            ),
            now=now,
        )
        self.refresh_prompt(conclusion_id)

    # -- adding, moving, deleting ------------------------------------------------------------

    def action_add(self) -> None:
        if self.data is None:
            return
        scope = self.scope
        where = self._scope_title()
        inspection_id = self.inspection_id

        def chosen(text: str | None) -> None:
            if text:
                self.write_change(
                    lambda s: conclusion_edits.add_conclusion(s, inspection_id, scope, text),
                    "Conclusion added.",
                )
                warn_about_names(self, inspection_id, text, box="new-conclusion")
                self.query_one("#conclusions", OptionList).focus()

        self.app.push_screen(
            TextDialog(
                f"Add a conclusion — {where}",
                "What the team concludes, in a sentence or a short paragraph.",
            ),
            chosen,
        )

    def move_change(self, row: ConclusionData, offset: int) -> Callable[[Session], Any]:
        return lambda s: conclusion_edits.move_conclusion(s, row.id, offset)

    def already_words(self, row: ConclusionData, offset: int) -> str:
        return f"It is already {'first' if offset < 0 else 'last'}."

    def delete_change(self, row: ConclusionData) -> Callable[[Session], Any]:
        return lambda s: conclusion_edits.delete_conclusion(s, row.id)

    def delete_question(self, row: ConclusionData) -> str:
        preview = " ".join(self.text_of(row).split())
        preview = preview if len(preview) <= 120 else preview[:119] + "…"
        return f"Delete this conclusion?\n\n“{preview}”"

    def deleted_words(self, row: ConclusionData) -> str:
        return "Conclusion deleted."

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

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.size.height >= 36, "-tall")
