"""``questionnaires import`` and ``export`` end to end, as a coordinator runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support.cli_run import run_cli
from tests.support.xlsforms import CHOICES, SETTINGS, SURVEY, write_xlsform


def run(data_dir: Path | None, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(data_dir, *args)


@pytest.fixture
def d(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def form(tmp_path: Path) -> Path:
    survey = [*SURVEY, ["calculate", "total", None], ["image", "photo", "Photo"]]
    survey[0] = [*survey[0], "calculation"]
    survey[-2] = ["calculate", "total", *[None] * (len(survey[0]) - 3), "1 + 1"]
    return write_xlsform(tmp_path / "training.xlsx", survey, CHOICES, SETTINGS)


def new_inspection(d: Path) -> str:
    made = run(d, "new", "--title", "Repairs", "--landlord", "Vale HA")
    assert made.returncode == 0, made.stderr
    return made.stdout.strip()


def test_dry_run_reports_the_conversion_and_every_note_and_writes_nothing(tmp_path, form):
    done = run(None, "questionnaires", "import", str(form))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        f"{form}: 'Staff training' (id staff-training, version 2, interview), "
        "2 sections, 8 questions"
    )
    assert "Labels in: English (en)" in lines
    assert "3 notes (what could not be kept as it was):" in lines
    assert (
        "  - survey sheet, row 15: The calculation 'total' was left out (nothing is calculated)."
        in lines
    )
    assert (
        "  - survey sheet, row 16: The image question 'photo' was left out (no photos or files)."
        in lines
    )
    assert lines[-1] == "Dry run: nothing written. Give -o FILE.toml or --inspection ID to keep it."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["training.xlsx"]


def test_import_to_a_file_that_validate_accepts(tmp_path, form):
    out = tmp_path / "training.toml"
    done = run(
        None, "questionnaires", "import", str(form), "--language", "Welsh (cy)", "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert f"Wrote {out}" in done.stdout
    checked = run(None, "questionnaires", "validate", str(out))
    assert checked.returncode == 0, checked.stderr
    assert "OK — 'Staff training' version 2, 8 questions" in checked.stdout
    assert 'text = "Beth yw teitl eich swydd?"' in out.read_text(encoding="utf-8")


def test_import_into_an_inspection_shows_in_dump_and_exports_back(d, tmp_path, form):
    inspection = new_inspection(d)
    done = run(d, "questionnaires", "import", str(form), "--inspection", inspection[:8])
    assert done.returncode == 0, done.stderr
    assert (
        f"Added to the inspection “Repairs” ({inspection[:8]}) as staff-training version 2"
        in done.stdout
    )
    dumped = json.loads(run(d, "dump", inspection).stdout)
    copies = dumped["tables"]["questionnaire_copy"]
    assert [(c["questionnaire_id"], c["version"], c["title"]) for c in copies] == [
        ("staff-training", "2", "Staff training")
    ]
    listed = run(d, "questionnaires", "list", "--inspection", inspection[:8])
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[1].split()[:4] == ["staff-training", "2", "interview", "8"]
    again = run(d, "questionnaires", "import", str(form), "--inspection", inspection[:8])
    assert "Already kept by the inspection" in again.stdout

    exported = tmp_path / "back.xlsx"
    out = run(
        d,
        "questionnaires",
        "export",
        "staff-training",
        "--inspection",
        inspection[:8],
        "-o",
        str(exported),
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"Wrote {exported} (staff-training version 2: 8 questions)"
    back = run(None, "questionnaires", "import", str(exported))
    assert back.returncode == 0, back.stderr
    assert (
        "'Staff training' (id staff-training, version 2, interview), 2 sections, 8 questions"
        in back.stdout
    )


def test_a_refused_form_lists_every_problem_and_changes_nothing(d, tmp_path):
    inspection = new_inspection(d)
    before = run(d, "dump", inspection).stdout
    bad = write_xlsform(
        tmp_path / "bad.xlsx",
        [
            ["type", "name", "label", "tenant_inspect::themes"],
            ["text", "q1", "One", "nope"],
            ["colour", "q2", "Two"],
        ],
    )
    out = tmp_path / "bad.toml"
    done = run(d, "questionnaires", "import", str(bad), "--inspection", inspection, "-o", str(out))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "2 problems in bad.xlsx:" in done.stderr
    assert "survey sheet, row 2, question 'q1': Unknown theme 'nope'." in done.stderr
    assert "survey sheet, row 3: Unknown type 'colour'." in done.stderr
    assert "Nothing was written." in done.stderr
    assert not out.exists()
    assert run(d, "dump", inspection).stdout == before


def test_not_a_workbook_is_one_plain_refusal(tmp_path):
    fake = tmp_path / "form.xlsx"
    fake.write_text("type,name,label\n", encoding="utf-8")
    done = run(None, "questionnaires", "import", str(fake))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "This is not an Excel workbook (.xlsx), or the file is damaged." in done.stderr


def test_export_a_built_in_bank_and_import_it_back_unchanged(tmp_path):
    target = tmp_path / "staff.xlsx"
    done = run(None, "questionnaires", "export", "staff-interview-ri", "-o", str(target))
    assert done.returncode == 0, done.stderr
    back = run(None, "questionnaires", "import", str(target))
    assert back.returncode == 0, back.stderr
    assert (
        "(id staff-interview-ri, version 1.0, interview), 8 sections, 31 questions" in back.stdout
    )
    assert "note" not in back.stdout


def test_a_built_in_id_cannot_be_imported_into_an_inspection(d, tmp_path):
    inspection = new_inspection(d)
    target = tmp_path / "staff.xlsx"
    run(None, "questionnaires", "export", "staff-interview-ri", "-o", str(target))
    done = run(d, "questionnaires", "import", str(target), "--inspection", inspection)
    assert done.returncode == 1
    assert "is a built-in questionnaire's; give the imported one an id of its own" in done.stderr


def test_export_of_an_unknown_id_is_one_line(tmp_path):
    done = run(None, "questionnaires", "export", "nope", "-o", str(tmp_path / "x.xlsx"))
    assert done.returncode == 1
    assert done.stderr.strip().startswith("tenant-inspect: no questionnaire 'nope' built in.")
    assert not (tmp_path / "x.xlsx").exists()


def test_an_imported_questionnaire_travels_in_a_kit(tmp_path, form):
    coordinator, laptop = tmp_path / "coordinator", tmp_path / "laptop"
    inspection = new_inspection(coordinator)
    assert (
        run(
            coordinator, "questionnaires", "import", str(form), "--inspection", inspection
        ).returncode
        == 0
    )
    kit = tmp_path / "kit.zip"
    made = run(coordinator, "bundle", "export", inspection, "-o", str(kit))
    assert made.returncode == 0, made.stderr
    taken = run(laptop, "bundle", "import", str(kit))
    assert taken.returncode == 0, taken.stderr
    listed = run(laptop, "questionnaires", "list", "--inspection", inspection[:8])
    assert listed.returncode == 0, listed.stderr
    assert "staff-training" in listed.stdout and "Staff training" in listed.stdout
