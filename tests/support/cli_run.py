"""Run the CLI for an end-to-end test: in this process by default, or as a real process.

Each ``python -m tenant_inspect`` process spends most of a second importing SQLAlchemy and
the models before it does anything, and the end-to-end tests ran hundreds of them: about
two thirds of the suite's time in ``tests/e2e``. Most of those tests are about what a
command does with the data folder and what it prints — the same ``cli.main`` code path,
parser and exit status whichever process runs it — so :func:`run_cli` calls ``cli.main``
here, with stdout and stderr captured and the environment as given, and returns what
``subprocess.run`` would have.

What only a real process shows stays a real process (``in_process=False``): imports
(``sys.modules`` checks), closed pipes, bytes on a real terminal, the data folder's lock
held by another process, dropped privileges, anything read from stdin.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path


@contextlib.contextmanager
def _environment(env: Mapping[str, str] | None) -> Iterator[None]:
    if not env:
        yield
        return
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_cli(
    data_dir: Path | None,
    *args: str,
    env: Mapping[str, str] | None = None,
    in_process: bool = True,
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """``tenant-inspect [--data-dir D] ARGS``: its exit status and what it printed."""
    argv: list[str] = ["--data-dir", str(data_dir)] if data_dir is not None else []
    argv += list(args)
    if not in_process:
        return subprocess.run(
            [sys.executable, "-m", "tenant_inspect", *argv],
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
            timeout=timeout,
        )
    return _in_process(argv, env)


def _in_process(
    argv: Sequence[str], env: Mapping[str, str] | None
) -> subprocess.CompletedProcess[str]:
    from tenant_inspect import cli

    out, err = io.StringIO(), io.StringIO()
    with _environment(env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse: usage errors (2), --help, --version (0)
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return subprocess.CompletedProcess(
        ["tenant-inspect", *argv], code, out.getvalue(), err.getvalue()
    )


def cli_ok(data_dir: Path | None, *args: str, env: Mapping[str, str] | None = None) -> str:
    """Run a command that must succeed; what it printed on stdout."""
    done = run_cli(data_dir, *args, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def cli_refused(data_dir: Path | None, *args: str) -> str:
    """Run a command that must be refused as the CLI contract says: exit status 1 and one
    line on stderr, no traceback; that line."""
    done = run_cli(data_dir, *args)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    return done.stderr
