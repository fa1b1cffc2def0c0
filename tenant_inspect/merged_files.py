"""What importing a file did, and the files already merged here (so importing the very
same file again costs almost nothing).

:class:`FileResult` lives here, not in :mod:`tenant_inspect.merge`, so ``bundle import``
can report a file merged before without loading the ORM.

Why this is safe: a merge is a join (see ``docs/architecture.md``, "Merging without a
server"), so merging a file a second time changes nothing, whatever happened here in
between — a later edit carries a newer stamp that saw the file's, a deletion is a
tombstone, a resolved conflict a newer version that saw both sides. A file whose exact
bytes were merged before therefore need not be read, checked and joined again; it is
reported as "0 added, 0 updated, N unchanged". The merge rules are untouched: any file
not recorded here (a different byte anywhere) goes through the whole merge.

The record is a row in the local ``app_setting`` table written in the same transaction
as the merge, keyed by a digest of the file's bytes (digested before and after it was
read, so a file changed meanwhile is not recorded). A file whose merge changed nothing
is not recorded either: an import that changes nothing writes nothing. It lives in the database, so a
restored older backup forgets the files merged after it and merges them again. This
module is light (no SQLModel): :func:`lookup` takes any "run this SQL" function, so the
store's session and the plain-sqlite3 light path of ``bundle import`` read the record
with the same SQL.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: app_setting keys of merged files: the prefix and 40 hex digits of SHA-256 (160 bits;
#: the key column holds 60 characters).
PREFIX = "merged:"
_DIGITS = 40

#: Runs one SQL text with its parameters and returns the rows.
RunSql = Callable[[str, tuple[Any, ...]], Sequence[Any]]


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
class MergedFile:
    """What a file held when it was merged here: its inspection and how many rows."""

    inspection_id: str
    title: str
    rows: int

    def result(self, path: Path) -> FileResult:
        """Importing this file again: nothing changes (a merge is idempotent)."""
        return FileResult(
            path, inspection_id=self.inspection_id, inspection_title=self.title, unchanged=self.rows
        )

    def encode(self) -> str:
        return json.dumps(
            {"inspection_id": self.inspection_id, "title": self.title, "rows": self.rows},
            ensure_ascii=False,
        )


def digest(path: Path) -> str | None:
    """The file's content digest, or None if it cannot be read (the merge then says why)."""
    sha = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while block := fh.read(1 << 20):
                sha.update(block)
    except OSError:
        return None
    return sha.hexdigest()[:_DIGITS]


def key(file_digest: str) -> str:
    return PREFIX + file_digest


def lookup(run: RunSql, digests: Iterable[str]) -> dict[str, MergedFile]:
    """The recorded files among ``digests`` (a record that does not parse is ignored)."""
    keys = [key(d) for d in dict.fromkeys(digests)]
    if not keys:
        return {}
    marks = ", ".join("?" * len(keys))
    rows = run(f"SELECT key, value FROM app_setting WHERE key IN ({marks})", tuple(keys))
    found: dict[str, MergedFile] = {}
    for stored_key, value in rows:
        try:
            info = json.loads(value)
            found[stored_key[len(PREFIX) :]] = MergedFile(
                str(info["inspection_id"]), str(info["title"]), int(info["rows"])
            )
        except (ValueError, KeyError, TypeError):
            continue
    return found


#: Does an inspection have conflict rows still open? Then ``bundle import`` must open the
#: store to count the ones worth showing (:func:`tenant_inspect.merge.list_conflicts`).
ANY_OPEN_CONFLICT_SQL = (
    "SELECT 1 FROM conflict WHERE inspection_id = ? AND resolved_at IS NULL LIMIT 1"
)
