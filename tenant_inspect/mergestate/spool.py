"""Merge plans waiting on disk between checking a file and writing it.

A large file's plans would take more memory than the file itself; spooled, they cost a
temporary file (kept in memory while small) that disappears when it is closed. Each chunk
of plans is one JSON document, read back in the order written.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator

from .plan import RowPlan

#: Plans smaller than this stay in memory; larger ones go to a temporary file.
IN_MEMORY_BYTES = 4 * 1024 * 1024


class Spool:
    """Chunks of :class:`~.plan.RowPlan`, written once and read back once, in order."""

    def __init__(self) -> None:
        # Owned by the spool and closed by close(), which the merge calls in a with block.
        self._file = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
        self._chunks: list[tuple[str, int, int]] = []  # table, offset, length
        self._end = 0
        self.rows = 0

    def add(self, table: str, plans: list[RowPlan]) -> None:
        if not plans:
            return
        data = json.dumps([p.to_plain() for p in plans], ensure_ascii=False).encode("utf-8")
        self._file.seek(self._end)
        self._file.write(data)
        self._chunks.append((table, self._end, len(data)))
        self._end += len(data)
        self.rows += len(plans)

    def __iter__(self) -> Iterator[tuple[str, list[RowPlan]]]:
        for table, offset, length in self._chunks:
            self._file.seek(offset)
            plain = json.loads(self._file.read(length))
            yield table, [RowPlan.from_plain(p) for p in plain]

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
