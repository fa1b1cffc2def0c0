"""``tenant-inspect action-plan export | import | status`` on the demo: through ``cli.main``
in the test's process, and as real processes where imports are checked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tenant_inspect import plan_sheet as ps
from tests.e2e.test_cli import NO_TEXTUAL, run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    d = tmp_path_factory.mktemp("plan") / "data"
    made = run(d, "demo")
    assert made.returncode == 0, made.stderr
    return d, made.stdout.strip()


def _set(path: Path, ref: str, header: str, value: object) -> int:
    wb = load_workbook(path)
    ws = wb[ps.PLAN_SHEET]
    col = next(i for i, c in enumerate(ps.COLUMNS, start=1) if c.header == header)
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == ref)
    ws.cell(row, col).value = value
    wb.save(path)
    return row


def test_export_import_status_round_trip(demo, tmp_path):
    d, iid = demo
    path = tmp_path / "plan.xlsx"
    out = run(d, "action-plan", "export", iid[:6], "-o", str(path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"Wrote {path} (Excel workbook: ")

    again = run(d, "action-plan", "import", str(path))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().endswith(": 0 changed")

    row = _set(path, "R2", "Response", "Not a word")
    bad = run(d, "action-plan", "import", str(path), iid[:6])
    assert bad.returncode == 1 and bad.stdout == ""
    lines = bad.stderr.splitlines()
    assert "not imported, nothing was changed (1 problem)" in lines[0]
    assert lines[1].startswith(f"  - Plan sheet, row {row}, column H (Response): “Not a word”")
    assert "Traceback" not in bad.stderr

    _set(path, "R2", "Response", "Accepted")
    good = run(d, "action-plan", "import", str(path), iid[:6])
    assert good.returncode == 0, good.stderr
    assert good.stdout.splitlines()[0] == "R2: response changed to Accepted"
    assert good.stdout.strip().endswith(": 1 changed")

    table = run(d, "action-plan", "status", iid[:6])
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split()[:4] == ["REC", "RESPONSE", "ITEMS", "NOT"]
    assert lines[0].endswith("OVERDUE")
    assert any(line.startswith("R2 ") and "Accepted" in line for line in lines)
    assert lines[-1].startswith("Overdue: ")

    data = json.loads(run(d, "action-plan", "status", iid, "--json").stdout)
    assert data["inspection_id"] == iid
    recs = {r["number"]: r for r in data["recommendations"]}
    assert recs["R2"]["response"] == "accepted"
    assert set(recs["R1"]["by_status"]) == {
        "not_started",
        "on_track",
        "at_risk",
        "off_track",
        "done",
    }
    assert all(r["items"] == sum(r["by_status"].values()) for r in recs.values())
    assert all(0 <= r["overdue"] <= r["items"] for r in recs.values())


def test_word_form_is_written(demo, tmp_path):
    import docx

    d, iid = demo
    path = tmp_path / "plan.docx"
    out = run(d, "action-plan", "export", iid, "-o", str(path))
    assert out.returncode == 0, out.stderr
    doc = docx.Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings[0] == "What this form is for"
    assert any(h.startswith("R1. ") for h in headings)
    assert not any(r.italic for p in doc.paragraphs for r in p.runs)


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("action-plan", "export", "{id}", "-o", "plan.txt"), 1, "must end in .xlsx"),
        (("action-plan", "export", "zzzz", "-o", "plan.xlsx"), 1, "no inspection"),
        (("action-plan", "import", "missing.xlsx"), 1, "no such file"),
        (("action-plan", "import", "{notxlsx}"), 1, "not an Excel workbook"),
        (("action-plan", "status"), 2, "usage:"),
        (("action-plan", "status", "zzzz"), 1, "no inspection"),
    ],
)
def test_exit_codes_and_one_line_errors(demo, tmp_path, monkeypatch, args, code, needle):
    """Through ``cli.main`` in this process (see ``tests/support/cli_run.py``): an exception
    that escaped a command would fail the test here, as a traceback would in a process."""
    d, iid = demo
    notxlsx = tmp_path / "notes.xlsx"
    notxlsx.write_text("hello")
    argv = [a.format(id=iid, notxlsx=notxlsx) for a in args]
    monkeypatch.chdir(tmp_path)  # the relative file names are the user's working folder's
    out = run(d, *argv)
    assert out.returncode == code, out.stderr
    assert needle in out.stderr
    if code == 1:
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


@pytest.mark.parametrize("action", ["export", "import", "status"])
def test_action_plan_commands_never_import_textual(demo, tmp_path, action):
    d, iid = demo
    path = tmp_path / "plan.xlsx"
    assert run(d, "action-plan", "export", iid, "-o", str(path)).returncode == 0
    args = {
        "export": ["export", iid, "-o", str(path)],
        "import": ["import", str(path)],
        "status": ["status", iid, "--json"],
    }[action]
    out = subprocess.run(
        [sys.executable, "-c", NO_TEXTUAL, "--data-dir", str(d), "action-plan", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert out.stdout.strip() == "0 []", out.stdout + out.stderr
