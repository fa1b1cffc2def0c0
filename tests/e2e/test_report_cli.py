"""`tenant-inspect report` end to end: real processes, a temp data dir, the small demo."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tenant_inspect.demo import DEMO_INTERVIEWEE_NAMES
from tests.support.cli_run import run_cli


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command through ``cli.main`` (see tests/support/cli_run.py)."""
    return run_cli(data_dir, *args)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    d = tmp_path_factory.mktemp("cli") / "data"
    made = run(d, "demo")
    assert made.returncode == 0, made.stderr
    return d, made.stdout.strip()


def _everything(path: Path) -> str:
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as zf:
        return "\n".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist())


@pytest.mark.parametrize(("name", "public"), [("r.docx", False), ("r.md", False), ("p.docx", True)])
def test_report_writes_word_or_markdown_without_names(
    demo: tuple[Path, str], tmp_path: Path, name: str, public: bool
) -> None:
    d, iid = demo
    out = tmp_path / name
    args = ["report", iid[:8], "-o", str(out)] + (["--public"] if public else [])
    done = run(d, *args)
    assert done.returncode == 0, done.stderr
    kind = "public" if public else "internal"
    fmt = "Word" if name.endswith(".docx") else "Markdown"
    assert done.stdout.strip() == f"Wrote {out} ({fmt}, {kind} version, 17 sections)"
    assert "Traceback" not in done.stderr
    text = re.sub(r"\s+", " ", _everything(out)).casefold()
    for person in DEMO_INTERVIEWEE_NAMES:
        assert person.casefold() not in text, person
    assert ("[housing manager]" in text or "\\[housing manager\\]" in text) != public
    if not public:
        assert "note: replaced 1 mention of interviewees' names" in done.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["-o", "{tmp}/report.pdf"], "must end in .docx (Word) or .md (Markdown)"),
        (["-o", "{tmp}/report.docx", "--template", "{tmp}/missing.docx"], "does not exist"),
        (["-o", "{tmp}/report.md", "--template", "{tmp}/missing.docx"], "only be used for a Word"),
        (["-o", "{tmp}/nowhere/report.docx"], "does not exist"),
    ],
)
def test_user_errors_are_one_line_exit_1_and_write_nothing(
    demo: tuple[Path, str], tmp_path: Path, args: list[str], needle: str
) -> None:
    d, iid = demo
    done = run(d, "report", iid, *[a.format(tmp=tmp_path) for a in args])
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert needle in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_broken_template_is_named_and_nothing_is_written(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    d, iid = demo
    template = tmp_path / "letterhead.docx"
    template.write_text("not really a document")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    done = run(d, "report", iid, "-o", str(out_dir / "r.docx"), "--template", str(template))
    assert done.returncode == 1
    assert (
        f"template {template} is not a Word document (.docx): it is not a zip file" in done.stderr
    )
    assert list(out_dir.iterdir()) == []


def test_unknown_inspection_and_usage_errors(demo: tuple[Path, str], tmp_path: Path) -> None:
    d, _ = demo
    unknown = run(d, "report", "zzzz", "-o", str(tmp_path / "r.docx"))
    assert (
        unknown.returncode == 1 and "no inspection has an id starting with 'zzzz'" in unknown.stderr
    )
    assert run(d, "report", "zzzz").returncode == 2  # -o is required
    assert not (tmp_path / "r.docx").exists()


NO_TEXTUAL = r"""
import sys, io, contextlib
from tenant_inspect.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'screens')))
"""


def test_the_report_command_never_imports_textual(demo: tuple[Path, str], tmp_path: Path) -> None:
    d, iid = demo
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            NO_TEXTUAL,
            "--data-dir",
            str(d),
            "report",
            iid,
            "-o",
            str(tmp_path / "r.docx"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    assert out.stdout.strip() == "0 []", out.stdout + out.stderr


def test_no_questionnaires_leaves_the_questionnaire_appendix_out(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    d, iid = demo
    with_q, without_q = tmp_path / "with.md", tmp_path / "without.md"
    assert run(d, "report", iid[:8], "-o", str(with_q)).returncode == 0
    done = run(d, "report", iid[:8], "-o", str(without_q), "--no-questionnaires")
    assert done.returncode == 0, done.stderr
    full, short = with_q.read_text(encoding="utf-8"), without_q.read_text(encoding="utf-8")
    assert "## Questionnaires used" in full and "What is your job title?" in full
    assert "## Questionnaires used" not in short and "What is your job title?" not in short
    assert "Inspectors' notes after the interview" not in full
    assert "## Glossary" in short and "## Findings by theme" in short


def test_progress_report_through_the_command(demo: tuple[Path, str], tmp_path: Path) -> None:
    d, iid = demo
    out = tmp_path / "progress.docx"
    done = run(d, "report", iid[:8], "--progress", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        f"Wrote {out} (Word, progress report, internal version, 7 sections)"
    )
    # The panel's generous grade is pointed out, tied to the actions behind.
    assert "capacity to improve: strengths outweigh weaknesses, but 2 of 4" in done.stderr
    everything = _everything(out)
    assert "word/media/" in everything or "image1.png" in everything
    text = re.sub(r"\s+", " ", everything).casefold()
    assert "progress on the action plan" in text and "overdue actions" in text
    for person in DEMO_INTERVIEWEE_NAMES:
        assert person.casefold() not in text, person


def test_progress_report_of_an_inspection_without_a_plan(tmp_path: Path) -> None:
    d = tmp_path / "data"
    made = run(d, "new", "--title", "Repairs", "--landlord", "Brook Homes")
    assert made.returncode == 0, made.stderr
    out = tmp_path / "progress.docx"
    done = run(d, "report", made.stdout.split()[-1][:8], "--progress", "-o", str(out))
    assert done.returncode == 1
    assert "no action plan yet" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
