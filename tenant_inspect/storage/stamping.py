"""The session every store hands out: synced rows are stamped on flush.

Every synced row carries UTC ``created_at`` / ``updated_at``, the device that
wrote it, its author and a hybrid-logical-clock stamp per changed field; the
merge of return files depends on those stamps being right. Doing it in
``before_flush`` means no caller can forget to, whichever back-end runs the
SQL — which is why this lives beside the back-ends and not inside one.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect
from sqlmodel import Session

from ..models import SyncedRow, utcnow
from ..settings import author_for

if TYPE_CHECKING:
    from ..clock import HybridClock


class StampingSession(Session):
    """A Session whose flushes stamp synced rows (see module docstring).

    ``info`` keys: ``clock`` (HybridClock), ``author_id`` (team member or
    None) and ``preserve_stamps`` (True while a merge writes rows exactly as
    they arrived).
    """


@event.listens_for(StampingSession, "before_flush")
def _stamp_rows(session: Session, flush_context: Any, instances: Any) -> None:
    clock: HybridClock | None = session.info.get("clock")
    if clock is None or session.info.get("preserve_stamps"):
        return
    author = session.info.get("author_id")
    now = utcnow()
    for index, obj in enumerate(o for o in session.new if isinstance(o, SyncedRow)):
        # Rows added in one flush keep their order: a microsecond apart.
        created = now + timedelta(microseconds=index)
        stamp = clock.now()
        obj.created_at = created
        obj.updated_at = created
        obj.device_id = clock.device
        if obj.author_id is None:
            obj.author_id = author or author_for(
                session, getattr(obj, "inspection_id", None), clock.device
            )
        obj.hlc = stamp
        obj.field_clocks = {
            name: stamp for name in type(obj).model_fields if name not in obj.BOOKKEEPING
        }
    for obj in session.dirty:
        if not isinstance(obj, SyncedRow) or not session.is_modified(obj):
            continue
        state = inspect(obj)
        changed = [
            attr.key
            for attr in state.attrs
            if attr.key not in obj.BOOKKEEPING and attr.history.has_changes()
        ]
        if not changed:
            continue
        stamp = clock.now()
        obj.updated_at = now
        obj.hlc = stamp
        obj.field_clocks = {**(obj.field_clocks or {}), **dict.fromkeys(changed, stamp)}


def observe_newest_stamps(clock: HybridClock, session: Session) -> None:
    """:func:`tenant_inspect.mergestate.observe_newest_stamps` on a session's connection."""
    from ..mergestate.storage import observe_newest_stamps as observe
    from ..sql_marks import session_sql

    observe(clock, session_sql(session))
