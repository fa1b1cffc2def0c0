"""Importing bundle files, and the conflicts a merge leaves for the coordinator.

:func:`import_bundles` takes the files an inspector or coordinator chose and merges each
one on its own, in two steps, so that the app beside it can keep saving:

1. **Checking**, with no write transaction open: :func:`tenant_inspect.bundle.open_bundle`
   checks the file itself (zip, names, sizes, row limits, checksums, format version) and
   then streams its rows, parents first, in chunks (JSON, types, stamps, derived ids).
   Each chunk is checked against this laptop (:mod:`.merge_checks`: the inspection is the
   one expected, rows here belong to it, references resolve, unique keys hold,
   questionnaire texts agree), joined with the stored rows
   (:func:`tenant_inspect.mergestate.join`) and turned into write plans, which wait in a
   temporary spool. A file at the size limits is never in memory all at once.
2. **Writing**, in one short ``Store.sql_write()`` transaction: the checks another writer
   could have changed meanwhile are made again, every planned row whose stored version
   changed since step 1 (the inspector saved a note) is joined again with what is stored
   now, and the plans are written with plain SQL (so the store does not re-stamp them),
   open conflicts kept in step. Then the clock is advanced past every imported stamp.

A refused file leaves the database exactly as it was; the other files still import
(merges are idempotent and order-free, so importing the corrected file later gives the
same result as importing it with the others). Each file gets one line: added / updated /
unchanged / conflicts, or the reason it was refused.

Conflicts: :func:`~.merge_conflicts.list_conflicts` and
:func:`~.merge_conflicts.resolve_conflict` (in :mod:`.merge_conflicts`, which uses the ORM
session; this module does not, so ``bundle import`` never loads SQLAlchemy). Resolving writes a new version stamped by this laptop (an ordinary
edit), so the decision travels in the next kit or return file and settles the conflict on
every laptop that had it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from . import merged_files, settings
from .bundle import BundleFile, BundleRefused, StampBound, local_inspection, open_bundle
from .bundle.encryption import Unlocked, unlock_all
from .fresh_values import utcnow
from .merge_checks import References, UniqueKeys, check_inspection, check_questionnaires
from .merged_files import FileResult
from .mergestate import (
    LABELS,
    Inconsistent,
    OpenConflict,
    RowPlan,
    RowState,
    Spool,
    Stored,
    WriteCounts,
    apply_plans,
    current_versions,
    format_time,
    join,
    load_stored,
    open_conflicts,
    plan_row,
)
from .sql_marks import Sql
from .store import Store

__all__ = [
    "FileResult",
    "ImportProgress",
    "import_bundle",
    "import_bundles",
]

# ---------------------------------------------------------------------------
# Import
# ---------------------------------------------------------------------------


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
    passphrase: str | None = None,
) -> list[FileResult]:
    """Import several files, each on its own; refused files are reported, not raised.

    ``passphrase`` opens the encrypted ones (:mod:`tenant_inspect.bundle.encryption`),
    all of them before anything is merged: a wrong passphrase raises
    :class:`~tenant_inspect.errors.UserError` and nothing is merged."""
    unlocked = unlock_all([Path(p) for p in paths], passphrase)
    results: list[FileResult] = []
    total = 2 * len(paths)
    for index, raw in enumerate(paths):
        path = Path(raw)

        def report(step: int, stage: Any, path: Path = path, index: int = index) -> None:
            if progress is not None:
                progress(ImportProgress(2 * index + step, total, path, stage))

        try:
            report(0, "checking")
            results.append(
                _import(
                    store, path, into, allow_new, lambda: report(1, "merging"), unlocked.get(path)
                )
            )
        except BundleRefused as exc:
            results.append(FileResult(path, refused=exc.reason))
    if progress is not None and paths:
        progress(ImportProgress(total, total, Path(paths[-1]), "finished"))
    return results


def import_bundle(
    store: Store,
    path: Path | str,
    *,
    into: str | None = None,
    allow_new: bool = False,
    remember: bool = True,
) -> FileResult:
    """Import one file; raises :class:`BundleRefused` (a UserError) if it is refused.

    ``remember=False``: the file's digest is not noted as merged (:mod:`.merged_files`).
    ``sync`` passes it: its bundles are made for one merge and never seen again (each
    manifest holds the moment it was made), so noting them would only fill the settings."""
    return _import(store, Path(path), into, allow_new, None, remember=remember)


#: Rows whose plans are made again inside the write transaction at most; more means most
#: of the file changed here meanwhile (another import finished), and checking the file
#: again outside the transaction keeps it short. The last attempt plans whatever it takes.
REPLAN_LIMIT = 2000
_ATTEMPTS = 3


class _ChangedMeanwhile(Exception):
    """Too many planned rows changed before the write; the transaction is rolled back."""


def _import(
    store: Store,
    path: Path,
    into: str | None,
    allow_new: bool,
    writing: Callable[[], None] | None,
    unlocked: Unlocked | None = None,
    *,
    remember: bool = True,
) -> FileResult:
    digest = merged_files.digest(path) if unlocked is None else unlocked.digest
    if not remember:
        digest = None
    if digest is not None:
        with store.sql_read() as db:
            done = merged_files.lookup(db.run, [digest]).get(digest)
        if done is not None and (into is None or into == done.inspection_id):
            return done.result(path)
    bound = StampBound.for_clock(store.clock)
    for attempt in range(_ATTEMPTS):
        last = attempt == _ATTEMPTS - 1
        data = None if unlocked is None else unlocked.data
        with open_bundle(path, bound, data=data) as source, Spool() as spool:
            merge = _Merge(store, source, into, allow_new, None if last else REPLAN_LIMIT)
            merge.check_and_plan(spool)
            if digest is not None and (data is not None or merged_files.digest(path) == digest):
                merge.digest = digest  # the bytes read are the bytes hashed: record them
            if writing is not None and attempt == 0:
                writing()
            try:
                merge.write(spool)
            except _ChangedMeanwhile:
                continue
        break
    if source.max_stamp:
        store.clock.observe(source.max_stamp)
    counts = merge.counts
    return FileResult(
        path,
        inspection_id=source.inspection_id,
        inspection_title=source.manifest.inspection_title,
        added=counts.added,
        updated=counts.updated,
        unchanged=counts.unchanged,
        conflicts=counts.conflicts,
    )


class _Merge:
    """One file's merge: checked and planned without the write lock, then written."""

    def __init__(
        self,
        store: Store,
        source: BundleFile,
        into: str | None,
        allow_new: bool,
        replan_limit: int | None,
    ) -> None:
        self.store = store
        self.replan_limit = replan_limit
        self.source = source
        self.inspection_id = source.inspection_id
        self.into = into
        self.allow_new = allow_new
        self.counts = WriteCounts()
        self.references = References(source.checks.ids)
        self.copies: list[tuple[str, str, str]] = []  # the file's questionnaire versions
        self.now = format_time(utcnow())
        self.replanned = 0  # plans made again in the write transaction
        self.digest: str | None = None  # recorded as merged with the write (merged_files)

    def refuse(self, reason: str) -> BundleRefused:
        return BundleRefused(self.source.path, reason)

    def check_and_plan(self, spool: Spool) -> None:
        """Step 1 (see the module docstring): no write transaction is open."""
        inspection_id, refuse = self.inspection_id, self.refuse
        unique = UniqueKeys()
        with self.store.sql_read() as db:
            here = local_inspection(db, inspection_id)
            check_inspection(db, self.source.manifest, here, self.into, self.allow_new, refuse)
            conflicts = open_conflicts(db, inspection_id)
            for chunk in self.source.chunks():
                table = chunk.table
                ids = [s.id for s in chunk.states]
                stored = load_stored(
                    db, table, ids, inspection_id=inspection_id, conflicts=conflicts
                )
                merged: list[RowState] = []
                plans: list[RowPlan] = []
                for state in chunk.states:
                    old = self._own(table, stored.get(state.id))
                    if old is not None and _same(old, state):
                        if old.state.row is old.row:  # stored exactly as the file says
                            self.counts.unchanged += 1
                            merged.append(old.state)
                            continue
                        new = old.state  # the file says it; store it in that form too
                    else:
                        new = self._join(old, state)
                    merged.append(new)
                    plan = plan_row(inspection_id, old, new, self.now)
                    self.counts.add(plan)
                    if plan.changes_anything:
                        plans.append(plan)
                self.references.add(table, merged)
                unique.check(db, table, merged, refuse)
                spool.add(table, plans)
                if table == "questionnaire_copy":
                    self.copies += [
                        (s.row["questionnaire_id"], s.row["version"], s.row["sha256"])
                        for s in merged
                    ]
                if chunk.last:
                    self.references.end_table(table)
            check_questionnaires(db, inspection_id, self.copies, refuse)
            self.references.check_here(db, inspection_id, refuse)

    def write(self, spool: Spool) -> None:
        """Step 2: one write transaction, as short as the plans allow."""
        inspection_id, refuse = self.inspection_id, self.refuse
        manifest = self.source.manifest
        with self.store.sql_write() as db:
            here = local_inspection(db, inspection_id)
            check_inspection(db, manifest, here, self.into, self.allow_new, refuse)
            self.references.check_here(db, inspection_id, refuse)
            check_questionnaires(db, inspection_id, self.copies, refuse)
            conflicts = open_conflicts(db, inspection_id)
            for table, plans in spool:
                self._plan_changed_again(db, table, plans, conflicts)
                apply_plans(db, table, plans)
            if here is None and manifest.recipient is not None:
                settings.remember_member(db, inspection_id, manifest.recipient.member_id)
            exporter = manifest.exported_by
            if exporter.member_id:
                settings.record_laptop(
                    db,
                    inspection_id,
                    exporter.device_id,
                    exporter.member_id,
                    here=self.store.device_id,
                )
            c = self.counts
            if self.digest is not None and (c.added or c.updated or c.conflicts):
                # Only a file that changed something is recorded: an import that changes
                # nothing writes nothing (no exit backup, an unchanged database file).
                done = merged_files.MergedFile(
                    inspection_id, manifest.inspection_title, c.added + c.updated + c.unchanged
                )
                settings.put(db, merged_files.key(self.digest), done.encode())

    def _plan_changed_again(
        self,
        db: Sql,
        table: str,
        plans: list[RowPlan],
        conflicts: dict[tuple[str, str], list[OpenConflict]],
    ) -> None:
        """Plans whose row changed since they were made: join the new row with what the
        plan would have written (the join is associative, so that is the merge of the new
        row and the file)."""
        versions = current_versions(db, table, [p.id for p in plans], conflicts)
        stale = [i for i, p in enumerate(plans) if versions.get(p.id) != p.version]
        if not stale:
            return
        self.replanned += len(stale)
        if self.replan_limit is not None and self.replanned > self.replan_limit:
            raise _ChangedMeanwhile
        ids = [plans[i].id for i in stale]
        stored = load_stored(db, table, ids, inspection_id=self.inspection_id, conflicts=conflicts)
        for i in stale:
            old = self._own(table, stored.get(plans[i].id))
            self.counts.add(plans[i], -1)
            plans[i] = plan_row(
                self.inspection_id, old, self._join(old, plans[i].state()), self.now
            )
            self.counts.add(plans[i])

    def _own(self, table: str, old: Stored | None) -> Stored | None:
        """A stored copy, refused if it belongs to another inspection on this laptop."""
        if (
            old is not None
            and table != "inspection"
            and old.row["inspection_id"] != self.inspection_id
        ):
            raise self.refuse(
                f"{LABELS[table]} {old.row['id']} belongs to another inspection on this laptop"
            )
        return old

    def _join(self, old: Stored | None, state: RowState) -> RowState:
        try:
            return join(old.state if old else None, state)
        except Inconsistent as exc:
            raise self.refuse(str(exc)) from None


def _same(stored: Stored, incoming: RowState) -> bool:
    """The fast path: the file says exactly what this laptop already has (a re-import)."""
    state = stored.state
    return (
        state.row == incoming.row
        and state.siblings == incoming.siblings
        and len(stored.conflicts) == sum(len(v) for v in state.siblings.values())
    )
