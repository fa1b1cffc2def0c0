"""The one line that says when this laptop last synced an inspection and what came in.

Shared by ``sync`` (printed at the end) and the Team screen, so both say it the same way:
"Last synced with db.example.org/programme on 5 Dec 14:02: 12 changes came in, 1 conflict".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..sync import SyncRecord


def last_sync_words(record: SyncRecord | None) -> str:
    """The line for a sync record ('' if the laptop never synced the inspection)."""
    if record is None:
        return ""
    moment = record.at.astimezone()
    came_in = record.received.added + record.received.updated
    changes = "no changes came in" if not came_in else f"{came_in} change"
    if came_in:
        changes += " came in" if came_in == 1 else "s came in"
    conflicts = record.open_conflicts
    plural = "" if conflicts == 1 else "s"
    open_words = f", {conflicts} conflict{plural}" if conflicts else ""
    return (
        f"Last synced with {record.server} on {moment.day} {moment:%b %H:%M}: {changes}{open_words}"
    )
