"""Really read-only data folders for tests: ``0555`` folders and ``0444`` files.

Root ignores file permissions, and tests often run as root. A child process can give up the
capability that lets it (``CAP_DAC_OVERRIDE``, and ``CAP_DAC_READ_SEARCH``) before it starts;
then the folder is as read-only for it as a write-protected stick. :func:`runner` says how
to start such a child (or skips the test, saying why, where that is impossible); every
read-only test runs the code under test in a child started that way, root or not.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _drop_dac_override() -> None:
    """In the child: give up root's power to ignore file permissions (Linux prctl)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def runner() -> Callable[[], None] | None:
    """The ``preexec_fn`` for a child that cannot write a 0555 folder (None: nothing needed)."""
    if os.name != "posix":
        pytest.skip("read-only folders are made with POSIX permissions")
    if os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        pytest.skip("running as root, which ignores permissions, and cannot drop that here")
    probe = subprocess.run(
        [sys.executable, "-c", "pass"], preexec_fn=_drop_dac_override, capture_output=True
    )
    if probe.returncode != 0:
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE in a child process")
    return _drop_dac_override


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path under ``folder`` with its size and modification time (to see any change)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        out[path.relative_to(folder).as_posix()] = (st.st_size, st.st_mtime_ns)
    return out


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` and everything in it read-only (0555 / 0444) for the block, then as before."""
    modes = {p: p.stat().st_mode & 0o7777 for p in [folder, *folder.rglob("*")]}
    for path in sorted(modes, key=lambda p: len(p.parts), reverse=True):
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        for path, mode in sorted(modes.items(), key=lambda item: len(item[0].parts)):
            path.chmod(mode)


#: Run in the child by :func:`run_cli_batch`: each command through ``cli.main`` in turn, as
#: ``tests/support/cli_run.py`` runs them in the test process, then every exit status and
#: what it printed, as JSON, on the child's own stdout.
_BATCH = """
import contextlib, io, json, os, sys
sys.stdin = open(os.devnull)
from tenant_inspect import cli
done = []
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    done.append([code, out.getvalue(), err.getvalue()])
sys.stdout.write(json.dumps(done))
"""


def run_cli_batch(
    folder: Path, commands: list[list[str]], preexec: Callable[[], None] | None
) -> list[subprocess.CompletedProcess[str]]:
    """``tenant-inspect --data-dir FOLDER ARGS`` for each ARGS, in order, in one child process.

    The child is started with ``preexec`` (see :func:`runner`), so the folder is as
    read-only for it as for anyone; the commands run one after another through ``cli.main``
    there, which spares a second of imports per command. Each result is what
    ``subprocess.run`` would have given for that command alone.
    """
    argvs = [["--data-dir", str(folder), *args] for args in commands]
    child = subprocess.run(
        [sys.executable, "-c", _BATCH, json.dumps(argvs)],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        preexec_fn=preexec,
    )
    assert child.returncode == 0, child.stderr
    return [
        subprocess.CompletedProcess(["tenant-inspect", *argv], code, out, err)
        for argv, (code, out, err) in zip(argvs, json.loads(child.stdout), strict=True)
    ]
