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

Conflicts: :func:`list_conflicts` and :func:`resolve_conflict` (in :mod:`.merge_conflicts`,
re-exported here). Resolving writes a new version stamped by this laptop (an ordinary
edit), so the decision travels in the next kit or return file and settles the conflict on
every laptop that had it. The checks of step 2 are in :mod:`.merge_checks`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from . import settings
from .bundle import Bundle, BundleRefused, StampBound, local_inspection, read_bundle
from .merge_checks import check_inspection, check_questionnaires, check_references, check_unique
from .merge_conflicts import (
    ConflictView,
    conflicts_by_prefix,
    list_conflicts,
    resolve_conflict,
)
from .mergestate import (
    LABELS,
    Inconsistent,
    RowState,
    Stored,
    WriteCounts,
    join,
    load_stored,
    open_conflicts,
    write_states,
)
from .store import Store

__all__ = [
    "ConflictView",
    "FileResult",
    "ImportProgress",
    "conflicts_by_prefix",
    "import_bundle",
    "import_bundles",
    "list_conflicts",
    "merge_bundle",
    "resolve_conflict",
]

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
            bundle = read_bundle(path, StampBound.for_clock(store.clock))
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
    bundle = read_bundle(path, StampBound.for_clock(store.clock))
    return merge_bundle(store, bundle, into=into, allow_new=allow_new)


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
        check_inspection(session, bundle, here, into, allow_new, refuse)
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
        check_references(session, inspection_id, plans, refuse)
        check_unique(session, plans, refuse)
        check_questionnaires(session, inspection_id, plans, refuse)
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
