"""Bundle files: kits for inspectors and return files for the coordinator.

A bundle is one zip file (docs/bundle-format.md): ``manifest.json``, one JSON file per
table under ``data/``, and the exact text of every questionnaire the rows use under
``questionnaires/``. This module writes them (:func:`export_bundle`) and reads them back
with every file-level check (:func:`read_bundle`); :mod:`tenant_inspect.merge` merges a
verified bundle into the database.

Writing: rows come with their merge bookkeeping and open conflicts, so the receiving
laptop merges exactly as this one would. The file is written to a temporary file in the
same folder, flushed to disk and renamed over the target, so a full disk or a pulled USB
stick never leaves half a bundle under the real name.

Reading never extracts anything: the zip's table of contents is checked first (entry
count, names, sizes, compression ratios), then each member is read through
``ZipFile.open`` with a running byte limit while it is hashed, because declared sizes can
lie. Only then is JSON parsed and validated with the models in
:mod:`tenant_inspect.bundle_format`. Any problem raises :class:`BundleRefused` with one
line naming the file and the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ConfigDict, TypeAdapter
from pydantic import ValidationError as PydanticError
from sqlalchemy import select
from sqlmodel import Session

from . import __version__, settings
from . import bundle_format as bf
from . import models as m
from .errors import UserError
from .mergestate import (
    MODELS,
    TABLES,
    RowState,
    canonicalize,
    dumps_canonical,
    format_time,
    load_stored,
    open_conflicts,
)
from .questionnaire import Questionnaire, QuestionnaireError, parse_questionnaire
from .store import Store

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class BundleRefused(UserError):
    """A bundle file cannot be used; nothing was written. ``str()`` names the file."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


# ---------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    inspection_id: str
    recipient_id: str | None
    recipient_name: str | None
    names_included: bool
    counts: dict[str, int]
    size: int


def export_bundle(
    store: Store,
    inspection_id: str,
    path: Path | str,
    *,
    for_member_id: str | None = None,
    include_names: bool = True,
) -> ExportResult:
    """Write one inspection (or a member's kit) to a bundle file, atomically.

    ``for_member_id``: a kit for that member — everything shared plus the interviews they
    carry out (with their answers and findings); interviewee names are left out unless
    the member is the coordinator. ``include_names=False`` leaves names out regardless.
    """
    path = Path(path)
    with store.read() as session:
        inspection = session.get(m.Inspection, inspection_id)
        if inspection is None:
            raise UserError(f"no inspection with id {inspection_id}")
        recipient: m.TeamMember | None = None
        if for_member_id is not None:
            recipient = session.get(m.TeamMember, for_member_id)
            if (
                recipient is None
                or recipient.inspection_id != inspection_id
                or recipient.is_deleted
            ):
                raise UserError(f"no team member with id {for_member_id} in this inspection")
        names = include_names and (recipient is None or recipient.role == "coordinator")
        states = _inspection_states(session, inspection_id)
        if recipient is not None and recipient.role != "coordinator":
            states = _kit_for(states, recipient.id)
        exporter = settings.laptop_member(session, inspection_id, store.device_id)
        members, counts = _members(states, names)
        manifest = {
            "format": bf.FORMAT_NAME,
            "format_version": bf.FORMAT_VERSION,
            "app_version": __version__,
            "inspection_id": inspection_id,
            "inspection_title": inspection.title[:200],
            "created_at": format_time(m.utcnow()),
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
    size = _write_zip(path, {bf.MANIFEST_NAME: data, **members})
    if recipient_id is not None:  # the Team screen and the CLI both show when it was made
        with store.write() as session:
            settings.record_kit(session, recipient_id, path.name)
    return ExportResult(
        path=path,
        inspection_id=inspection_id,
        recipient_id=recipient_id,
        recipient_name=recipient_name,
        names_included=names,
        counts=counts,
        size=size,
    )


def _inspection_states(session: Session, inspection_id: str) -> dict[str, dict[str, RowState]]:
    conflicts = open_conflicts(session, inspection_id)
    return {
        table: {
            row_id: stored.state
            for row_id, stored in load_stored(
                session, table, inspection_id=inspection_id, conflicts=conflicts
            ).items()
        }
        for table in MODELS
    }


def _kit_for(
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


def _write_zip(path: Path, members: dict[str, bytes]) -> int:
    """Write members to a zip beside ``path``, fsync, then rename over it."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=directory)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for name, data in members.items():
                    info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    zf.writestr(info, data)
            fh.flush()
            os.fsync(fh.fileno())
            size = fh.tell()
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(directory)
    return size


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------
# Reading and verifying
# ---------------------------------------------------------------------------


@dataclass
class Bundle:
    """A verified bundle: every file-level check has passed."""

    path: Path
    manifest: bf.Manifest
    states: dict[str, list[RowState]]  # table -> rows, tables in dependency order
    questionnaires: dict[str, str]  # sha256 -> text
    max_stamp: str

    @property
    def inspection_id(self) -> str:
        return self.manifest.inspection_id

    def row_count(self) -> int:
        return sum(len(rows) for rows in self.states.values())


Refuse = Callable[[str], NoReturn]

_ROW_ADAPTERS: dict[str, TypeAdapter[list[Any]]] = {}
_VALUE_ADAPTERS: dict[tuple[str, str], TypeAdapter[Any]] = {}


def _rows_adapter(table: str) -> TypeAdapter[list[Any]]:
    adapter = _ROW_ADAPTERS.get(table)
    if adapter is None:
        model = bf.ROW_MODELS[table]
        adapter = TypeAdapter(list[model])  # type: ignore[valid-type]
        _ROW_ADAPTERS[table] = adapter
    return adapter


def _value_adapter(table: str, name: str) -> TypeAdapter[Any]:
    adapter = _VALUE_ADAPTERS.get((table, name))
    if adapter is None:
        from typing import Annotated

        info = bf.ROW_MODELS[table].model_fields[name]
        annotation: Any = info.annotation
        if info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]
        adapter = TypeAdapter(annotation, config=ConfigDict(strict=True))
        _VALUE_ADAPTERS[(table, name)] = adapter
    return adapter


def _name_problem(name: str) -> str | None:
    if not name:
        return "an entry with an empty name"
    if "\\" in name:
        return f"unsafe path {name!r} (backslashes are not allowed)"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return f"unsafe path {name!r} (absolute paths are not allowed)"
    if any(ord(ch) < 32 for ch in name):
        return f"unsafe path {name!r} (control characters are not allowed)"
    parts = name.split("/")
    if ".." in parts:
        return f"unsafe path {name!r} (it points outside the archive)"
    if "." in parts or "" in parts:
        return f"unsafe path {name!r} (empty or '.' path parts are not allowed)"
    return None


def _expected_name(name: str) -> bool:
    if name == bf.MANIFEST_NAME or bf.QUESTIONNAIRE_NAME_RE.match(name):
        return True
    match = bf.DATA_NAME_RE.match(name)
    return bool(match and match.group(1) in MODELS)


def _member_cap(name: str) -> int:
    if name == bf.MANIFEST_NAME:
        return bf.MAX_MANIFEST_BYTES
    if name.startswith(bf.QUESTIONNAIRE_DIR):
        return bf.MAX_QUESTIONNAIRE_BYTES
    return bf.MAX_MEMBER_BYTES


def _describe(error: PydanticError, where: str) -> str:
    first = error.errors(include_url=False)[0]
    loc = list(first.get("loc", ()))
    parts = [where]
    if loc and isinstance(loc[0], int):
        parts.append(f"row {int(loc.pop(0)) + 1}")
    kind = first.get("type", "")
    if kind == "json_invalid":
        return f"{where} is not valid JSON ({first['msg'].removeprefix('Invalid JSON: ')})"
    path = ".".join(str(p) for p in loc)
    if kind == "extra_forbidden":
        return ", ".join(parts) + f": unknown field '{path}'"
    if kind == "missing":
        return ", ".join(parts) + f": field '{path}' is missing"
    if path:
        parts.append(f"field '{path}'")
    return ", ".join(parts) + f": {first['msg']}"


# Everything zipfile / zlib may raise on a damaged or hostile archive.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    struct.error,
    ValueError,
    NotImplementedError,
    RuntimeError,
    OSError,
    UnicodeError,
    IndexError,
    KeyError,
    OverflowError,
)


def read_bundle(path: Path | str) -> Bundle:
    """Open and verify a bundle file completely, or raise :class:`BundleRefused`."""
    path = Path(path)

    def refuse(reason: str) -> NoReturn:
        raise BundleRefused(path, reason)

    try:
        st = path.stat()
    except FileNotFoundError:
        refuse("file not found")
    except OSError as exc:
        refuse(f"cannot read it ({exc.strerror or exc})")
    if path.is_dir():
        refuse("this is a folder, not a bundle file")
    if st.st_size > bf.MAX_BUNDLE_BYTES:
        refuse(
            f"too big to be a bundle ({st.st_size:,} bytes; the limit is {bf.MAX_BUNDLE_BYTES:,})"
        )
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        refuse(f"cannot read it ({exc.strerror or exc})")
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_ERRORS:
        if head == b"PK\x03\x04":
            refuse("the file is damaged or incomplete (was it copied completely?)")
        refuse("not a tenant-inspect bundle (not a zip file)")
    with zf:
        try:
            return _read_open_zip(path, zf, refuse)
        except BundleRefused:
            raise
        except _ZIP_ERRORS as exc:
            refuse(f"the file is damaged ({exc})")


def _read_open_zip(path: Path, zf: zipfile.ZipFile, refuse: Refuse) -> Bundle:
    infos = zf.infolist()
    if len(infos) > bf.MAX_ENTRIES:
        refuse(f"too many files inside ({len(infos)}; the limit is {bf.MAX_ENTRIES})")
    for info in infos:
        problem = _name_problem(info.filename)
        if problem:
            refuse(problem)
    duplicates = sorted(n for n, k in Counter(i.filename for i in infos).items() if k > 1)
    if duplicates:
        refuse(f"the archive holds {duplicates[0]!r} more than once")
    total = 0
    for info in infos:
        name = info.filename
        if not _expected_name(name):
            refuse(f"unexpected file {name!r} in the bundle")
        if info.flag_bits & 0x1:
            refuse(f"{name} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            refuse(f"{name} uses an unsupported compression method")
        cap = _member_cap(name)
        if info.file_size > cap:
            refuse(f"{name} is too big ({info.file_size:,} bytes; the limit is {cap:,})")
        if info.file_size > bf.RATIO_FLOOR and info.file_size > bf.MAX_RATIO * max(
            info.compress_size, 1
        ):
            refuse(f"{name} is compressed suspiciously well (a compression bomb?)")
        total += info.file_size
    if total > bf.MAX_TOTAL_BYTES:
        refuse(f"its contents are too big ({total:,} bytes; the limit is {bf.MAX_TOTAL_BYTES:,})")
    by_name = {i.filename: i for i in infos}
    if bf.MANIFEST_NAME not in by_name:
        refuse("not a tenant-inspect bundle (it has no manifest.json)")

    def read(name: str) -> tuple[bytes, str]:
        info = by_name[name]
        cap = min(_member_cap(name), info.file_size)
        digest = hashlib.sha256()
        chunks: list[bytes] = []
        size = 0
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:
                    refuse(f"{name} is bigger than its zip entry says")
                digest.update(chunk)
                chunks.append(chunk)
        return b"".join(chunks), digest.hexdigest()

    manifest = _read_manifest(read(bf.MANIFEST_NAME)[0], refuse)
    listed = set(manifest.files)
    present = set(by_name) - {bf.MANIFEST_NAME}
    for name in sorted(listed - present):
        refuse(f"{name} is listed in the manifest but missing from the bundle")
    for name in sorted(present - listed):
        refuse(f"{name} is in the bundle but not listed in its manifest")
    for table in MODELS:
        if f"data/{table}.json" not in listed:
            refuse(f"data/{table}.json is missing")
    if set(manifest.counts) != set(MODELS):
        refuse("manifest.json: 'counts' must give the number of rows of every table")

    raw: dict[str, bytes] = {}
    for name in sorted(present):
        data, digest = read(name)
        entry = manifest.files[name]
        if len(data) != entry.size or digest != entry.sha256:
            refuse(f"checksum mismatch for {name}: it was changed or damaged after it was made")
        raw[name] = data

    questionnaires: dict[str, str] = {}
    parsed: dict[str, Questionnaire] = {}
    for name in sorted(n for n in raw if n.startswith(bf.QUESTIONNAIRE_DIR)):
        sha = name[len(bf.QUESTIONNAIRE_DIR) : -len(".toml")]
        try:
            text = raw[name].decode("utf-8")
        except UnicodeDecodeError:
            refuse(f"{name} is not UTF-8 text")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
            refuse(f"{name}: its name is not the SHA-256 of its text")
        try:
            parsed[sha] = _parse_questionnaire(text, name, sha)
        except QuestionnaireError as exc:
            refuse(f"{name} is not a valid questionnaire: {str(exc).splitlines()[0]}")
        questionnaires[sha] = text

    states: dict[str, list[RowState]] = {}
    for table in MODELS:
        name = f"data/{table}.json"
        try:
            rows = _rows_adapter(table).validate_json(raw[name])
        except PydanticError as exc:
            refuse(_describe(exc, name))
        if len(rows) > bf.MAX_ROWS:
            refuse(f"{name} has too many rows ({len(rows):,}; the limit is {bf.MAX_ROWS:,})")
        if len(rows) != manifest.counts[table]:
            refuse(f"{name} holds {len(rows)} rows but the manifest says {manifest.counts[table]}")
        states[table] = [
            _row_state(table, row, i, manifest, questionnaires, refuse)
            for i, row in enumerate(rows)
        ]
    _check_bundle(states, parsed, refuse)
    max_stamp = max((s for rows in states.values() for st in rows for s in st.stamps()), default="")
    return Bundle(path, manifest, states, questionnaires, max_stamp)


def _read_manifest(data: bytes, refuse: Refuse) -> bf.Manifest:
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        refuse(f"manifest.json is not valid JSON ({exc})")
    if not isinstance(obj, dict) or obj.get("format") != bf.FORMAT_NAME:
        refuse("not a tenant-inspect bundle (its manifest.json is for something else)")
    version = obj.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > bf.FORMAT_VERSION:
        refuse(
            f"made by a newer version of tenant-inspect (bundle format {version}; this version "
            f"reads format {bf.FORMAT_VERSION}). Please upgrade tenant-inspect to import it"
        )
    try:
        return bf.Manifest.model_validate_json(data)
    except PydanticError as exc:
        refuse(_describe(exc, "manifest.json"))


def _row_state(
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
            value = _value_adapter(table, name).validate_python(sib["value"])
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


#: Content fields per table, as a frozenset for quick comparisons.
_CONTENT: dict[str, frozenset[str]] = {t: frozenset(bf.content_fields(t)) for t in bf.ROW_MODELS}
_PARSED: dict[str, Questionnaire] = {}


def _parse_questionnaire(text: str, name: str, sha: str) -> Questionnaire:
    """Parse a questionnaire text once per process (kits and return files repeat them)."""
    parsed = _PARSED.get(sha)
    if parsed is None:
        parsed = parse_questionnaire(text, name)
        _PARSED[sha] = parsed
    return parsed


def _check_bundle(
    states: dict[str, list[RowState]], questionnaires: dict[str, Questionnaire], refuse: Refuse
) -> None:
    """Checks across rows and files that need no database."""
    for table, rows in states.items():
        seen: set[str] = set()
        for state in rows:
            if state.id in seen:
                refuse(f"data/{table}.json holds row {state.id} twice")
            seen.add(state.id)
    if len(states["inspection"]) != 1:
        refuse("data/inspection.json must hold exactly the one inspection")
    used = {s.row["sha256"] for s in states["questionnaire_copy"]}
    for sha in sorted(set(questionnaires) - used):
        refuse(f"questionnaires/{sha}.toml is not used by any questionnaire copy")
    keys: dict[tuple[str, str], str] = {}
    for state in states["questionnaire_copy"]:
        key = (state.row["questionnaire_id"], state.row["version"])
        if keys.setdefault(key, state.row["sha256"]) != state.row["sha256"]:
            refuse(
                f"data/questionnaire_copy.json has two different texts for questionnaire "
                f"{key[0]!r} version {key[1]}"
            )
        parsed = questionnaires[state.row["sha256"]]
        if (parsed.id, parsed.version, parsed.kind) != (key[0], key[1], state.row["kind"]):
            refuse(
                f"data/questionnaire_copy.json, id {state.id}: its id, version or kind does not "
                "match its questionnaire text"
            )


def local_inspection(session: Session, inspection_id: str) -> tuple[str, bool] | None:
    """(title, deleted) of an inspection on this laptop, or None."""
    t = TABLES["inspection"].table
    row = session.execute(select(t.c.title, t.c.deleted_at).where(t.c.id == inspection_id)).first()
    return None if row is None else (row[0], row[1] is not None)
