"""Importing bundle files, and the conflicts a merge leaves for the coordinator.

:func:`import_bundles` takes the files an inspector or coordinator chose and merges each
one in its own write transaction:

1. :func:`tenant_inspect.bundle.read_bundle` checks the file itself (zip, names, sizes,
   checksums, format version, JSON, types) — nothing is open for writing yet;
2. inside ``Store.write()`` and before anything is written: the inspection is the one
   expected, rows here and in the file are copies of the same rows, every reference
   points at a row of the same inspection, no unique key would be broken, questionnaire
   texts agree;
3. every row is joined with its local copy (:func:`tenant_inspect.mergestate.join`) and
   the results written with plain SQL statements (so the store does not re-stamp them),
   open conflicts kept in step; then the clock is advanced past every imported stamp.

A refused file leaves the database exactly as it was; the other files still import
(merges are idempotent and order-free, so importing the corrected file later gives the
same result as importing it with the others). Each file gets one line: added / updated /
unchanged / conflicts, or the reason it was refused.

Conflicts: :func:`list_conflicts` and :func:`resolve_conflict`. Resolving writes a new
version stamped by this laptop (an ordinary edit), so the decision travels in the next
kit or return file and settles the conflict on every laptop that had it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import UniqueConstraint, delete, func, select, update
from sqlmodel import Session

from . import models as m
from . import records, settings
from .bundle import Bundle, BundleRefused, local_inspection, read_bundle
from .errors import NotFound, UserError, ValidationError
from .mergestate import (
    CONFLICT_TABLE,
    LABELS,
    MODELS,
    TABLES,
    Inconsistent,
    RowState,
    Stored,
    WriteCounts,
    canonicalize,
    copy_state,
    delete_conflict,
    format_time,
    is_visible,
    join,
    load_stored,
    open_conflicts,
    references,
    same_value,
    stored_state,
    to_plain,
    vec_of,
    write_states,
)
from .store import Store

# ---------------------------------------------------------------------------
# Import
# ---------------------------------------------------------------------------


@dataclass
class FileResult:
    """What importing one file did (or why it was refused)."""

    path: Path
    refused: str | None = None
    inspection_id: str | None = None
    inspection_title: str | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    @property
    def ok(self) -> bool:
        return self.refused is None

    def line(self) -> str:
        """The one line the CLI prints for this file."""
        if self.refused is not None:
            return f"{self.path.name}: refused: {self.refused}"
        plural = "" if self.conflicts == 1 else "s"
        return (
            f"{self.path.name}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.conflicts} conflict{plural}"
        )


@dataclass(frozen=True)
class ImportProgress:
    """Reported before each stage of each file: ``done`` of ``total`` steps are finished."""

    done: int
    total: int
    path: Path
    stage: Literal["checking", "merging", "finished"]


def import_bundles(
    store: Store,
    paths: Sequence[Path | str],
    *,
    into: str | None = None,
    allow_new: bool = False,
    progress: Callable[[ImportProgress], None] | None = None,
) -> list[FileResult]:
    """Import several files, each on its own; refused files are reported, not raised."""
    results: list[FileResult] = []
    total = 2 * len(paths)
    for index, raw in enumerate(paths):
        path = Path(raw)

        def report(step: int, stage: Any, path: Path = path, index: int = index) -> None:
            if progress is not None:
                progress(ImportProgress(2 * index + step, total, path, stage))

        try:
            report(0, "checking")
            bundle = read_bundle(path)
            report(1, "merging")
            results.append(merge_bundle(store, bundle, into=into, allow_new=allow_new))
        except BundleRefused as exc:
            results.append(FileResult(path, refused=exc.reason))
    if progress is not None and paths:
        progress(ImportProgress(total, total, Path(paths[-1]), "finished"))
    return results


def import_bundle(
    store: Store, path: Path | str, *, into: str | None = None, allow_new: bool = False
) -> FileResult:
    """Import one file; raises :class:`BundleRefused` (a UserError) if it is refused."""
    return merge_bundle(store, read_bundle(path), into=into, allow_new=allow_new)


def merge_bundle(
    store: Store, bundle: Bundle, *, into: str | None = None, allow_new: bool = False
) -> FileResult:
    """Merge a verified bundle in one transaction (checks first, then writes)."""
    inspection_id = bundle.inspection_id

    def refuse(reason: str) -> BundleRefused:
        return BundleRefused(bundle.path, reason)

    result = FileResult(
        bundle.path,
        inspection_id=inspection_id,
        inspection_title=bundle.manifest.inspection_title,
    )
    with store.write() as session:
        session.info["preserve_stamps"] = True
        here = local_inspection(session, inspection_id)
        _check_inspection(session, bundle, here, into, allow_new, refuse)
        conflicts = open_conflicts(session, inspection_id)
        plans: dict[str, list[tuple[Stored | None, RowState]]] = {}
        for table, incoming in bundle.states.items():
            stored = load_stored(
                session,
                table,
                [s.id for s in incoming],
                inspection_id=inspection_id,
                conflicts=conflicts,
            )
            pairs: list[tuple[Stored | None, RowState]] = []
            for state in incoming:
                old = stored.get(state.id)
                if (
                    old is not None
                    and table != "inspection"
                    and old.row["inspection_id"] != inspection_id
                ):
                    raise refuse(
                        f"{LABELS[table]} {state.id} belongs to another inspection on this laptop"
                    )
                if old is not None and _same(old, state):
                    pairs.append((old, old.state))
                    continue
                try:
                    pairs.append((old, join(old.state if old else None, state)))
                except Inconsistent as exc:
                    raise refuse(str(exc)) from None
            plans[table] = pairs
        _check_references(session, inspection_id, plans, refuse)
        _check_unique(session, plans, refuse)
        _check_questionnaires(session, inspection_id, plans, refuse)
        counts = WriteCounts()
        for table, pairs in plans.items():
            write_states(session, inspection_id, table, pairs, counts)
        if here is None and bundle.manifest.recipient is not None:
            settings.remember_member(session, inspection_id, bundle.manifest.recipient.member_id)
        exporter = bundle.manifest.exported_by
        if exporter.member_id:
            settings.record_laptop(session, inspection_id, exporter.device_id, exporter.member_id)
    if bundle.max_stamp:
        store.clock.observe(bundle.max_stamp)
    result.added, result.updated = counts.added, counts.updated
    result.unchanged, result.conflicts = counts.unchanged, counts.conflicts
    return result


def _same(stored: Stored, incoming: RowState) -> bool:
    """The fast path: the file says exactly what this laptop already has (a re-import)."""
    state = stored.state
    return (
        state.row == incoming.row
        and state.siblings == incoming.siblings
        and len(stored.conflicts) == sum(len(v) for v in state.siblings.values())
    )


def _check_inspection(
    session: Session,
    bundle: Bundle,
    here: tuple[str, bool] | None,
    into: str | None,
    allow_new: bool,
    refuse: Callable[[str], BundleRefused],
) -> None:
    title = bundle.manifest.inspection_title
    theirs = f"{title!r} ({bundle.inspection_id[:8]})"
    if into is not None and into != bundle.inspection_id:
        mine = local_inspection(session, into)
        name = f"{mine[0]!r} ({into[:8]})" if mine else into[:8]
        raise refuse(f"it is for another inspection, {theirs}, not {name}; nothing was imported")
    if here is not None or into is not None or allow_new:
        return
    t = TABLES["inspection"].table
    others = session.execute(
        select(func.count()).select_from(t).where(t.c.deleted_at.is_(None))
    ).scalar_one()
    if others:
        raise refuse(
            f"it is for another inspection, {theirs}, which is not on this laptop; nothing "
            "was imported (to add it as a new inspection, import it with --new-inspection)"
        )


def _check_references(
    session: Session,
    inspection_id: str,
    plans: dict[str, list[tuple[Stored | None, RowState]]],
    refuse: Callable[[str], BundleRefused],
) -> None:
    """Every reference points at a row of this inspection, in the file or here."""
    in_file = {table: {s.id for _, s in pairs} for table, pairs in plans.items()}
    wanted: dict[str, dict[str, tuple[str, str, str]]] = {}
    for table, pairs in plans.items():
        for _, state in pairs:
            for name, target, value in references(state):
                if value not in in_file[target]:
                    wanted.setdefault(target, {}).setdefault(value, (table, state.id, name))
    for target, ids in wanted.items():
        t = TABLES[target].table
        found: dict[str, str] = {}
        id_list = sorted(ids)
        for i in range(0, len(id_list), 900):
            chunk = id_list[i : i + 900]
            key = t.c.id if target == "inspection" else t.c.inspection_id
            for row_id, owner in session.execute(select(t.c.id, key).where(t.c.id.in_(chunk))):
                found[row_id] = owner
        for value, (table, row_id, name) in sorted(ids.items()):
            if found.get(value) != inspection_id:
                where = "belongs to another inspection" if value in found else "is missing"
                raise refuse(
                    f"{LABELS[table]} {row_id}: the {LABELS[target]} it points at ({name} "
                    f"{value}) {where}"
                )


def _check_unique(
    session: Session,
    plans: dict[str, list[tuple[Stored | None, RowState]]],
    refuse: Callable[[str], BundleRefused],
) -> None:
    """No unique key (such as one interviewer link per interview and member) is broken."""
    for table, pairs in plans.items():
        info = TABLES[table]
        for constraint in info.table.constraints:
            if not isinstance(constraint, UniqueConstraint):
                continue
            columns = [c.name for c in constraint.columns]
            owners: dict[tuple[Any, ...], str] = {}
            for _, state in pairs:
                key = tuple(state.row[c] for c in columns)
                other = owners.setdefault(key, state.id)
                if other != state.id:
                    raise refuse(
                        f"two {LABELS[table]} rows ({other}, {state.id}) for the same {', '.join(columns)}"
                    )
            if not owners:
                continue
            first = info.table.c[columns[0]]
            values = sorted({k[0] for k in owners})
            for i in range(0, len(values), 900):
                query = select(info.table.c.id, *(info.table.c[c] for c in columns)).where(
                    first.in_(values[i : i + 900])
                )
                for row in session.execute(query):
                    owner = owners.get(tuple(row[1:]))
                    if owner is not None and owner != row[0]:
                        raise refuse(
                            f"{LABELS[table]} {owner} and {row[0]} (here) are two rows for the "
                            f"same {', '.join(columns)}"
                        )


def _check_questionnaires(
    session: Session,
    inspection_id: str,
    plans: dict[str, list[tuple[Stored | None, RowState]]],
    refuse: Callable[[str], BundleRefused],
) -> None:
    """One text per questionnaire version: a changed questionnaire needs a new version."""
    t = TABLES["questionnaire_copy"].table
    query = select(t.c.questionnaire_id, t.c.version, t.c.sha256).where(
        t.c.inspection_id == inspection_id
    )
    known = {(q, v): sha for q, v, sha in session.execute(query)}
    for _, state in plans["questionnaire_copy"]:
        key = (state.row["questionnaire_id"], state.row["version"])
        if known.setdefault(key, state.row["sha256"]) != state.row["sha256"]:
            raise refuse(
                f"questionnaire {key[0]!r} version {key[1]} in the file differs from the copy "
                "this inspection already has; a changed questionnaire needs a new version"
            )


# ---------------------------------------------------------------------------
# Conflicts
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictView:
    """One conflict as the coordinator sees it.

    ``kind`` "edit": two laptops changed ``field`` of the row since they last exchanged
    files; the row shows ``current_value`` and ``other_value`` is the version not shown.
    ``kind`` "delete": the row was deleted on one laptop while ``changed_fields`` were
    changed on another; keeping "other" restores it.
    """

    id: str
    kind: str
    table: str
    label: str
    row_id: str
    row_title: str
    field: str
    current_value: Any
    current_hlc: str
    other_value: Any
    other_hlc: str
    changed_fields: tuple[str, ...]
    resolved: bool
    resolution: str

    @property
    def other_device(self) -> str:
        return self.other_hlc[19:]

    def describe(self) -> str:
        """One line for lists and the CLI."""
        what = (
            f"{self.label} {self.row_title!r}"
            if self.row_title
            else f"{self.label} {self.row_id[:8]}"
        )
        if self.kind == "delete":
            return f"{what} was deleted on one laptop but changed on another ({', '.join(self.changed_fields)})"
        return f"{what}: {self.field.replace('_', ' ')} changed on two laptops"


def _title(table: str, row: Any) -> str:
    for name in ("title", "name", "interviewee_role", "text", "question_key", "grade"):
        value = getattr(row, name, None)
        if isinstance(value, str) and value.strip():
            value = " ".join(value.split())
            return value if len(value) <= 60 else value[:57] + "..."
    return ""


def list_conflicts(
    session: Session, inspection_id: str, *, include_resolved: bool = False
) -> list[ConflictView]:
    """Conflicts of one inspection, open ones only unless asked (twins are never listed)."""
    query = select(m.Conflict).where(m.Conflict.inspection_id == inspection_id)  # type: ignore[arg-type]
    if not include_resolved:
        query = query.where(m.Conflict.resolved_at.is_(None))  # type: ignore[union-attr]
    order = {name: i for i, name in enumerate(MODELS)}
    views: list[ConflictView] = []
    for c in session.scalars(query):
        model = MODELS.get(c.table_name)
        row = session.get(model, c.row_id) if model is not None else None
        if row is None:
            continue
        plain = to_plain(TABLES[c.table_name], _mapping(row))
        open_ = c.resolved_at is None
        if c.kind == "edit":
            current = plain.get(c.field)
            if open_ and not is_visible(c.field, c.other_value, current):
                continue  # a twin (the same value written twice) or an empty one
            changed: tuple[str, ...] = ()
        else:
            current = plain["deleted_at"]
            changed = _changed_since_deletion(session, c.table_name, plain)
        views.append(
            ConflictView(
                id=c.id,
                kind=c.kind,
                table=c.table_name,
                label=LABELS[c.table_name],
                row_id=c.row_id,
                row_title=_title(c.table_name, row),
                field=c.field,
                current_value=current if open_ else c.kept_value,
                current_hlc=plain["field_clocks"].get(c.field, "") if open_ else c.kept_hlc,
                other_value=c.other_value,
                other_hlc=c.other_hlc,
                changed_fields=changed,
                resolved=not open_,
                resolution=c.resolution,
            )
        )
    views.sort(key=lambda v: (order.get(v.table, 99), v.row_id, v.field, v.other_hlc, v.id))
    return views


def _mapping(row: m.SyncedRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in TABLES[str(type(row).__tablename__)].columns}


def _changed_since_deletion(session: Session, table: str, plain: dict[str, Any]) -> tuple[str, ...]:
    """The fields changed on another laptop while this row was deleted here (or vice versa)."""
    inspection_id = plain["id"] if table == "inspection" else plain["inspection_id"]
    conflicts = open_conflicts(session, inspection_id, table).get((table, plain["id"]), [])
    found = delete_conflict(stored_state(table, plain, conflicts))
    return found.fields if found else ()


Keep = Literal["kept", "other", "merged"]


def resolve_conflict(
    session: Session, conflict_id: str, keep: Keep, merged_text: str | None = None
) -> ConflictView:
    """Settle a conflict: keep the shown value ("kept"), the other one, or a merged text.

    The decision is an ordinary edit stamped by this laptop, so it travels in the next
    kit or return file and supersedes both versions everywhere. Call inside
    ``Store.write()``. Other open conflicts on the same field stay open.
    """
    if keep not in ("kept", "other", "merged"):
        raise UserError(f"keep must be 'kept', 'other' or 'merged', not {keep!r}")
    session.flush()
    conflict = session.get(m.Conflict, conflict_id)
    if conflict is None:
        raise NotFound(f"no conflict with id {conflict_id}")
    if conflict.resolved_at is not None:
        raise UserError("that conflict has already been resolved")
    table = conflict.table_name
    info = TABLES.get(table)
    if info is None:
        raise UserError(f"that conflict is about an unknown table {table!r}")
    clock = session.info.get("clock")
    if clock is None:
        raise UserError("resolve conflicts inside a write session of the store")
    stored = load_stored(session, table, [conflict.row_id], inspection_id=conflict.inspection_id)
    if conflict.row_id not in stored:
        raise NotFound(f"the {LABELS[table]} of that conflict no longer exists")
    old = stored[conflict.row_id]
    state = copy_state(old.state)
    name = conflict.field
    stamp = clock.now()
    now = format_time(m.utcnow())
    removed: set[str] = set()  # sibling stamps this decision settles
    if conflict.kind == "delete":
        if keep == "merged":
            raise UserError("a deleted row cannot be merged: keep it deleted, or restore it")
        name = "deleted_at"
        value: Any = now if keep == "kept" else None
        removed = set(state.siblings.get(name, {}))
    else:
        current = state.row.get(name)
        if keep == "kept":
            value = current
        elif keep == "other":
            value = conflict.other_value
        else:
            value = _merged_value(session, info.model, state, name, merged_text)
        # Settled too: versions saying the same as either side, and the hidden ones.
        for other_stamp, other_value in state.siblings.get(name, {}).items():
            if (
                other_stamp == conflict.other_hlc
                or same_value(name, other_value, conflict.other_value)
                or not is_visible(name, other_value, current)
            ):
                removed.add(other_stamp)
    context = state.context(name)
    row_context = state.row_context()
    sibs = {s: v for s, v in state.siblings.get(name, {}).items() if s not in removed}
    state.siblings = {**state.siblings, name: sibs}
    state.row[name] = value
    state.row["field_clocks"][name] = stamp
    state.row["field_seen"][name] = sorted({**context}.values())
    state.row["hlc"] = max(state.row["hlc"], stamp)
    state.row["updated_at"] = now
    if name == "deleted_at" and value is not None:
        state.row["deleted_seen"] = {
            **state.row["deleted_seen"],
            stamp: sorted(vec_of([*row_context.values(), stamp]).values()),
        }
    canonicalize(state)
    # Conflict rows this decision settles: visible ones are marked resolved (history);
    # twins were never shown and simply go.
    ct = CONFLICT_TABLE
    resolved_at = m.utcnow()
    for c in old.conflicts:
        settles = c.id == conflict.id or (
            c.kind == "edit" and c.field == name and c.other_hlc in removed
        )
        if not settles:
            continue
        visible = c.id == conflict.id or is_visible(name, c.other_value, c.kept_value)
        if visible:
            session.execute(
                update(ct).where(ct.c.id == c.id).values(resolved_at=resolved_at, resolution=keep)
            )
        else:
            session.execute(delete(ct).where(ct.c.id == c.id))
    remaining = [
        c
        for c in old.conflicts
        if not (
            c.id == conflict.id or (c.kind == "edit" and c.field == name and c.other_hlc in removed)
        )
    ]
    write_states(
        session,
        conflict.inspection_id,
        table,
        [(Stored(old.row, remaining, old.state), state)],
        WriteCounts(),
    )
    _expire(session, info.model, conflict.row_id)
    session.expire(conflict)
    views = list_conflicts(session, conflict.inspection_id, include_resolved=True)
    return next(v for v in views if v.id == conflict.id)


def _merged_value(
    session: Session, model: type[m.SyncedRow], state: RowState, name: str, text: str | None
) -> str:
    if text is None:
        raise UserError("give the merged text")
    if not isinstance(state.row.get(name), str):
        raise UserError(f"{name.replace('_', ' ')} is not text, so it cannot be merged; keep one")
    if name in records.RULES[model]:
        records.validate(session, model, state.row.get("inspection_id"), {name: text})
    elif len(text) > 100_000:
        raise ValidationError([f"{name.replace('_', ' ')} is too long"])
    return text


def _expire(session: Session, model: type[m.SyncedRow], row_id: str) -> None:
    """Objects the caller already loaded must not show the values from before the decision."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, model) and obj.id == row_id:
            session.expire(obj)


def conflicts_by_prefix(
    session: Session, inspection_ids: Iterable[str], prefix: str
) -> ConflictView:
    """An open conflict by id or unique id prefix (for the CLI)."""
    prefix = prefix.strip().lower()
    matches = [
        v
        for inspection_id in inspection_ids
        for v in list_conflicts(session, inspection_id)
        if v.id.startswith(prefix)
    ]
    if not prefix or not matches:
        raise NotFound(f"no open conflict has an id starting with '{prefix}'")
    if len(matches) > 1:
        raise NotFound(f"'{prefix}' matches more than one conflict; type more of the id")
    return matches[0]
