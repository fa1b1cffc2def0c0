"""Canonical JSON of one inspection.

The same data always gives the same bytes: tables in dependency order, rows
sorted by id, keys sorted, dates and times in fixed ISO forms, and nothing
that depends on this laptop (such as conflict-row ids or when a conflict was
noticed). Merge tests compare dumps byte for byte, so this must stay stable.
Tombstoned rows are included: a deletion is data too.

The dump goes to terminals (``tenant-inspect dump ID``) and stored text may hold control
characters (older versions stored whatever a bundle carried), so every control and bidi
character is written as a ``\\uXXXX`` escape: the JSON means exactly the same, and printing
it can no longer clear a screen or set a window title.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from . import models as m
from .plain_text import json_for_terminals

DUMP_FORMAT = 1


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return m.UTCDateTime().process_bind_param(value, None)
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_dict(row: m.SyncedRow) -> dict[str, Any]:
    """A row's fields as JSON-ready plain values (field order follows the model)."""
    return {name: _plain(getattr(row, name)) for name in type(row).model_fields}


def inspection_data(session: Session, inspection_id: str) -> dict[str, Any]:
    """Every row of one inspection, grouped by table, as plain data."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for model in m.SYNCED_MODELS:
        table = model.__tablename__
        key = model.id if model is m.Inspection else getattr(model, "inspection_id")
        query = select(model).where(key == inspection_id)
        rows = session.exec(query.order_by(col(model.id))).all()
        tables[str(table)] = [row_dict(r) for r in rows]
    conflicts = session.exec(
        select(m.Conflict).where(m.Conflict.inspection_id == inspection_id)
    ).all()
    tables["conflict"] = sorted(
        (
            {
                "table_name": c.table_name,
                "row_id": c.row_id,
                "field": c.field,
                "kept_value": c.kept_value,
                "kept_hlc": c.kept_hlc,
                "other_value": c.other_value,
                "other_hlc": c.other_hlc,
                "resolved": c.resolved_at is not None,
                "resolution": c.resolution,
            }
            for c in conflicts
        ),
        key=lambda d: (d["table_name"], d["row_id"], d["field"], d["other_hlc"], d["kept_hlc"]),
    )
    return {"format": DUMP_FORMAT, "inspection_id": inspection_id, "tables": tables}


def dump_json(session: Session, inspection_id: str) -> str:
    """The canonical JSON text (UTF-8, sorted keys, two-space indent, final newline)."""
    data = inspection_data(session, inspection_id)
    return json_for_terminals(json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)) + "\n"
