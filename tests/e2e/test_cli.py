"""The CLI end to end, as scripts and coordinators use it: through ``cli.main``, temp data dirs.

Real processes where only a process can show it: the entry point, and what is imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli_run import run_cli


def run(
    data_dir: Path | None, *args: str, env: dict[str, str] | None = None, in_process: bool = True
) -> subprocess.CompletedProcess[str]:
    """The command through ``cli.main`` (see tests/support/cli_run.py for when a real process)."""
    return run_cli(data_dir, *args, env=env, in_process=in_process)


@pytest.fixture
def d(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_new_list_and_json(d):
    made = run(d, "new", "--title", "Repairs inspection", "--landlord", "Vale HA")
    assert made.returncode == 0, made.stderr
    new_id = made.stdout.strip()
    assert len(new_id) == 36
    listing = run(d, "list")
    assert listing.returncode == 0
    assert new_id[:8] in listing.stdout and "Repairs inspection (Vale HA)" in listing.stdout
    data = json.loads(run(d, "list", "--json").stdout)
    assert [(r["id"], r["title"], r["landlord"], r["status"], r["areas"]) for r in data] == [
        (new_id, "Repairs inspection", "Vale HA", "planning", 1)
    ]


def test_empty_list_says_what_to_do(d):
    out = run(d, "list")
    assert out.returncode == 0
    assert "No inspections yet" in out.stdout and "tenant-inspect demo" in out.stdout


def test_data_dir_may_follow_the_command_and_env_var_works(tmp_path):
    a = tmp_path / "a"
    assert run(None, "new", "--title", "T", "--landlord", "L", "--data-dir", str(a)).returncode == 0
    listed = run(None, "list", "--json", env={"TENANT_INSPECT_DATA_DIR": str(a)})
    assert len(json.loads(listed.stdout)) == 1


def test_dump_is_byte_identical_and_accepts_prefixes(d, tmp_path):
    new_id = run(d, "new", "--title", "T", "--landlord", "L").stdout.strip()
    first = run(d, "dump", new_id[:5])
    second = run(d, "dump", new_id)
    assert first.returncode == 0 and first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["inspection_id"] == new_id
    assert [r["title"] for r in data["tables"]["inspection"]] == ["T"]
    out = tmp_path / "dump.json"
    assert run(d, "dump", new_id, "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == first.stdout


def test_user_errors_are_one_line_exit_1(d):
    run(d, "new", "--title", "T", "--landlord", "L")
    for args, needle in [
        (("dump", "zzzz"), "no inspection has an id starting with 'zzzz'"),
        (("new", "--title", " ", "--landlord", "L"), "title is required"),
        (("restore", "/no/such/file.db"), "does not exist"),
    ]:
        out = run(d, *args)
        assert out.returncode == 1, (args, out.stderr)
        assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
        assert needle in out.stderr


def test_usage_errors_exit_2(d):
    out = run(d, "list", "--bogus")
    assert out.returncode == 2 and "unrecognized arguments" in out.stderr
    assert run(d, "new", "--title", "T").returncode == 2
    assert run(d, "report-everything").returncode == 2


def test_questionnaires_list_and_validate(d, tmp_path):
    listed = run(d, "questionnaires", "list")
    assert listed.returncode == 0
    for qid in ("desktop-review", "staff-interview-ri", "tenant-interview", "mystery-shop"):
        assert qid in listed.stdout
    broken = tmp_path / "broken.toml"
    broken.write_text(
        'id = "Bad Id"\ntitle = "T"\nversion = "1"\nkind = "interview"\naudience = "Staff"\n\n'
        '[[sections]]\nid = "s"\ntitle = "S"\n\n[[sections.questions]]\nid = "q1"\ntext = "Q?"\ntype = "essay"\n',
        encoding="utf-8",
    )
    out = run(d, "questionnaires", "validate", str(broken))
    assert out.returncode == 1
    assert "broken.toml" in out.stderr and "essay" in out.stderr and "Bad Id" in out.stderr
    assert "Traceback" not in out.stderr
    good = run(
        d,
        "questionnaires",
        "validate",
        str(Path(__file__).parents[2] / "questionnaires" / "desktop-review.toml"),
    )
    assert good.returncode == 0 and "OK" in good.stdout


def test_doctor_backup_restore(d):
    new_id = run(d, "new", "--title", "Before", "--landlord", "L").stdout.strip()
    doctor = run(d, "doctor")
    assert doctor.returncode == 0, doctor.stdout
    assert "integrity:" in doctor.stdout and "ok" in doctor.stdout
    assert "All is well." in doctor.stdout and f"{d} (from --data-dir)" in doctor.stdout
    backed = run(d, "backup", "--keep", "3")
    assert backed.returncode == 0
    backup_path = backed.stdout.split("Backed up to ", 1)[1].splitlines()[0].strip()
    run(d, "new", "--title", "After", "--landlord", "L")
    restored = run(d, "restore", backup_path)
    assert restored.returncode == 0, restored.stderr
    assert "kept in" in restored.stdout
    titles = [r["title"] for r in json.loads(run(d, "list", "--json").stdout)]
    assert titles == ["Before"]
    assert json.loads(run(d, "dump", new_id).stdout)["inspection_id"] == new_id


def test_doctor_reports_a_damaged_database(d):
    run(d, "new", "--title", "T", "--landlord", "L")
    db = d / "tenant-inspect.db"
    db.write_bytes(b"garbage" * 100)
    out = run(d, "doctor")
    assert out.returncode == 1
    assert "PROBLEM" in out.stdout and "restore" in out.stdout


def test_python_m_and_console_script_agree(d):
    out = run(d, "--version", in_process=False)
    assert out.returncode == 0 and out.stdout.startswith("tenant-inspect ")


NO_TEXTUAL = r"""
import sys, io, contextlib
from tenant_inspect.cli import main
argv = sys.argv[1:]
with contextlib.redirect_stdout(io.StringIO()):
    code = main(argv)
bad = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.") or m == "screens" or m.startswith("screens."))
print(code, bad)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["new", "--title", "T", "--landlord", "L"],
        ["list"],
        ["list", "--json"],
        ["questionnaires", "list"],
        ["doctor"],
        ["backup"],
    ],
)
def test_commands_other_than_the_tui_never_import_textual(d, args):
    out = subprocess.run(
        [sys.executable, "-c", NO_TEXTUAL, "--data-dir", str(d), *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert out.stdout.strip().endswith("[]"), out.stdout + out.stderr
    assert out.stdout.startswith("0 ")


def test_importing_the_core_never_imports_textual():
    code = (
        "import sys, importlib, pkgutil, tenant_inspect\n"
        "for m in pkgutil.walk_packages(tenant_inspect.__path__, 'tenant_inspect.'):\n"
        "    if '.migrations.' in m.name or m.name.endswith('__main__'): continue\n"
        "    importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in ('textual', 'screens')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_demo_then_list_dump_and_doctor(d):
    made = run(d, "demo")
    assert made.returncode == 0, made.stderr
    demo_id = made.stdout.strip()
    listing = run(d, "list")
    assert "Resident involvement" in listing.stdout and demo_id[:8] in listing.stdout
    first, second = run(d, "dump", demo_id[:8]), run(d, "dump", demo_id)
    assert first.returncode == 0 and first.stdout == second.stdout
    tables = json.loads(first.stdout)["tables"]
    assert len(tables["interview"]) >= 10 and len(tables["recommendation"]) >= 10
    doctor = run(d, "doctor")
    assert doctor.returncode == 0 and "All is well." in doctor.stdout
    assert "inspections:       1" in doctor.stdout


def test_unknown_demo_size_is_a_usage_error(d):
    out = run(d, "demo", "--size", "medium")
    assert out.returncode == 2 and "invalid choice" in out.stderr
