"""Shared by the benchmarks: run the real command in a pseudo-terminal or as a plain child.

Everything here measures from outside the product: the benchmark never imports the code
it times. A child is ``python -m tenant_inspect`` with ``PYTHONPATH`` set to this
checkout, which is what the ``tenant-inspect`` console script runs too (both call
``tenant_inspect.cli:main``; the console script's own wrapper adds a few milliseconds of
``importlib.metadata``-free start-up, which the ratios can ignore). Running ``-m`` keeps
the benchmark measuring the checkout it lives in rather than whatever is installed.

* :class:`Pty` starts a program under an 80×24 pseudo-terminal with ``TERM=xterm-256color``,
  drains its output on a thread, strips the escape sequences, and records *when* (on the
  reader thread, as the bytes arrive) a given piece of text first appeared.
* :func:`run` runs a command to completion and returns its wall time and, from
  ``os.wait4`` in a tiny launcher, the child's own CPU time (user + system) and peak
  resident memory.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = [sys.executable, "-m", "tenant_inspect"]
CTRL_Q = "\x11"
ANSI = re.compile(
    r"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)


def child_env(**extra: str) -> dict[str, str]:
    """The environment of every child: this checkout first on the path, a real terminal."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color", **extra}
    # PYTHONDONTWRITEBYTECODE too: an installed copy has its bytecode compiled (pip does it at
    # install), and with writing turned off every run compiled our modules from source while
    # Textual's came compiled; the warm-up round writes them here.
    for noisy in (
        "TEXTUAL",
        "TEXTUAL_ANIMATIONS",
        "TENANT_INSPECT_DATA_DIR",
        "COLUMNS",
        "LINES",
        "PYTHONDONTWRITEBYTECODE",
    ):
        if noisy not in extra:
            env.pop(noisy, None)
    return env


def app(data_dir: Path, *args: str) -> list[str]:
    """The ``tenant-inspect`` command line for ``data_dir``."""
    return [*APP, "--data-dir", str(data_dir), *args]


class Pty:
    """A program in an 80×24 pseudo-terminal; its screen text and when each piece arrived."""

    def __init__(self, argv: list[str], *, rows: int = 24, cols: int = 80) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self._text = ""
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._eof = False
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=child_env(),
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self._watch: list[tuple[str, int, list[float]]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # Always drain: an app whose output is not read blocks on writing.
        pending = ""
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            now = time.perf_counter()
            if not chunk:
                with self._arrived:
                    self._eof = True
                    self._arrived.notify_all()
                return
            pending += chunk.decode("utf-8", "replace")
            cut = pending.rfind("\x1b")
            keep = pending[cut:] if cut >= 0 and len(pending) - cut < 64 else ""
            clean = ANSI.sub("", pending[: len(pending) - len(keep)])
            pending = keep
            with self._arrived:
                self._text += clean
                for text, since, found in self._watch:
                    if not found and self._text.find(text, since) >= 0:
                        found.append(now - self.started)
                self._arrived.notify_all()

    def wait_for(self, *texts: str, timeout: float = 60.0) -> float:
        """Seconds from launch until every one of ``texts`` had been drawn (since this call).

        The time is taken on the reader thread when the bytes completing the text arrived,
        so polling here adds no delay to the figure.
        """
        with self._arrived:
            since = max(0, len(self._text) - 200)  # a text may straddle the call
            watches = [(t, since, []) for t in texts]
            for text, start, found in watches:
                if self._text.find(text, start) >= 0:
                    found.append(time.perf_counter() - self.started)
            self._watch = watches
            deadline = time.monotonic() + timeout
            while not all(found for _, _, found in watches):
                left = deadline - time.monotonic()
                if left <= 0 or self._eof:
                    tail = self._text[-1500:]
                    self._watch = []
                    raise RuntimeError(f"{texts!r} did not appear ({left=:.1f} s): {tail!r}")
                self._arrived.wait(min(left, 0.5))
            self._watch = []
            return max(found[0] for _, _, found in watches)

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def quit(self, timeout: float = 15.0) -> bool:
        """Ctrl+Q, then SIGKILL after ``timeout``; True if the program left by itself."""
        clean = True
        with contextlib.suppress(OSError):
            self.send(CTRL_Q)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            clean = False
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        with contextlib.suppress(OSError):
            os.close(self.master)
        self._reader.join(timeout=5)
        return clean


@dataclass
class Ran:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    rss_mib: float  # the child's peak resident memory
    stdout: str


# Children are started by a small launcher (``python -S``, ~9 MiB), not by this process: on
# Linux a child's peak RSS (ru_maxrss) starts from its parent's at fork, so a benchmark that
# has imported the product for its fixtures would inflate every figure. The launcher times
# the child, reaps it with wait4 and writes "wall cpu maxrss_kib status" to a file.
_LAUNCH = """
import os, sys, time
result, out, err, argv = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
o = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
e = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
start = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[
    (os.POSIX_SPAWN_DUP2, o, 1), (os.POSIX_SPAWN_DUP2, e, 2)])
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(result, "w") as f:
    f.write(f"{wall} {ru.ru_utime + ru.ru_stime} {ru.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run(argv: list[str], *, check: bool = True) -> Ran:
    """Run ``argv`` to completion (output to files, so pipes never block it) and measure it."""
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        result, out, err = (str(Path(tmp) / n) for n in ("result", "out", "err"))
        subprocess.run(
            [sys.executable, "-S", "-c", _LAUNCH, result, out, err, *argv],
            env=child_env(),
            check=True,
        )
        wall, cpu, rss_kib, code = Path(result).read_text().split()
        stdout, stderr = (
            Path(out).read_text(errors="replace"),
            Path(err).read_text(errors="replace"),
        )
    if check and int(code) != 0:
        raise RuntimeError(f"{argv[2:]} exited {code}:\n{stdout}\n{stderr}")
    return Ran(float(wall), float(cpu), int(rss_kib) / 1024, stdout)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def ms(x: float) -> str:
    return f"{x * 1000:.0f} ms"


def spread(xs: list[float]) -> str:
    """The runs, for judging the noise (ms)."""
    return ", ".join(f"{x * 1000:.0f}" for x in xs)
