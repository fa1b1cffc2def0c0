"""The full-screen app's command line is read without building every command's parser.

Why: ``tenant-inspect`` with no command opens the app, whose start-up is budgeted against a
bare Textual app (docs/performance.md), and the full parser imports every command's module
and builds some 40 sub-parsers first. So a command line of only ``--data-dir`` / ``--database``
is read by a parser of those two options, and everything else by the full parser. These
tests hold the two readings equal, and check in a real process what opening the app skips
(by what is imported, never by timing).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tenant_inspect.cli import build_parser, cmd_tui, opens_the_app, parse_args

APP_LINES = [
    [],
    ["--data-dir", "/tmp/x"],
    ["--data-dir=/tmp/x"],
    ["--data-dir", ""],
    ["--database", "postgresql://me@host/db"],
    ["--database=postgresql://me@host/db", "--data-dir", "/tmp/x"],
    ["--data-dir", "/tmp/x", "--data-dir", "/tmp/y"],  # the last one wins, as in argparse
]


@pytest.mark.parametrize("argv", APP_LINES)
def test_the_app_options_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    assert opens_the_app(argv)
    quick = parse_args(argv)
    assert quick.func is cmd_tui
    assert vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["--data-dir", "/tmp/x", "list"],
        ["--data", "/tmp/x"],  # an abbreviation: argparse's own rules decide
        ["--data-dir"],  # no value: the full parser's usage error
        ["--data-dir", "--database"],
        ["--version"],
        ["-h"],
        ["--help"],
        ["--nonsense"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert not opens_the_app(argv)


def test_a_mistyped_option_still_gets_the_full_usage_message(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_args(["--data", "/tmp/x"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "COMMAND" in err and "ambiguous option" in err


SKIPPED = r"""
import sys
from tenant_inspect.cli import build_parser, parse_args
args = parse_args(["--data-dir", "/tmp/nowhere"])
loaded = sorted(m for m in sys.modules if m.startswith("tenant_inspect.cli_"))
build_parser()
print(args.func.__name__, loaded, "tenant_inspect.programme" in sys.modules)
"""


def test_opening_the_app_loads_no_command_and_the_parser_no_programme_views() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SKIPPED],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert out.stdout.split() == ["cmd_tui", "[]", "False"], out.stdout + out.stderr
