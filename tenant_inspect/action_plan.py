"""The landlord's action plan and the panel's monitoring of it: the writes (issue 12).

Per recommendation the landlord gives one **response** (accepted or not, why, who is
responsible and sponsors it — by role —, costs, how customers will have a say) and a list
of **items** (outcome, action, by when, progress, how we will know, status). The panel
monitors the plan in dated **rounds**, one **entry** per item and round; the final edition
judges the **prospects** for improvement. Every write goes through :mod:`.records`, so it
is validated with the same plain-word messages as the rest of the app and nothing stored
changes when a value is refused.

Responses, entries and prospects have derived ids (:mod:`.bundle_derived_ids`): the first
write makes the row under that id and later writes change it, so two laptops answering the
same recommendation make one row, never two. An item's old ``responsible``, ``costs`` and
``tenant_say`` are superseded by the response's fields and are never written here.

The read model is :mod:`.views.action_plan`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from . import models as m
from . import records, vocabulary
from .bundle_derived_ids import derived_row_id
from .dates import DATE_FORMS, last_day, parse_day, parse_month, show_month
from .errors import ValidationError

#: How "by when" may be written, for messages and hints.
BY_WHEN_FORMS = (
    "write a date (14/06/2027 or 14 June 2027), a month (March 2027, Mar 2027, 03/2027 or "
    "2027-03) or one of the words " + ", ".join(vocabulary.BY_WHEN_WORDS)
)

#: Item fields that now belong to the recommendation's response, and where they went.
SUPERSEDED = {
    "responsible": "the response's responsible officer",
    "costs": "the response's costs and resources",
    "tenant_say": "the response's 'how customers will have a say'",
}

# ---------------------------------------------------------------------------
# By when
# ---------------------------------------------------------------------------


def parse_by_when(text: str) -> tuple[date | None, str]:
    """What a typed "by when" means: (the date, the words kept beside it).

    A day (every form :func:`.dates.parse_day` takes) is the date itself with no words; a
    month is its last day with the month in words ("March 2027", however it was typed);
    ``ongoing``, ``completed`` or ``continuous`` (any case) is no date and the word; blank is
    (None, ""). Anything else raises ValueError naming the forms.
    """
    folded = " ".join(text.split())
    if not folded:
        return None, ""
    try:
        return parse_day(folded), ""
    except ValueError:
        pass
    try:
        year, month = parse_month(folded)
    except ValueError:
        pass
    else:
        return last_day(year, month), show_month(year, month)
    if folded.casefold() in vocabulary.BY_WHEN_WORDS:
        return None, folded.casefold()
    raise ValueError(
        f"“{folded[:60]}” is not a date, a month or a word this understands: {BY_WHEN_FORMS}"
    )


def overdue(item: m.ActionPlanItem, today: date, *, status: str | None = None) -> bool:
    """Whether an item is late: its date has passed and it is not done.

    ``status``: the item's status as the panel last saw it (its newest monitoring entry),
    when that is what counts rather than the plan's own.
    """
    return item.by_when is not None and item.by_when < today and (status or item.status) != "done"


# ---------------------------------------------------------------------------
# Responses
# ---------------------------------------------------------------------------


def response_id(recommendation_id: str) -> str:
    return derived_row_id("action_plan_response", recommendation_id=recommendation_id)


def get_response(session: Session, rec: m.Recommendation) -> m.ActionPlanResponse | None:
    """The live response to a recommendation, if the landlord has given one."""
    row = session.get(m.ActionPlanResponse, response_id(rec.id))
    return None if row is None or row.is_deleted else row


def set_response(session: Session, rec: m.Recommendation, **fields: Any) -> m.ActionPlanResponse:
    """Write fields of a recommendation's response, making the response on the first write."""
    _live(rec)
    parent = {"inspection_id": rec.inspection_id, "recommendation_id": rec.id}
    return records.upsert(session, m.ActionPlanResponse, response_id(rec.id), parent, fields)


def set_response_field(
    session: Session, rec: m.Recommendation, field: str, value: Any
) -> m.ActionPlanResponse:
    return set_response(session, rec, **{field: value})


# ---------------------------------------------------------------------------
# Items
# ---------------------------------------------------------------------------


def items(session: Session, rec: m.Recommendation) -> list[m.ActionPlanItem]:
    """A recommendation's live items in their order (position, then creation)."""
    rows = records.live(session, m.ActionPlanItem, recommendation_id=rec.id)
    return sorted(rows, key=item_order)


def item_order(item: m.ActionPlanItem) -> tuple[int, Any, str]:
    return (item.position, item.created_at, item.id)


def add_item(session: Session, rec: m.Recommendation, **fields: Any) -> m.ActionPlanItem:
    """A new item at the end of the recommendation's list. ``by_when`` may be typed text."""
    _live(rec)
    clean = _item_fields(session, rec.inspection_id, fields)
    clean.setdefault("position", records.next_position(items(session, rec)))
    return records.create(
        session,
        m.ActionPlanItem,
        parent={"inspection_id": rec.inspection_id, "recommendation_id": rec.id},
        **clean,
    )


def update_item(session: Session, item: m.ActionPlanItem, **fields: Any) -> m.ActionPlanItem:
    return records.update(session, item, **_item_fields(session, item.inspection_id, fields))


def update_item_field(
    session: Session, item: m.ActionPlanItem, field: str, value: Any
) -> m.ActionPlanItem:
    return update_item(session, item, **{field: value})


def delete_item(session: Session, item: m.ActionPlanItem) -> None:
    """Tombstone an item. Its monitoring entries stay as they are (history), unshown."""
    records.delete(session, item)


def move_item(session: Session, item: m.ActionPlanItem, index: int) -> None:
    """Put an item at ``index`` (0 first; clamped) among its recommendation's live items."""
    rec = records.get(session, m.Recommendation, item.recommendation_id)
    ordered = [i for i in items(session, rec) if i.id != item.id]
    ordered.insert(max(0, min(index, len(ordered))), item)
    for position, row in enumerate(ordered):
        if row.position != position:
            records.update(session, row, position=position)


def _item_fields(session: Session, inspection_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Refuse the superseded fields in words; turn a typed "by when" into date and words.

    A refusal here lists the other fields' problems too, so every mistake shows at once.
    """
    problems = [
        f"action-plan item: {name.replace('_', ' ')} is now kept in {where}"
        for name, where in SUPERSEDED.items()
        if name in fields
    ]
    clean = dict(fields)
    typed = clean.get("by_when")
    if isinstance(typed, str):
        try:
            clean["by_when"], clean["by_when_words"] = parse_by_when(typed)
        except ValueError as exc:
            problems.append(f"action-plan item: by when: {exc}")
    elif "by_when" in clean and "by_when_words" not in clean:
        clean["by_when_words"] = ""  # a plain date replaces any words
    if problems:
        rest = {k: v for k, v in clean.items() if k not in SUPERSEDED and k != "by_when"}
        try:
            records.validate(session, m.ActionPlanItem, inspection_id, rest)
        except ValidationError as exc:
            problems += exc.problems
        raise ValidationError(problems)
    return clean


# ---------------------------------------------------------------------------
# Monitoring rounds
# ---------------------------------------------------------------------------


def rounds(session: Session, inspection_id: str) -> list[m.MonitoringRound]:
    """Live rounds, oldest first (by date, then creation)."""
    rows = records.live(session, m.MonitoringRound, inspection_id=inspection_id)
    return sorted(rows, key=round_order)


def round_order(round_: m.MonitoringRound) -> tuple[date, Any, str]:
    return (round_.held_on or date.min, round_.created_at, round_.id)


def start_round(
    session: Session, inspection_id: str, held_on: date | str, title: str
) -> m.MonitoringRound:
    """A new round held on ``held_on`` (a date, or typed as :func:`.dates.parse_day` takes)."""
    day = _round_day(held_on)
    records.get(session, m.Inspection, inspection_id)
    return records.create(
        session,
        m.MonitoringRound,
        parent={"inspection_id": inspection_id},
        held_on=day,
        title=title,
    )


def update_round(session: Session, round_: m.MonitoringRound, **fields: Any) -> m.MonitoringRound:
    if "held_on" in fields:
        fields["held_on"] = _round_day(fields["held_on"])
    return records.update(session, round_, **fields)


def delete_round(session: Session, round_: m.MonitoringRound) -> None:
    """Tombstone a round and its entries (an entry means nothing without its round)."""
    for entry in records.live(session, m.MonitoringEntry, round_id=round_.id):
        records.delete(session, entry)
    records.delete(session, round_)


def entry_id(round_id: str, item_id: str) -> str:
    return derived_row_id("monitoring_entry", round_id=round_id, item_id=item_id)


def record_entry(
    session: Session, round_: m.MonitoringRound, item: m.ActionPlanItem, **fields: Any
) -> m.MonitoringEntry:
    """Write what the panel saw of ``item`` in ``round_`` (progress_note, status, evidence)."""
    _live(round_)
    _live(item)
    if item.inspection_id != round_.inspection_id:
        raise ValidationError(["monitoring entry: that item belongs to another inspection"])
    parent = {"inspection_id": round_.inspection_id, "round_id": round_.id, "item_id": item.id}
    return records.upsert(session, m.MonitoringEntry, entry_id(round_.id, item.id), parent, fields)


def entries(session: Session, round_: m.MonitoringRound) -> list[m.MonitoringEntry]:
    return records.live(session, m.MonitoringEntry, round_id=round_.id)


def _round_day(value: date | str | None) -> date:
    if isinstance(value, date):
        return value
    try:
        return parse_day(value or "")
    except ValueError:
        raise ValidationError(
            [f"monitoring round: the date it was held on is needed. {DATE_FORMS}"]
        ) from None


# ---------------------------------------------------------------------------
# Prospects for improvement
# ---------------------------------------------------------------------------


def prospects_id(inspection_id: str) -> str:
    return derived_row_id("prospects", inspection_id=inspection_id)


def get_prospects(session: Session, inspection_id: str) -> m.Prospects | None:
    row = session.get(m.Prospects, prospects_id(inspection_id))
    return None if row is None or row.is_deleted else row


def set_prospects(session: Session, inspection_id: str, **fields: Any) -> m.Prospects:
    records.get(session, m.Inspection, inspection_id)
    parent = {"inspection_id": inspection_id}
    return records.upsert(session, m.Prospects, prospects_id(inspection_id), parent, fields)


def set_prospects_field(
    session: Session, inspection_id: str, field: str, value: Any
) -> m.Prospects:
    return set_prospects(session, inspection_id, **{field: value})


# ---------------------------------------------------------------------------
# Shared
# ---------------------------------------------------------------------------


def _live(row: m.SyncedRow) -> None:
    if row.is_deleted:
        raise ValidationError([f"this {records.LABELS[type(row)]} has been deleted"])
