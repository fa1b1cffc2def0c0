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
  ``os.wait4``, the child's own CPU time (user + system) and peak resident memory.
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
    for noisy in ("TEXTUAL", "TEXTUAL_ANIMATIONS", "TENANT_INSPECT_DATA_DIR", "COLUMNS", "LINES"):
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


def run(argv: list[str], *, check: bool = True, cwd: Path | None = None) -> Ran:
    """Run ``argv`` to completion (output to files, so pipes never block it) and measure it."""
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-out-{os.getpid()}"
    with open(out_path, "w+b") as out, open(f"{out_path}.err", "w+b") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=child_env(), cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    for path in (out_path, Path(f"{out_path}.err")):
        path.unlink(missing_ok=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{argv[2:]} exited {proc.returncode}:\n{stdout}\n{stderr}")
    return Ran(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def ms(x: float) -> str:
    return f"{x * 1000:.0f} ms"


def spread(xs: list[float]) -> str:
    """The runs, for judging the noise (ms)."""
    return ", ".join(f"{x * 1000:.0f}" for x in xs)
