"""Reading bundles: every check on the file, with its rows streamed table by table.

:func:`open_bundle` checks the file, the zip's table of contents (:mod:`.zipcheck`), the
manifest (format version first, then the row counts against the limits, before any data
file is read), every member's size and checksum, and the questionnaires. Its
:meth:`BundleFile.chunks` then reads the data files one by one, parents first, each row
parsed on its own (:mod:`.stream`), validated with the models in
:mod:`tenant_inspect.bundle_format` and turned into a merge state (:mod:`.verify`), and
hands them on in chunks: a file at the limits is never in memory all at once. Any problem
raises :class:`~.refused.BundleRefused` with one line naming the file.

:func:`read_bundle` gathers every chunk into one :class:`Bundle` (tests and tools).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError as PydanticError

from .. import bundle_format as bf
from ..bundle_format_v1 import row_upgrader, tables_of
from ..mergestate import LABELS, SYNCED_TABLES, RowState
from ..questionnaire import Questionnaire, QuestionnaireError
from ..sql_marks import Sql
from .encryption import looks_encrypted
from .refused import BundleRefused
from .stream import RowStream
from .verify import FileChecks, Refuse, StampBound, parse_bundled_questionnaire, row_state
from .zipcheck import ZIP_ERRORS, Member, check_names, check_sizes

#: A chunk is handed on when it holds this many rows, or this much row text.
CHUNK_ROWS = 1000
CHUNK_CHARS = 4_000_000


@dataclass
class Chunk:
    """Consecutive rows of one table; ``last`` is set on the table's final chunk."""

    table: str
    states: list[RowState]
    last: bool


@dataclass
class BundleFile:
    """An open bundle whose manifest, checksums and questionnaires have passed."""

    path: Path
    manifest: bf.Manifest
    questionnaires: dict[str, str]  # sha256 -> text
    _zf: zipfile.ZipFile
    _members: dict[str, zipfile.ZipInfo]
    _parsed: dict[str, Questionnaire]
    _refuse: Refuse
    _bound: StampBound | None
    checks: FileChecks = field(init=False)
    max_stamp: str = ""  # the newest stamp read so far (all of them once read)

    def __post_init__(self) -> None:
        self.checks = FileChecks(self._parsed, self._refuse)

    @property
    def inspection_id(self) -> str:
        return self.manifest.inspection_id

    def chunks(self) -> Iterator[Chunk]:
        """Every table's rows, parents first, in chunks; each table ends with ``last``.

        A table the file's format version does not have is read as empty."""
        present = tables_of(self.manifest.format_version, SYNCED_TABLES)
        for table in SYNCED_TABLES:
            if table in present:
                yield from self._table(table)
            else:
                self.checks.end(table)
                yield Chunk(table, [], last=True)

    def _table(self, table: str) -> Iterator[Chunk]:
        try:
            yield from self._read_table(table)
        except BundleRefused:
            raise
        except ZIP_ERRORS as exc:
            self._refuse(f"the file is damaged ({exc})")

    def _read_table(self, table: str) -> Iterator[Chunk]:
        name = f"data/{table}.json"
        expected = self.manifest.counts[table]
        model = bf.ROW_MODELS[table]
        upgrade = row_upgrader(table, self.manifest.format_version)
        refuse = self._refuse
        with Member(self._zf, self._members[name], refuse) as member:
            states: list[RowState] = []
            chars = 0
            rows = RowStream(member, name, refuse, bf.MAX_ROW_CHARS)
            for index, (value, length) in enumerate(rows):
                if index >= expected:
                    refuse(f"{name} holds more rows than the manifest says ({expected})")
                if upgrade is not None:
                    value = upgrade(value)
                try:
                    row = model.model_validate(value)
                except PydanticError as exc:
                    refuse(_describe(exc, f"{name}, row {index + 1}"))
                state = row_state(table, row, index, self.manifest, self.questionnaires, refuse)
                top = state.newest_stamp()
                if self._bound is not None:
                    self._bound.check(top, f"{name}, row {index + 1} (id {state.id})", refuse)
                if top > self.max_stamp:
                    self.max_stamp = top
                self.checks.row(state)
                states.append(state)
                chars += length
                if len(states) >= CHUNK_ROWS or chars >= CHUNK_CHARS:
                    yield Chunk(table, states, last=False)
                    states, chars = [], 0
            member.drain()  # (nothing may follow the array, but a file may still lie)
            _check_sum(self.manifest, member, refuse)
            if rows.rows != expected:
                refuse(f"{name} holds {rows.rows} rows but the manifest says {expected}")
        self.checks.end(table)
        yield Chunk(table, states, last=True)


@contextmanager
def open_bundle(
    path: Path | str, bound: StampBound | None = None, *, data: bytes | None = None
) -> Iterator[BundleFile]:
    """Open a bundle and check everything but its rows (see the module docstring).

    ``bound``: refuse stamps too far ahead of the laptop that imports the file. Damage
    found while the rows are read later is refused too. ``data``: the bundle's bytes
    (an encrypted file decrypted in memory, :mod:`.encryption`); ``path`` names it.
    """
    path = Path(path)

    def refuse(reason: str) -> NoReturn:
        raise BundleRefused(path, reason)

    if data is not None:
        if len(data) > bf.MAX_BUNDLE_BYTES:
            refuse(f"too big to be a bundle ({len(data):,} bytes inside the encryption)")
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
        except ZIP_ERRORS:
            refuse("the encrypted file does not hold a tenant-inspect bundle")
        with zf:
            yield _checked(path, zf, refuse, bound)
        return

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
            head = fh.read(64)
    except OSError as exc:
        refuse(f"cannot read it ({exc.strerror or exc})")
    try:
        zf = zipfile.ZipFile(path)
    except ZIP_ERRORS:
        if head[:4] == b"PK\x03\x04":
            refuse("the file is damaged or incomplete (was it copied completely?)")
        if looks_encrypted(head):
            refuse("it is encrypted: give its passphrase to import it")
        refuse("not a tenant-inspect bundle (not a zip file)")
    with zf:
        yield _checked(path, zf, refuse, bound)


def _checked(
    path: Path, zf: zipfile.ZipFile, refuse: Refuse, bound: StampBound | None
) -> BundleFile:
    try:
        return _open_zip(path, zf, refuse, bound)
    except BundleRefused:
        raise
    except ZIP_ERRORS as exc:
        refuse(f"the file is damaged ({exc})")


def _open_zip(
    path: Path, zf: zipfile.ZipFile, refuse: Refuse, bound: StampBound | None
) -> BundleFile:
    by_name = check_names(zf, refuse)
    with Member(zf, by_name[bf.MANIFEST_NAME], refuse) as member:
        manifest = _read_manifest(member.read_all(), refuse)
    listed = set(manifest.files)
    present = set(by_name) - {bf.MANIFEST_NAME}
    for name in sorted(listed - present):
        refuse(f"{name} is listed in the manifest but missing from the bundle")
    for name in sorted(present - listed):
        refuse(f"{name} is in the bundle but not listed in its manifest")
    tables = tables_of(manifest.format_version, SYNCED_TABLES)
    for table in tables:
        if f"data/{table}.json" not in listed:
            refuse(f"data/{table}.json is missing")
    for name in sorted(listed):  # a table of a later format in an older file
        if name.startswith(bf.DATA_DIR) and name[5:-5] not in tables:
            refuse(f"unexpected file '{name}' in the bundle")
    if set(manifest.counts) != set(tables):
        refuse("manifest.json: 'counts' must give the number of rows of every table")
    for table, limit in bf.MAX_TABLE_ROWS.items():
        if manifest.counts.get(table, 0) > limit:
            refuse(too_many(table, manifest.counts[table]))
    check_sizes(by_name, refuse)

    # The questionnaires now (small, and needed by the rows); each data file is hashed as
    # its rows are read, and refused at its end if it does not match (before any write).
    texts: dict[str, bytes] = {}
    for name in sorted(n for n in present if n.startswith(bf.QUESTIONNAIRE_DIR)):
        with Member(zf, by_name[name], refuse) as member:
            texts[name] = member.read_all()
        _check_sum(manifest, member, refuse)

    questionnaires: dict[str, str] = {}
    parsed: dict[str, Questionnaire] = {}
    for name, data in sorted(texts.items()):
        sha = name[len(bf.QUESTIONNAIRE_DIR) : -len(".toml")]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            refuse(f"{name} is not UTF-8 text")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
            refuse(f"{name}: its name is not the SHA-256 of its text")
        try:
            parsed[sha] = parse_bundled_questionnaire(text, name, sha)
        except QuestionnaireError as exc:
            refuse(f"{name} is not a valid questionnaire: {exc.summary}")
        questionnaires[sha] = text
    return BundleFile(path, manifest, questionnaires, zf, by_name, parsed, refuse, bound)


def _check_sum(manifest: bf.Manifest, member: Member, refuse: Refuse) -> None:
    entry = manifest.files[member.name]
    if member.size != entry.size or member.sha256() != entry.sha256:
        refuse(f"checksum mismatch for {member.name}: it was changed or damaged after it was made")


def too_many(table: str, count: int) -> str:
    """The refusal for a table over its limit (docs/bundle-format.md, section 7)."""
    label = LABELS[table]
    plural = "" if label.endswith("s") else "s"
    return f"this file holds {count} {label}{plural}; an inspection holds at most {bf.MAX_TABLE_ROWS[table]}"


def _describe(error: PydanticError, where: str) -> str:
    first = error.errors(include_url=False)[0]
    loc = [str(p) for p in first.get("loc", ())]
    kind = first.get("type", "")
    path = ".".join(loc)
    if kind == "json_invalid":
        return f"{where} is not valid JSON ({first['msg'].removeprefix('Invalid JSON: ')})"
    if kind == "extra_forbidden":
        return f"{where}: unknown field '{path}'"
    if kind == "missing":
        return f"{where}: field '{path}' is missing"
    return f"{where}, field '{path}': {first['msg']}" if path else f"{where}: {first['msg']}"


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


@dataclass
class Bundle:
    """A whole verified bundle in memory (tests and tools; imports stream instead)."""

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


def read_bundle(path: Path | str, bound: StampBound | None = None) -> Bundle:
    """Open and verify a bundle file completely, or raise :class:`BundleRefused`."""
    with open_bundle(path, bound) as source:
        states: dict[str, list[RowState]] = {table: [] for table in SYNCED_TABLES}
        for chunk in source.chunks():
            states[chunk.table].extend(chunk.states)
        return Bundle(source.path, source.manifest, states, source.questionnaires, source.max_stamp)


def local_inspection(db: Sql, inspection_id: str) -> tuple[str, bool] | None:
    """(title, deleted) of an inspection on this laptop, or None."""
    rows = db.run("SELECT title, deleted_at FROM inspection WHERE id = ?", (inspection_id,))
    return None if not rows else (rows[0][0], rows[0][1] is not None)
