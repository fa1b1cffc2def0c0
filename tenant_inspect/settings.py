"""This laptop's bookkeeping: whose laptop it is, which kits went to whom, which laptops we know.

These facts are local (the ``app_setting`` table never travels in a file) but both the CLI
and the TUI need them: a kit made with ``bundle export --for`` on the command line must be
remembered exactly as one made on the Team screen, and a return file imported either way must
teach this laptop whose laptop it came from, so ``bundle conflicts`` and the Conflicts screen
can both say "from Ann's laptop" instead of "laptop 3fa2c1". Keeping the key formats here, in
one place, is what makes the two agree.

Every function takes an open session, so the caller decides what commits together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

#: app_setting keys are at most this long (the column's width).
KEY_WIDTH = 60


def member_key(inspection_id: str) -> str:
    """Which team member uses this laptop for an inspection."""
    return f"member:{inspection_id}"


def kit_key(member_id: str) -> str:
    """When (and to which file) a member's last kit was made on this laptop."""
    return f"kit:{member_id}"


def laptop_key(inspection_id: str, device_id: str) -> str:
    """Whose laptop ``device_id`` is, in an inspection (learnt from their return files)."""
    return f"laptop:{inspection_id}:{device_id}"


def get(session: Session, key: str) -> str | None:
    from .models import AppSetting

    setting = session.get(AppSetting, key)
    return setting.value if setting is not None else None


def put(session: Session, key: str, value: str, *, keep_existing: bool = False) -> None:
    """Store one setting (``keep_existing``: only if it is not set yet)."""
    from .models import AppSetting

    if len(key) > KEY_WIDTH:
        return  # a device id this long never comes from us; not worth a refusal
    setting = session.get(AppSetting, key)
    if setting is None:
        session.add(AppSetting(key=key, value=value))
    elif keep_existing or setting.value == value:
        return  # nothing to write: re-importing the same files stays cheap
    else:
        setting.value = value
    session.flush()


def this_device(session: Session) -> str:
    """This laptop's device id (set when the store was first opened).

    The store's clock carries it in every session it hands out; that is the one to trust
    on a server, whose ``app_setting`` is shared by everyone and holds no device id.
    """
    clock = session.info.get("clock")
    if clock is not None:
        return str(clock.device)
    return get(session, "device_id") or ""


# -- whose laptop ---------------------------------------------------------------


def laptop_member(session: Session, inspection_id: str, device_id: str | None = None) -> str | None:
    """Who works on this laptop for an inspection.

    The member its kit was made for; else the coordinator if the inspection was created on
    this laptop; else nobody known (None).
    """
    from . import models as m

    member = get(session, member_key(inspection_id))
    if member:
        return member
    device_id = device_id if device_id is not None else this_device(session)
    inspection = session.get(m.Inspection, inspection_id)
    if inspection is not None and device_id and inspection.device_id == device_id:
        from .inspections import coordinator

        coord = coordinator(session, inspection_id)
        return coord.id if coord is not None else None
    return None


def remember_member(session: Session, inspection_id: str, member_id: str) -> None:
    """A kit made for a member was opened here: this laptop is that member's."""
    put(session, member_key(inspection_id), member_id, keep_existing=True)


# -- kits issued ----------------------------------------------------------------


@dataclass(frozen=True)
class KitIssued:
    member_id: str
    at: datetime
    file: str


def record_kit(
    session: Session, member_id: str, file_name: str, at: datetime | None = None
) -> None:
    """Remember that a kit for ``member_id`` was written here (shown on the Team screen)."""
    moment = (at or datetime.now(UTC)).astimezone()
    put(session, kit_key(member_id), json.dumps({"at": moment.isoformat(), "file": file_name}))


def kit_issued(session: Session, member_id: str) -> KitIssued | None:
    value = get(session, kit_key(member_id))
    if not value:
        return None
    try:
        info = json.loads(value)
        return KitIssued(member_id, datetime.fromisoformat(info["at"]), str(info.get("file", "")))
    except (ValueError, KeyError, TypeError):
        return None


# -- laptops seen ---------------------------------------------------------------


def record_laptop(session: Session, inspection_id: str, device_id: str, member_id: str) -> None:
    """A return file from ``device_id`` was exported by ``member_id``: remember whose laptop."""
    if device_id and member_id and device_id != this_device(session):
        put(session, laptop_key(inspection_id, device_id), member_id)


def laptops_seen(session: Session, inspection_id: str) -> dict[str, str]:
    """Device id → member id for every laptop this one has had a file from."""
    from sqlmodel import col, select

    from .models import AppSetting

    prefix = laptop_key(inspection_id, "")
    rows = session.exec(select(AppSetting).where(col(AppSetting.key).startswith(prefix)))
    return {s.key[len(prefix) :]: s.value for s in rows}


# -- authors --------------------------------------------------------------------


def author_for(session: Session, inspection_id: str | None, device_id: str) -> str | None:
    """The author stamped on rows written here for an inspection (None when unknown).

    Called by the store's stamping hook for every new row that has no author yet, so rows
    typed in the TUI and rows written by the CLI both carry the member whose laptop this is.
    """
    if not inspection_id:
        return None
    cache: dict[str, str] = session.info.setdefault("authors", {})
    if inspection_id not in cache:  # unknown ones are asked again: a member may arrive later
        with session.no_autoflush:
            member = laptop_member(session, inspection_id, device_id)
        if member is None:
            return None
        cache[inspection_id] = member
    return cache[inspection_id]
