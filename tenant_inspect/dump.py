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
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from functools import partial
from typing import Any

from sqlmodel import Session, col, select

from . import models as m
from .plain_text import json_for_terminals

DUMP_FORMAT = 1
#: Rows read from the database at a time while dumping.
_BATCH = 500


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return m.UTCDateTime().process_bind_param(value, None)
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_dict(row: m.SyncedRow) -> dict[str, Any]:
    """A row's fields as JSON-ready plain values (field order follows the model)."""
    return {name: _plain(getattr(row, name)) for name in type(row).model_fields}


def _table_rows(session: Session, model: type[m.SyncedRow], inspection_id: str) -> Iterator[Any]:
    """One table's rows of the inspection by id, read in batches (never all at once)."""
    key = model.id if model is m.Inspection else getattr(model, "inspection_id")
    query = select(model).where(key == inspection_id).order_by(col(model.id))
    for row in session.exec(query.execution_options(yield_per=_BATCH)):
        yield row_dict(row)


def _conflicts(session: Session, inspection_id: str) -> list[dict[str, Any]]:
    conflicts = session.exec(
        select(m.Conflict).where(m.Conflict.inspection_id == inspection_id)
    ).all()
    return sorted(
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


def _tables(session: Session, inspection_id: str) -> dict[str, Callable[[], Iterable[Any]]]:
    """Each table's name and how to read its rows, lazily."""
    tables: dict[str, Callable[[], Iterable[Any]]] = {
        str(model.__tablename__): partial(_table_rows, session, model, inspection_id)
        for model in m.SYNCED_MODELS
    }
    tables["conflict"] = partial(_conflicts, session, inspection_id)
    return tables


def inspection_data(session: Session, inspection_id: str) -> dict[str, Any]:
    """Every row of one inspection, grouped by table, as plain data."""
    tables = {name: list(rows()) for name, rows in _tables(session, inspection_id).items()}
    return {"format": DUMP_FORMAT, "inspection_id": inspection_id, "tables": tables}


def write_dump(session: Session, inspection_id: str, write: Callable[[str], object]) -> None:
    """The canonical JSON text of :func:`dump_json`, written piece by piece.

    Why: a whole inspection as rows, then as dicts, then as one string (and its escaped
    copy) took 210 MiB at four times the large demo. Here a batch of rows at a time is in
    memory. The text is exactly ``json.dumps(data, sort_keys=True, indent=2,
    ensure_ascii=False)``: every value is dumped by ``json`` itself at its depth (JSON
    text never holds a raw newline, so indenting a value's lines is exact), and the
    terminal escapes replace single characters, so escaping piece by piece is the same.
    """

    def out(text: str) -> None:
        write(json_for_terminals(text))

    out(f'{{\n  "format": {DUMP_FORMAT},\n  "inspection_id": {_dumps(inspection_id)},\n')
    out('  "tables": {')
    tables = _tables(session, inspection_id)
    for t, name in enumerate(sorted(tables)):
        out(f"{',' if t else ''}\n    {_dumps(name)}: [")
        first = True
        for row in tables[name]():
            text = _dumps(row, indent=2).replace("\n", "\n      ")
            out(f"{'' if first else ','}\n      {text}")
            first = False
        out("]" if first else "\n    ]")
    out("\n  }\n}\n")


def dump_json(session: Session, inspection_id: str) -> str:
    """The canonical JSON text (UTF-8, sorted keys, two-space indent, final newline)."""
    parts: list[str] = []
    write_dump(session, inspection_id, parts.append)
    return "".join(parts)


def _dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, sort_keys=True, indent=indent, ensure_ascii=False)
