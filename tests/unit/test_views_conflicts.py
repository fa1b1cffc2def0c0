"""Conflicts in words: the record, the field, both versions and whose laptop each came from."""

from __future__ import annotations

import pytest
from bundle_helpers import export, import_ok, laptop, make_team_inspection

from tenant_inspect import analysis, records
from tenant_inspect import models as m
from tenant_inspect.views.conflict_words import one_line, when_words
from tenant_inspect.views.conflicts import (
    conflict_origins,
    load_conflicts,
    merged_draft,
)


@pytest.fixture
def two_edits(store, tmp_path):
    """The coordinator and Ann (from her kit) both rewrite the charter finding."""
    team = make_team_inspection(store)
    kit = export(store, team.inspection, tmp_path / "kit.zip", for_member_id=team.ann)
    ann = laptop(tmp_path, "ann")
    try:
        import_ok(ann, kit, allow_new=True)
        for who, words in ((ann, "Ann: dated 2019"), (store, "Cora: nobody reviews it")):
            with who.write() as s:
                analysis.update_finding(s, records.get(s, m.Finding, team.finding), text=words)
        returned = export(ann, team.inspection, tmp_path / "ann.zip")
    finally:
        ann.close()
    import_ok(store, returned)
    return team


def test_a_conflict_names_the_record_the_field_and_both_laptops(store, two_edits):
    with store.read() as s:
        data = load_conflicts(s, two_edits.inspection)
    assert data.title == "Repairs inspection"
    [item] = data.items
    assert item.title == (
        "Weakness finding from the review of “Repairs charter” (A. Desktop review) — text"
    )
    assert {item.shown.text, item.other.text} == {"Ann: dated 2019", "Cora: nobody reviews it"}
    by_text = {v.text: v.origin for v in (item.shown, item.other)}
    assert by_text["Cora: nobody reviews it"].startswith("from this laptop, ")
    assert by_text["Ann: dated 2019"].startswith("from Ann's laptop, ")
    assert item.mergeable
    assert merged_draft(item) == f"{item.shown.text}\n\n{item.other.text}"


def test_the_cli_origins_are_the_screens(store, two_edits):
    with store.read() as s:
        [item] = load_conflicts(s, two_edits.inspection).items
        [listed] = conflict_origins(s, two_edits.inspection)
    assert (listed.shown, listed.other) == (item.shown.origin, item.other.origin)
    assert listed.view.id == item.id


def test_a_laptop_nobody_has_named_is_called_by_its_id(store, two_edits):
    from sqlalchemy import delete
    from sqlmodel import col

    with store.write() as s:  # forget whose laptop it was
        s.execute(delete(m.AppSetting).where(col(m.AppSetting.key).startswith("laptop:")))
    with store.read() as s:
        [item] = load_conflicts(s, two_edits.inspection).items
    origins = {item.shown.origin.split(",")[0], item.other.origin.split(",")[0]}
    assert "from this laptop" in origins
    [other] = origins - {"from this laptop"}
    assert other.startswith("from laptop ") and len(other) > len("from laptop ")


def test_no_conflicts_no_items(store):
    team = make_team_inspection(store)
    with store.read() as s:
        assert load_conflicts(s, team.inspection).items == ()
        assert conflict_origins(s, team.inspection) == []


def test_words_for_times_and_long_lines():
    from datetime import datetime

    assert when_words(datetime(2026, 3, 3, 14, 5)) == "3 Mar 2026 14:05"
    assert when_words(None) == ""
    assert one_line("Repairs\n  charter", 40) == "Repairs charter"
    assert one_line("abcdefghij", 5) == "abcd…"
