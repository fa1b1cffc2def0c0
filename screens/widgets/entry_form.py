"""What the panel saw of one action-plan item in one monitoring round, saved as typed.

An item the round has not seen yet shows the status it had before (its latest entry, or the
plan's own), and a note typed for it is written with that status, so a round never claims
"not started" for an item nobody said had stopped. Choosing another status records it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Select, Static, TextArea

from tenant_inspect.edits import action_plan as plan_edits
from tenant_inspect.views.action_plan import ItemView, RoundView
from tenant_inspect.vocabulary import ACTION_STATUS_WORDS

from .autosave_form import AutosaveForm

if TYPE_CHECKING:
    from sqlmodel import Session

STATUS_CHOICES = [(words, key) for key, words in ACTION_STATUS_WORDS.items()]


@dataclass(frozen=True)
class EntryRow:
    """One item as one round saw it (or would see it: ``seen`` False)."""

    id: str  # "<round>:<item>"
    round_id: str
    item: ItemView
    seen: bool
    progress_note: str
    status: str
    evidence: str


def entry_rows(round_: RoundView, items: tuple[ItemView, ...]) -> tuple[EntryRow, ...]:
    """Every live item of the plan, with what ``round_`` recorded for it."""
    entries = {e.item_id: e for e in round_.entries}
    rows = []
    for item in items:
        e = entries.get(item.id)
        rows.append(
            EntryRow(
                f"{round_.id}:{item.id}",
                round_.id,
                item,
                e is not None,
                e.progress_note if e else "",
                e.status if e else item.current_status,
                e.evidence if e else "",
            )
        )
    return tuple(rows)


class EntryForm(AutosaveForm):
    """The progress note, status and evidence of the selected item in the selected round."""

    PREFIX = "e-"
    TABLE = "monitoring_entry"
    TEXT_FIELDS = ("progress_note", "evidence")
    CHOICE_FIELDS = ("status",)
    NAMED = ("progress_note", "evidence")
    FIELD_NAMES: ClassVar[dict[str, str]] = {
        "progress_note": "Progress note",
        "status": "Status",
        "evidence": "Evidence seen",
    }

    def compose(self) -> ComposeResult:
        yield Static("", id="e-head", classes="form-head")
        yield Static("Progress note", classes="form-head")
        yield TextArea(id="e-progress_note", soft_wrap=True, classes="form-text", compact=True)
        with Horizontal(classes="form-row"):
            yield Static("Status", classes="form-label")
            yield Select(
                STATUS_CHOICES, allow_blank=False, value="not_started", id="e-status", compact=True
            )
        yield Static("Evidence seen", classes="form-head")
        yield TextArea(id="e-evidence", soft_wrap=True, classes="form-text", compact=True)

    def write(self, row: Any, field: str, value: Any) -> Callable[[Session], Any]:
        assert isinstance(row, EntryRow)
        round_id, item_id = row.round_id, row.item.id
        status = self.value(row, "status")
        return lambda s: plan_edits.save_entry_field(
            s, round_id, item_id, field, value, status=status
        )

    def save_key(self, row: Any, field: str) -> str:
        return f"monitoring:{row.id}:{field}"

    def saved_fields(self, field: str) -> tuple[str, ...]:
        return (field,) if field == "status" else (field, "status")  # see write

    def set_head(self, text: str) -> None:
        self.query_one("#e-head", Static).update(text)
