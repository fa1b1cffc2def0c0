"""`tenant-inspect bundle ...` end to end: through ``cli.main``, three data folders for three laptops.

The coordinator's laptop makes the demo inspection and hands out kits; two inspectors who
interview as a pair and a third inspector work in parallel (their typing is done through
the service layer, as the TUI would), and the coordinator merges the return files,
lists the conflict and resolves it — all through the CLI.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from tenant_inspect import fieldwork, records
from tenant_inspect import models as m
from tenant_inspect.demo import DEMO_INTERVIEWEE_NAMES
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store
from tests.support.cli_run import run_cli


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command through ``cli.main`` (see tests/support/cli_run.py)."""
    return run_cli(data_dir, *args)


def ok(data_dir: Path, *args: str) -> str:
    done = run(data_dir, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("team")
    coord = tmp / "coordinator"
    inspection_id = ok(coord, "demo").strip()
    data = json.loads(ok(coord, "dump", inspection_id))["tables"]
    members = {r["id"]: r["name"] for r in data["team_member"]}
    by_interview: dict[str, list[str]] = {}
    for link in data["interview_interviewer"]:
        by_interview.setdefault(link["interview_id"], []).append(link["member_id"])
    staff = {r["id"] for r in data["interview"] if r["questionnaire_id"] == "staff-interview-ri"}
    interview, pair = next(
        (i, ms) for i, ms in sorted(by_interview.items()) if len(ms) == 2 and i in staff
    )
    third = next(
        mid
        for mid, name in sorted(members.items())
        if mid not in pair and any(mid in ms for ms in by_interview.values())
    )
    desk = next(f for f in data["finding"] if f["interview_id"] is None)
    return {
        "tmp": tmp,
        "coord": coord,
        "inspection": inspection_id,
        "interview": interview,
        "names": [members[pair[0]], members[pair[1]], members[third]],
        "finding": desk["id"],
    }


def _edit(data_dir: Path, fn) -> None:
    store = open_store(resolve_data_dir(data_dir))
    try:
        with store.write() as s:
            fn(s)
    finally:
        store.close()


def test_three_laptops_round_trip_through_the_cli(team):
    tmp, coord, insp = team["tmp"], team["coord"], team["inspection"]
    laptops = [tmp / f"inspector{i}" for i in range(3)]
    for name, laptop in zip(team["names"], laptops, strict=True):
        kit = tmp / f"kit-{name.split()[0]}.zip"
        out = ok(coord, "bundle", "export", insp[:8], "-o", str(kit), "--for", name)
        assert f"a kit for {name}" in out and "without interviewee names" in out
        with zipfile.ZipFile(kit) as zf:
            interviews = json.loads(zf.read("data/interview.json"))
        assert interviews and all("interviewee_name" not in r for r in interviews)
        imported = ok(laptop, "bundle", "import", str(kit))
        assert (
            imported.startswith(f"{kit.name}: ")
            and "added, 0 updated, 0 unchanged, 0 conflicts" in imported
        )

    # Parallel work: the pair type different notes into the same answer; the third
    # inspector deletes a desktop-review finding.
    def notes(text):
        def edit(s):
            interview = records.get(s, m.Interview, team["interview"])
            fieldwork.save_answer(s, interview, "monitoring-notes", value=text, notes=text)

        return edit

    _edit(laptops[0], notes("First inspector's notes"))
    _edit(laptops[1], notes("Second inspector's notes"))
    _edit(laptops[2], lambda s: records.delete(s, records.get(s, m.Finding, team["finding"])))

    returns = []
    for i, laptop in enumerate(laptops):
        path = tmp / f"return{i}.zip"
        assert "with interviewee names" in ok(laptop, "bundle", "export", insp, "-o", str(path))
        returns.append(path)
    out = ok(coord, "bundle", "import", *map(str, returns))
    lines = out.splitlines()
    assert [line.split(":")[0] for line in lines[:3]] == [p.name for p in returns]
    assert sum(" 2 conflicts" in line for line in lines[:3]) == 1  # value and notes
    assert "conflict(s) to resolve" in lines[3]

    again = ok(coord, "bundle", "import", *map(str, returns))
    assert all(
        " 0 added, 0 updated, " in line and "0 conflicts" in line for line in again.splitlines()[:3]
    )

    listed = json.loads(ok(coord, "bundle", "conflicts", insp, "--json"))
    assert {c["field"] for c in listed} == {"value", "notes"}
    for c in listed:
        assert {c["current_value"], c["other_value"]} == {
            "First inspector's notes",
            "Second inspector's notes",
        }
    text_list = ok(coord, "bundle", "conflicts", insp[:8])
    assert "changed on two laptops" in text_list and "First inspector's notes" in text_list
    notes_conflict = next(c for c in listed if c["field"] == "notes")
    value_conflict = next(c for c in listed if c["field"] == "value")
    out = ok(
        coord,
        "bundle",
        "resolve",
        notes_conflict["id"][:10],
        "--keep",
        "merged",
        "--text",
        "Both sets of notes",
    )
    assert out.startswith("Resolved:")
    ok(coord, "bundle", "resolve", value_conflict["id"][:10], "--keep", "kept")
    assert "No open conflicts." in ok(coord, "bundle", "conflicts", insp)
    resolved = json.loads(ok(coord, "bundle", "conflicts", insp, "--all", "--json"))
    assert sorted(c["resolution"] for c in resolved) == ["kept", "merged"]

    dump = json.loads(ok(coord, "dump", insp))["tables"]
    finding = next(f for f in dump["finding"] if f["id"] == team["finding"])
    assert finding["deleted_at"] is not None
    answers = [
        a
        for a in dump["answer"]
        if a["interview_id"] == team["interview"] and a["question_key"] == "monitoring-notes"
    ]
    assert [a["notes"] for a in answers] == ["Both sets of notes"]
    assert {i["interviewee_name"] for i in dump["interview"]} <= set(DEMO_INTERVIEWEE_NAMES)

    # The decisions travel back in the next kits.
    kit2 = tmp / "kit2.zip"
    ok(coord, "bundle", "export", insp, "-o", str(kit2), "--for", team["names"][0])
    assert "0 conflicts" in ok(laptops[0], "bundle", "import", str(kit2))
    assert "No open conflicts." in ok(laptops[0], "bundle", "conflicts", insp)


def test_refused_files_give_one_line_and_exit_1_while_others_import(team, tmp_path):
    coord, insp = team["coord"], team["inspection"]
    good = tmp_path / "good.zip"
    ok(coord, "bundle", "export", insp, "-o", str(good), "--no-names")
    bad = tmp_path / "bad.zip"
    bad.write_text("not a bundle")
    fresh = tmp_path / "fresh"
    done = run(fresh, "bundle", "import", str(bad), str(good))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"tenant-inspect: {bad}: refused: not a tenant-inspect bundle (not a zip file)"
    ]
    assert done.stdout.startswith("good.zip: ") and "added" in done.stdout
    assert "Traceback" not in done.stderr


def test_a_file_for_another_inspection_needs_asking(team, tmp_path):
    other = tmp_path / "other-laptop"
    other_id = ok(other, "new", "--title", "Another", "--landlord", "Elsewhere HA").strip()
    kit = tmp_path / "kit.zip"
    ok(team["coord"], "bundle", "export", team["inspection"], "-o", str(kit))
    done = run(other, "bundle", "import", str(kit))
    assert done.returncode == 1
    assert "is for another inspection" in done.stderr and "--new-inspection" in done.stderr
    done = run(other, "bundle", "import", str(kit), "--into", other_id[:8])
    assert done.returncode == 1 and "not 'Another'" in done.stderr
    assert json.loads(ok(other, "list", "--json"))[0]["id"] == other_id
    assert "added" in ok(other, "bundle", "import", str(kit), "--new-inspection")
    assert len(json.loads(ok(other, "list", "--json"))) == 2


def test_usage_and_user_errors(team, tmp_path):
    assert run(team["coord"], "bundle").returncode == 2
    done = run(
        team["coord"],
        "bundle",
        "export",
        team["inspection"],
        "-o",
        str(tmp_path / "k.zip"),
        "--for",
        "Nobody Here",
    )
    assert done.returncode == 1 and "no team member 'Nobody Here'" in done.stderr
    done = run(team["coord"], "bundle", "resolve", "ffffffff", "--keep", "kept")
    assert done.returncode == 1 and "no open conflict" in done.stderr
    done = run(team["coord"], "bundle", "resolve", "ffffffff", "--keep", "merged")
    assert done.returncode == 1 and "--text" in done.stderr


def test_conflicts_say_whose_laptop_each_version_came_from(tmp_path):
    """The CLI names the laptops as the Conflicts screen does: "from Ann's laptop", not ids."""
    from tenant_inspect import analysis

    coord, inspector = tmp_path / "A", tmp_path / "B"
    insp = ok(coord, "demo").strip()
    data = json.loads(ok(coord, "dump", insp))["tables"]
    name = next(r["name"] for r in data["team_member"] if r["role"] == "inspector")
    finding = next(f["id"] for f in data["finding"] if f["interview_id"] is None)
    kit = tmp_path / "kit.zip"
    ok(coord, "bundle", "export", insp[:8], "-o", str(kit), "--for", name)
    ok(inspector, "bundle", "import", str(kit))

    def text(words):
        def edit(s):
            analysis.update_finding(s, records.get(s, m.Finding, finding), text=words)

        return edit

    _edit(coord, text("The coordinator's words"))
    _edit(inspector, text("The inspector's words"))
    returned = tmp_path / "return.zip"
    ok(inspector, "bundle", "export", insp, "-o", str(returned))
    assert "1 conflict\n" in ok(coord, "bundle", "import", str(returned))

    listed = ok(coord, "bundle", "conflicts", insp[:8])
    lines = listed.splitlines()
    shown = next(line for line in lines if line.strip().startswith("shown:"))
    other = next(line for line in lines if line.strip().startswith("other:"))
    origins = {shown.split("(from ")[-1], other.split("(from ")[-1]}
    assert {o.split(",")[0] for o in origins} == {"this laptop", f"{name}'s laptop"}
    assert "The coordinator's words" in listed and "The inspector's words" in listed
    assert "from laptop " not in listed

    [conflict] = json.loads(ok(coord, "bundle", "conflicts", insp, "--json"))
    by_value = {
        conflict["current_value"]: conflict["current_origin"],
        conflict["other_value"]: conflict["other_origin"],
    }
    assert by_value["The coordinator's words"].startswith("from this laptop, ")
    assert by_value["The inspector's words"].startswith(f"from {name}'s laptop, ")
