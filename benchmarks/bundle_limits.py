"""Importing a bundle at every size limit: time, peak memory, and how long the write lock is held.

docs/bundle-format.md (section 7) limits what one file may hold: rows per table (ten to
forty times the large demo) and bytes (64 MiB in all, 48 MiB per data file, 2,000,000
characters per row). DESIGN.md's budget is a peak of 150 MiB for every command, and the
open app's saves wait for SQLite's write lock at most the busy timeout (10 s), so the
import's write transaction must stay well below that.

The fixture (``tests/unit/bundle_big.py``): a small team inspection exported, grown with
generated rows to every table's row limit and, with long texts, to the byte limit. Each run
imports it with the real command, ``tenant-inspect bundle import``, into a fresh copy of a
laptop that holds the inspection, inside a small wrapper process that reports the
command's own peak RSS (``RUSAGE_CHILDREN``); then the same file again (the re-import,
which changes nothing). The write transaction is timed in this process, around the
merge's write step. Also: the 150,000-answer file of issue 11 (refused now).

    python benchmarks/bundle_limits.py [--runs 3]

The last line is the peak memory as a ratio of the budget (and the write transaction's
as a ratio of the busy timeout).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "unit")]

from bundle_big import write_big_bundle  # noqa: E402
from bundle_helpers import export, laptop, make_team_inspection  # noqa: E402

from tenant_inspect import bundle_format as bf  # noqa: E402
from tenant_inspect import merge  # noqa: E402
from tenant_inspect.storage.sqlite import BUSY_TIMEOUT_MS  # noqa: E402

MEMORY_BUDGET_MIB = 150

# Runs one command and prints its wall time, its peak RSS (KiB on Linux) and exit status.
_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "took = time.perf_counter() - t\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(took, peak, done.returncode, done.stdout.strip()[-200:] or done.stderr.strip()[-200:])\n"
)


def _mib(peak: int) -> float:
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS


def command(data_dir: Path, path: Path) -> tuple[float, float, int, str]:
    """``tenant-inspect bundle import`` in its own process: seconds, peak MiB, status, line."""
    cmd = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "tenant_inspect"]
    cmd += ["--data-dir", str(data_dir), "bundle", "import", str(path)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    took, peak, status, line = out.split(" ", 3)
    return float(took), _mib(int(peak)), int(status), line.strip()


def write_step_seconds(data_dir: Path, path: Path) -> float:
    """Import in this process, timing the one write transaction."""
    times: list[float] = []
    original = merge._Merge.write

    def timed(self: merge._Merge, spool: merge.Spool) -> None:
        start = time.perf_counter()
        try:
            original(self, spool)
        finally:
            times.append(time.perf_counter() - start)

    merge._Merge.write = timed  # type: ignore[method-assign]
    store = laptop(data_dir.parent, data_dir.name)
    try:
        [result] = merge.import_bundles(store, [path])
        assert result.ok, result.line()
    finally:
        merge._Merge.write = original  # type: ignore[method-assign]
        store.close()
    return sum(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bundle-limits-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        coord = laptop(root, "laptop")
        team = make_team_inspection(coord)
        base = export(coord, team.inspection, root / "base.zip")
        coord.close()
        limits = write_big_bundle(base, root / "limits.zip", dict(bf.MAX_TABLE_ROWS), fill=None)
        flood_counts = {t: 1 for t in bf.MAX_TABLE_ROWS} | {
            "team_member": 2,
            "interview": 1000,
            "answer": 150_000,
        }
        flood = write_big_bundle(base, root / "flood.zip", flood_counts)
        with zipfile.ZipFile(limits) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
            rows = sum(json.loads(zf.read("manifest.json"))["counts"].values())
        print(
            f"fixture: {rows:,} rows (every table at its limit), "
            f"{unpacked / 2**20:.1f} MiB of JSON (limit {bf.MAX_TOTAL_BYTES / 2**20:.0f} MiB), "
            f"{limits.stat().st_size / 2**20:.1f} MiB zipped; built in "
            f"{time.perf_counter() - started:.1f} s"
        )

        imports, reimports, peaks, writes = [], [], [], []
        for run in range(args.runs):
            data = root / f"run{run}"
            shutil.copytree(root / "laptop", data)
            took, peak, status, line = command(data, limits)
            assert status == 0, line
            imports.append(took)
            peaks.append(peak)
            took, peak, status, line = command(data, limits)
            assert status == 0 and " 0 added, 0 updated" in line, line
            reimports.append(took)
            peaks.append(peak)
            shutil.copytree(root / "laptop", root / f"write{run}")
            writes.append(write_step_seconds(root / f"write{run}", limits))
        took, flood_peak, status, line = command(root / "run0", flood)
        assert status == 1 and "at most" in line, line

    def runs(xs: list[float]) -> str:
        return ", ".join(f"{x:.2f}" for x in xs)

    peak = max(peaks)
    write = statistics.median(writes)
    busy = BUSY_TIMEOUT_MS / 1000
    print(f"import (command):   median {statistics.median(imports):.2f} s  (runs: {runs(imports)})")
    print(
        f"re-import:          median {statistics.median(reimports):.2f} s  (runs: {runs(reimports)})"
    )
    print(
        f"write transaction:  median {write:.2f} s  (runs: {runs(writes)}); busy timeout {busy} s"
    )
    print(
        f"peak RSS:           {peak:.1f} MiB (largest of all runs)  budget {MEMORY_BUDGET_MIB} MiB"
    )
    print(f"the 150,000-answer file: refused in {took:.2f} s at {flood_peak:.1f} MiB: {line}")
    within = peak <= MEMORY_BUDGET_MIB and write <= busy / 3
    print(
        f"ratio {peak / MEMORY_BUDGET_MIB:.2f} of the memory budget ({peak:.0f} / "
        f"{MEMORY_BUDGET_MIB} MiB); write lock {write / busy:.2f} of the busy timeout: "
        f"{'within budget' if within else 'OVER BUDGET'}"
    )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
