"""Conflicts: the same thing changed on two laptops, settled one by one by the coordinator.

A merge never drops an edit: when two people changed the same field since they last
exchanged files, the row shows one version and keeps the other as an open conflict
(``tenant_inspect.merge``). This screen lists them in words a coordinator understands —
"Weakness finding from the Repairs charter (A. Desktop review) — text", "Answer to 'Who
sets the pledges?' in the Housing Officer interview — notes" — with both versions, where
each came from (which laptop, when) and three ways out:

* **k** keep the version shown now, **o** keep the other one (both ask first);
* **m** write one text from both (a text area prefilled with the two versions).

The decision goes through :func:`tenant_inspect.merge.resolve_conflict` on the app's
ordered writer. It is an ordinary edit stamped by this laptop, so it travels in the next
kit or return file and settles the conflict on every laptop that had it.

The words (which record, which field, "from Ann's laptop, 3 Mar 2026 14:05") come from
:mod:`tenant_inspect.views.conflicts`, which ``tenant-inspect bundle conflicts`` uses too,
so the screen and the command line always describe a conflict the same way.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Static

from tenant_inspect.errors import UserError
from tenant_inspect.views.conflict_words import one_line
from tenant_inspect.views.conflicts import (
    ConflictItem,
    ConflictsData,
    load_conflicts,
    merged_draft,
)

from .base import AnalysisScreen
from .bindings import bind
from .dialogs.merge_text import MergeDialog, MergeOutcome
from .markup import escape, shown
from .widgets.footer import FittingFooter
from .widgets.tables import keyed_table

if TYPE_CHECKING:
    from sqlmodel import Session


#: From this width the two versions stand side by side instead of one above the other.
SIDE_BY_SIDE = 110

#: Key hints under the versions (the footer has the same keys).
EDIT_KEYS = "[b]k[/b] keep shown  ·  [b]o[/b] keep other  ·  [b]m[/b] write one text from both"
FIXED_KEYS = "[b]k[/b] keep shown  ·  [b]o[/b] keep other  (this cannot be merged as text)"
DELETE_KEYS = "[b]k[/b] keep it deleted  ·  [b]o[/b] restore it with the other laptop's changes"


def keys_hint(item: ConflictItem) -> str:
    """The keys that settle this conflict (a deletion and a non-text field have fewer)."""
    if item.kind == "delete":
        return DELETE_KEYS
    return EDIT_KEYS if item.mergeable else FIXED_KEYS


# ---------------------------------------------------------------------------
# The screen
# ---------------------------------------------------------------------------


class ConflictsScreen(AnalysisScreen):
    """Every open conflict of one inspection, and the keys to settle each."""

    HELP_TITLE = "Conflicts"
    HELP_TEXT = (
        "A conflict is one thing changed in two places before they were brought together: on "
        "two laptops before they exchanged files or synced, or by two people at once on a "
        "programme's server. Nothing is lost: the record shows one version and the other "
        "waits here.\n"
        "Move with ↑ ↓. k keeps the version shown now, o keeps the other one, m lets you "
        "write one text from both. Your decision goes out with the next kit, return file or "
        "sync (on a server, everyone sees it at once)."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        bind(
            "k",
            "keep('kept')",
            "Keep shown",
            "Keep the version shown now and set the other aside",
            id="keep-shown",
        ),
        bind(
            "o",
            "keep('other')",
            "Keep other",
            "Keep the other version instead of the one shown now",
            id="keep-other",
        ),
        bind("m", "merge", "Merge texts", "Write one text from both versions"),
        bind("escape", "back", "Back", "Back to the Team screen", show=False),
    ]

    DEFAULT_CSS = """
    ConflictsScreen #conflicts-body { padding: 0 1; }
    ConflictsScreen .title-row { height: 1; }
    ConflictsScreen .key-hint { width: auto; color: $text-muted; padding: 0 1; }
    ConflictsScreen #conflicts-status { padding: 0 1; height: auto; }
    ConflictsScreen #conflicts-status.-error { text-style: bold; }
    ConflictsScreen #conflicts { height: auto; max-height: 6; }
    ConflictsScreen #conflict-detail { height: 1fr; border-top: solid $primary; }
    ConflictsScreen #conflict-what { padding: 0 1; height: auto; text-style: bold; }
    ConflictsScreen #versions { height: 1fr; }
    ConflictsScreen.-wide #versions { layout: horizontal; }
    ConflictsScreen .version { height: 1fr; }
    ConflictsScreen.-wide .version { width: 1fr; }
    ConflictsScreen .version-head { padding: 0 1; height: auto; text-style: bold; }
    ConflictsScreen .version-text { height: 1fr; padding: 0 1 0 3; }
    ConflictsScreen #conflict-keys { padding: 0 1; height: auto; color: $text-muted; }
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        self.items: tuple[ConflictItem, ...] = ()
        self.loaded = False
        self.busy = False
        #: Merged texts typed but not saved, by conflict id (a cancelled dialog keeps them).
        self.drafts: dict[str, str] = {}
        #: What the last decision did (or why it failed), shown above the count.
        self.decision = ""
        self.decision_failed = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="conflicts-body"):
            with Horizontal(classes="title-row"):
                yield Static("Conflicts to resolve", id="conflicts-title", classes="screen-title")
                yield Static("Esc: back", classes="key-hint")
            yield Static("Looking for conflicts…", id="conflicts-status")
            table = keyed_table(
                "conflicts", ("Conflict", "conflict"), show_header=False, zebra_stripes=True
            )
            yield table
            with Vertical(id="conflict-detail"):
                yield Static("", id="conflict-what")
                with Vertical(id="versions"):
                    with Vertical(classes="version"):
                        yield Static("", id="shown-head", classes="version-head")
                        with VerticalScroll(classes="version-text", id="shown-scroll"):
                            yield Static("", id="shown-text")
                    with Vertical(classes="version"):
                        yield Static("", id="other-head", classes="version-head")
                        with VerticalScroll(classes="version-text", id="other-scroll"):
                            yield Static("", id="other-text")
                yield Static("", id="conflict-keys")
        yield FittingFooter()

    # -- loading ---------------------------------------------------------------

    def on_mount(self) -> None:
        # Then AnalysisScreen reads the conflicts (and not again on return from a dialog).
        self.set_class(self.app.size.width >= SIDE_BY_SIDE, "-wide")
        self.query_one("#conflicts", DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.app.size.width >= SIDE_BY_SIDE, "-wide")
        self._fill_table()

    def load(self) -> None:
        inspection_id = self.inspection_id
        self.services.read(lambda s: load_conflicts(s, inspection_id), self.show, group="conflicts")

    def show(self, data: ConflictsData) -> None:
        if not self.is_attached:
            return
        self.sub_title = shown(data.title)
        self.items = data.items
        self.loaded = True
        count = len(self.items)
        title = "Conflicts to resolve" + (f" ({count})" if count else "")
        self.query_one("#conflicts-title", Static).update(title)
        self._show_status()
        self._fill_table()
        self.refresh_bindings()

    def _count_words(self) -> str:
        count = len(self.items)
        # On a programme's server a conflict may come from two laptops' syncs or from two
        # people saving the same field at once; a laptop's come from files and syncs only.
        on_server = bool(self.services.data_dir.database)
        if not count:
            return "✓ No conflicts left to resolve. " + (
                "Your decisions are on the server: everyone sees them at once."
                if on_server
                else "Your decisions go out with the next kit or return file."
            )
        where = "in two places" if on_server else "on two laptops"
        return (
            f"{count} thing{'s were' if count != 1 else ' was'} changed {where}: "
            "choose which version to keep."
        )

    def _show_status(self, text: str | None = None) -> None:
        lines = [self.decision, self._count_words() if self.loaded else ""]
        status = self.query_one("#conflicts-status", Static)
        status.update(escape(text or "\n".join(line for line in lines if line)))
        status.set_class(self.decision_failed, "-error")

    def _fill_table(self) -> None:
        table = self.query_one("#conflicts", DataTable)
        selected = self.selected_id()
        table.clear()
        table.display = bool(self.items)
        width = max(20, self.size.width - 6)
        for number, item in enumerate(self.items, start=1):
            table.add_row(one_line(f"{number}. {item.title}", width), key=item.id)
        ids = [i.id for i in self.items]
        if selected in ids:
            table.move_cursor(row=ids.index(selected))
        self._show_selected()

    def _show_selected(self) -> None:
        item = self.selected()
        detail = self.query_one("#conflict-detail")
        detail.display = item is not None
        if item is None:
            return
        self.query_one("#conflict-what", Static).update(escape(item.title))
        for side, version in (("shown", item.shown), ("other", item.other)):
            self.query_one(f"#{side}-head", Static).update(
                escape(f"{version.heading} — {version.origin}:")
            )
            self.query_one(f"#{side}-text", Static).update(escape(version.words))
            self.query_one(f"#{side}-scroll", VerticalScroll).scroll_home(animate=False)
        self.query_one("#conflict-keys", Static).update(keys_hint(item))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_selected()
        self.refresh_bindings()

    def selected_id(self) -> str | None:
        table = self.query_one("#conflicts", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def selected(self) -> ConflictItem | None:
        conflict_id = self.selected_id()
        return next((i for i in self.items if i.id == conflict_id), None)

    # -- actions -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("keep", "merge"):
            item = self.selected()
            if item is None:
                return False  # nothing to decide: the keys leave the footer
            if action == "merge" and not item.mergeable:
                return None  # greyed out; the line above the footer says why in words
        return True

    def action_keep(self, keep: str) -> None:
        item = self.selected()
        if item is None or self.busy:
            return
        from .dialogs.confirm import ConfirmDialog

        if item.kind == "delete":
            question, label = (
                ("Keep it deleted?", "Keep deleted")
                if keep == "kept"
                else ("Restore it, with the changes made on the other laptop?", "Restore it")
            )
        else:
            chosen = item.shown if keep == "kept" else item.other
            question = (
                f"Keep this version ({chosen.heading.lower()})?\n\n{one_line(chosen.words, 200)}"
            )
            label = "Keep shown" if keep == "kept" else "Keep other"
        self.app.push_screen(
            ConfirmDialog(f"{escape(item.title)}\n\n{escape(question)}", confirm_label=label),
            partial(self._confirmed, item, keep),
        )

    def _confirmed(self, item: ConflictItem, keep: str, yes: bool | None) -> None:
        if yes:
            self._resolve(item, keep, None)

    def action_merge(self) -> None:
        item = self.selected()
        if item is None or self.busy:
            return
        if not item.mergeable:
            self.notify("Only text can be merged; keep one of the two versions (k or o).")
            return
        text = self.drafts.get(item.id) or merged_draft(item)
        self.app.push_screen(MergeDialog(item, text), partial(self._merged, item))

    def _merged(self, item: ConflictItem, outcome: MergeOutcome | None) -> None:
        if outcome is None:
            return
        self.drafts[item.id] = outcome.text
        if outcome.save:
            self._resolve(item, "merged", outcome.text)

    def _resolve(self, item: ConflictItem, keep: str, text: str | None) -> None:
        self.busy = True
        conflict_id = item.id

        def work(session: Session) -> Any:
            from tenant_inspect.merge_conflicts import resolve_conflict

            try:
                return resolve_conflict(session, conflict_id, keep, text)  # type: ignore[arg-type]
            except UserError as exc:  # raised before anything is written: said on screen
                return exc

        self._show_status("Saving your decision…")
        self.services.write(work, partial(self._resolved, item, keep))

    def _resolved(self, item: ConflictItem, keep: str, result: Any) -> None:
        self.busy = False
        if not self.is_attached:
            return
        if isinstance(result, Exception):
            self.decision, self.decision_failed = f"✗ Not resolved: {result}", True
            self._show_status()
            return
        self.drafts.pop(item.id, None)
        how = {
            "kept": "kept it deleted" if item.kind == "delete" else "kept the version shown",
            "other": "restored it" if item.kind == "delete" else "kept the other version",
            "merged": "kept your merged text",
        }[keep]
        self.decision, self.decision_failed = f"✓ Resolved: {item.title} ({how}).", False
        self.load()
