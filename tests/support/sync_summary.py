"""What a sync's summary says it moved, for the sync tests: its 'sent:' and 'received:' lines."""

from __future__ import annotations

#: What a sync sends or receives when only the inspection row (always in a bundle) moves.
NOTHING = "0 added, 0 updated, 1 unchanged, 0 conflicts"
ONE_EDIT = "0 added, 1 updated, 1 unchanged, 0 conflicts"
#: The push goes first, so a row someone else changed on the server goes up in its older
#: version too (the server keeps its newer one: "unchanged"), then comes down updated.
BEHIND_BY_ONE = "0 added, 0 updated, 2 unchanged, 0 conflicts"


def words(out: str) -> dict[str, str]:
    """The 'sent:' and 'received:' lines of a sync's summary."""
    lines = {}
    for line in out.splitlines():
        key, _, value = line.strip().partition(":")
        if key in ("sent", "received"):
            lines[key] = value.strip()
    return lines
