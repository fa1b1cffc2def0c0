"""Stored text holding terminal control codes never reaches a terminal or a report raw.

Older versions stored whatever a bundle carried, so an inspection title may hold ESC / OSC
sequences (clear the screen, set the window title), C1 controls or bidi overrides. These
tests put such text straight into the database, as an older version could have left it,
then run the real commands: what they print shows the codes as ``\\xNN``, JSON output
escapes them (and still round-trips the stored value exactly), and the Markdown report
leaves them out.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tenant_inspect import analysis, inspections
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store

#: Clears the screen, sets the window title, a C1 CSI, DEL, a bidi override.
HOSTILE = "Evil\x1b]0;pwned\x07\x1b[2J\x9b31m\x7f\u202eeltit"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenant_inspect", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
        timeout=180,
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """An inspection whose title, landlord, area, member and finding hold control codes."""
    d = tmp_path_factory.mktemp("controls") / "data"
    store = open_store(resolve_data_dir(d))
    with store.write() as s:
        insp = inspections.create_inspection(s, title="Plain", landlord="Vale HA")
        area = inspections.add_area(s, insp.id, name="Repairs")
        member = inspections.add_member(s, insp.id, name="Ann")
        finding = analysis.add_finding(s, insp.id, kind="strength", text="Fine", area_id=area.id)
        ids = (insp.id, area.id, member.id, finding.id)
    db = store.db_path
    store.close()
    conn = sqlite3.connect(db)
    with conn:  # as an older version could have stored it, past today's checks
        conn.execute(
            "UPDATE inspection SET title = ?, landlord = ? WHERE id = ?", (HOSTILE, HOSTILE, ids[0])
        )
        conn.execute("UPDATE area SET name = ? WHERE id = ?", ("Repairs " + HOSTILE, ids[1]))
        conn.execute("UPDATE team_member SET name = ? WHERE id = ?", ("Ann " + HOSTILE, ids[2]))
        conn.execute(
            "UPDATE finding SET text = ? WHERE id = ?", ("Fine " + HOSTILE + "\nline two", ids[3])
        )
    conn.close()
    return d, ids[0]


def assert_no_raw_controls(text: str) -> None:
    found = sorted({f"\\x{ord(c):02x}" for c in RAW.findall(text)})
    assert not found, f"raw control characters {found} in {text[:300]!r}"


def test_list_shows_control_codes_instead_of_obeying_them(hostile: tuple[Path, str]) -> None:
    d, _ = hostile
    done = run(d, "list")
    assert done.returncode == 0, done.stderr
    assert_no_raw_controls(done.stdout)
    assert "Evil\\x1b]0;pwned\\x07\\x1b[2J" in done.stdout


def test_list_json_escapes_them_and_keeps_the_value(hostile: tuple[Path, str]) -> None:
    d, _ = hostile
    done = run(d, "list", "--json")
    assert done.returncode == 0, done.stderr
    assert_no_raw_controls(done.stdout)
    [row] = json.loads(done.stdout)
    assert row["title"] == HOSTILE and row["landlord"] == HOSTILE


def test_dump_escapes_them_and_keeps_the_value(hostile: tuple[Path, str], tmp_path: Path) -> None:
    d, iid = hostile
    done = run(d, "dump", iid[:8])
    assert done.returncode == 0, done.stderr
    assert_no_raw_controls(done.stdout)
    data = json.loads(done.stdout)
    assert data["tables"]["inspection"][0]["title"] == HOSTILE
    out = tmp_path / "dump.json"
    assert run(d, "dump", iid[:8], "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == done.stdout


def test_messages_that_quote_stored_text_show_the_codes(
    hostile: tuple[Path, str], tmp_path: Path
) -> None:
    d, iid = hostile
    done = run(d, "bundle", "export", iid[:8], "-o", str(tmp_path / "k.zip"), "--for", "Nobody")
    assert done.returncode == 1
    assert "no team member" in done.stderr and "Ann Evil\\x1b" in done.stderr
    assert_no_raw_controls(done.stderr)


def test_the_markdown_report_leaves_them_out(hostile: tuple[Path, str], tmp_path: Path) -> None:
    d, iid = hostile
    out = tmp_path / "report.md"
    done = run(d, "report", iid[:8], "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert_no_raw_controls(done.stdout + done.stderr)
    text = out.read_text(encoding="utf-8")
    assert_no_raw_controls(text)
    assert 'title: "Evil]0;pwned[2J31meltit"' in text
    assert "- **F1** Fine Evil\\]0;pwned\\[2J31meltit line two" in text
