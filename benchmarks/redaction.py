"""Redaction must grow linearly with the report, and stay a small share of its time.

Builds the large demo (60 interviews, 1,000 findings) in a temporary data folder, builds
its report outline, and times :func:`tenant_inspect.report.redact.redact` on 1×, 2× and
4× that outline. The copies get distinct strings (a suffix per copy) so the redactor's
cache cannot hide the work. Each figure is the median of several fresh redactors.

It also times the whole report export of the 1× demo (reading, outline, redaction,
writing the .docx) for the share redaction takes of it.

The last line is the growth ratio: time at 4× / (4 × time at 1×). Linear is 1.0; the
budget is at most 1.1 (the issue's "linear, ≤ 4.4×").

    python benchmarks/redaction.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from tenant_inspect.demo import build_demo
    from tenant_inspect.locations import resolve_data_dir
    from tenant_inspect.report.export import render_report
    from tenant_inspect.report.outline import build_outline, load_report_data
    from tenant_inspect.report.redact import map_strings, redact, redactor_for
    from tenant_inspect.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(resolve_data_dir(Path(tmp) / "data"))
        try:
            iid = build_demo(store, "large")
            with store.read() as session:
                data = load_report_data(session, iid)
            outline = build_outline(data)
            copies = [map_strings(outline, lambda s, j=j: f"{s} {j}" if s else s) for j in range(4)]

            def timed(scale: int) -> float:
                times = []
                for _ in range(args.runs):
                    redactor = redactor_for(data)
                    start = time.perf_counter()
                    redact(tuple(copies[:scale]), redactor)
                    times.append(time.perf_counter() - start)
                return statistics.median(times)

            figures = {scale: timed(scale) for scale in (1, 2, 4)}
            exports = []
            for _ in range(3):
                start = time.perf_counter()
                render_report(store, iid, Path(tmp) / "report.docx")
                exports.append(time.perf_counter() - start)
            export = statistics.median(exports)
        finally:
            store.close()

    for scale, seconds in figures.items():
        print(f"redaction at {scale}x the large demo: {seconds * 1000:7.1f} ms")
    print(f"whole .docx export at 1x (warm):   {export * 1000:7.1f} ms")
    print(f"redaction's share of the export:   {figures[1] / export:7.1%}")
    print(f"growth 1x -> 4x: {figures[4] / figures[1]:.2f}x (linear: 4.00x)")
    ratio = figures[4] / (4 * figures[1])
    print(f"{ratio:.2f}")
    return 0 if ratio <= 1.1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
