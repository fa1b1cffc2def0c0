"""Migration 0003 (action plans): a 0002 database with data upgrades, keeping every value.

The fixture is the small demo in a database at 0002, its action-plan items put back the
way 0002 stored them: the old statuses, no stamps for the fields 0003 adds, and an open
conflict between two old statuses.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from test_migrations import _rows, database_at

from tenant_inspect.migrations import SCHEMA_HEAD
from tenant_inspect.storage.sqlite.migrate import stored_revision
from tenant_inspect.store import open_store

OLD_STATUSES = ["in_progress", "achieved", "delayed", "not_started"]
NEW_STATUSES = ["on_track", "done", "off_track", "not_started"]


@pytest.fixture
def at_0002(tmp_path):
    data, inspection_id = database_at(tmp_path, "0002")
    conn = sqlite3.connect(data.db_path)
    try:
        with conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM action_plan_item ORDER BY id")]
            assert len(ids) >= len(OLD_STATUSES)
            for item_id, status in zip(ids, OLD_STATUSES * len(ids), strict=False):
                (clocks,) = conn.execute(
                    "SELECT field_clocks FROM action_plan_item WHERE id = ?", (item_id,)
                ).fetchone()
                stamps = {
                    k: v
                    for k, v in json.loads(clocks).items()
                    if k not in ("by_when_words", "position")
                }
                conn.execute(
                    "UPDATE action_plan_item SET status = ?, field_clocks = ? WHERE id = ?",
                    (status, json.dumps(stamps), item_id),
                )
            conn.execute(
                "INSERT INTO conflict (id, inspection_id, table_name, row_id, field, kept_value, "
                "kept_hlc, other_value, other_hlc, created_at, resolution, kind) VALUES "
                "('c-apl', ?, 'action_plan_item', ?, 'status', '\"achieved\"', "
                "'1795337363644-0001-aaaa', '\"delayed\"', '1795337363645-0001-bbbb', "
                "'2026-11-22T09:22:47.910611Z', '', 'edit')",
                (inspection_id, ids[0]),
            )
    finally:
        conn.close()
    assert stored_revision(data.db_path) == "0002"
    return data, ids


def test_a_0002_database_with_data_upgrades_keeping_every_value(at_0002):
    data, ids = at_0002
    before = _rows(data.db_path)
    open_store(data).close()  # what the app does on start: back up, then migrate
    assert stored_revision(data.db_path) == SCHEMA_HEAD
    assert list(data.backup_dir.glob("*before-migration-0002.db"))
    after = _rows(data.db_path)
    for table, rows in before.items():
        assert set(after[table]) == set(rows), table
        for key, old in rows.items():
            new = after[table][key]
            for column, value in old.items():
                if (table, column) in (
                    ("action_plan_item", "status"),
                    ("action_plan_item", "field_clocks"),
                ) or (table == "conflict" and column.endswith("_value")):
                    continue
                assert new[column] == value, (table, key, column)
    items = after["action_plan_item"]
    for (item_id,), row in sorted(items.items()):
        old = before["action_plan_item"][(item_id,)]
        i = ids.index(item_id)
        assert row["status"] == NEW_STATUSES[i % len(NEW_STATUSES)]
        assert (row["by_when_words"], row["position"]) == ("", 0)
        old_clocks, new_clocks = json.loads(old["field_clocks"]), json.loads(row["field_clocks"])
        first = min(old_clocks.values())
        assert new_clocks == {**old_clocks, "by_when_words": first, "position": first}
    conflict = after["conflict"][("c-apl",)]
    assert (json.loads(conflict["kept_value"]), json.loads(conflict["other_value"])) == (
        "done",
        "off_track",
    )
    for table in ("action_plan_response", "monitoring_round", "monitoring_entry", "prospects"):
        assert after[table] == {}, table
    conn = sqlite3.connect(data.db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_the_upgraded_data_reads_and_takes_new_work(at_0002):
    from tenant_inspect import action_plan, records
    from tenant_inspect import models as m

    data, ids = at_0002
    store = open_store(data)
    try:
        with store.write() as s:
            item = records.get(s, m.ActionPlanItem, ids[0])
            rec = records.get(s, m.Recommendation, item.recommendation_id)
            action_plan.update_item(s, item, by_when="March 2027")
            action_plan.set_response_field(s, rec, "response", "accepted")
        with store.read() as s:
            item = records.get(s, m.ActionPlanItem, ids[0])
            assert item.by_when_words == "March 2027" and item.status == "on_track"
    finally:
        store.close()
