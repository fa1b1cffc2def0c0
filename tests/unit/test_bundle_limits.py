"""Size limits (docs/bundle-format.md, section 7): a file no real inspection produces is
refused before its rows are parsed, and a file at the limits is imported in bounded memory.

Memory and time at the limits are measured by ``benchmarks/bundle_limits.py``, not here.
"""

from __future__ import annotations

import json

import pytest
from bundle_big import write_big_bundle
from bundle_helpers import (
    export,
    fingerprint,
    laptop,
    make_team_inspection,
    read_members,
    rows,
    set_rows,
    write_members,
)

from tenant_inspect import bundle_format
from tenant_inspect.bundle import BundleRefused, read
from tenant_inspect.merge import import_bundle

SMALL = {
    "team_member": 4,
    "area": 2,
    "document_review": 1,
    "interview": 10,
    "interview_interviewer": 10,
    "answer": 10,
    "finding": 3,
    "judgement": 1,
    "conclusion": 1,
    "recommendation": 1,
    "recommendation_finding": 1,
    "action_plan_item": 1,
    "action_plan_response": 1,
    "monitoring_round": 1,
    "monitoring_entry": 1,
    "prospects": 1,
}


@pytest.fixture
def world(tmp_path):
    coord, target = laptop(tmp_path, "coord"), laptop(tmp_path, "target")
    team = make_team_inspection(coord)
    base = export(coord, team.inspection, tmp_path / "base.zip")
    yield base, target
    coord.close()
    target.close()


class _Counting:
    """Stands in for ``row_state`` in the reader to count the rows actually parsed."""

    def __init__(self) -> None:
        self.rows = 0

    def __call__(self, *args, **kwargs):
        self.rows += 1
        return self.real(*args, **kwargs)

    real = staticmethod(read.row_state)


def _refused(store, path, monkeypatch, *words: str) -> _Counting:
    counting = _Counting()
    monkeypatch.setattr(read, "row_state", counting)
    before = fingerprint(store)
    with pytest.raises(BundleRefused) as info:
        import_bundle(store, path)
    assert fingerprint(store) == before
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message
    return counting


def test_150000_answers_are_refused_before_any_row_is_read(world, tmp_path, monkeypatch):
    """The file of issue 11: 1.4 MB on disk, 150,000 answers, accepted in 30 s and 795 MiB."""
    base, target = world
    path = write_big_bundle(
        base, tmp_path / "flood.zip", {**SMALL, "interview": 1000, "answer": 150_000}
    )
    assert path.stat().st_size < 10_000_000  # (random ids compress less than the issue's)
    counting = _refused(
        target,
        path,
        monkeypatch,
        "this file holds 150000 answers; an inspection holds at most 20000",
    )
    assert counting.rows == 0


@pytest.mark.parametrize(
    ("table", "label"),
    [("finding", "findings"), ("interview", "interviews"), ("team_member", "team members")],
)
def test_every_table_has_a_limit(world, tmp_path, monkeypatch, table, label):
    base, target = world
    limit = bundle_format.MAX_TABLE_ROWS[table]
    counts = {**SMALL, table: limit + 1}
    if table == "interview":
        counts["answer"] = counts["interview_interviewer"] = limit + 1
    path = write_big_bundle(base, tmp_path / "over.zip", counts)
    counting = _refused(target, path, monkeypatch, f"holds {limit + 1} {label}", f"at most {limit}")
    assert counting.rows == 0
    assert set(bundle_format.MAX_TABLE_ROWS) == set(bundle_format.ROW_MODELS)


def test_a_manifest_that_understates_its_rows_is_caught_while_reading(world, tmp_path, monkeypatch):
    """The rows are counted as they are read, so parsing stops just past the manifest's count."""
    base, target = world
    path = write_big_bundle(
        base, tmp_path / "big.zip", {**SMALL, "interview": 1000, "answer": 25_000}
    )
    members = read_members(path)
    manifest = json.loads(members["manifest.json"])
    manifest["counts"]["answer"] = 10
    members["manifest.json"] = json.dumps(manifest).encode()
    lying = write_members(tmp_path / "lying.zip", members, fix_manifest=False)
    fixed = json.loads(read_members(lying)["manifest.json"])
    assert fixed["counts"]["answer"] == 10
    counting = _refused(
        target, lying, monkeypatch, "data/answer.json holds more rows than the manifest says (10)"
    )
    assert counting.rows < 10 + 10 + 1000 + 10 + 100  # the answers stopped at 11


def test_one_huge_text_is_refused_before_it_is_parsed(world, tmp_path, monkeypatch):
    base, target = world
    members = read_members(base)
    findings = rows(members, "finding")
    findings[0]["text"] = "x" * (bundle_format.MAX_ROW_CHARS + 10)
    set_rows(members, "finding", findings)
    path = write_members(tmp_path / "huge.zip", members, compression=0)
    _refused(
        target, path, monkeypatch, "data/finding.json, row 1 is longer than 2,000,000 characters"
    )
    findings[0]["text"] = "y" * 60_000_000  # a 60 MB string: over the data file's limit
    set_rows(members, "finding", findings)
    path = write_members(tmp_path / "huger.zip", members, compression=0)
    counting = _refused(target, path, monkeypatch, "data/finding.json is too big")
    assert counting.rows == 0


def test_long_texts_in_conflicts_are_refused_too(world, tmp_path, monkeypatch):
    base, target = world
    members = read_members(base)
    findings = rows(members, "finding")
    stamp = findings[0]["field_clocks"]["text"]
    findings[0]["siblings"] = [
        {"field": "text", "hlc": f"{int(stamp[:13]) - 1:013d}-0000-other", "value": "z" * 100_001}
    ]
    set_rows(members, "finding", findings)
    path = write_members(tmp_path / "sib.zip", members)
    _refused(target, path, monkeypatch, "conflict for 'text'", "at most 100000 characters")


def test_a_file_just_under_every_limit_is_read(world, tmp_path):
    """Every table at its limit (the merge of such a file is the benchmark's job)."""
    base, _ = world
    path = write_big_bundle(base, tmp_path / "limits.zip", dict(bundle_format.MAX_TABLE_ROWS))
    seen = {}
    with read.open_bundle(path) as source:
        for chunk in source.chunks():
            seen[chunk.table] = seen.get(chunk.table, 0) + len(chunk.states)
            assert len(chunk.states) <= read.CHUNK_ROWS
    for table, limit in bundle_format.MAX_TABLE_ROWS.items():
        if table not in ("inspection", "questionnaire_copy"):
            assert seen[table] == limit, table
