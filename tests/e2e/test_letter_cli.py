"""`tenant-inspect report ID --letter` and `--check-writing` end to end, on the small demo:
the letter fits two A4 pages (LibreOffice renders it), reads as plain English, names no
interviewee, and comes in large print and Markdown."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tenant_inspect.demo import DEMO_INTERVIEWEE_NAMES, LETTER_CONTACT
from tests.support.cli_run import run_cli
from tests.support.docx_reading import small_or_italic_runs
from tests.support.libreoffice import SOFFICE, to_pdf


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    d = tmp_path_factory.mktemp("letter") / "data"
    made = run_cli(d, "demo")
    assert made.returncode == 0, made.stderr
    return d, made.stdout.strip()


def _words(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_the_letter_fits_two_pages_and_names_nobody(demo, tmp_path):
    import pdfplumber

    d, iid = demo
    target = tmp_path / "letter.docx"
    done = run_cli(d, "report", iid, "--letter", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "letter to residents, public version" in done.stdout
    words = _words(target)
    assert LETTER_CONTACT in words and "Dear Resident" in words
    assert not [name for name in DEMO_INTERVIEWEE_NAMES if name in words]
    for abbreviation in ("KLOE", "RSL", " RI "):
        assert abbreviation not in words
    (letter,) = to_pdf([target], tmp_path)
    with pdfplumber.open(letter) as pdf:
        assert len(pdf.pages) <= 2
        sizes = {round(c["size"]) for page in pdf.pages for c in page.chars}
    assert min(sizes) >= 12


def test_the_demo_letter_reads_as_plain_english(demo):
    d, iid = demo
    done = run_cli(d, "report", iid, "--letter", "--check-writing", "--json")
    assert done.returncode == 0, done.stderr
    check = json.loads(done.stdout)
    assert check["reading_ease"] >= 60
    assert check["sections"][0]["section"] == "Opening"
    assert all(h["section"] and h["text"] for h in check["hardest"])


def test_the_writing_check_of_the_report_lists_sections_and_hard_sentences(demo, tmp_path):
    d, iid = demo
    (d / "plain-words.txt").write_text("pledge = promise\n", encoding="utf-8")
    try:
        done = run_cli(d, "report", iid, "--check-writing")
    finally:
        (d / "plain-words.txt").unlink()
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Reading ease ")
    assert "SECTION" in out and "Hardest sentences:" in out
    assert "pledge → promise" in out  # the coordinator's own word list is used
    assert not list(tmp_path.iterdir())  # nothing written


def test_large_print_and_markdown_letters(demo, tmp_path):
    d, iid = demo
    large = tmp_path / "large.docx"
    assert run_cli(d, "report", iid, "--letter", "--large-print", "-o", str(large)).returncode == 0
    count, bad = small_or_italic_runs(large, 16)
    assert count and bad == []
    md = tmp_path / "letter.md"
    assert run_cli(d, "report", iid, "--letter", "-o", str(md)).returncode == 0
    text = md.read_text(encoding="utf-8")
    assert "Dear Resident" in text and "## What we found" in text


def test_letter_and_progress_together_are_refused(demo, tmp_path):
    d, iid = demo
    done = run_cli(d, "report", iid, "--letter", "--progress", "-o", str(tmp_path / "x.docx"))
    assert done.returncode == 1 and "choose --letter or --progress" in done.stderr
    assert not (tmp_path / "x.docx").exists()
