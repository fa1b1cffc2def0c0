"""Checking a bundle's rows: each row into a merge state, then the rows across tables.

What the pydantic types in :mod:`tenant_inspect.bundle_format` cannot say: stamps and
contexts that fit together, derived ids, values of each column, stamps not too far ahead
of this laptop (:class:`StampBound`), and across rows (:class:`FileChecks`) no row twice
and questionnaire texts that match their copies. :mod:`.zipcheck` checks the zip itself and
:mod:`.read` hands the rows over as they are read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NoReturn

from pydantic import ValidationError as PydanticError

from .. import bundle_format as bf
from ..clock import HybridClock
from ..mergestate import (
    TABLES,
    RowState,
)
from ..questionnaire import Questionnaire, parse_questionnaire

Refuse = Callable[[str], NoReturn]


@dataclass(frozen=True)
class StampBound:
    """How far ahead of this laptop a file's change stamps may be (bundle-format.md, 4)."""

    newest_ms: int  # stamps after this (wall ms) are refused
    today: str  # this laptop's date, for the message

    @classmethod
    def for_clock(cls, clock: HybridClock) -> StampBound:
        ahead = bf.MAX_STAMP_AHEAD_DAYS * 86_400_000
        return cls(clock.newest_acceptable_ms(ahead), _day(clock.wall_ms()))

    def check(self, top: str, where: str, refuse: Refuse) -> None:
        """Refuse a row whose newest stamp, ``top``, is too far ahead."""
        if int(top[:13]) > self.newest_ms:
            refuse(
                f"{where}: its change stamp {top} says {_day(int(top[:13]))}, more than "
                f"{bf.MAX_STAMP_AHEAD_DAYS} days ahead of this laptop's clock ({self.today}); "
                "check the date on the laptop that made the file, and on this one"
            )


def _day(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).date().isoformat()


def row_state(
    table: str,
    model: bf.Row,
    index: int,
    manifest: bf.Manifest,
    questionnaires: dict[str, str],
    refuse: Refuse,
) -> RowState:
    """Turn a validated row into a merge state, checking what the types cannot."""
    where = f"data/{table}.json, row {index + 1} (id {model.id})"
    row = model.model_dump()
    sibling_list = row.pop("siblings")
    info = TABLES[table]
    redactable = bf.REDACTABLE.get(table, frozenset())
    present = _CONTENT[table]
    for name in redactable:
        if row.get(name) is None:  # left out (or null): this file does not say
            row.pop(name, None)
            present = present - {name}
    clocks = row["field_clocks"]
    if clocks.keys() != present:
        missing = sorted(present - set(clocks))
        extra = sorted(set(clocks) - present)
        what = (
            f"no change stamp for {missing[0]!r}"
            if missing
            else f"a change stamp for unknown or absent field {extra[0]!r}"
        )
        refuse(f"{where}: {what}")
    unknown = sorted(row["field_seen"].keys() - present)
    if unknown:
        refuse(f"{where}: 'field_seen' names unknown or absent field {unknown[0]!r}")
    siblings: dict[str, dict[str, Any]] = {}
    for sib in sibling_list:
        name = sib["field"]
        if name not in present or name not in info.mutable:
            refuse(f"{where}: a conflict for {name!r}, which cannot have one")
        if sib["hlc"] == clocks[name] or sib["hlc"] in siblings.get(name, {}):
            refuse(f"{where}: conflict stamp {sib['hlc']} for {name!r} is used twice")
        try:
            value = bf.field_adapter(table, name).validate_python(sib["value"])
        except PydanticError as exc:
            refuse(f"{where}, conflict for {name!r}: {exc.errors(include_url=False)[0]['msg']}")
        siblings.setdefault(name, {})[sib["hlc"]] = value
    if not manifest.names_included:
        for name in redactable:
            if name in row or name in siblings:
                refuse(
                    f"{where}: holds {name.replace('_', ' ')}s although the manifest says names are left out"
                )
    if table == "inspection":
        if row["id"] != manifest.inspection_id:
            refuse(f"{where}: this is not the inspection the manifest names")
    elif row["inspection_id"] != manifest.inspection_id:
        refuse(f"{where}: belongs to another inspection than the one the manifest names")
    if table in bf.DERIVED_IDS:
        _check_derived_id(table, row, where, refuse)
    if table == "questionnaire_copy":
        text = questionnaires.get(row["sha256"])
        if text is None:
            refuse(
                f"{where}: its questionnaire text (questionnaires/{row['sha256']}.toml) is missing"
            )
        row["source_text"] = text
        clocks["source_text"] = clocks["sha256"]
        if "sha256" in row["field_seen"]:
            row["field_seen"]["source_text"] = list(row["field_seen"]["sha256"])
    state = RowState(table, row, siblings)
    deletable = row["deleted_seen"] or row["deleted_at"] is not None or "deleted_at" in siblings
    if deletable and row["deleted_seen"].keys() != state.deletions().keys():
        refuse(f"{where}: 'deleted_seen' must give what was seen for exactly its live deletions")
    return state


def _check_derived_id(table: str, row: dict[str, Any], where: str, refuse: Refuse) -> None:
    """A derived-id row under another id would be a duplicate of the real one (section 5)."""
    rule = bf.DERIVED_IDS[table]
    expected = bf.derived_id(table, row)
    if expected is None:
        refuse(f"{where}: an answer belongs to exactly one interview or document review")
    if row["id"] != expected:
        refuse(
            f"{where}: its id should be {expected}, which is derived from {rule.made_of} "
            "(a row under another id would be a duplicate)"
        )


#: Content fields per table, as a frozenset for quick comparisons.
_CONTENT: dict[str, frozenset[str]] = {t: frozenset(bf.content_fields(t)) for t in bf.ROW_MODELS}
_PARSED: dict[str, Questionnaire] = {}


def parse_bundled_questionnaire(text: str, name: str, sha: str) -> Questionnaire:
    """Parse a questionnaire text once per process (kits and return files repeat them)."""
    parsed = _PARSED.get(sha)
    if parsed is None:
        parsed = parse_questionnaire(text, name)
        _PARSED[sha] = parsed
    return parsed


class FileChecks:
    """Checks across the rows of one file that need no database, made as rows stream in.

    Row ids seen per table (kept: the merge checks references against them), no row
    twice, one inspection, one text per questionnaire version matching its copy, and no
    questionnaire text without a copy using it.
    """

    def __init__(self, questionnaires: dict[str, Questionnaire], refuse: Refuse) -> None:
        self.ids: dict[str, set[str]] = {}
        self._questionnaires = questionnaires
        self._refuse = refuse
        self._keys: dict[tuple[str, str], str] = {}

    def row(self, state: RowState) -> None:
        table = state.table
        seen = self.ids.setdefault(table, set())
        if state.id in seen:
            self._refuse(f"data/{table}.json holds row {state.id} twice")
        seen.add(state.id)
        if table == "questionnaire_copy":
            self._copy(state)

    def _copy(self, state: RowState) -> None:
        key = (state.row["questionnaire_id"], state.row["version"])
        if self._keys.setdefault(key, state.row["sha256"]) != state.row["sha256"]:
            self._refuse(
                f"data/questionnaire_copy.json has two different texts for questionnaire "
                f"{key[0]!r} version {key[1]}"
            )
        parsed = self._questionnaires[state.row["sha256"]]
        if (parsed.id, parsed.version, parsed.kind) != (key[0], key[1], state.row["kind"]):
            self._refuse(
                f"data/questionnaire_copy.json, id {state.id}: its id, version or kind does not "
                "match its questionnaire text"
            )

    def end(self, table: str) -> None:
        """After the last row of ``table``."""
        ids = self.ids.setdefault(table, set())
        if table == "inspection" and len(ids) != 1:
            self._refuse("data/inspection.json must hold exactly the one inspection")
        if table == "questionnaire_copy":
            for sha in sorted(set(self._questionnaires) - set(self._keys.values())):
                self._refuse(f"questionnaires/{sha}.toml is not used by any questionnaire copy")
