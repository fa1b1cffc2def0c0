"""The merge state of a row, and the join that merges two of them.

Every synced row is, for merging, a :class:`RowState`: its columns as plain JSON values
(dates and times as fixed-form text), plus the versions of its fields that are *not*
shown — the open conflicts, called siblings here. Per content field ``f``:

* the **live versions** are the row's value with its stamp ``field_clocks[f]`` plus every
  sibling of ``f``: each version is identified by the stamp (hybrid-logical-clock "dot")
  of the edit that wrote it;
* the **context** is every stamp of ``f`` this laptop has seen, kept as a version vector
  (newest stamp per device): the stamps in ``field_seen[f]``, ``field_clocks[f]`` and the
  siblings. Stamps of one device always grow, so "seen device d up to stamp s" covers all
  of d's earlier edits of the field.

Merging two states keeps a version if both sides still have it, or if the other side has
never seen it (so it was written concurrently or later); it drops a version the other side
saw and superseded. The row shows the live version with the highest stamp; the others stay
as conflicts for a person to resolve. This is the join of a well-known state-based
replicated data type (a multi-value register with a causal context, per field): it is
commutative, associative and idempotent, so importing files in any order, or twice, gives
the same state. Fields that never change after creation (parent ids, keys) simply must
agree.

Local edits: the store stamps ``field_clocks[f]`` with a new stamp from this laptop, newer
than everything the laptop has seen, and ``models._remember_replaced_stamps`` keeps a
replaced stamp from another device in ``field_seen[f]``, so the context stays whole (see
docs/architecture.md, "Merging without a server").

A deletion is the ``deleted_at`` field like any other, plus, for every live deletion, what
the deleting laptop had seen of the row (``deleted_seen``). A deleted row with a live
version of another field the deleter had not seen was *changed on one laptop while deleted
on another*: :func:`delete_conflict` derives that from the state, so it is order-free t

The package is split by concern: :mod:`.tables` (synced tables and plain values),
:mod:`.rows` (row states, stamps, version vectors), :mod:`.join` (the join, delete
conflicts, references), :mod:`.storage` (loading states and their versions), :mod:`.plan`
(what writing a merged state takes, and writing it) and :mod:`.spool` (plans waiting on
disk between checking a file and writing it). Every public name
is re-exported here, so ``from tenant_inspect.mergestate import ...`` keeps working.
"""

from __future__ import annotations

from .join import DeleteConflict, delete_conflict, join, references
from .plan import RowPlan, WriteCounts, apply_plans, plan_row, write_states
from .rows import (
    Inconsistent,
    RowState,
    Vec,
    canonical_seen,
    canonicalize,
    fill_deletion_contexts,
    has_seen,
    vec_join,
    vec_of,
)
from .spool import Spool
from .storage import (
    OpenConflict,
    Stored,
    chunked,
    copy_state,
    current_versions,
    load_stored,
    open_conflicts,
    stored_state,
)
from .tables import (
    LABELS,
    SYNCED_TABLES,
    TABLES,
    TableInfo,
    dumps_canonical,
    format_time,
    is_empty,
    is_visible,
    parse_time,
    pick_winner,
    same_value,
    to_plain,
)

__all__ = [
    "LABELS",
    "SYNCED_TABLES",
    "TABLES",
    "DeleteConflict",
    "Inconsistent",
    "OpenConflict",
    "RowPlan",
    "RowState",
    "Spool",
    "Stored",
    "TableInfo",
    "Vec",
    "WriteCounts",
    "apply_plans",
    "canonical_seen",
    "canonicalize",
    "chunked",
    "copy_state",
    "current_versions",
    "delete_conflict",
    "dumps_canonical",
    "fill_deletion_contexts",
    "format_time",
    "has_seen",
    "is_empty",
    "is_visible",
    "join",
    "load_stored",
    "open_conflicts",
    "parse_time",
    "pick_winner",
    "plan_row",
    "references",
    "same_value",
    "stored_state",
    "to_plain",
    "vec_join",
    "vec_of",
    "write_states",
]
