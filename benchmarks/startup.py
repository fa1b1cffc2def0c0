"""Start-up time: our home screen with inspections listed vs a bare Textual app.

DESIGN.md's budget: start to an interactive home screen with the inspections
listed must take at most 1.5 × a bare Textual hello-world app on the same
machine. Both run as fresh processes (interpreter start and imports
included), headless, alternating, several times; each child reports the wall
time at which it became ready, and we take medians. The last line printed is
the ratio.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO = r"""
import os, sys, time
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("Hello, world")
    def on_mount(self):
        self.call_after_refresh(self.ready)
    def ready(self):
        print(f"READY {time.time():.6f}", flush=True)
        os._exit(0)

Hello().run(headless=True)
"""

OURS = r"""
import os, sys, time
from tenant_inspect.locations import resolve_data_dir
from screens.app import TenantInspectApp
from screens import home

original_show = home.HomeScreen.show

def show(self, summaries):
    original_show(self, summaries)
    if summaries:
        self.call_after_refresh(ready)

def ready():
    print(f"READY {time.time():.6f}", flush=True)
    os._exit(0)

home.HomeScreen.show = show
TenantInspectApp(resolve_data_dir(sys.argv[1])).run(headless=True)
"""


def time_child(code: str, *args: str) -> float:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )
    for line in out.stdout.splitlines():
        if line.startswith("READY "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"child never became ready:\n{out.stdout}\n{out.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run(
            [sys.executable, "-m", "tenant_inspect", "--data-dir", str(data), "demo"],
            check=True,
            capture_output=True,
        )
        # Warm the OS file cache for both before measuring.
        time_child(HELLO)
        time_child(OURS, str(data))
        hello, ours = [], []
        for _ in range(args.runs):
            hello.append(time_child(HELLO))
            ours.append(time_child(OURS, str(data)))
    h, o = statistics.median(hello), statistics.median(ours)
    print(f"bare Textual hello world: median {h * 1000:.0f} ms over {args.runs} runs")
    print(f"tenant-inspect home with inspections listed: median {o * 1000:.0f} ms")
    print("budget: ratio <= 1.5")
    print(f"ratio {o / h:.2f}")


if __name__ == "__main__":
    main()
