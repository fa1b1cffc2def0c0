"""The Team screen's data: who is in the team, whose laptop this is, kits made, the last
sync, open conflicts.

The bookkeeping (which kit went to whom and when, whose laptop this is) is this laptop's
own and lives in :mod:`tenant_inspect.settings`; the CLI and the screen write it through
the core (``export_bundle(..., for_member_id=...)`` records the kit), and this loader only
reads it back, so a kit made with ``bundle export --for`` shows on the screen too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import settings
from ..sync import last_sync
from .conflict_words import when_words
from .conflicts import ConflictItem, describe_conflicts
from .sync_words import last_sync_words

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass(frozen=True)
class MemberRow:
    id: str
    name: str
    role: str
    last_kit: str  # "3 Mar 2026 14:05", or "" if none was made on this laptop


@dataclass(frozen=True)
class TeamData:
    inspection_id: str
    title: str
    members: tuple[MemberRow, ...]
    laptop_member: MemberRow | None  # who uses this laptop for this inspection
    conflicts: tuple[ConflictItem, ...]
    #: "Last synced with host/db on 5 Dec 14:02: 12 changes came in, 1 conflict", or ''
    last_sync: str = ""
    sync_url: str = ""  # the server last synced with (no password), for F5

    @property
    def sync_line(self) -> str:
        """The last sync on a line of its own, to follow the laptop's line ('' if never)."""
        # F5 is left out of the footer (it matters only once a laptop has synced): said here.
        return f"\n{self.last_sync} · F5: sync again" if self.last_sync else ""


def last_kit_words(session: Session, member_id: str) -> str:
    """When this laptop last made a kit for a member ('3 Mar 2026 14:05'), or ''."""
    kit = settings.kit_issued(session, member_id)
    return when_words(kit.at.astimezone()) if kit is not None else ""


def load_team(session: Session, inspection_id: str) -> TeamData:
    """The team, when each member's last kit was made here, and the open conflicts."""
    from .. import inspections

    inspection = inspections.get_inspection(session, inspection_id)
    members = tuple(
        MemberRow(t.id, t.name, t.role, last_kit_words(session, t.id))
        for t in inspections.team(session, inspection.id)
    )
    mine = settings.laptop_member(session, inspection.id)
    synced = last_sync(session, inspection.id)
    return TeamData(
        inspection_id=inspection.id,
        title=inspection.title,
        members=members,
        laptop_member=next((r for r in members if r.id == mine), None),
        conflicts=describe_conflicts(session, inspection.id),
        last_sync=last_sync_words(synced),
        sync_url=synced.url if synced is not None else "",
    )
