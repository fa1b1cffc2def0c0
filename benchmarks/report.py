"""Report export time: our .docx export vs pandoc converting our own Markdown export.

DESIGN.md's budget: the report of the large demo (≈ 60 interviews × 30 answers, 1,000
findings, 60 recommendations) must be written no slower than ``pandoc`` turns our own
Markdown export of the same report into .docx. This script:

1. builds the small and the large demo in a temporary data folder;
2. exports the large demo's report as Markdown once (pandoc's input);
3. alternately times our Word export (``render_report``: reading the inspection from the
   database, building and redacting the outline, estimating pages, writing and fsyncing
   the file) and ``pandoc report.md -o report.docx``, several runs each, and takes
   medians. Our export runs in this (warm) process, as it does in the TUI; the cold
   command-line figure, Python start-up and imports included, is printed for
   information;
4. checks that export time grows linearly with content: the time per paragraph written
   for the small and the large demo, and the renderer's marginal time per paragraph as
   the large outline is cut to a quarter, a half, and doubled.

The last line printed is the ratio ours / pandoc (budget: at most 1.0).

    python benchmarks/report.py [--runs 7]

Exits 2, saying so, if pandoc is not installed.
"""

from __future__ import annotations

import argparse
import io
import itertools
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path


def _paragraphs(path: Path) -> int:
    with zipfile.ZipFile(path) as zf:
        return len(re.findall(rb"<w:p[ >]", zf.read("word/document.xml")))


def _time(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (default 7)")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed, so there is nothing to compare with.")
        print("Install it (for example: apt-get install pandoc) and run this again.")
        return 2
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
    print(f"pandoc: {version.splitlines()[0]}")

    from tenant_inspect.demo import build_demo
    from tenant_inspect.locations import resolve_data_dir
    from tenant_inspect.report import render_report
    from tenant_inspect.report.docx import write_docx
    from tenant_inspect.report.export import build_report
    from tenant_inspect.report.outline import Report
    from tenant_inspect.store import open_store

    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        root = Path(tmp)
        store = open_store(resolve_data_dir(root / "data"))
        started = time.perf_counter()
        small_id = build_demo(store, "small")
        large_id = build_demo(store, "large")
        print(f"built the small and large demos in {time.perf_counter() - started:.1f} s")

        md = root / "large.md"
        render_report(store, large_id, md)
        ours_out, pandoc_out = root / "ours.docx", root / "pandoc.docx"
        small_out = root / "small.docx"
        render_report(store, large_id, ours_out)  # warm-up: imports, caches
        render_report(store, small_id, small_out)
        subprocess.run([pandoc, str(md), "-o", str(pandoc_out)], check=True)

        ours, theirs, small = [], [], []
        for _ in range(args.runs):
            ours.append(_time(lambda: render_report(store, large_id, ours_out)))
            theirs.append(
                _time(lambda: subprocess.run([pandoc, str(md), "-o", str(pandoc_out)], check=True))
            )
            small.append(_time(lambda: render_report(store, small_id, small_out)))
        o, p, s = (statistics.median(x) for x in (ours, theirs, small))

        cold = []
        for _ in range(3):
            cold.append(
                _time(
                    lambda: subprocess.run(
                        [
                            sys.executable,
                            "-m",
                            "tenant_inspect",
                            "--data-dir",
                            str(root / "data"),
                            "report",
                            large_id,
                            "-o",
                            str(root / "cold.docx"),
                        ],
                        check=True,
                        capture_output=True,
                    )
                )
            )

        # Linear growth: the renderer alone on the large outline's body repeated 1, 2 and 4
        # times (the same mix of content each time), best of five runs each.
        with store.read() as session:
            report, _ = build_report(session, large_id)
        store.close()
        head = next(i for i, b in enumerate(report.blocks) if type(b).__name__ == "Contents") + 1
        body = report.blocks[head:]
        scaled: list[tuple[int, int, float]] = []
        for copies in (1, 2, 4):
            variant = Report(**{**report.__dict__, "blocks": report.blocks[:head] + body * copies})
            times = []
            size = 0
            for _ in range(5):
                buffer = io.BytesIO()
                times.append(_time(lambda v=variant, b=buffer: write_docx(v, b)))
                size = len(re.findall(rb"<w:p[ >]", _document_xml(buffer)))
            scaled.append((copies, size, min(times)))

        large_paras, small_paras = _paragraphs(ours_out), _paragraphs(small_out)
        md_size = md.stat().st_size

    print(f"large demo: {large_paras} paragraphs, Markdown {md_size / 1024:.0f} KiB")
    print(
        f"ours  (render_report -> .docx, in process): median {o * 1000:.0f} ms over {args.runs} runs"
    )
    print(
        f"pandoc (our Markdown -> .docx):             median {p * 1000:.0f} ms over {args.runs} runs"
    )
    print(
        f"ours from the command line (cold: Python start and imports included): "
        f"median {statistics.median(cold) * 1000:.0f} ms"
    )
    per_small = s / small_paras * 1e6
    per_large = o / large_paras * 1e6
    print(
        f"linear growth, whole export: small demo {s * 1000:.0f} ms for {small_paras} paragraphs "
        f"({per_small:.0f} µs each); large demo {o * 1000:.0f} ms for {large_paras} "
        f"({per_large:.0f} µs each; the small one carries the same fixed start-up cost)"
    )
    marginal = []
    for (c1, n1, t1), (c2, n2, t2) in itertools.pairwise(scaled):
        per = (t2 - t1) / max(n2 - n1, 1) * 1e6
        marginal.append(per)
        print(
            f"  renderer, body x{c1} -> x{c2}: {n1} -> {n2} paragraphs, "
            f"{t1 * 1000:.0f} -> {t2 * 1000:.0f} ms, {per:.1f} µs per added paragraph"
        )
    spread = max(marginal) / min(marginal) if min(marginal) > 0 else float("inf")
    verdict = "linear" if spread <= 1.5 else "NOT linear"
    print(f"linear growth check: marginal cost per paragraph varies {spread:.2f}x ({verdict})")
    print("budget: ratio <= 1.0")
    print(f"ratio {o / p:.2f}")
    return 0


def _document_xml(buffer: io.BytesIO) -> bytes:
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zf:
        return zf.read("word/document.xml")


if __name__ == "__main__":
    sys.exit(main())
