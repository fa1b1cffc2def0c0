"""The action plan's two forms: a recommendation's response, and one item of its plan.

Both save as they are typed (:class:`screens.widgets.autosave_form.AutosaveForm`). An
item's "by when" takes a day, a month or a word (:func:`tenant_inspect.action_plan.parse_by_when`);
anything else stays in the field, is explained under it and is not saved, so the stored
date is never a wrong one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select, Static, TextArea

from tenant_inspect.edits import action_plan as plan_edits
from tenant_inspect.views.action_plan import ItemView, RecommendationPlan
from tenant_inspect.vocabulary import ACTION_STATUS_WORDS, RESPONSE_WORDS

from ..markup import clip, escape
from .autosave_form import AutosaveForm
from .quiet import QuietInput, QuietStatic

if TYPE_CHECKING:
    from sqlmodel import Session

RESPONSE_CHOICES = [(words, key) for key, words in RESPONSE_WORDS.items()]
STATUS_CHOICES = [(words, key) for key, words in ACTION_STATUS_WORDS.items()]
BY_WHEN_PLACEHOLDER = "March 2027, 31/03/2027 or ongoing"


def check_by_when(raw: str) -> tuple[date | None, str, str | None]:
    """What a typed "by when" means (date, words), or why it cannot be stored."""
    from tenant_inspect.action_plan import parse_by_when

    try:
        day, words = parse_by_when(raw)
    except ValueError as exc:
        return None, "", f"By when: {exc}. Not saved until it is one of these."
    return day, words, None


def overdue_words(by_when: date | None, status: str, today: date) -> str:
    """ "overdue since 31 March 2027" when the date has passed and it is not done, else ""."""
    from tenant_inspect.dates import show_day

    if by_when is None or by_when >= today or status == "done":
        return ""
    return f"overdue since {show_day(by_when)}"


Value = Callable[[ItemView, str], str]


def items_words(
    items: tuple[ItemView, ...], value: Value | None = None, today: date | None = None
) -> str:
    """'3 items, 1 overdue' (or 'no items yet'); with ``value``, as typed so far."""
    if not items:
        return "no items yet"
    if value is not None and today is not None:
        late = sum(1 for i in items if item_late(i, value, today)[0])
    else:
        late = sum(1 for i in items if i.overdue)
    text = f"{len(items)} item{'s' if len(items) != 1 else ''}"
    return text + (f", {late} overdue" if late else "")


def rec_line(rec: RecommendationPlan, response: str, room: int, value: Value, today: date) -> str:
    """A recommendation in the list: 'R1  Accepted · 3 items, 1 overdue  Name a director…'."""
    counts = items_words(rec.items, value, today)
    head = f"{rec.number:<4}{RESPONSE_WORDS.get(response, response)} · {counts}"
    rest = room - len(head) - 2
    return escape(head + (f"  {clip(' '.join(rec.text.split()), rest)}" if rest > 8 else ""))


def item_late(item: ItemView, value: Value, today: date) -> tuple[str, str, str]:
    """(overdue words or "", by when in words, current status) as typed so far."""
    typed_when = value(item, "by_when")
    day, _, problem = check_by_when(typed_when)
    when = item.by_when_text if problem else typed_when.strip()
    status = value(item, "status")
    # The panel's latest status counts once a round has seen the item.
    current = status if item.current_status == item.status else item.current_status
    return overdue_words(item.by_when if problem else day, current, today), when, current


def item_line(item: ItemView, value: Value, today: date, room: int) -> str:
    """An item in the list, as typed so far: 'R1.2  March 2027 · On track  Train staff…'.

    A late item says '⚠ overdue since 31 March 2027' in place of its date. ``value`` reads a
    field as the form holds it, so the line follows the typing before any reload.
    """
    late, when, current = item_late(item, value, today)
    shown_when = f"⚠ {late}" if late else (when or "no date")
    head = f"{item.label:<6}{shown_when} · {ACTION_STATUS_WORDS.get(current, current)}"
    text = " ".join((value(item, "key_actions") or value(item, "key_outcomes")).split())
    rest = room - len(head) - 2
    return escape(head + (f"  {clip(text, rest)}" if rest > 8 and text else ""))


def _text(id: str) -> TextArea:
    return TextArea(id=id, soft_wrap=True, classes="form-text", compact=True)


def _line(id: str, placeholder: str = "", max_length: int = 200) -> Input:
    return QuietInput(
        id=id, placeholder=placeholder, compact=True, max_length=max_length, classes="form-line"
    )


def _choice(id: str, choices: list[tuple[str, str]]) -> Select[str]:
    return Select(choices, allow_blank=False, value=choices[0][1], id=id, compact=True)


class ResponseForm(AutosaveForm):
    """The landlord's answer to the selected recommendation, and what its plan needs."""

    PREFIX = "r-"
    TABLE = "action_plan_response"
    TEXT_FIELDS = ("reason", "responsible_role", "sponsor_role", "costs", "customer_say")
    CHOICE_FIELDS = ("response",)
    NAMED = ("reason", "costs", "customer_say")
    FIELD_NAMES: ClassVar[dict[str, str]] = {
        "response": "Response",
        "reason": "Reason",
        "responsible_role": "Responsible officer",
        "sponsor_role": "Executive sponsor",
        "costs": "Costs and resources",
        "customer_say": "How customers will have a say",
    }

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Static("Response", classes="form-label")
            yield _choice("r-response", RESPONSE_CHOICES)
        yield Static("Reason (why, or why not)", classes="form-head")
        yield _text("r-reason")
        with Horizontal(classes="form-row"):
            yield Static("Responsible", classes="form-label")
            yield _line("r-responsible_role", "a role, not a name")
        with Horizontal(classes="form-row"):
            yield Static("Sponsor", classes="form-label")
            yield _line("r-sponsor_role", "the executive sponsor's role")
        yield Static("Costs and resources", classes="form-head")
        yield _text("r-costs")
        yield Static("How customers will have a say", classes="form-head")
        yield _text("r-customer_say")

    def stored(self, row: Any, field: str) -> str:
        assert isinstance(row, RecommendationPlan)
        return str(getattr(row.response, field))

    def write(self, row: Any, field: str, value: Any) -> Callable[[Session], Any]:
        rec_id = row.id
        return lambda s: plan_edits.save_response_field(s, rec_id, field, value)

    def save_key(self, row: Any, field: str) -> str:
        return f"plan-response:{row.id}:{field}"


class ItemForm(AutosaveForm):
    """One item of the selected recommendation's plan."""

    PREFIX = "i-"
    TABLE = "action_plan_item"
    UNBASED = ("by_when",)  # typed words, stored as a date or "ongoing"
    TEXT_FIELDS = ("key_outcomes", "key_actions", "by_when", "progress", "how_we_know")
    CHOICE_FIELDS = ("status",)
    CHECKED = ("by_when",)
    NAMED = ("key_outcomes", "key_actions", "progress", "how_we_know")
    FIELD_NAMES: ClassVar[dict[str, str]] = {
        "key_outcomes": "Key outcome",
        "key_actions": "Key action",
        "by_when": "By when",
        "progress": "Progress to date",
        "how_we_know": "How do we know",
        "status": "Status",
    }

    def compose(self) -> ComposeResult:
        yield Static("", id="i-head", classes="form-head")
        yield Static("Key outcome for customers", classes="form-head")
        yield _text("i-key_outcomes")
        yield Static("Key action", classes="form-head")
        yield _text("i-key_actions")
        with Horizontal(classes="form-row"):
            yield Static("By when", classes="form-label")
            yield _line("i-by_when", BY_WHEN_PLACEHOLDER, max_length=60)
        yield QuietStatic("", id="i-err-by_when", classes="field-error")
        with Horizontal(classes="form-row"):
            yield Static("Status", classes="form-label")
            yield _choice("i-status", STATUS_CHOICES)
        yield Static("", id="i-seen", classes="form-note")
        yield Static("Progress to date", classes="form-head")
        yield _text("i-progress")
        yield Static("How do we know when we've achieved this?", classes="form-head")
        yield _text("i-how_we_know")

    def stored(self, row: Any, field: str) -> str:
        assert isinstance(row, ItemView)
        return row.by_when_text if field == "by_when" else str(getattr(row, field))

    def check(self, field: str, raw: str) -> tuple[Any, str | None]:
        if field == "by_when":
            _, _, problem = check_by_when(raw)
            return raw, problem  # the service reads the typed text itself
        return super().check(field, raw)

    def write(self, row: Any, field: str, value: Any) -> Callable[[Session], Any]:
        item_id = row.id
        return lambda s: plan_edits.save_item_field(s, item_id, field, value)

    def save_key(self, row: Any, field: str) -> str:
        return f"plan-item:{row.id}:{field}"

    def set_head(self, item: ItemView, rec_number: str) -> None:
        """The item's heading, and what the panel last saw when that differs from the plan."""
        self.query_one("#i-head", Static).update(escape(f"Item {item.label} of {rec_number}"))
        seen = self.query_one("#i-seen", Static)
        seen.display = item.current_status != item.status
        seen.update(
            f"The latest monitoring round saw it as {item.current_status_words.lower()}: "
            "the list and 'overdue' follow that (o: Monitoring)."
        )
