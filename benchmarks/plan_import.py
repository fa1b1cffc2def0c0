"""Importing the landlord's action-plan workbook: 60 recommendations × 5 items, in-process.

Issue 12's budget: a workbook of 60 recommendations with 5 items each imports in at most
1 s in-process (the TUI's Action plan screen runs the same ``plan_apply.import_plan`` in
its file job). This script builds the large demo (60 recommendations), exports its
workbook, fills it in with openpyxl as a landlord would — every response answered, five
items per recommendation (the demo's own rows, the spare rows, and rows inserted inside
each block) — and then, on fresh copies of the database each time:

* times the first import (everything new: responses and about 300 items written);
* times a re-import of the same file (nothing changes: every field compared, none written).

Medians of ``--runs``. The last line printed is the first import's ratio to the 1 s budget.

    python benchmarks/plan_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import load_workbook

from tenant_inspect import plan_sheet as ps
from tenant_inspect.demo import build_demo
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.plan_apply import import_plan
from tenant_inspect.plan_export import export_plan
from tenant_inspect.store import open_store

ITEMS = 5
BUDGET = 1.0


def fill(path: Path) -> tuple[int, int]:
    """Answer every recommendation and give each five items; (recommendations, items)."""
    wb = load_workbook(path)
    ws = wb[ps.PLAN_SHEET]
    col = {c.key: i for i, c in enumerate(ps.COLUMNS, start=1)}
    recs = [
        r
        for r in range(ps.HEADER_ROW + 1, ws.max_row + 1)
        if ws.cell(r, col["kind"]).value == ps.KIND_RECOMMENDATION
    ]
    # From the bottom up, so inserting rows never moves a block not yet filled.
    for n, row in enumerate(reversed(recs)):
        ws.cell(row, col["response"]).value = "Accepted" if n % 4 else "Partly accepted"
        ws.cell(row, col["reason"]).value = "We agree and will act on it."
        ws.cell(row, col["responsible_role"]).value = "Head of Housing"
        ws.cell(row, col["sponsor_role"]).value = "Director of Customer Services"
        end = row + 1
        while end <= ws.max_row and ws.cell(end, col["kind"]).value == ps.KIND_ACTION:
            end += 1
        rows = list(range(row + 1, end))
        missing = ITEMS - len(rows)
        if missing > 0:  # the landlord inserts rows inside the block
            ws.insert_rows(end, missing)
            for r in range(end, end + missing):
                ws.cell(r, col["kind"]).value = ps.KIND_ACTION
            rows += list(range(end, end + missing))
        for k, r in enumerate(rows[:ITEMS]):
            ws.cell(r, col["key_outcomes"]).value = f"Outcome {k + 1} for tenants"
            ws.cell(r, col["key_actions"]).value = f"Action {k + 1}: train, publish, review"
            ws.cell(r, col["by_when"]).value = "March 2027" if k % 2 else "ongoing"
            ws.cell(r, col["progress"]).value = "Started; the first step is done."
            ws.cell(r, col["how_we_know"]).value = "Tenants tell us in the survey."
            ws.cell(r, col["status"]).value = "On track"
    wb.save(path)
    return len(recs), len(recs) * ITEMS


def copy_db(src: Path, dst_dir: Path) -> Path:
    data = resolve_data_dir(dst_dir)
    data.path.mkdir(parents=True)
    data.backup_dir.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(src)) as a, closing(sqlite3.connect(data.db_path)) as b:
        a.backup(b)
    return data.path


def timed_import(folder: Path, workbook: Path, inspection_id: str) -> tuple[float, int]:
    store = open_store(resolve_data_dir(folder))
    try:
        start = time.perf_counter()
        result = import_plan(store, workbook, inspection_id)
        return time.perf_counter() - start, result.changed
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="plan-bench-"))
    try:
        base = resolve_data_dir(root / "base")
        store = open_store(base)
        try:
            inspection_id = build_demo(store, size="large")
            workbook = root / "plan.xlsx"
            export_plan(store, inspection_id, workbook)
        finally:
            store.close()
        recs, items = fill(workbook)
        print(f"workbook: {recs} recommendations × {ITEMS} items = {items} items filled in")
        first, again = [], []
        for run in range(args.runs):
            folder = copy_db(base.db_path, root / f"run{run}")
            seconds, changed = timed_import(folder, workbook, inspection_id)
            first.append(seconds)
            seconds, unchanged = timed_import(folder, workbook, inspection_id)
            again.append(seconds)
            assert unchanged == 0, f"the re-import changed {unchanged} things"
        print(
            f"first import  median {statistics.median(first) * 1000:6.0f} ms "
            f"{[round(s * 1000) for s in first]}  ({changed} changes)"
        )
        print(
            f"re-import     median {statistics.median(again) * 1000:6.0f} ms "
            f"{[round(s * 1000) for s in again]}  (0 changes)"
        )
        print(f"budget: first import <= {BUDGET:.1f} s in-process")
        print(f"ratio first import / budget: {statistics.median(first) / BUDGET:.2f}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
