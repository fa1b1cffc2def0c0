"""Writing bundles: kits for inspectors and return files for the coordinator.

Rows come with their merge bookkeeping and open conflicts, so the receiving laptop merges
exactly as this one would. A kit for one inspector leaves out what they must not carry
(:func:`kit_for`). The file is written to a temporary file in the same folder, flushed to
disk and renamed over the target, so a full disk or a pulled USB stick never leaves half a
bundle under the real name.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .. import __version__, settings
from .. import bundle_format as bf
from ..durable import write_atomically, write_bytes_atomically
from ..errors import UserError
from ..fresh_values import utcnow
from ..mergestate import (
    SYNCED_TABLES,
    TABLES,
    RowState,
    canonicalize,
    dumps_canonical,
    format_time,
    load_stored,
    open_conflicts,
)
from ..sql_marks import Sql
from ..store import Store
from .encryption import check_new_passphrase, encrypt_bytes

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    inspection_id: str
    recipient_id: str | None
    recipient_name: str | None
    names_included: bool
    counts: dict[str, int]
    size: int
    encrypted: bool = False


def export_bundle(
    store: Store,
    inspection_id: str,
    path: Path | str,
    *,
    for_member_id: str | None = None,
    include_names: bool = True,
    passphrase: str | None = None,
    rows: Mapping[str, AbstractSet[str]] | None = None,
    quick: bool = False,
) -> ExportResult:
    """Write one inspection (or a member's kit) to a bundle file, atomically.

    ``for_member_id``: a kit for that member — everything shared plus the interviews they
    carry out (with their answers and findings); interviewee names are left out unless
    the member is the coordinator. ``include_names=False`` leaves names out regardless.
    ``passphrase``: the file is the bundle wrapped in age (:mod:`.encryption`); the plain
    zip is only ever in memory. ``rows``: only these rows of each table (and always the
    inspection row, which every bundle holds): ``sync`` sends the rows the other side
    does not have (:mod:`tenant_inspect.sync_rows`); the reader resolves the references
    of a partial file against the rows the receiver holds, as for a kit. ``quick``: the
    lightest compression (a third of the time, a sixth bigger), for ``sync``'s private
    bundles, read back at once on the same machine.
    """
    path = Path(path)
    if passphrase is not None:
        check_new_passphrase(passphrase)
    with store.sql_read() as db:
        found = db.run("SELECT title FROM inspection WHERE id = ?", (inspection_id,))
        if not found:
            raise UserError(f"no inspection with id {inspection_id}")
        title = str(found[0][0])
        recipient: _Recipient | None = None
        if for_member_id is not None:
            member = db.run(
                "SELECT id, role, name FROM team_member "
                "WHERE id = ? AND inspection_id = ? AND deleted_at IS NULL",
                (for_member_id, inspection_id),
            )
            if not member:
                raise UserError(f"no team member with id {for_member_id} in this inspection")
            recipient = _Recipient(*member[0])
        names = (
            include_names
            and (recipient is None or recipient.role == "coordinator")
            and not store.withholds_names(inspection_id)  # blanks are not names
        )
        states = _inspection_states(db, inspection_id, rows)
        if recipient is not None and recipient.role != "coordinator":
            states = kit_for(states, recipient.id)
        exporter = settings.laptop_member(db, inspection_id, store.device_id)
        members, counts = _members(states, names)
        manifest = {
            "format": bf.FORMAT_NAME,
            "format_version": bf.FORMAT_VERSION,
            "app_version": __version__,
            "inspection_id": inspection_id,
            "inspection_title": title[:200],
            "created_at": format_time(utcnow()),
            "exported_by": {"member_id": exporter, "device_id": store.device_id},
            "recipient": (
                {"member_id": recipient.id, "role": recipient.role} if recipient else None
            ),
            "names_included": names,
            "counts": counts,
            "files": {
                name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                for name, data in members.items()
            },
        }
        recipient_name = recipient.name if recipient else None
        recipient_id = recipient.id if recipient else None
    data = json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False).encode("utf-8")
    level = 1 if quick else None
    size = _write_zip(path, {bf.MANIFEST_NAME: data, **members}, passphrase, level)
    # The Team screen and the CLI both show when a kit was made; a read-only data folder
    # (a copy on a locked stick) can still make the kit, it just cannot note it.
    if recipient_id is not None and not store.read_only:
        with store.sql_write() as db:
            settings.record_kit(db, recipient_id, path.name)
    return ExportResult(
        path=path,
        inspection_id=inspection_id,
        recipient_id=recipient_id,
        recipient_name=recipient_name,
        names_included=names,
        counts=counts,
        size=size,
        encrypted=passphrase is not None,
    )


@dataclass(frozen=True)
class _Recipient:
    """The team member a kit is for."""

    id: str
    role: str
    name: str


def _inspection_states(
    db: Sql, inspection_id: str, rows: Mapping[str, AbstractSet[str]] | None = None
) -> dict[str, dict[str, RowState]]:
    conflicts = open_conflicts(db, inspection_id)

    def ids(table: str) -> list[str] | None:
        if rows is None:
            return None
        if table == "inspection":
            return [inspection_id]
        return sorted(rows.get(table, ()))

    return {
        table: {
            row_id: stored.state
            for row_id, stored in load_stored(
                db, table, ids(table), inspection_id=inspection_id, conflicts=conflicts
            ).items()
            if table == "inspection" or stored.row["inspection_id"] == inspection_id
        }
        for table in SYNCED_TABLES
    }


def kit_for(
    states: dict[str, dict[str, RowState]], member_id: str
) -> dict[str, dict[str, RowState]]:
    """What an inspector needs: everything shared, and only the interviews they carry out.

    A row is left out when anything it points at is left out (answers and findings of
    other pairs' interviews, recommendation links to those findings ...), so a kit never
    holds a dangling reference.
    """
    assigned = {
        s.row["interview_id"]
        for s in states["interview_interviewer"].values()
        if s.row["member_id"] == member_id and s.row["deleted_at"] is None
    }
    kept: dict[str, dict[str, RowState]] = {}
    for table, rows in states.items():
        refs = bf.REFERENCES[table]
        candidates = dict(rows)
        if table == "interview":
            candidates = {k: v for k, v in rows.items() if k in assigned}
        while True:  # findings may point at findings (merged_into_id): repeat until stable
            keep = {
                row_id: state
                for row_id, state in candidates.items()
                if all(
                    not value or value in (candidates if target == table else kept.get(target, {}))
                    for name, target in refs.items()
                    for value in [*state.live(name).values(), state.row.get(name)]
                )
            }
            if len(keep) == len(candidates):
                break
            candidates = keep
        kept[table] = keep
    return kept


def bundle_row(state: RowState, *, names: bool) -> dict[str, Any]:
    """A row as it is written in a bundle's data file (see docs/bundle-format.md)."""
    state = canonicalize(
        RowState(
            state.table,
            {
                **state.row,
                "field_clocks": dict(state.row["field_clocks"]),
                "field_seen": dict(state.row["field_seen"]),
                "deleted_seen": dict(state.row["deleted_seen"]),
            },
            {k: dict(v) for k, v in state.siblings.items()},
        )
    )
    row = dict(state.row)
    clocks = row["field_clocks"]
    redactable = bf.REDACTABLE.get(state.table, frozenset())
    dropped: set[str] = set(redactable) if not names else set()
    if state.table == "questionnaire_copy":
        dropped.add("source_text")  # travels as questionnaires/<sha256>.toml
    for name in TABLES[state.table].content:
        if name not in clocks:
            if name in redactable:
                dropped.add(name)  # a name withheld from this laptop: it knows no version
            else:  # cannot happen for rows the store stamped; never export a field unstamped
                clocks[name] = min(clocks.values(), default=row["hlc"])
    for name in dropped:
        row.pop(name, None)
        state.siblings.pop(name, None)
    row["field_clocks"] = {k: v for k, v in row["field_clocks"].items() if k not in dropped}
    row["field_seen"] = {k: v for k, v in row["field_seen"].items() if k not in dropped}
    row["siblings"] = state.sibling_list()
    return row


def _members(
    states: dict[str, dict[str, RowState]], names: bool
) -> tuple[dict[str, bytes], dict[str, int]]:
    members: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    texts: dict[str, str] = {}
    for table, rows in states.items():
        ordered = [rows[k] for k in sorted(rows)]
        members[f"data/{table}.json"] = dumps_canonical(
            [bundle_row(s, names=names) for s in ordered]
        )
        counts[table] = len(ordered)
        if table == "questionnaire_copy":
            for s in ordered:
                texts[s.row["sha256"]] = s.row["source_text"]
    for sha, text in sorted(texts.items()):
        members[f"questionnaires/{sha}.toml"] = text.encode("utf-8")
    return members, counts


def _zip_into(fh: IO[bytes], members: dict[str, bytes], level: int | None = None) -> None:
    with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=level)


def _write_zip(
    path: Path, members: dict[str, bytes], passphrase: str | None = None, level: int | None = None
) -> int:
    """Write members to a zip beside ``path``, fsync, then rename over it.

    With a passphrase the zip is built in memory and only its age wrapping is written."""
    sealed = None
    if passphrase is not None:
        buffer = io.BytesIO()
        _zip_into(buffer, members)
        sealed = encrypt_bytes(buffer.getvalue(), passphrase)
        del buffer
    if sealed is None:
        return write_atomically(path, lambda fh: _zip_into(fh, members, level))
    return write_bytes_atomically(path, sealed)
