"""`tenant-inspect export ID --tables` end to end: the small demo, a temp data dir."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from tenant_inspect.demo import DEMO_INTERVIEWEE_NAMES
from tests.support.cli_run import run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    d = tmp_path_factory.mktemp("cli") / "data"
    made = run_cli(d, "demo")
    assert made.returncode == 0, made.stderr
    return d, made.stdout.strip()


def test_export_tables_writes_a_workbook_and_says_what_is_in_it(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    d, iid = demo
    out = tmp_path / "tables.xlsx"
    done = run_cli(d, "export", iid[:8], "--tables", "-o", str(out))
    assert done.returncode == 0, done.stderr
    line = done.stdout.strip()
    assert line.startswith(f"Wrote {out} (Excel, 7 sheets: findings 80 rows, answers ")
    assert line.endswith("recommendations 14 rows, action plan 4 rows)")
    assert "note: replaced" in done.stderr and "Traceback" not in done.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "findings" and book.sheetnames[-1] == "action plan"
    text = "\n".join(
        str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
    )
    for person in DEMO_INTERVIEWEE_NAMES:
        assert person not in text
    authors = {row[6] for row in book["findings"].iter_rows(min_row=2, values_only=True)}
    assert all(re.fullmatch(r"Coordinator|Inspector \d+", str(a)) for a in authors)


def test_with_names_shows_the_inspectors_names(demo: tuple[Path, str], tmp_path: Path) -> None:
    d, iid = demo
    out = tmp_path / "named.xlsx"
    done = run_cli(d, "export", iid, "--tables", "--with-names", "-o", str(out))
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out)
    authors = {row[6] for row in book["findings"].iter_rows(min_row=2, values_only=True)}
    assert authors and not any(re.fullmatch(r"Coordinator|Inspector \d+", str(a)) for a in authors)


def test_a_folder_gets_one_csv_file_per_sheet(demo: tuple[Path, str], tmp_path: Path) -> None:
    d, iid = demo
    done = run_cli(d, "export", iid, "--tables", "-o", f"{tmp_path}/")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Wrote {tmp_path} (CSV, 7 files: findings 80 rows")
    assert len(list(tmp_path.glob("*.csv"))) == 7


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["{iid}", "-o", "{tmp}/tables.docx"], "ending in .xlsx"),
        (["{iid}", "-o", "{tmp}/nowhere/"], "no such folder"),
        (["{iid}", "-o", "{tmp}/nowhere/tables.xlsx"], "does not exist"),
        (["ffffffff", "-o", "{tmp}/tables.xlsx"], "no inspection has an id starting with"),
    ],
)
def test_user_errors_are_one_line_exit_1_and_write_nothing(
    demo: tuple[Path, str], tmp_path: Path, args: list[str], needle: str
) -> None:
    d, iid = demo
    argv = [a.format(tmp=tmp_path, iid=iid) for a in args]
    done = run_cli(d, "export", "--tables", *argv)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert needle in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_without_tables_it_is_a_usage_error(demo: tuple[Path, str], tmp_path: Path) -> None:
    d, iid = demo
    done = run_cli(d, "export", iid, "-o", str(tmp_path / "t.xlsx"))
    assert done.returncode == 2
    assert "--tables" in done.stderr
