"""`tenant-inspect check-document` end to end: printed figures, --json, refusals and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.support.built_documents import SHARED, build_a, build_b, locked_pdf
from tests.support.cli_run import run_cli


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(None, "check-document", *args)


@pytest.fixture
def docs(tmp_path: Path) -> tuple[Path, Path]:
    return build_a(tmp_path / "leaflet.docx"), build_b(tmp_path / "policy.docx", extra=SHARED)


def _years_since(day: date) -> int:
    today = date.today()
    return today.year - day.year - ((today.month, today.day) < (day.month, day.day))


def test_prints_the_figures_and_proposals(docs: tuple[Path, Path]) -> None:
    a, b = docs
    done = run(str(a), str(b))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout
    blocks = out.split("\n\n")
    assert blocks[0].startswith("leaflet.docx\n  No date found\n")
    assert "  Smallest print: 10 pt; 48 % of the text is under 12 pt\n" in blocks[0]
    assert "  Italic: 48 % of the text\n" in blocks[0]
    assert "  Ornate fonts: Brush Script MT\n" in blocks[0]
    assert "  Headings: no\n" in blocks[0]
    assert "  Reading ease: " in blocks[0] and "  Long sentence 1 (17 words): " in blocks[0]
    assert "  Other formats offered: none mentioned\n" in blocks[0]
    assert (
        '  Repeats policy.docx: "Tenants can ask for a repair by phone, online or …"' in blocks[0]
    )
    assert "  To consider (nothing has been recorded):\n" in blocks[0]
    assert (
        "    Proposed weakness: 48 % of its text is italic, though large italic passages are "
        "hard to read (RNIB clear print)\n" in blocks[0]
    )
    assert "    Proposed answer, Is the document dated? No\n" in blocks[0]
    age = _years_since(date(2021, 6, 14))
    assert blocks[1].startswith(f"policy.docx\n  Newest date: 14 June 2021, {age} years old\n")
    assert "  Headings: yes\n" in blocks[1]
    assert "  Other formats offered: large print, Braille, other languages\n" in blocks[1]


def test_json_has_the_same_figures_and_proposals(docs: tuple[Path, Path]) -> None:
    a, b = docs
    done = run(str(a), str(b), "--json")
    assert done.returncode == 0, done.stderr
    leaflet, policy = json.loads(done.stdout)
    assert leaflet["document"] == "leaflet.docx"
    assert leaflet["figures"]["smallest_size"] == 10
    assert leaflet["figures"]["newest"] is None
    assert leaflet["figures"]["ornate_fonts"] == ["Brush Script MT"]
    assert {
        "kind": "weakness",
        "text": "it has no headings, so a reader cannot easily find their way around it",
    } in leaflet["findings"]
    assert policy["figures"]["newest"] == {"date": "2021-06-14", "shown": "14 June 2021"}
    assert policy["figures"]["has_headings"] is True
    assert {"question": "formats-offered", "value": "yes", "words": "Yes"} in policy["answers"]
    assert [r["other"] for r in policy["figures"]["repeats"]] == ["leaflet.docx"]


def test_bad_files_one_line_each_exit_1_nothing_checked(
    docs: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _ = docs
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"\x00\x01garbage" * 50)
    txt = tmp_path / "notes.txt"
    txt.write_text("hello")
    locked = locked_pdf(tmp_path / "locked.pdf")
    done = run(str(a), str(corrupt), str(txt), str(locked), str(tmp_path / "gone.pdf"))
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"{corrupt}: is not a Word .docx document (its content is something else)",
        f"{txt}: only Word (.docx) and PDF (.pdf) documents can be checked",
        f"{locked}: this PDF is locked with a password; ask for an unlocked copy",
        f"{tmp_path / 'gone.pdf'}: no such file",
        "Nothing was checked: fix or leave out the file(s) above.",
    ]


def test_one_bad_file_is_one_line(tmp_path: Path) -> None:
    done = run(str(tmp_path / "gone.docx"))
    assert (done.returncode, done.stdout, done.stderr) == (
        1,
        "",
        f"{tmp_path / 'gone.docx'}: no such file\n",
    )


def test_no_files_is_a_usage_error() -> None:
    assert run().returncode == 2


def test_a_real_process_loads_no_database_or_screens(docs: tuple[Path, Path]) -> None:
    code = (
        "import sys\n"
        "from tenant_inspect import cli\n"
        f"code = cli.main(['check-document', {str(docs[0])!r}])\n"
        "print(code, sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'sqlmodel', 'textual', 'screens'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.splitlines()[-1] == "0 []", done.stderr


def test_json_never_prints_a_documents_control_characters_raw(tmp_path: Path) -> None:
    """A landlord's file may hold a right-to-left override: escaped, never obeyed."""
    import docx

    path = tmp_path / "odd.docx"
    document = docx.Document()
    document.add_paragraph("Published 14 June 2021. Rent \u202eeerf\u202c is due weekly.")
    document.save(str(path))
    done = run(str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert "\u202e" not in done.stdout and "\\u202e" in done.stdout
    assert json.loads(done.stdout)  # still valid JSON
