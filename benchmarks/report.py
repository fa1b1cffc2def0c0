"""Report export, cold command against cold command: ours vs pandoc on our own Markdown.

DESIGN.md's budget: the report of the large demo (≈ 60 interviews × 30 answers, 1,000
findings, 60 recommendations) is written no slower than ``pandoc`` turns our own Markdown
export of the same report into .docx. Both are what a user runs, so both are timed as fresh
processes:

* ours: ``python -m tenant_inspect --data-dir D report ID -o report.docx`` (interpreter
  start, imports, reading the inspection, building and redacting the outline, writing and
  fsyncing the file);
* theirs: ``pandoc report.md -o pandoc.docx``, on the Markdown our own ``report -o x.md``
  wrote once beforehand.

They run alternately (the first of each round swaps), after one unmeasured warm-up round;
the figures are medians of wall time and of the child's CPU time (user + system, from
``os.wait4``), and the child's peak memory. Then, cheaply and in this process, it checks that
the renderer grows linearly: the large outline's body repeated 1, 2 and 4 times, and the
marginal time per paragraph written.

The last line printed is the ratio of wall medians, ours / pandoc (budget: at most 1.0).

    python benchmarks/report.py [--runs 7]

Exits 2, saying so, if pandoc is not installed.
"""

from __future__ import annotations

import argparse
import io
import itertools
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from _fixtures import large_demo_id
from _pty import ROOT, app, median, ms, run, spread


def _paragraphs(path: Path) -> int:
    with zipfile.ZipFile(path) as zf:
        return len(re.findall(rb"<w:p[ >]", zf.read("word/document.xml")))


def _time(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (default 7)")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed, so there is nothing to compare with.")
        print("Install it (for example: apt-get install pandoc) and run this again.")
        return 2
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
    print(f"pandoc: {version.splitlines()[0]}")

    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        root = Path(tmp)
        data = root / "data"
        started = time.perf_counter()
        run(app(data, "demo", "--size", "large"))
        large_id = large_demo_id(data)
        md, ours_out, pandoc_out = root / "large.md", root / "ours.docx", root / "pandoc.docx"
        run(app(data, "report", large_id, "-o", str(md)))
        print(f"built the large demo and its Markdown in {time.perf_counter() - started:.1f} s")

        commands = {
            "ours": app(data, "report", large_id, "-o", str(ours_out)),
            "pandoc": [pandoc, str(md), "-o", str(pandoc_out)],
        }
        ran: dict[str, list] = {"ours": [], "pandoc": []}
        for rnd in range(args.runs + 1):
            for name in ("ours", "pandoc") if rnd % 2 else ("pandoc", "ours"):
                result = run(commands[name])
                if rnd:
                    ran[name].append(result)
        large_paras = _paragraphs(ours_out)
        pandoc_paras = _paragraphs(pandoc_out)
        md_kib = md.stat().st_size / 1024
        scaled = _renderer_scaling(data, large_id)

    print(
        f"large demo: ours {large_paras} paragraphs, pandoc's {pandoc_paras}; "
        f"Markdown {md_kib:.0f} KiB"
    )
    for name, results in ran.items():
        wall, cpu = [r.wall for r in results], [r.cpu for r in results]
        print(
            f"{name:<7} wall median {ms(median(wall)):>8} [{spread(wall)}]  "
            f"CPU median {ms(median(cpu)):>8}  peak RSS {max(r.rss_mib for r in results):.0f} MiB"
        )
    marginal = []
    for (c1, n1, t1), (c2, n2, t2) in itertools.pairwise(scaled):
        per = (t2 - t1) / max(n2 - n1, 1) * 1e6
        marginal.append(per)
        print(
            f"  renderer, body x{c1} -> x{c2}: {n1} -> {n2} paragraphs, "
            f"{t1 * 1000:.0f} -> {t2 * 1000:.0f} ms, {per:.1f} µs per added paragraph"
        )
    spread_ = max(marginal) / min(marginal) if min(marginal) > 0 else float("inf")
    verdict = "linear" if spread_ <= 1.5 else "NOT linear"
    print(f"linear growth check: marginal cost per paragraph varies {spread_:.2f}x ({verdict})")
    wall = median([r.wall for r in ran["ours"]]) / median([r.wall for r in ran["pandoc"]])
    cpu = median([r.cpu for r in ran["ours"]]) / median([r.cpu for r in ran["pandoc"]])
    print(f"CPU ratio ours/pandoc: {cpu:.2f}")
    print("budget: ratio <= 1.0")
    print(f"ratio ours/pandoc (wall, cold command vs cold command): {wall:.2f}")
    return 0 if wall <= 1.0 else 1


def _renderer_scaling(data: Path, large_id: str) -> list[tuple[int, int, float]]:
    """The renderer alone on the large outline's body repeated 1, 2 and 4 times (best of 5)."""
    sys.path.insert(0, str(ROOT))
    from tenant_inspect.locations import resolve_data_dir
    from tenant_inspect.report.docx import write_docx
    from tenant_inspect.report.export import build_report
    from tenant_inspect.report.outline import Report
    from tenant_inspect.store import open_store

    store = open_store(resolve_data_dir(data))
    try:
        with store.read() as session:
            report, _ = build_report(session, large_id)
    finally:
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
    return scaled


def _document_xml(buffer: io.BytesIO) -> bytes:
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zf:
        return zf.read("word/document.xml")


if __name__ == "__main__":
    sys.exit(main())
