"""Monitoring the action plan in dated rounds: what the panel saw of each item, and what changed.

At the top the rounds, oldest first ("14 June 2027 · Quarter 1 review · 5 of 12 items
seen"); under them, in words, what changed since the previous round for the selected one
("R1.2: On track → Off track; progress note changed"); then every item of the plan as that
round saw it, and the form for the selected item (progress note, status, evidence), saved as
typed (:mod:`screens.widgets.entry_form`).

n starts a round (its date in any form the app reads, and a title); r corrects the selected
round's date and title, since a mistyped date would otherwise stay in every report; Del
deletes a round started by mistake, with its item notes, after asking (its dialogs are
:mod:`screens.dialogs.round_forms`). g opens the prospects for improvement, judged once the
plan has run its course.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from tenant_inspect.attempts import refusable
from tenant_inspect.dates import parse_day, show_day
from tenant_inspect.edits import action_plan as plan_edits
from tenant_inspect.errors import UserError
from tenant_inspect.views.action_plan import ActionPlanData, RoundView
from tenant_inspect.views.action_plan_read import load_action_plan
from tenant_inspect.vocabulary import ACTION_STATUS_WORDS

from .base import AnalysisScreen
from .bindings import QUIT, bind
from .dialogs.round_forms import (
    delete_round_dialog,
    deleted_words,
    edit_round_form,
    neighbour_of,
    new_round_form,
)
from .markup import clip, escape, problem_words, shown
from .widgets.entry_form import EntryForm, EntryRow, entry_rows
from .widgets.footer import FittingFooter
from .widgets.monitoring_words import changes_words, round_words
from .widgets.save_indicator import SaveIndicator

if TYPE_CHECKING:
    from sqlmodel import Session

TYPING = (TextArea, Input, Select)
#: Keys about the selected round: dimmed while there is none.
ROUND_ACTIONS = ("edit_round", "delete_round")


class MonitoringScreen(AnalysisScreen):
    """Rounds, what changed, and each item as the selected round saw it."""

    HELP_TITLE = "Monitoring rounds"
    HELP_TEXT = (
        "Each round is a dated review of the landlord's plan. n starts one: type the date "
        "(14/06/2027 or 14 June 2027) and a title. ↑↓ choose a round; the line under the "
        "rounds says what changed since the previous round. r changes the selected round's "
        "date or title (the rounds stay in date order). Del deletes the selected round and "
        "the item notes recorded in it, after asking.\n"
        "Tab goes to the items. e or Enter goes into the selected item's form: the progress "
        "note, the status (not started, on track, at risk, off track, done) and the evidence "
        "seen. Everything is saved as you type; an item this round has not seen yet shows "
        "the status it had before. Esc comes back to the list, then to the previous screen.\n"
        "g opens the prospects for improvement."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("n", "new_round", "New round", "Start a monitoring round (date and title)"),
        bind("r", "edit_round", "Rename", "Change the selected round's date and title"),
        bind("delete", "delete_round", "Delete", "Delete the selected round and its item notes (asks first)",
             key_display="Del"),
        bind("e", "edit", "Edit", "Go into the selected item's note, status and evidence"),
        bind("g", "prospects", "Prospects", "Prospects for improvement: grades and warnings"),
        bind("escape", "back", "Back", "Back (from a field: to the list)", show=False),
        QUIT,
    ]  # fmt: skip
    LIST_ACTIONS = ("new_round", "edit", "prospects", *ROUND_ACTIONS)

    DEFAULT_CSS = """
    MonitoringScreen #mon-body { padding: 0 1; }
    MonitoringScreen .title-row { height: 1; }
    MonitoringScreen #mon-title { text-wrap: nowrap; text-overflow: ellipsis; }
    MonitoringScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    MonitoringScreen #mon-rounds { height: auto; max-height: 3; }
    MonitoringScreen #mon-changes { height: auto; max-height: 3; }
    MonitoringScreen #mon-entries { height: 5; }
    MonitoringScreen.-tall #mon-rounds { max-height: 6; }
    MonitoringScreen.-tall #mon-entries { height: 14; }
    MonitoringScreen.-tall .form-text { height: 5; }
    MonitoringScreen .list-head { height: 1; text-style: bold; }
    MonitoringScreen #mon-empty { height: auto; color: $text-muted; padding: 1 0; }
    MonitoringScreen #mon-detail { height: 1fr; }
    MonitoringScreen #mon-message { height: auto; }
    MonitoringScreen #mon-message.-error { color: $error; text-style: bold; }
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        self.data: ActionPlanData | None = None
        self.rows: tuple[EntryRow, ...] = ()
        self._select_round: str | None = None
        self.form = EntryForm(inspection_id, self._typed, id="entry-form")

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="mon-body"):
            with Horizontal(classes="title-row"):
                yield Static("Monitoring", id="mon-title", classes="screen-title")
                yield SaveIndicator()
                yield Static("Esc: back", classes="key-hint")
            yield OptionList(id="mon-rounds", compact=True)
            yield Static("", id="mon-changes")
            yield Static("", id="mon-empty")
            yield Static("", id="entries-head", classes="list-head")
            yield OptionList(id="mon-entries", compact=True)
            with VerticalScroll(id="mon-detail", can_focus=False):
                yield self.form
            yield Static("", id="mon-message")
        yield FittingFooter()

    # -- loading -------------------------------------------------------------------------

    def load(self) -> None:
        inspection_id, today = self.inspection_id, date.today()
        self.services.read(
            lambda s: load_action_plan(s, inspection_id, today), self.show, group="monitoring"
        )

    def show(self, data: ActionPlanData) -> None:
        if not self.is_attached:
            return
        self.data = data
        self.sub_title = shown(data.title)
        n = len(data.rounds)
        self.query_one("#mon-title", Static).update(
            f"Monitoring — {n} round{'s' if n != 1 else ''} · {len(data.items)} items in the plan"
        )
        rounds = self.query_one("#mon-rounds", OptionList)
        keep = self._select_round or self.selected_round_id()
        self._select_round = None
        rounds.clear_options()
        for r in data.rounds:
            rounds.add_option(Option(escape(round_words(r, len(data.items))), id=r.id))
        ids = [r.id for r in data.rounds]
        if ids:
            rounds.highlighted = ids.index(keep) if keep in ids else len(ids) - 1
        empty = self.query_one("#mon-empty", Static)
        empty.display = not ids or not data.items
        empty.update(
            "The plan has no items yet: add them on the Action plan screen (p on the dashboard)."
            if not data.items
            else "No rounds yet: press n to start the first (its date and a title)."
        )
        for widget in ("#mon-rounds", "#mon-changes", "#entries-head", "#mon-entries"):
            self.query_one(widget).display = bool(ids)
        self._fill_entries()
        if self.focused is None or not self.focused.display:
            rounds.focus()
        self.refresh_bindings()

    def selected_round(self) -> RoundView | None:
        if self.data is None:  # (not read yet: the list may not even be there)
            return None
        listing = self.query_one("#mon-rounds", OptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        wanted = listing.get_option_at_index(listing.highlighted).id
        return next((r for r in self.data.rounds if r.id == wanted), None)

    def selected_round_id(self) -> str | None:
        r = self.selected_round()
        return r.id if r else None

    def entry_line(self, row: EntryRow) -> str:
        status = self.form.value(row, "status")
        words = ACTION_STATUS_WORDS.get(status, status)
        typed = any(key[0] == row.id for key in self.form.typed)
        seen = "" if row.seen or typed else " (not seen yet)"
        late = f" · ⚠ {row.item.overdue_words}" if row.item.overdue_words else ""
        head = f"{row.item.label:<6}{words}{seen}{late}"
        note = " ".join(self.form.value(row, "progress_note").split())
        rest = (self.size.width or 80) - 12 - len(head)
        return escape(head + (f"  {clip(note, rest)}" if note and rest > 8 else ""))

    def _fill_entries(self) -> None:
        r = self.selected_round()
        listing = self.query_one("#mon-entries", OptionList)
        # Another round starts at its first item; the same round keeps the item selected.
        same = r is not None and bool(self.rows) and self.rows[0].round_id == r.id
        keep = self.selected_entry_id() if same else None
        self.rows = entry_rows(r, self.data.items) if r and self.data else ()
        listing.clear_options()
        for row in self.rows:
            listing.add_option(Option(self.entry_line(row), id=row.item.id))
        ids = [row.item.id for row in self.rows]
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else 0
        changes = self.query_one("#mon-changes", Static)
        room = 3 * max(changes.size.width or self.size.width - 2, 20)  # its three lines
        changes.update(escape(changes_words(self.data, r.id, room)) if r and self.data else "")
        if r is not None:
            self.query_one("#entries-head", Static).update(
                escape(f"Items as seen on {r.held_on_words} — e or Enter to record")
            )
        self._show_entry()

    def selected_entry_id(self) -> str | None:
        listing = self.query_one("#mon-entries", OptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def selected_row(self) -> EntryRow | None:
        wanted = self.selected_entry_id()
        return next((row for row in self.rows if row.item.id == wanted), None)

    def _show_entry(self) -> None:
        row = self.selected_row()
        self.form.show(row)
        self.form.display = row is not None
        if row is not None:
            what = row.item.key_actions or row.item.key_outcomes
            room = max(20, (self.size.width or 80) - 12)
            self.form.set_head(escape(f"{row.item.label} — {clip(' '.join(what.split()), room)}"))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_list.id == "mon-rounds":
            self._fill_entries()
            self.refresh_bindings()
        elif self.form.row is None or self.form.row.item.id != event.option.id:
            self._show_entry()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "mon-entries":
            self.action_edit()
        else:
            self.query_one("#mon-entries", OptionList).focus()

    def _typed(self, row_id: str, field: str) -> None:
        for index, row in enumerate(self.rows):
            if row.id == row_id:
                self.query_one("#mon-entries", OptionList).replace_option_prompt_at_index(
                    index, self.entry_line(row)
                )
        if field == "status":
            self._reload_after_saves()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "e-progress_note":  # a note changed: the changes line follows
            self._reload_after_saves()

    def _reload_after_saves(self) -> None:
        """Read again once what was typed is written (the changes line follows)."""
        self.services.write(lambda s: None, lambda _: self.load() if self.is_attached else None)

    # -- actions -------------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#mon-message", Static)
        message.update(escape(f"✗ {text}" if error else text))
        message.set_class(error, "-error")

    def write_round(
        self, fn: Callable[[Session], Any], done: str, select: str | None, *, into: bool = False
    ) -> None:
        """Write a change to the rounds; a refusal is said and changes nothing, else say ``done``
        and reload with ``select`` (or the id written) chosen; ``into``: then to the items."""

        def finished(result: tuple[object, UserError | None]) -> None:
            value, error = result
            if not self.is_attached:
                return
            if error is not None:
                self.say(problem_words(error), error=True)
                return
            self.say(done)
            self._select_round = select or (value if isinstance(value, str) else None)
            if into:
                self.query_one("#mon-entries", OptionList).focus()
            self.load()

        self.services.write(refusable(fn), finished)

    def action_new_round(self) -> None:
        self.form.save(now=True)
        inspection_id = self.inspection_id

        def chosen(values: dict[str, str] | None) -> None:
            if values:
                held_on, title = values["held_on"], values["title"]
                self.write_round(
                    lambda s: plan_edits.start_round(s, inspection_id, held_on, title),
                    "Round started: go through the items (Enter records one).",
                    None,
                    into=True,
                )

        self.app.push_screen(new_round_form(date.today()), chosen)

    def action_edit_round(self) -> None:
        r = self.selected_round()
        if r is None:
            self.say("There is no round to change yet: n starts one.", error=True)
            return
        self.form.save(now=True)
        round_id = r.id

        def chosen(values: dict[str, str] | None) -> None:
            if values:
                held_on, title = values["held_on"], values["title"]
                self.write_round(
                    lambda s: plan_edits.edit_round(s, round_id, held_on, title),
                    f"Round saved: {show_day(parse_day(held_on))} · {title or 'untitled'}.",
                    round_id,
                )

        self.app.push_screen(edit_round_form(r), chosen)

    def action_delete_round(self) -> None:
        r = self.selected_round()
        if r is None or self.data is None:
            self.say("There is no round to delete.", error=True)
            return
        self.form.save(now=True)
        round_id, done = r.id, deleted_words(r)
        neighbour = neighbour_of(self.data.rounds, round_id)

        def confirmed(sure: bool | None) -> None:
            if sure:
                self.write_round(lambda s: plan_edits.delete_round(s, round_id), done, neighbour)

        self.app.push_screen(delete_round_dialog(r), confirmed)

    def action_edit(self) -> None:
        if self.selected_row() is None:
            self.say("Start a round first (n), then choose an item.", error=True)
            return
        self.set_timer(0.01, lambda: self.query_one("#e-progress_note").focus())

    def action_prospects(self) -> None:
        self.form.save(now=True)
        self.reload_on_return = True
        self.open("prospects", self.inspection_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.LIST_ACTIONS and isinstance(self.focused, TYPING):
            return False  # letters and Del belong to the text
        if action in ROUND_ACTIONS and self.selected_round() is None:
            return None  # dimmed: no round to change or delete
        return True

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.size.height >= 36, "-tall")
        if self.data is not None:
            self._fill_entries()

    def action_back(self) -> None:
        self.form.save(now=True)
        if isinstance(self.focused, TYPING):
            self.query_one("#mon-entries", OptionList).focus()
            self._reload_after_saves()
            return
        self.dismiss()

    async def action_quit(self) -> None:
        self.form.save(now=True)
        await self.app.action_quit()
