"""The bookkeeping every synced table shares: ids, UTC timestamps and change stamps.

:class:`SyncedRow` is the base of every table in :mod:`.models` that travels between laptops
(see that module for what each field is for); :class:`UTCDateTime` is how their datetimes are
stored, and :func:`remember_replaced_stamps` is the listener :mod:`.models` sets on each
synced table's ``field_clocks`` so a merge knows which changes this laptop has seen.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, String, TypeDecorator
from sqlmodel import Field, SQLModel

from .dates import parse_stored_time
from .fresh_values import new_id, utcnow

__all__ = ["SyncedRow", "UTCDateTime", "new_id", "remember_replaced_stamps", "utcnow"]


class UTCDateTime(TypeDecorator[datetime]):
    """Store datetimes as fixed-width UTC ISO-8601 text and read them back aware.

    SQLite has no datetime type; SQLAlchemy's default drops the timezone. A
    fixed format also sorts correctly as text and is identical in ``dump``.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; tenant-inspect stores UTC only")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def process_result_value(self, value: str | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return parse_stored_time(value)


class SyncedRow(SQLModel):
    """Bookkeeping shared by every row that travels between laptops."""

    #: Fields that are bookkeeping rather than content: not clocked per field.
    BOOKKEEPING: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "created_at",
            "updated_at",
            "author_id",
            "device_id",
            "hlc",
            "field_clocks",
            "field_seen",
            "deleted_seen",
        }
    )

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    author_id: str | None = Field(default=None, max_length=36)
    device_id: str = Field(default="", max_length=64)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    hlc: str = Field(default="", max_length=96, index=True)
    field_clocks: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    #: Per field, more change stamps (one per device, the newest) this laptop has seen
    #: beyond those implied by ``field_clocks`` and the open conflicts.
    field_seen: dict[str, list[str]] = Field(default_factory=dict, sa_type=JSON)
    #: Per live deletion stamp, the newest change stamp per device the deleting laptop
    #: had seen of this row when it deleted it. Merge-only.
    deleted_seen: dict[str, list[str]] = Field(default_factory=dict, sa_type=JSON)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


def remember_replaced_stamps(target: SyncedRow, value: Any, oldvalue: Any, initiator: Any) -> None:
    """When a field gets a new change stamp, keep the stamp it replaces in ``field_seen``.

    The merge needs to know every change of a field this laptop has seen (see
    docs/architecture.md, "Merging without a server"). A replaced stamp from this laptop is
    implied by the new one (a device's stamps only grow), so only another device's stamp is
    remembered — the one an edit made here was written on top of. The store replaces
    ``field_clocks`` as a whole on every change, which is what fires this.
    """
    if not isinstance(oldvalue, dict) or not isinstance(value, dict):
        return
    seen: dict[str, list[str]] | None = None
    for name, old in oldvalue.items():
        new = value.get(name)
        if not old or new == old or (new and new[19:] == old[19:] and new > old):
            continue  # unchanged, or implied by the new stamp (same device, later)
        if seen is None:
            seen = {k: list(v) for k, v in (target.field_seen or {}).items()}
        newest = {stamp[19:]: stamp for stamp in seen.get(name, [])}  # "<ms>-<n>-" is 19 chars
        if newest.get(old[19:], "") < old:
            newest[old[19:]] = old
        seen[name] = sorted(newest.values())
    if seen is not None:
        target.field_seen = seen
