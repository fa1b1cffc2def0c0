"""Checks made against this laptop's database before a bundle is merged.

The inspection is the one expected, every reference points at a row of the same inspection,
no unique key would be broken and questionnaire texts agree. Rows arrive in chunks (a file
is never in memory at once), so references and unique keys are gathered chunk by chunk and
only what the file itself cannot answer is looked up here. Each check refuses the whole
file with a reason (see :mod:`.merge`), so a refused file leaves the database as it was;
the checks whose answer another writer could change are made again in the write
transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from . import bundle_format as bf
from .bundle import BundleRefused, local_inspection
from .mergestate import LABELS, TABLES, RowState, chunked, references
from .sql_marks import Sql

Refuse = Callable[[str], BundleRefused]


def check_inspection(
    db: Sql,
    manifest: bf.Manifest,
    here: tuple[str, bool] | None,
    into: str | None,
    allow_new: bool,
    refuse: Refuse,
) -> None:
    title = manifest.inspection_title
    theirs = f"{title!r} ({manifest.inspection_id[:8]})"
    if into is not None and into != manifest.inspection_id:
        mine = local_inspection(db, into)
        name = f"{mine[0]!r} ({into[:8]})" if mine else into[:8]
        raise refuse(f"it is for another inspection, {theirs}, not {name}; nothing was imported")
    if here is not None or into is not None or allow_new:
        return
    ((others,),) = db.run("SELECT count(*) FROM inspection WHERE deleted_at IS NULL")
    if others:
        raise refuse(
            f"it is for another inspection, {theirs}, which is not on this laptop; nothing "
            "was imported (to add it as a new inspection, import it with --new-inspection)"
        )


class References:
    """Every reference points at a row of this inspection, in the file or here.

    ``in_file`` is the reader's set of ids per table, filled as rows arrive. Tables come
    parents first, so a reference to another table is answered at once; one to a later
    row of the same table waits for the end of its table (:meth:`end_table`); the rest
    are looked up on this laptop (:meth:`check_here`).
    """

    def __init__(self, in_file: dict[str, set[str]]) -> None:
        self._in_file = in_file
        self._later: list[tuple[str, str, str, str, str]] = []  # same table, not yet read
        self.here: dict[str, dict[str, tuple[str, str, str]]] = {}  # target -> id -> source

    def add(self, table: str, states: Iterable[RowState]) -> None:
        for state in states:
            for name, target, value in references(state):
                if value in self._in_file.get(target, ()):
                    continue
                if target == table:
                    self._later.append((table, state.id, name, target, value))
                else:
                    self.here.setdefault(target, {}).setdefault(value, (table, state.id, name))

    def end_table(self, table: str) -> None:
        ids = self._in_file.get(table, set())
        for source, row_id, name, target, value in self._later:
            if value not in ids:
                self.here.setdefault(target, {}).setdefault(value, (source, row_id, name))
        self._later = []

    def check_here(self, db: Sql, inspection_id: str, refuse: Refuse) -> None:
        for target, ids in self.here.items():
            key = "id" if target == "inspection" else "inspection_id"
            found: dict[str, str] = {}
            for chunk in chunked(sorted(ids)):
                marks = ", ".join("?" * len(chunk))
                sql = f'SELECT id, "{key}" FROM "{target}" WHERE id IN ({marks})'
                for row_id, owner in db.run(sql, chunk):
                    found[row_id] = owner
            for value, (table, row_id, name) in sorted(ids.items()):
                if found.get(value) != inspection_id:
                    where = "belongs to another inspection" if value in found else "is missing"
                    raise refuse(
                        f"{LABELS[table]} {row_id}: the {LABELS[target]} it points at ({name} "
                        f"{value}) {where}"
                    )


class UniqueKeys:
    """No unique key (such as one interviewer link per interview and member) is broken."""

    def __init__(self) -> None:
        self._owners: dict[tuple[str, str], dict[tuple[Any, ...], str]] = {}

    def check(self, db: Sql, table: str, states: list[RowState], refuse: Refuse) -> None:
        for constraint, columns in TABLES[table].uniques:
            if not states:
                continue
            owners = self._owners.setdefault((table, constraint), {})
            keys: dict[tuple[Any, ...], str] = {}
            for state in states:
                key = tuple(state.row[c] for c in columns)
                other = owners.setdefault(key, state.id)
                if other != state.id:
                    raise refuse(
                        f"two {LABELS[table]} rows ({other}, {state.id}) for the same {', '.join(columns)}"
                    )
                keys[key] = state.id
            names = ", ".join(f'"{c}"' for c in columns)
            for chunk in chunked(sorted({k[0] for k in keys})):
                marks = ", ".join("?" * len(chunk))
                sql = f'SELECT id, {names} FROM "{table}" WHERE "{columns[0]}" IN ({marks})'
                for row in db.run(sql, chunk):
                    owner = keys.get(tuple(row[1:]))
                    if owner is not None and owner != row[0]:
                        raise refuse(
                            f"{LABELS[table]} {owner} and {row[0]} (here) are two rows for the "
                            f"same {', '.join(columns)}"
                        )


def check_questionnaires(
    db: Sql,
    inspection_id: str,
    copies: Iterable[tuple[str, str, str]],
    refuse: Refuse,
) -> None:
    """One text per questionnaire version: a changed questionnaire needs a new version.

    ``copies``: (questionnaire id, version, sha256) of the file's questionnaire copies.
    """
    rows = db.run(
        "SELECT questionnaire_id, version, sha256 FROM questionnaire_copy WHERE inspection_id = ?",
        (inspection_id,),
    )
    known = {(q, v): sha for q, v, sha in rows}
    for qid, version, sha in copies:
        if known.setdefault((qid, version), sha) != sha:
            raise refuse(
                f"questionnaire {qid!r} version {version} in the file differs from the copy "
                "this inspection already has; a changed questionnaire needs a new version"
            )
