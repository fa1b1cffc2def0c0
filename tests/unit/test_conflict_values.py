"""A kept conflict's two values come back as they were written, whatever their JSON type.

Why: the conflict table's value columns are declared ``JSON``, which SQLite gives numeric
affinity, so the JSON text ``5`` is stored as the integer 5 and ``7.5`` as a real; read
back, those are the values themselves, not JSON text. A position or a count changed on two
laptops is such a conflict (found by the bundle fuzz test).
"""

from __future__ import annotations

from pathlib import Path

from tenant_inspect.inspections import create_inspection
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.mergestate import open_conflicts
from tenant_inspect.mergestate.plan import RowPlan, apply_plans
from tenant_inspect.store import open_store

VALUES = [5, 7.5, "5", "text", True, None, ["a", 1], {"k": 2}]


def test_conflict_values_of_every_json_type_come_back_unchanged(tmp_path: Path) -> None:
    store = open_store(resolve_data_dir(tmp_path / "data"))
    try:
        with store.write() as session:
            inspection_id = create_inspection(session, title="Repairs", landlord="Vale HA").id
        plan = RowPlan("area", "row", None, "", None, {}, "unchanged", 0)
        for n, (kept, other) in enumerate(zip(VALUES, reversed(VALUES), strict=True)):
            plan.conflict_inserts.append(
                {
                    "id": f"c{n}",
                    "inspection_id": inspection_id,
                    "table_name": "area",
                    "row_id": f"row{n}",
                    "field": "position",
                    "kind": "edit",
                    "created_at": "2026-12-05T10:00:00.000000Z",
                    "resolved_at": None,
                    "resolution": "",
                    "kept_value": kept,
                    "kept_hlc": "a",
                    "other_value": other,
                    "other_hlc": "b",
                }
            )
        with store.sql_write() as db:
            apply_plans(db, "area", [plan])
        with store.sql_read() as db:
            found = open_conflicts(db, inspection_id)
        got = [(found[("area", f"row{n}")][0].kept_value, found[("area", f"row{n}")][0].other_value)
               for n in range(len(VALUES))]  # fmt: skip
        assert got == list(zip(VALUES, reversed(VALUES), strict=True))
        assert [type(k) for k, _ in got] == [type(v) for v in VALUES]
    finally:
        store.close()
