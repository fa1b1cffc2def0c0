"""The command line in pipelines and with paths: a reader that goes early, files in folders.

``tenant-inspect list | head -1`` must end quietly when ``head`` has gone (no
BrokenPipeError traceback, nothing on stderr), and a refused bundle is named by the path
it was given as, so two ``return.zip`` in different folders can be told apart.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tenant_inspect", "--data-dir", str(data_dir), *args]


def run(data_dir: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(data_dir, *args),
        capture_output=True,
        text=True,
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        timeout=180,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    d = tmp_path_factory.mktemp("pipes") / "data"
    made = run(d, "demo")
    assert made.returncode == 0, made.stderr
    return d, made.stdout.strip()


def closed_early(args: list[str]) -> tuple[int, str]:
    """Run with stdout a real pipe whose reader has gone before anything is written."""
    proc = subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `head -1` that has already read its line and exited
    err = proc.stderr.read().decode("utf-8", "replace")
    return proc.wait(timeout=180), err


@pytest.mark.parametrize(
    "args",
    [["list"], ["list", "--json"], ["dump", "DEMO"], ["questionnaires", "list"], ["--help"]],
    ids=["list", "list-json", "dump", "questionnaires", "help"],
)
def test_a_reader_that_goes_early_gets_no_traceback(
    demo: tuple[Path, str], args: list[str]
) -> None:
    d, iid = demo
    status, err = closed_early(command(d, *[iid if a == "DEMO" else a for a in args]))
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert "Exception ignored" not in err, err
    assert err == ""
    assert status == (0 if args == ["--help"] else 1)  # argparse's help ignores the pipe itself


def test_head_reads_the_first_line(demo: tuple[Path, str]) -> None:
    """The ordinary pipeline still works, whatever the pipe's buffer size makes of it."""
    d, _ = demo
    shell = " ".join(f"'{a}'" for a in command(d, "list")) + " | head -1"
    done = subprocess.run(
        ["bash", "-c", shell], capture_output=True, text=True, env=dict(os.environ), timeout=180
    )
    assert done.stdout.startswith("ID ") and done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "Broken" not in done.stderr, done.stderr


def test_refused_bundles_are_named_by_the_path_given(tmp_path: Path) -> None:
    for folder in ("ann", "ben"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "return.zip").write_text("not a bundle")
    given = ["ann/return.zip", "./ben/../ben/return.zip", str(tmp_path / "ann" / "return.zip")]
    done = run(tmp_path / "data", "bundle", "import", *given, cwd=tmp_path)
    assert done.returncode == 1
    reason = "refused: not a tenant-inspect bundle (not a zip file)"
    assert done.stderr.splitlines() == [f"tenant-inspect: {g}: {reason}" for g in given]
