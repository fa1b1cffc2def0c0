"""Reading bundles: opening the zip and checking it member by member, never extracting.

The zip's table of contents is checked first (entry count, names, sizes, compression
ratios), then each member is read through ``ZipFile.open`` with a running byte limit while
it is hashed, because declared sizes can lie. Only then is JSON parsed and validated with
the models in :mod:`tenant_inspect.bundle_format` (limits are read from that module at call
time). Any problem raises :class:`~.refused.BundleRefused` with one line naming the file.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError as PydanticError
from sqlalchemy import select
from sqlmodel import Session

from .. import bundle_format as bf
from ..mergestate import (
    MODELS,
    TABLES,
    RowState,
)
from ..questionnaire import Questionnaire, QuestionnaireError
from .refused import BundleRefused
from .verify import (
    Refuse,
    StampBound,
    check_bundle,
    parse_bundled_questionnaire,
    row_state,
    rows_adapter,
)


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


def read_bundle(path: Path | str, bound: StampBound | None = None) -> Bundle:
    """Open and verify a bundle file completely, or raise :class:`BundleRefused`.

    ``bound``: refuse stamps too far ahead of the laptop that imports the file.
    """
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
            return _read_open_zip(path, zf, refuse, bound)
        except BundleRefused:
            raise
        except _ZIP_ERRORS as exc:
            refuse(f"the file is damaged ({exc})")


def _read_open_zip(
    path: Path, zf: zipfile.ZipFile, refuse: Refuse, bound: StampBound | None
) -> Bundle:
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
            parsed[sha] = parse_bundled_questionnaire(text, name, sha)
        except QuestionnaireError as exc:
            refuse(f"{name} is not a valid questionnaire: {str(exc).splitlines()[0]}")
        questionnaires[sha] = text

    states: dict[str, list[RowState]] = {}
    for table in MODELS:
        name = f"data/{table}.json"
        try:
            rows = rows_adapter(table).validate_json(raw[name])
        except PydanticError as exc:
            refuse(_describe(exc, name))
        if len(rows) > bf.MAX_ROWS:
            refuse(f"{name} has too many rows ({len(rows):,}; the limit is {bf.MAX_ROWS:,})")
        if len(rows) != manifest.counts[table]:
            refuse(f"{name} holds {len(rows)} rows but the manifest says {manifest.counts[table]}")
        states[table] = [
            row_state(table, row, i, manifest, questionnaires, refuse, bound)
            for i, row in enumerate(rows)
        ]
    check_bundle(states, parsed, refuse)
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


def local_inspection(session: Session, inspection_id: str) -> tuple[str, bool] | None:
    """(title, deleted) of an inspection on this laptop, or None."""
    t = TABLES["inspection"].table
    row = session.execute(select(t.c.title, t.c.deleted_at).where(t.c.id == inspection_id)).first()
    return None if row is None else (row[0], row[1] is not None)
