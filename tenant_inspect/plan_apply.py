"""Taking the landlord's workbook in: check against the stored plan, write only what changed.

The rules (issue 12, "round trip with the landlord"):

* **Everything or nothing.** The rows are checked and written in one ``Store.write()``
  transaction through the services of :mod:`.action_plan` (so validation, stamps and
  derived ids are the app's own); every problem — the reader's and the services' — is
  collected, and if there is any the transaction is rolled back and they are all listed.
* **Per field, the workbook wins where it differs.** A field is written only when the
  cell differs from the stored value *and* from the stored value as it was sent
  (redacted: :func:`.plan_export.redactor_for_plan`). Importing the same file twice
  therefore changes nothing, and a later version of the file changes only what the
  landlord changed in it since.
* **Rows the landlord added** (no item id) become new items at the end of their
  recommendation, not started unless a status is given. A row without an id whose outcome
  and action (with neither: its progress and "how we know") are those of an item the
  recommendation already has is that item, so importing the same file again adds nothing.
* **Nothing is deleted.** An item missing from the workbook is left as it is (a deleted
  row is more often a slip than a decision); the panel deletes items in the app.
* **Another inspection's workbook is refused** before any row is looked at.
* **History.** The stamps of every written field say when it changed, like any edit; and
  each import that changed something is remembered on this laptop (when, which file, the
  summary lines: :func:`import_log`), which ``action-plan status`` shows. Local on purpose:
  the file came to this laptop; what it changed travels in the rows themselves.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import plan_sheet as ps
from .errors import NotFound, UserError, ValidationError
from .plan_import import ItemRow, ParsedPlan, PlanRefused, RecRow, read_workbook

if TYPE_CHECKING:
    from sqlmodel import Session

    from . import models as m
    from .report.redact import Redactor
    from .store import Store

#: Field -> how a change is said in the summary.
FIELD_WORDS = {
    "reason": "reason",
    "responsible_role": "responsible officer",
    "sponsor_role": "executive sponsor",
    "costs": "costs",
    "customer_say": "how customers will have a say",
}


@dataclass
class RecChanges:
    """What one import changed for one recommendation, for the summary line."""

    ref: str
    response: list[str] = field(default_factory=list)
    added: int = 0
    fields: Counter[str] = field(default_factory=Counter)  # "status" -> items changed

    def words(self) -> str:
        parts = list(self.response)
        if self.added:
            parts.append(f"{self.added} item{'s' if self.added != 1 else ''} added")
        for what, n in self.fields.items():
            parts.append(f"{n} item{'s' if n != 1 else ''}'{'' if n != 1 else 's'} {what} changed")
        return f"{self.ref}: " + "; ".join(parts)

    @property
    def changed(self) -> int:
        return len(self.response) + self.added + sum(self.fields.values())


@dataclass(frozen=True)
class ImportResult:
    inspection_id: str
    title: str
    changes: tuple[RecChanges, ...]

    @property
    def changed(self) -> int:
        return sum(c.changed for c in self.changes)

    def lines(self) -> list[str]:
        return [c.words() for c in self.changes if c.changed]


def import_plan(store: Store, path: Path, inspection: str | None = None) -> ImportResult:
    """Import the workbook at ``path``; ``inspection`` (an id or prefix) must match it if given."""
    plan = read_workbook(path)
    with store.write() as session:
        result = apply_plan(session, plan, path, inspection)
    return result


def apply_plan(
    session: Session, plan: ParsedPlan, path: Path, inspection: str | None = None
) -> ImportResult:
    """Check and write ``plan`` in ``session``; raises :class:`PlanRefused` (roll it back)."""
    from . import analysis
    from .plan_export import plan_texts, redactor_for_plan

    target = _inspection(session, plan, path, inspection)
    recs = {r.id: r for r in analysis.recommendations(session, target.id)}
    from .views.action_plan_read import load_action_plan

    redactor = redactor_for_plan(session, target.id)
    stored = load_action_plan(session, target.id, date.today()).recommendations
    redactor.learn(plan_texts(stored))
    problems = list(plan.problems)
    changes: dict[str, RecChanges] = {}
    seen: dict[str, int] = {}
    for row in plan.recs:
        if not row.rec_id:
            continue  # already a problem
        rec = recs.get(row.rec_id)
        if rec is None:
            problems.append(
                f"{plan.where(row.row, 'rec_id')}: the hidden recommendation id is not one of "
                "this inspection's recommendations; it was changed or the row was copied "
                "from another workbook — use the rows as they were sent"
            )
            continue
        if row.rec_id in seen:
            problems.append(
                f"{plan.where(row.row)}: {row.ref or 'this recommendation'} appears twice "
                f"(also row {seen[row.rec_id]}); keep one of them"
            )
            continue
        seen[row.rec_id] = row.row
        out = changes.setdefault(rec.id, RecChanges(f"R{rec.number}"))
        _response(session, rec, row, plan, redactor, out, problems)
    for item_row in plan.items:
        rec = recs.get(item_row.rec_id)
        if rec is None or item_row.rec_id not in seen:
            continue  # its recommendation row is already a problem
        out = changes.setdefault(rec.id, RecChanges(f"R{rec.number}"))
        _item(session, rec, item_row, plan, redactor, out, problems)
    if problems:
        raise PlanRefused(path, problems)
    done = [changes[k] for k in changes if changes[k].changed]
    if done:
        _log(session, target.id, path, [c.words() for c in done])
    order = {r.id: (r.number, r.position) for r in recs.values()}
    return ImportResult(
        target.id, target.title, tuple(changes[k] for k in sorted(changes, key=order.__getitem__))
    )


#: How many imports :func:`import_log` remembers per inspection.
LOG_LENGTH = 50


def log_key(inspection_id: str) -> str:
    return f"plan_imports:{inspection_id}"


def import_log(session: Session, inspection_id: str) -> list[dict[str, Any]]:
    """The imports that changed something, oldest first: {"at", "file", "changes"}."""
    from . import settings

    try:
        entries = json.loads(settings.get(session, log_key(inspection_id)) or "[]")
    except ValueError:
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _log(session: Session, inspection_id: str, path: Path, lines: list[str]) -> None:
    from . import settings

    entry = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "file": path.name,
             "changes": lines}  # fmt: skip
    entries = [*import_log(session, inspection_id), entry][-LOG_LENGTH:]
    settings.put(session, log_key(inspection_id), json.dumps(entries, ensure_ascii=False))


def _inspection(session: Session, plan: ParsedPlan, path: Path, given: str | None) -> m.Inspection:
    from .inspections import get_inspection

    named = f"“{plan.title}”, id {plan.inspection_id[:8]}"
    if given is not None:
        target = get_inspection(session, given)
        if target.id != plan.inspection_id:
            raise UserError(
                f"{path}: refused: this workbook is for another inspection ({named}), not "
                f"“{target.title}” ({target.id[:8]}); nothing was changed"
            )
        return target
    try:
        return get_inspection(session, plan.inspection_id) if plan.inspection_id else _none()
    except NotFound:
        raise UserError(
            f"{path}: refused: this workbook is for an inspection that is not on this "
            f"laptop ({named}); nothing was changed"
        ) from None


def _none() -> m.Inspection:
    raise NotFound("the workbook names no inspection")


def _same(typed: Any, stored: Any, redactor: Redactor) -> bool:
    """Unchanged: equal to the stored value, or to it as sent (names redacted)."""
    if typed == stored:
        return True
    if isinstance(typed, str) and isinstance(stored, str):
        return typed.strip() == stored.strip() or typed == redactor(stored)
    return False


def _response(
    session: Session,
    rec: m.Recommendation,
    row: RecRow,
    plan: ParsedPlan,
    redactor: Redactor,
    out: RecChanges,
    problems: list[str],
) -> None:
    from . import action_plan

    stored = action_plan.get_response(session, rec)
    changed = {
        f: v
        for f, v in row.fields.items()
        if not _same(v, getattr(stored, f) if stored is not None else "", redactor)
    }
    if not changed:
        return
    try:
        action_plan.set_response(session, rec, **changed)
    except ValidationError as exc:
        problems += [f"{plan.where(row.row)}: {p}" for p in exc.problems]
        return
    for f, v in changed.items():
        if f == "response":
            out.response.append(f"response changed to {ps.RESPONSE_WORDS_BY_KEY.get(v, 'none')}")
        else:
            out.response.append(f"{FIELD_WORDS.get(f, f)} changed")


def _item(
    session: Session,
    rec: m.Recommendation,
    row: ItemRow,
    plan: ParsedPlan,
    redactor: Redactor,
    out: RecChanges,
    problems: list[str],
) -> None:
    from . import action_plan
    from . import models as m

    existing: m.ActionPlanItem | None = None
    if row.item_id:
        existing = session.get(m.ActionPlanItem, row.item_id)
        if existing is None or existing.recommendation_id != rec.id:
            problems.append(
                f"{plan.where(row.row, 'item_id')}: the hidden item id is not one of "
                f"R{rec.number}'s items; it was changed or the row was copied from another "
                "recommendation — use the rows as they were sent, or clear the id to add "
                "the row as a new item"
            )
            return
        if existing.is_deleted:
            return  # deleted by the panel since the workbook was sent: stays deleted
    else:
        existing = _same_item(action_plan.items(session, rec), row.fields)
    if existing is None:
        fields = {k: v for k, v in row.fields.items() if v not in ("", None)}
        fields.setdefault("status", "not_started")
        try:
            action_plan.add_item(session, rec, **fields)
        except ValidationError as exc:
            problems += [f"{plan.where(row.row)}: {p}" for p in exc.problems]
            return
        out.added += 1
        return
    if row.status_blank and row.item_id:  # an added row's status may stay empty: not started
        problems.append(
            f"{plan.where(row.row, 'status')}: the status is empty; choose "
            + ", ".join(ps.STATUS_CHOICES)
        )
    changed = {
        f: v
        for f, v in row.fields.items()
        if f != "by_when_words" and not _same(v, getattr(existing, f), redactor)
    }
    if "by_when_words" in row.fields and row.fields["by_when_words"] != existing.by_when_words:
        changed["by_when"] = row.fields["by_when"]
    if "by_when" in changed:
        changed["by_when_words"] = row.fields.get("by_when_words", "")
    if not changed:
        return
    try:
        action_plan.update_item(session, existing, **changed)
    except ValidationError as exc:
        problems += [f"{plan.where(row.row)}: {p}" for p in exc.problems]
        return
    for f in changed:
        if f != "by_when_words":
            out.fields[_ITEM_WORDS.get(f, f.replace("_", " "))] += 1


_ITEM_WORDS = {
    "key_outcomes": "outcome",
    "key_actions": "action",
    "by_when": "by when",
    "progress": "progress",
    "how_we_know": "how we know",
    "status": "status",
}


def _same_item(items: list[m.ActionPlanItem], fields: dict[str, Any]) -> m.ActionPlanItem | None:
    """The item with this row's outcome and action, if the recommendation has one.

    A row with neither is matched on all its texts, so even such a row is added once.
    """
    names = ["key_outcomes", "key_actions"]
    if not any(_fold(fields.get(n)) for n in names):
        names += ["progress", "how_we_know"]
    key = tuple(_fold(fields.get(n)) for n in names)
    if not any(key):
        return None
    return next((i for i in items if tuple(_fold(getattr(i, n)) for n in names) == key), None)


def _fold(text: Any) -> str:
    return " ".join(str(text or "").split()).casefold()
