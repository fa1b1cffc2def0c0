"""Command-line figures as whole processes, each against its baseline in the same run.

DESIGN.md's budgets: ``list`` and ``doctor`` take at most 0.15 s of CPU; merging 12
inspector files takes at most 1 s as a command, and re-importing them at most 0.5 s.

Every figure is a fresh ``python -m tenant_inspect ...`` process (interpreter start, imports,
the CLI, the work, the exit), measured from outside: wall time around the child, and the
child's own CPU time (user + system) from ``os.wait4``. Baselines, run interleaved with the
commands they frame:

* ``list`` / ``doctor`` (on the small demo, an empty inspection and the large demo) against a
  plain ``sqlite3`` script that reads the same database for most of ``list``'s figures
  (each inspection with its counts of areas, documents, interviews and those complete,
  findings, recommendations; not the derived stage): the floor the 0.15 s budget leaves
  room above. The budget is absolute; the ratio printed is CPU / 0.15 s.
* ``bundle import`` of the 12 return files of ``benchmarks/merge.py``'s fixture (built once,
  in process) into a fresh copy of the coordinator's folder, then the same command again
  (the re-import, which must change nothing), against ``python -c pass`` for context.

The last line printed is the worst ratio to a budget.

    python benchmarks/cli.py [--runs 7]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _fixtures import copy_folder, home_folder
from _pty import ROOT, app, median, ms, run, spread

CPU_BUDGET = 0.15
MERGE_BUDGET, REIMPORT_BUDGET = 1.0, 0.5

RAW_LIST = """
import sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
counts = {}
for table in ("area", "document_review", "interview", "finding", "recommendation"):
    for iid, n in conn.execute(
        f"SELECT inspection_id, count(*) FROM {table} WHERE deleted_at IS NULL GROUP BY 1"
    ):
        counts.setdefault(iid, {})[table] = n
done = dict(conn.execute(
    "SELECT inspection_id, count(*) FROM interview WHERE deleted_at IS NULL "
    "AND status = 'complete' GROUP BY 1"
).fetchall())
rows = conn.execute(
    "SELECT id, title, landlord, status, updated_at FROM inspection WHERE deleted_at IS NULL "
    "ORDER BY updated_at DESC"
).fetchall()
for iid, title, landlord, status, _ in rows:
    c = counts.get(iid, {})
    print(iid[:8], status, done.get(iid, 0), c.get("interview", 0), c.get("finding", 0), title)
"""


def paired(commands: dict[str, list[str]], runs: int) -> dict[str, list]:
    """Run each command once per round, rotating the order; one unmeasured warm-up round."""
    names = list(commands)
    out: dict[str, list] = {name: [] for name in names}
    for rnd in range(runs + 1):
        k = rnd % len(names)
        for name in names[k:] + names[:k]:
            ran = run(commands[name])
            if rnd:
                out[name].append(ran)
    return out


def cpu_figures(root: Path, runs: int) -> list[tuple[str, float, float]]:
    data = home_folder(root / "home")
    db = data / "tenant-inspect.db"
    ran = paired(
        {
            "list": app(data, "list"),
            "doctor": app(data, "doctor"),
            "raw sqlite3 list": [sys.executable, "-c", RAW_LIST, str(db)],
        },
        runs,
    )
    print("list / doctor on 3 inspections (small demo, empty, large demo):")
    for name, results in ran.items():
        cpu = [r.cpu for r in results]
        wall = [r.wall for r in results]
        print(
            f"  {name:<17} CPU median {ms(median(cpu)):>7} [{spread(cpu)}]   "
            f"wall median {ms(median(wall)):>7}"
        )
    raw = median([r.cpu for r in ran["raw sqlite3 list"]])
    ratios = []
    for name in ("list", "doctor"):
        cpu = median([r.cpu for r in ran[name]])
        print(
            f"  {name}: {cpu:.3f} s CPU = {cpu / raw:.1f} x the raw reader, "
            f"{cpu / CPU_BUDGET:.2f} x the {CPU_BUDGET} s budget"
        )
        ratios.append((f"{name} CPU / budget", cpu, CPU_BUDGET))
    return ratios


def import_figures(root: Path, runs: int) -> list[tuple[str, float, float]]:
    sys.path.insert(0, str(ROOT))
    import merge  # the fixture builder (imports the product, in this process only)

    started = time.perf_counter()
    fixture = root / "merge"
    fixture.mkdir()
    merge.build_fixture(fixture)
    files = [str(p) for p in sorted(fixture.glob("return*.zip"))]
    print(
        f"bundle import: {len(files)} return files "
        f"({time.perf_counter() - started:.0f} s to build the fixture)"
    )
    merges: list = []
    again: list = []
    baseline: list = []
    for rnd in range(runs + 1):
        data = copy_folder(fixture / "coordinator", root / "run")
        first = run(app(data, "bundle", "import", *files))
        second = run(app(data, "bundle", "import", *files))
        bare = run([sys.executable, "-c", "pass"])
        if rnd == 0:
            if "added" not in first.stdout:
                print(f"  (unexpected import output: {first.stdout[:300]!r})")
            continue
        merges.append(first)
        again.append(second)
        baseline.append(bare)
    for name, results in (
        ("merge 12 files", merges),
        ("re-import them", again),
        ("python -c pass", baseline),
    ):
        wall = [r.wall for r in results]
        cpu = [r.cpu for r in results]
        rss = max(r.rss_mib for r in results)
        print(
            f"  {name:<15} wall median {ms(median(wall)):>7} [{spread(wall)}]  "
            f"CPU {ms(median(cpu)):>7}  peak RSS {rss:.0f} MiB"
        )
    m, r = median([x.wall for x in merges]), median([x.wall for x in again])
    print(f"  budgets: merge <= {MERGE_BUDGET} s, re-import <= {REIMPORT_BUDGET} s (wall)")
    return [
        ("bundle import wall / budget", m, MERGE_BUDGET),
        ("re-import wall / budget", r, REIMPORT_BUDGET),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="measured rounds (default 7)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cli-bench-") as tmp:
        root = Path(tmp)
        ratios = cpu_figures(root, args.runs)
        ratios += import_figures(root, max(1, args.runs // 2))
    for name, value, budget in ratios:
        verdict = "within budget" if value <= budget else "OVER BUDGET"
        print(f"{name}: {value / budget:.2f} ({value:.3f} s, budget {budget} s, {verdict})")
    name, value, budget = max(ratios, key=lambda x: x[1] / x[2])
    print(f"worst ratio to budget ({name.split(' / ')[0]}): {value / budget:.2f}")
    return 0 if value <= budget else 1


if __name__ == "__main__":
    sys.exit(main())
