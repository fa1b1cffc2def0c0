"""The zip file itself: its table of contents, and members read with a running byte limit.

Nothing is ever extracted. The table of contents is checked first (entry count, safe and
expected names, sizes, compression ratios); then every member is read through
``ZipFile.open`` with a running byte limit while it is hashed, because declared sizes can
lie. Limits are read from :mod:`tenant_inspect.bundle_format` when they are used (tests
lower them).
"""

from __future__ import annotations

import hashlib
import struct
import zipfile
import zlib
from collections import Counter
from typing import IO

from .. import bundle_format as bf
from ..mergestate import SYNCED_TABLES
from .verify import Refuse

# Everything zipfile / zlib may raise on a damaged or hostile archive.
ZIP_ERRORS = (
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
    return bool(match and match.group(1) in SYNCED_TABLES)


def member_cap(name: str) -> int:
    if name == bf.MANIFEST_NAME:
        return bf.MAX_MANIFEST_BYTES
    if name.startswith(bf.QUESTIONNAIRE_DIR):
        return bf.MAX_QUESTIONNAIRE_BYTES
    return bf.MAX_MEMBER_BYTES


def check_names(zf: zipfile.ZipFile, refuse: Refuse) -> dict[str, zipfile.ZipInfo]:
    """The table of contents, before any member is read: entries, names, methods; name ->
    entry. (Sizes are :func:`check_sizes`, once the manifest's row counts have passed.)"""
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
    for info in infos:
        name = info.filename
        if not _expected_name(name):
            refuse(f"unexpected file {name!r} in the bundle")
        if info.flag_bits & 0x1:
            refuse(f"{name} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            refuse(f"{name} uses an unsupported compression method")
    by_name = {i.filename: i for i in infos}
    manifest = by_name.get(bf.MANIFEST_NAME)
    if manifest is None:
        refuse("not a tenant-inspect bundle (it has no manifest.json)")
    _check_size(manifest, refuse)
    return by_name


def _check_size(info: zipfile.ZipInfo, refuse: Refuse) -> None:
    name, cap = info.filename, member_cap(info.filename)
    if info.file_size > cap:
        refuse(f"{name} is too big ({info.file_size:,} bytes; the limit is {cap:,})")
    if info.file_size > bf.RATIO_FLOOR and info.file_size > bf.MAX_RATIO * max(
        info.compress_size, 1
    ):
        refuse(f"{name} is compressed suspiciously well (a compression bomb?)")


def check_sizes(by_name: dict[str, zipfile.ZipInfo], refuse: Refuse) -> None:
    """Every member's declared size against its cap and the totals, before reading it."""
    total = questionnaires = 0
    for name, info in by_name.items():
        _check_size(info, refuse)
        total += info.file_size
        if name.startswith(bf.QUESTIONNAIRE_DIR):
            questionnaires += info.file_size
    if total > bf.MAX_TOTAL_BYTES:
        refuse(f"its contents are too big ({total:,} bytes; the limit is {bf.MAX_TOTAL_BYTES:,})")
    if questionnaires > bf.MAX_QUESTIONNAIRES_BYTES:
        refuse(
            f"its questionnaires are too big ({questionnaires:,} bytes; the limit is "
            f"{bf.MAX_QUESTIONNAIRES_BYTES:,})"
        )


class Member:
    """A member opened for reading: hashed as it is read, never past ``size`` bytes.

    ``size`` is the smaller of the member's cap and what its entry declares; reading more
    than that refuses the file (declared sizes can lie).
    """

    def __init__(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, refuse: Refuse) -> None:
        self.name = info.filename
        self._refuse = refuse
        self._limit = min(member_cap(self.name), info.file_size)
        self._fh: IO[bytes] = zf.open(info)
        self._digest = hashlib.sha256()
        self.size = 0

    def read(self, n: int = -1) -> bytes:
        data = self._fh.read(n if n >= 0 else self._limit + 1 - self.size)
        self.size += len(data)
        if self.size > self._limit:
            self._refuse(f"{self.name} is bigger than its zip entry says")
        self._digest.update(data)
        return data

    def read_all(self) -> bytes:
        chunks = []
        while chunk := self.read(1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)

    def drain(self) -> None:
        while self.read(1 << 16):
            pass

    def sha256(self) -> str:
        return self._digest.hexdigest()

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> Member:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
