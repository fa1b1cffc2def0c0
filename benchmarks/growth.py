"""Growth and memory: real commands at 1× and 4× the large demo, as whole processes.

DESIGN.md's budgets: cost linear in content (4× the content costs at most 4.4× the time) and
peak memory at most 150 MiB for every command at 4× the large demo.

Fixtures, built once per run in temporary folders: the large demo (60 interviews × 30
answers, 1,000 findings, 60 recommendations, 14 documents), and the same demo built with four
times the interviews, findings and recommendations (240, 4,000, 240; the 14 documents and the
team stay as they are). The demo has no size knob beyond ``small``/``large``, so the 4× folder
is made by a fixture script that raises the demo module's ``LARGE_INTERVIEWS``,
``LARGE_FINDINGS`` and ``LARGE_RECOMMENDATIONS`` before building; the shape and the phrase
banks are the demo's own. Each folder's inspection is exported once as a bundle file.

Commands, each a fresh ``python -m tenant_inspect`` process, alternating 1× and 4×:
``report ID -o report.docx``, ``dump ID -o dump.json``, ``list``, and ``bundle import
--new-inspection`` of the bundle into an empty folder. For each: median wall time and CPU
(from ``os.wait4``), the growth ratio 4× / 1×, and the child's peak resident memory
(``ru_maxrss``: everything, SQLite's page cache and C allocations included, which tracemalloc
cannot see).

Whole-process ratios include the fixed start-up (interpreter, imports), which does not grow;
so they are kinder than the growth of the work alone. That is the budget's own measure, and
the work-alone growth is printed beside it, in CPU time (steadier than wall time on a shared
machine): (4× - fixed) / (1× - fixed), taking as the fixed part the CPU time of ``list`` on
the 1× folder (start-up, imports, the store opened, a small read).

The last line printed is the worst whole-command growth ratio (budget: at most 4.4).

    python benchmarks/growth.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _fixtures import large_demo_id
from _pty import APP, app, median, run

GROWTH_BUDGET, MEMORY_BUDGET = 4.4, 150

_SCALED = """
import sys
from tenant_inspect import demo
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store

k = int(sys.argv[2])
demo.LARGE_INTERVIEWS *= k
demo.LARGE_FINDINGS *= k
demo.LARGE_RECOMMENDATIONS *= k
store = open_store(resolve_data_dir(sys.argv[1]))
demo.build_demo(store, "large")
store.close()
"""


def build(root: Path, scale: int) -> tuple[Path, str, Path]:
    data = root / f"x{scale}"
    run([APP[0], "-c", _SCALED, str(data), str(scale)])
    iid = large_demo_id(data)
    bundle = root / f"x{scale}.zip"
    run(app(data, "bundle", "export", iid, "-o", str(bundle)))
    return data, iid, bundle


def commands(root: Path, data: Path, iid: str, bundle: Path, scale: int) -> dict[str, list[str]]:
    out = root / f"out{scale}"
    out.mkdir(exist_ok=True)
    return {
        "report": app(data, "report", iid, "-o", str(out / "report.docx")),
        "dump": app(data, "dump", iid, "-o", str(out / "dump.json")),
        "list": app(data, "list"),
        "bundle import": app(out / "fresh", "bundle", "import", "--new-inspection", str(bundle)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="growth-bench-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        fixtures = {scale: build(root, scale) for scale in (1, 4)}
        sizes = {
            s: (f[0] / "tenant-inspect.db").stat().st_size / 2**20 for s, f in fixtures.items()
        }
        print(
            f"fixtures: 1x and 4x the large demo, databases {sizes[1]:.1f} and {sizes[4]:.1f} MiB "
            f"({time.perf_counter() - started:.0f} s to build)"
        )
        cmds = {s: commands(root, *fixtures[s], s) for s in (1, 4)}
        ran: dict[tuple[str, int], list] = {(name, s): [] for name in cmds[1] for s in (1, 4)}
        imported: dict[int, str] = {}
        for rnd in range(args.runs + 1):
            for name in cmds[1]:
                for s in (1, 4) if rnd % 2 else (4, 1):
                    shutil.rmtree(root / f"out{s}" / "fresh", ignore_errors=True)
                    result = run(cmds[s][name])
                    if rnd:
                        ran[(name, s)].append(result)
                    if name == "bundle import":
                        imported[s] = result.stdout.strip().splitlines()[0][:110]

    for s in (1, 4):
        print(f"bundle import at {s}x said: {imported[s]}")
    fixed = median([r.cpu for r in ran[("list", 1)]])
    print(f"fixed part (list on the 1x folder): {fixed:.3f} s CPU")
    print(
        f"{'command':<14} {'1x wall':>8} {'4x wall':>8} {'growth':>7} {'CPU':>6} {'work':>6}  peak RSS 1x / 4x"
    )
    worst = ("", 0.0)
    over_memory = []
    for name in cmds[1]:
        w1, w4 = (median([r.wall for r in ran[(name, s)]]) for s in (1, 4))
        c1, c4 = (median([r.cpu for r in ran[(name, s)]]) for s in (1, 4))
        m1, m4 = (max(r.rss_mib for r in ran[(name, s)]) for s in (1, 4))
        work = (c4 - fixed) / (c1 - fixed) if name != "list" and c1 - fixed > 0.02 else 0.0
        print(
            f"{name:<14} {w1:>7.2f}s {w4:>7.2f}s {w4 / w1:>6.2f}x {c4 / c1:>5.2f}x {f'{work:.2f}x' if work else '-':>6}"
            f"  {m1:>5.0f} / {m4:>4.0f} MiB"
        )
        if w4 / w1 > worst[1]:
            worst = (name, w4 / w1)
        if m4 > MEMORY_BUDGET:
            over_memory.append(f"{name} {m4:.0f} MiB")
    print(
        "growth = 4x wall / 1x wall (whole command); CPU = the same for CPU time; work = growth "
        "of the CPU time above the fixed part"
    )
    print(f"budgets: growth <= {GROWTH_BUDGET}x, peak RSS <= {MEMORY_BUDGET} MiB at 4x")
    print(f"over the memory budget at 4x: {', '.join(over_memory) or 'none'}")
    print(f"worst growth ratio ({worst[0]}): {worst[1]:.2f}")
    return 0 if worst[1] <= GROWTH_BUDGET and not over_memory else 1


if __name__ == "__main__":
    sys.exit(main())
