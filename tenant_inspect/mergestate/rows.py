"""A row as merging sees it (:class:`RowState`), with stamps and version vectors.

The per-field versions and context described in the package docstring, and the helpers that
read them. Kept apart from the join so the state can be tested and stored on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .tables import TABLES

Vec = dict[str, str]  # device id -> newest stamp seen from that device


class Inconsistent(ValueError):
    """Two copies of a row cannot both be true (a fixed field differs, or one stamp has two values)."""


# ---------------------------------------------------------------------------
# Stamps and version vectors
# ---------------------------------------------------------------------------

_DEVICE_AT = 19  # "<13 digits>-<4 digits>-" then the device id


def vec_of(stamps: Iterable[str]) -> Vec:
    vec: Vec = {}
    for stamp in stamps:
        device = stamp[_DEVICE_AT:]
        if vec.get(device, "") < stamp:
            vec[device] = stamp
    return vec


def vec_join(a: Vec, b: Vec) -> Vec:
    out = dict(a)
    for device, stamp in b.items():
        if out.get(device, "") < stamp:
            out[device] = stamp
    return out


def has_seen(vec: Vec, stamp: str) -> bool:
    return vec.get(stamp[_DEVICE_AT:], "") >= stamp


def canonical_seen(context: Vec, live: Iterable[str]) -> list[str]:
    """The part of a context not implied by the live versions' own stamps (sorted).

    Bundles and the database both keep ``field_seen`` in this minimal form. When a local
    edit later replaces ``field_clocks[f]``, :func:`models._remember_replaced_stamps`
    moves the replaced stamp into ``field_seen`` so the context stays whole.
    """
    implied = vec_of(live)
    return sorted(s for d, s in context.items() if implied.get(d, "") < s)


@dataclass
class RowState:
    """One row for merging: plain column values plus its siblings (field -> stamp -> value)."""

    table: str
    row: dict[str, Any]
    siblings: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.row["id"])

    def live(self, name: str) -> dict[str, Any]:
        """The live versions of a field: stamp -> value (empty if the field has no version)."""
        out: dict[str, Any] = {}
        stamp = self.row["field_clocks"].get(name)
        if stamp:
            out[stamp] = self.row.get(name)
        sibs = self.siblings.get(name)
        if sibs:
            out.update(sibs)
        return out

    def context(self, name: str) -> Vec:
        stamps: list[str] = list(self.row["field_seen"].get(name, ()))
        stamp = self.row["field_clocks"].get(name)
        if stamp:
            stamps.append(stamp)
        sibs = self.siblings.get(name)
        if sibs:
            stamps.extend(sibs)
        return vec_of(stamps)

    def row_context(self) -> Vec:
        """Everything seen of the row, all fields together (what a deletion supersedes)."""
        stamps: list[str] = [self.row["hlc"]] if self.row.get("hlc") else []
        for seen in self.row["field_seen"].values():
            stamps.extend(seen)
        stamps.extend(self.row["field_clocks"].values())
        for sibs in self.siblings.values():
            stamps.extend(sibs)
        return vec_of(stamps)

    def deletions(self) -> dict[str, Any]:
        """Live versions of ``deleted_at`` that delete the row."""
        return {s: v for s, v in self.live("deleted_at").items() if v is not None}

    def stamps(self) -> Iterator[str]:
        """Every stamp the state mentions (for advancing the clock)."""
        if self.row.get("hlc"):
            yield self.row["hlc"]
        yield from self.row["field_clocks"].values()
        for seen in self.row["field_seen"].values():
            yield from seen
        for sibs in self.siblings.values():
            yield from sibs
        for key, seen in self.row["deleted_seen"].items():
            yield key
            yield from seen

    def newest_stamp(self) -> str:
        """``max(self.stamps())``, without walking empty parts (every imported row asks)."""
        row = self.row
        top: str = max(row["field_clocks"].values(), default=row.get("hlc") or "")
        if row.get("hlc") and row["hlc"] > top:
            top = row["hlc"]
        if row["field_seen"] or self.siblings or row["deleted_seen"]:
            top = max(top, *self.stamps())
        return top

    def sibling_list(self) -> list[dict[str, Any]]:
        return [
            {"field": f, "hlc": s, "value": v}
            for f in sorted(self.siblings)
            for s, v in sorted(self.siblings[f].items())
        ]


def canonicalize(state: RowState) -> RowState:
    """Contexts in minimal form, deletion contexts for live deletions only, siblings
    sorted (in place)."""
    row = state.row
    if not row["field_seen"] and not row["deleted_seen"] and not state.siblings:
        # Already minimal (most rows: edited on one laptop only): each field's context is
        # its own stamp, which its live version implies, and there is nothing to sort.
        return state
    info = TABLES[state.table]
    seen: dict[str, list[str]] = {}
    for name in info.content:
        rest = canonical_seen(state.context(name), state.live(name))
        if rest:
            seen[name] = rest
    state.row["field_seen"] = seen
    deletions = state.deletions()
    state.row["deleted_seen"] = {
        s: sorted(v) for s, v in sorted(state.row["deleted_seen"].items()) if s in deletions
    }
    state.siblings = {f: dict(sorted(v.items())) for f, v in sorted(state.siblings.items()) if v}
    return state


def fill_deletion_contexts(state: RowState) -> None:
    """Give a deletion made on this laptop what it had seen (done before any merge)."""
    missing = [s for s in state.deletions() if s not in state.row["deleted_seen"]]
    if missing:
        ctx = sorted(state.row_context().values())
        state.row["deleted_seen"] = {**state.row["deleted_seen"], **dict.fromkeys(missing, ctx)}
