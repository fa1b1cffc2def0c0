"""The progress report against the inspection report, both of the large demo, cold commands.

Issue 12's budget: the progress report on the action plan of the large demo (60
recommendations, most answered with one to four actions, four monitoring rounds) is written
no slower than the inspection report of the same inspection. Both are what a user runs, so
both are timed as fresh processes:

* progress: ``python -m tenant_inspect --data-dir D report ID --progress -o progress.docx``
  (interpreter start, imports, reading the inspection and its plan, drawing the charts,
  writing and fsyncing the file);
* report: ``python -m tenant_inspect --data-dir D report ID -o report.docx``.

They run alternately (the first of each round swaps), after one unmeasured warm-up round;
the figures are medians of wall time and of the child's CPU time, and the child's peak
memory. The last line printed is the ratio of wall medians, progress / report (budget: at
most 1.0).

Two floors are timed beside them, the same way, to show where the progress report's time
goes and what no change of ours can remove: a fresh interpreter that only imports the
plotting library's parts the charts use (matplotlib's ``Figure`` and Agg canvas), and one
that draws one chart of 15 recommendations with the report's own chart function and
nothing else (no data read, no document written). The report draws one chart per 15
recommendations (four for the large demo).

    python benchmarks/progress_report.py [--runs 7]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _fixtures import large_demo_id
from _pty import APP, app, median, ms, run, spread

IMPORT_ONLY = (
    "from matplotlib.backends.backend_agg import FigureCanvasAgg\n"
    "from matplotlib.figure import Figure\n"
)
ONE_CHART = (
    "from tenant_inspect.report.charts import STATUS_ORDER, status_chart\n"
    "rows = [(f'R{n}', {s: (n + i) % 3 for i, s in enumerate(STATUS_ORDER)}) "
    "for n in range(1, 16)]\n"
    "status_chart(rows, width=451.0)\n"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (default 7)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="progress-bench-") as tmp:
        root = Path(tmp)
        data = root / "data"
        started = time.perf_counter()
        run(app(data, "demo", "--size", "large"))
        large_id = large_demo_id(data)
        print(f"built the large demo in {time.perf_counter() - started:.1f} s")
        commands = {
            "progress": app(data, "report", large_id, "--progress", "-o", str(root / "p.docx")),
            "report": app(data, "report", large_id, "-o", str(root / "r.docx")),
            "import": [APP[0], "-c", IMPORT_ONLY],
            "one chart": [APP[0], "-c", ONE_CHART],
        }
        ran: dict[str, list] = {name: [] for name in commands}
        for rnd in range(args.runs + 1):
            order = ["progress", "report", "import", "one chart"]
            for name in order if rnd % 2 else order[::-1]:
                result = run(commands[name])
                if rnd:
                    ran[name].append(result)
        sizes = {n: (root / f"{n[0]}.docx").stat().st_size / 1024 for n in ("progress", "report")}
    for name, results in ran.items():
        wall, cpu = [r.wall for r in results], [r.cpu for r in results]
        print(
            f"{name:<9} wall median {ms(median(wall)):>8} [{spread(wall)}]  "
            f"CPU median {ms(median(cpu)):>8}  peak RSS {max(r.rss_mib for r in results):.0f} MiB"
            + (f"  file {sizes[name]:.0f} KiB" if name in sizes else "")
        )
    wall = median([r.wall for r in ran["progress"]]) / median([r.wall for r in ran["report"]])
    cpu = median([r.cpu for r in ran["progress"]]) / median([r.cpu for r in ran["report"]])
    report_wall = median([r.wall for r in ran["report"]])
    for floor, what in (("import", "importing the plotting library alone"),
                        ("one chart", "drawing one chart alone")):  # fmt: skip
        ratio = median([r.wall for r in ran[floor]]) / report_wall
        print(f"floor: {what}, cold, / the whole report: {ratio:.2f}")
    print(f"CPU ratio progress/report: {cpu:.2f}")
    print("budget: ratio <= 1.0")
    print(f"ratio progress/report (wall, cold command vs cold command): {wall:.2f}")
    return 0 if wall <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
