"""Generic, validated create / update / delete for every synced table.

Each table declares its editable fields once, in :data:`RULES` (in
:mod:`.record_rules`); the entity
services (inspections, fieldwork, analysis) call :func:`create`,
:func:`update` and :func:`delete` so that every path — CLI, TUI, demo, merge
resolution — validates the same way and collects *all* problems into one
:class:`~tenant_inspect.errors.ValidationError` before anything is written.

Deletion is a tombstone (``deleted_at``); rows are never removed, so a
deletion can travel to other laptops and ids are never reused.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from . import edit_bases
from . import models as m
from .errors import NotFound, ValidationError
from .record_rules import LABELS as LABELS
from .record_rules import RULES as RULES
from .record_rules import Choice as Choice
from .record_rules import Day as Day
from .record_rules import Flag as Flag
from .record_rules import Ref as Ref
from .record_rules import Rule as Rule
from .record_rules import Text as Text
from .record_rules import TextList as TextList
from .record_rules import Whole as Whole

T = TypeVar("T", bound=m.SyncedRow)


def _pretty(field: str) -> str:
    return field.removesuffix("_id").replace("_", " ")


def _check(
    session: Session,
    model: type[m.SyncedRow],
    inspection_id: str | None,
    field: str,
    value: Any,
    problems: list[str],
) -> Any:
    """Validate (and lightly normalise) one value; append problems in plain words."""
    rule = RULES[model].get(field)
    label = LABELS[model]
    name = _pretty(field)
    if rule is None:
        problems.append(f"{label}: '{field}' cannot be set here")
        return value
    if isinstance(rule, Text):
        if value is None:
            value = ""
        if not isinstance(value, str):
            problems.append(f"{label}: {name} must be text")
            return value
        if rule.required and not value.strip():
            problems.append(f"{label}: {name} is required")
        if rule.max_len is not None and len(value) > rule.max_len:
            problems.append(
                f"{label}: {name} is too long ({len(value)} characters; the limit is {rule.max_len})"
            )
        return value
    if isinstance(rule, Choice):
        if value in (None, "") and rule.allow_blank:
            return ""
        if value not in rule.values:
            problems.append(
                f"{label}: {name} must be one of {', '.join(rule.values)} (got {value!r})"
            )
        return value
    if isinstance(rule, Flag):
        if not isinstance(value, bool):
            problems.append(f"{label}: {name} must be yes or no")
        return value
    if isinstance(rule, Day):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                problems.append(
                    f"{label}: {name} must be a date written YYYY-MM-DD (got {value!r})"
                )
                return value
        if not isinstance(value, date):
            problems.append(f"{label}: {name} must be a date")
        return value
    if isinstance(rule, Whole):
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{label}: {name} must be a whole number")
        elif not rule.minimum <= value <= rule.maximum:
            problems.append(f"{label}: {name} must be between {rule.minimum} and {rule.maximum}")
        return value
    if isinstance(rule, TextList):
        if value is None:
            return []
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            problems.append(f"{label}: {name} must be a list of texts")
            return value
        if len(value) > rule.max_items:
            problems.append(f"{label}: {name} has too many items (limit {rule.max_items})")
        if any(len(v) > rule.max_len for v in value):
            problems.append(f"{label}: an item of {name} is too long (limit {rule.max_len})")
        return list(value)
    if isinstance(rule, Ref):
        if value in (None, ""):
            if rule.required:
                problems.append(f"{label}: {name} is required")
            return None
        target = session.get(rule.model, value)
        if target is None or target.is_deleted:
            problems.append(f"{label}: no {LABELS[rule.model]} with id {value}")
        elif inspection_id is not None and getattr(target, "inspection_id", None) != inspection_id:
            problems.append(f"{label}: that {LABELS[rule.model]} belongs to another inspection")
        return value
    raise AssertionError(rule)  # pragma: no cover


def validate(
    session: Session,
    model: type[m.SyncedRow],
    inspection_id: str | None,
    fields: dict[str, Any],
) -> dict[str, Any]:
    """Check every field; return normalised values or raise with all problems."""
    problems: list[str] = []
    clean = {k: _check(session, model, inspection_id, k, v, problems) for k, v in fields.items()}
    if problems:
        raise ValidationError(problems)
    return clean


def create(
    session: Session, model: type[T], *, parent: dict[str, Any] | None = None, **fields: Any
) -> T:
    """Validate and add a new row. ``parent`` holds structural ids (not user-editable)."""
    parent = parent or {}
    required = {k for k, r in RULES[model].items() if getattr(r, "required", False)}
    for key in required - fields.keys():
        fields[key] = None if isinstance(RULES[model][key], Ref) else ""
    clean = validate(session, model, parent.get("inspection_id"), fields)
    edit_bases.wrote(session, str(model.__tablename__), clean)
    row = model(**parent, **clean)
    session.add(row)
    session.flush()
    return row


def update(session: Session, row: T, **fields: Any) -> T:
    """Validate and apply changes; unchanged values are not re-stamped.

    A field someone else saved since the editor of this save loaded it is never written
    over unseen (:mod:`.edit_bases`): left as stored if this editor did not change it,
    else written with the stored value kept as an open conflict.
    """
    if row.is_deleted:
        raise ValidationError([f"this {LABELS[type(row)]} has been deleted"])
    clean = validate(session, type(row), getattr(row, "inspection_id", None), fields)
    contested = edit_bases.contested(
        session,
        row,
        clean,
        lambda name, value: validate(
            session, type(row), getattr(row, "inspection_id", None), {name: value}
        )[name],
    )
    for key, value in clean.items():
        if key in contested.stale or key in contested.both:
            continue
        if getattr(row, key) != value:
            setattr(row, key, value)
    session.flush()
    if contested.both:
        edit_bases.keep_both(session, row, contested.both)
    return row


def delete(session: Session, row: m.SyncedRow) -> None:
    """Tombstone a row (idempotent)."""
    if row.deleted_at is None:
        row.deleted_at = m.utcnow()
        session.flush()


def get(session: Session, model: type[T], row_id: str) -> T:
    """A live row by exact id, or NotFound."""
    row = session.get(model, row_id)
    if row is None or row.is_deleted:
        raise NotFound(f"no {LABELS[model]} with id {row_id}")
    return row


def resolve(
    session: Session, model: type[T], prefix: str, *, inspection_id: str | None = None
) -> T:
    """A live row by id or unique id prefix (as the CLI accepts)."""
    prefix = prefix.strip().lower()
    if not prefix:
        raise NotFound(f"give the id of the {LABELS[model]}")
    query = select(model).where(
        col(model.id).startswith(prefix, autoescape=True), col(model.deleted_at).is_(None)
    )
    if inspection_id is not None:
        query = query.where(getattr(model, "inspection_id") == inspection_id)
    matches = session.exec(query.limit(3)).all()
    if not matches:
        raise NotFound(f"no {LABELS[model]} has an id starting with '{prefix}'")
    if len(matches) > 1:
        raise NotFound(
            f"'{prefix}' matches more than one {LABELS[model]}; type more of the id "
            f"({', '.join(r.id[:12] for r in matches[:2])} ...)"
        )
    return matches[0]


def live(session: Session, model: type[T], **where: Any) -> list[T]:
    """Live rows matching simple equality filters, in creation order."""
    query = select(model).where(col(model.deleted_at).is_(None))
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    return list(session.exec(query.order_by(col(model.created_at), col(model.id))).all())


def count_live(session: Session, model: type[m.SyncedRow], **where: Any) -> int:
    query = select(func.count()).select_from(model).where(col(model.deleted_at).is_(None))
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    return int(session.exec(query).one())


def next_position(rows: Iterable[Any]) -> int:
    return max((r.position for r in rows), default=-1) + 1


def upsert(
    session: Session, model: type[T], row_id: str, parent: dict[str, Any], fields: dict[str, Any]
) -> T:
    """Change the derived-id row, making it first if there is none.

    A deleted one (deleted on another laptop, say) is brought back: the write says the
    row is wanted, and its id cannot be used for another.
    """
    row = session.get(model, row_id)
    if row is None:
        return create(session, model, parent={"id": row_id, **parent}, **fields)
    if row.is_deleted:
        validate(session, model, parent.get("inspection_id"), fields)
        row.deleted_at = None
    return update(session, row, **fields)
