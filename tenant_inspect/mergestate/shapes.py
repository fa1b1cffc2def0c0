"""The synced tables' shapes (columns and their kinds), kept in a data file made from the models.

Why: a merge needs to know, for each synced table, its columns in order and which of them
are dates, times, JSON or booleans, their defaults and unique keys. Reading that from the
SQLModel classes means importing SQLAlchemy, SQLModel and the models, about 0.45 s of CPU
before a ``bundle import`` or a ``sync`` has read a byte, and the merge itself is plain SQL
on the DB-API connection. So the shapes live in ``table_shapes.json`` beside this module,
and :mod:`.tables` reads that file (a few milliseconds).

Why it cannot drift: the file is never written by hand. :func:`derive` reads the shapes from
the models exactly as the merge used to, and a test compares the committed file with it byte
for byte. After changing a synced model (a new migration)::

    python -m tenant_inspect.mergestate.shapes --write

Only :func:`derive` imports the models; reading the file imports nothing heavy.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

FILE_NAME = "table_shapes.json"
REGENERATE = "python -m tenant_inspect.mergestate.shapes --write"


def read_shapes() -> dict[str, Any]:
    """The committed shapes: ``bookkeeping`` and ``tables`` (name -> shape, parents first)."""
    data = resources.files("tenant_inspect.mergestate").joinpath(FILE_NAME)
    shapes: dict[str, Any] = json.loads(data.read_text(encoding="utf-8"))
    return shapes


def shapes_path() -> Path:
    """Where the data file is in a checkout (for ``--write`` and the test)."""
    return Path(str(resources.files("tenant_inspect.mergestate").joinpath(FILE_NAME)))


def derive() -> dict[str, Any]:
    """The shapes as the models define them (imports SQLAlchemy, SQLModel and the models)."""
    from sqlalchemy import JSON, Boolean, Date, UniqueConstraint

    from .. import models as m

    tables: dict[str, Any] = {}
    for model in m.SYNCED_MODELS:
        table = model.__table__  # type: ignore[attr-defined]
        columns = [c.name for c in table.columns]
        content = [c for c in columns if c not in model.BOOKKEEPING]
        defaults: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            if name not in content:
                continue  # ids and times get fresh values; bookkeeping is never defaulted
            if info.default_factory is not None:
                defaults[name] = info.default_factory()  # type: ignore[call-arg]
            elif not info.is_required():
                defaults[name] = info.default
        tables[str(table.name)] = {
            "columns": columns,
            "dates": sorted(
                c.name
                for c in table.columns
                if isinstance(c.type, Date) and not isinstance(c.type, m.UTCDateTime)
            ),
            "times": sorted(c.name for c in table.columns if isinstance(c.type, m.UTCDateTime)),
            "jsons": sorted(c.name for c in table.columns if isinstance(c.type, JSON)),
            "bools": sorted(c.name for c in table.columns if isinstance(c.type, Boolean)),
            "defaults": defaults,
            "uniques": sorted(
                [str(u.name), [c.name for c in u.columns]]
                for u in table.constraints
                if isinstance(u, UniqueConstraint)
            ),
        }
    return {"bookkeeping": sorted(m.SyncedRow.BOOKKEEPING), "tables": tables}


def render(shapes: dict[str, Any]) -> str:
    """The file's text: indented JSON, keys in the models' order (tables parents first)."""
    return json.dumps(shapes, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite {FILE_NAME}")
    args = parser.parse_args(argv)
    text = render(derive())
    if args.write:
        shapes_path().write_text(text, encoding="utf-8")
        print(f"wrote {shapes_path()}")
        return 0
    current = shapes_path().read_text(encoding="utf-8")
    if current != text:
        print(f"{FILE_NAME} is out of date; run: {REGENERATE}")
        return 1
    print(f"{FILE_NAME} is up to date")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
