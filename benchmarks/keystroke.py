"""Keystroke to disk: type into the real app in a pty while another process reads the database.

DESIGN.md's budget: a keystroke is on disk within 0.5 s at the 99th percentile.

Each run starts the real app (``python -m tenant_inspect``, 80×24 pseudo-terminal) on a fresh
copy of a data folder holding one inspection with one interview of free-text questions (the
reliability harness's seed), opens the interview the way an inspector does (Enter on the
inspection, ``i`` for interviews, Enter on the interview) and types words into the first
answer box, one character at a time at a human pace: 50-120 ms between keys, with a pause to
think (0.3-0.9 s) every few words, all drawn from a fixed seed. The answer box saves as you
type (``screens/widgets/answer_input.py`` -> ``tenant_inspect/autosave.py``: debounced, but
never more than 0.4 s after the first unsaved change).

Meanwhile this process polls the database read-only (``mode=ro``, a separate connection, every
2 ms) for the answer's text. A keystroke's latency is from the moment its byte was written to
the terminal to the first poll that finds the text on disk reaching it: what a power cut would
cost. Everything sent is checked to arrive, as a prefix, in order.

The last line printed is p99 / 0.5 s (budget: at most 1.0).

    python benchmarks/keystroke.py [--runs 2] [--chars 150]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from _fixtures import copy_folder
from _pty import ROOT, Pty, app

BUDGET = 0.5
WORDS = [
    "repairs",
    "tenants",
    "estate",
    "complaints",
    "damp",
    "letter",
    "panel",
    "scrutiny",
    "café",
    "£250",
    "it’s",
    "boiler",
]


class Poller(threading.Thread):
    """Reads one answer's text from the database until stopped; notes when each length arrived."""

    def __init__(self, db: Path, interview_id: str, question: str) -> None:
        super().__init__(daemon=True)
        self.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
        self.args = (interview_id, question)
        self.seen: list[tuple[float, str]] = []  # (perf_counter, text) at each change
        self.stop = threading.Event()

    def run(self) -> None:
        last = None
        while not self.stop.is_set():
            row = self.conn.execute(
                "SELECT value FROM answer WHERE interview_id = ? AND question_key = ? "
                "AND deleted_at IS NULL",
                self.args,
            ).fetchone()
            text = str(row[0] or "") if row else ""
            if text != last:
                self.seen.append((time.perf_counter(), text))
                last = text
            time.sleep(0.002)
        self.conn.close()


def script(rng: random.Random, chars: int) -> list[tuple[str, float]]:
    """(character, gap after it) for about ``chars`` characters of words."""
    text = ""
    while len(text) < chars:
        text += rng.choice(WORDS) + " "
    text = text[:chars].rstrip() or "x"
    out = []
    for i, ch in enumerate(text):
        gap = rng.uniform(0.05, 0.12)
        if ch == " " and rng.random() < 0.25:
            gap = rng.uniform(0.3, 0.9)  # a pause to think
        out.append((ch, gap if i < len(text) - 1 else 0.0))
    return out


def one_run(pristine: Path, work: Path, interview_id: str, keys: list[tuple[str, float]]):
    data = copy_folder(pristine, work)
    term = Pty(app(data))
    poller = None
    try:
        term.wait_for("Kill soak")  # home: the inspection is listed
        term.send("\r")
        term.wait_for("Start interview")  # the dashboard's footer
        term.send("i")
        term.wait_for("Enter opens")  # the interview list's status line
        term.send("\r")
        term.wait_for("Question 1 of")  # the runner, on the first question
        time.sleep(0.3)  # look before typing
        poller = Poller(data / "tenant-inspect.db", interview_id, "q001")
        poller.start()
        sent: list[float] = []
        for ch, gap in keys:
            term.send(ch)
            sent.append(time.perf_counter())
            time.sleep(gap)
        typed = "".join(ch for ch, _ in keys)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not (poller.seen and poller.seen[-1][1] == typed):
            time.sleep(0.01)
    finally:
        if poller is not None:
            poller.stop.set()
            poller.join()
        term.quit()
    latencies = []
    for i, at in enumerate(sent):
        reached = next((t for t, text in poller.seen if len(text) > i), None)
        if reached is None:
            raise RuntimeError(f"character {i} of {typed!r} never reached the disk")
        latencies.append(reached - at)
    for _, text in poller.seen:
        if not typed.startswith(text):
            raise RuntimeError(f"on disk {text!r}, which is not a prefix of {typed!r}")
    writes = len(poller.seen) - (1 if poller.seen and not poller.seen[0][1] else 0)
    return latencies, writes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="app sessions (default 2)")
    parser.add_argument("--chars", type=int, default=150, help="characters per session")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "reliability")]
    from harness import seed_soak  # the reliability tests' fixture (imports the product)

    rng = random.Random(args.seed)
    latencies: list[float] = []
    writes = 0
    with tempfile.TemporaryDirectory(prefix="keystroke-bench-") as tmp:
        pristine = Path(tmp) / "seed"
        interview_id = seed_soak(pristine, questions=5)
        for _ in range(args.runs):
            keys = script(rng, args.chars)
            got, w = one_run(pristine, Path(tmp) / "run", interview_id, keys)
            latencies += got
            writes += w
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    p50, p90, p99 = statistics.median(latencies), q[89], q[98]
    print(
        f"{len(latencies)} keystrokes in {args.runs} sessions, {writes} changes seen on disk "
        f"(human pace: 50-120 ms between keys, pauses to think)"
    )
    print(
        f"keystroke -> on disk: p50 {p50 * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms, "
        f"p99 {p99 * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    print(f"budget: p99 <= {BUDGET} s")
    print(f"ratio p99/{BUDGET}: {p99 / BUDGET:.2f}")
    return 0 if p99 <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
