"""`tenant-inspect programme list | weaknesses | overdue` on a data folder with two demos."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli_run import run_cli


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    d = tmp_path_factory.mktemp("programme") / "data"
    ids = []
    for seed in ("1", "2"):
        made = run_cli(d, "demo", "--seed", seed)
        assert made.returncode == 0, made.stderr
        ids.append(made.stdout.strip())
    return d, ids


def test_list_search_and_json(two):
    d, ids = two
    table = run_cli(d, "programme", "list")
    assert table.returncode == 0, table.stderr
    assert "2 of 2 inspections" in table.stdout and "Riverside Vale" in table.stdout
    found = json.loads(run_cli(d, "programme", "list", "--year", "2026", "--json").stdout)
    assert sorted(i["id"] for i in found) == sorted(ids)
    assert json.loads(run_cli(d, "programme", "list", "--year", "1999", "--json").stdout) == []
    none = run_cli(d, "programme", "list", "--search", "nowhere")
    assert none.returncode == 0 and "No inspection matches." in none.stdout


def test_weaknesses_and_overdue(two):
    d, _ = two
    weak = run_cli(d, "programme", "weaknesses")
    assert weak.returncode == 0 and weak.stdout.startswith("THEME")
    rows = json.loads(run_cli(d, "programme", "weaknesses", "--json").stdout)
    assert rows[0]["inspections"] and len(rows[0]["inspections"]) == 2
    late = json.loads(run_cli(d, "programme", "overdue", "--json").stdout)
    assert late and {"label", "by_when", "days_late", "inspection"} <= set(late[0])
    assert run_cli(d, "programme", "bogus").returncode == 2
