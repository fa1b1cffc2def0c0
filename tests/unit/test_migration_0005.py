"""Migration 0005 (the live-findings index): a 0004 database upgrades, and every inspection
lists the same number of findings as before, a deleted one still left out, now counted from
the index alone (what makes ``programme list`` on a server fast enough)."""

from __future__ import annotations

import sqlite3

from test_migrations import database_at

from tenant_inspect.migrations import SCHEMA_HEAD
from tenant_inspect.storage.sqlite.migrate import stored_revision
from tenant_inspect.store import open_store
from tenant_inspect.summaries import LIST_SQL, read_summaries


def _listed(db) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {s.id: s.findings for s in read_summaries(lambda sql: conn.execute(sql).fetchall())}
    finally:
        conn.close()


def test_a_0004_database_upgrades_and_lists_the_same_findings(tmp_path):
    data, inspection_id = database_at(tmp_path, "0004")
    conn = sqlite3.connect(data.db_path)
    try:
        with conn:  # one finding deleted on this laptop: listed neither before nor after
            live = conn.execute(
                "SELECT count(*) FROM finding WHERE inspection_id = ? AND deleted_at IS NULL",
                (inspection_id,),
            ).fetchone()[0]
            conn.execute(
                "UPDATE finding SET deleted_at = '2026-12-01T09:00:00.000000Z' WHERE id = "
                "(SELECT min(id) FROM finding WHERE inspection_id = ? AND deleted_at IS NULL)",
                (inspection_id,),
            )
    finally:
        conn.close()
    before = _listed(data.db_path)
    assert before[inspection_id] == live - 1

    open_store(data).close()  # what the app does on start: back up, then migrate

    assert stored_revision(data.db_path) == SCHEMA_HEAD
    assert list(data.backup_dir.glob("*before-migration-0004.db"))
    assert _listed(data.db_path) == before
    conn = sqlite3.connect(data.db_path)
    try:
        plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + LIST_SQL))
    finally:
        conn.close()
    assert "ix_finding_live" in plan
