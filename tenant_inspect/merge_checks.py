"""Checks made before a bundle is merged, inside the write transaction but before any write.

The inspection is the one expected, every reference points at a row of the same inspection,
no unique key would be broken and questionnaire texts agree. Each check refuses the whole
file with a reason (see :mod:`.merge`), so a refused file leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import UniqueConstraint, func, select
from sqlmodel import Session

from .bundle import Bundle, BundleRefused, local_inspection
from .mergestate import (
    LABELS,
    TABLES,
    RowState,
    Stored,
    references,
)


def check_inspection(
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


def check_references(
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


def check_unique(
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


def check_questionnaires(
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
