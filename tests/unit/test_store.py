"""The store keeps its promises: PRAGMAs, migrations, stamps, tombstones, rollback."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date

import pytest
from sqlalchemy import text
from sqlmodel import select

from tenant_inspect import models as m
from tenant_inspect.errors import UserError
from tenant_inspect.migrations import KNOWN_REVISIONS, SCHEMA_HEAD
from tenant_inspect.storage.sqlite.migrate import stored_revision
from tenant_inspect.store import open_store


def test_connection_pragmas_are_in_effect(store):
    with store.read() as session:
        values = {
            p: session.execute(text(f"PRAGMA {p}")).scalar()
            for p in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert values == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 10000,
    }


def test_pragmas_apply_to_every_pooled_connection(store):
    conns = [store.engine.connect() for _ in range(3)]
    try:
        assert [c.exec_driver_sql("PRAGMA foreign_keys").scalar() for c in conns] == [1, 1, 1]
    finally:
        for c in conns:
            c.close()


def test_fresh_database_is_migrated_to_head(store, data_dir):
    assert stored_revision(data_dir.db_path) == SCHEMA_HEAD
    conn = sqlite3.connect(data_dir.db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    expected = {str(model.__tablename__) for model in m.SYNCED_MODELS} | {"conflict", "app_setting"}
    assert expected <= tables
    # No backup is needed for a brand-new, empty database.
    assert list(data_dir.backup_dir.glob("*.db")) == []


def test_schema_head_constant_matches_alembic_scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", "tenant_inspect:migrations")
    script = ScriptDirectory.from_config(cfg)
    assert script.get_current_head() == SCHEMA_HEAD
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == list(KNOWN_REVISIONS)


def test_models_match_the_migrated_schema(store):
    """Autogenerate finds nothing to do: the models and migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_every_model_round_trips_with_bookkeeping(store):
    with store.write(author_id=None) as session:
        insp = m.Inspection(
            title="Repairs", landlord="Vale HA", start_date=date(2026, 3, 2), scope="all"
        )
        session.add(insp)
        session.flush()
        member = m.TeamMember(inspection_id=insp.id, name="Ann", role="coordinator")
        area = m.Area(inspection_id=insp.id, name="Repairs")
        session.add_all([member, area])
        session.flush()
        interview = m.Interview(
            inspection_id=insp.id,
            area_id=area.id,
            interviewee_role="Officer",
            interviewee_name="Jo Bloggs",
        )
        review = m.DocumentReview(
            inspection_id=insp.id, area_id=area.id, title="Charter", undated=True
        )
        session.add_all([interview, review])
        session.flush()
        answer = m.Answer(
            inspection_id=insp.id, interview_id=interview.id, question_key="q1", value="yes"
        )
        session.add(answer)
        session.flush()
        finding = m.Finding(
            inspection_id=insp.id,
            area_id=area.id,
            kind="strength",
            text="Good",
            answer_id=answer.id,
            themes=["diversity"],
        )
        rec = m.Recommendation(
            inspection_id=insp.id, text="Do it", number=1, sub_actions=["a", "b"]
        )
        judgement = m.Judgement(
            inspection_id=insp.id, area_id=area.id, grade="balance", judge_id=member.id
        )
        session.add_all([finding, rec, judgement])
        session.flush()
        session.add_all(
            [
                m.RecommendationFinding(
                    inspection_id=insp.id, recommendation_id=rec.id, finding_id=finding.id
                ),
                m.ActionPlanItem(inspection_id=insp.id, recommendation_id=rec.id, key_actions="x"),
                m.Conclusion(inspection_id=insp.id, text="Overall fine"),
                m.InterviewInterviewer(
                    inspection_id=insp.id, interview_id=interview.id, member_id=member.id
                ),
            ]
        )
    with store.read() as session:
        for model in m.SYNCED_MODELS:
            for row in session.exec(select(model)).all():
                assert len(row.id) == 36
                assert row.created_at.tzinfo is UTC and row.updated_at.tzinfo is UTC
                assert row.device_id == store.device_id
                assert row.hlc.endswith(store.device_id)
                assert row.deleted_at is None
        got = session.exec(select(m.Finding)).one()
        assert got.themes == ["diversity"] and got.answer_id == answer.id
        assert session.exec(select(m.Recommendation)).one().sub_actions == ["a", "b"]
        assert session.exec(select(m.Inspection)).one().start_date == date(2026, 3, 2)
        assert session.exec(select(m.Interview)).one().interviewee_name == "Jo Bloggs"


def test_update_stamps_only_changed_fields(store):
    with store.write() as session:
        insp = m.Inspection(title="A", landlord="L")
        session.add(insp)
    created = dict(insp.field_clocks)
    assert set(created) >= {"title", "landlord", "preface"} and len(set(created.values())) == 1
    with store.write() as session:
        row = session.get(m.Inspection, insp.id)
        row.title = "B"
    assert row.field_clocks["title"] > created["title"]
    assert row.field_clocks["landlord"] == created["landlord"]
    assert row.hlc == row.field_clocks["title"]
    assert row.updated_at > insp.created_at


def test_failed_write_leaves_database_unchanged(store):
    with store.write() as session:
        session.add(m.Inspection(title="Kept", landlord="L"))
    with pytest.raises(RuntimeError), store.write() as session:
        session.add(m.Inspection(title="Lost", landlord="L"))
        session.flush()
        raise RuntimeError("boom")
    with store.read() as session:
        assert [i.title for i in session.exec(select(m.Inspection)).all()] == ["Kept"]


def test_foreign_keys_are_enforced(store):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), store.write() as session:
        session.add(m.Area(inspection_id="no-such-inspection", name="X"))


def test_stamps_never_go_backwards_after_reopen(data_dir, monkeypatch):
    s = open_store(data_dir)
    with s.write() as session:
        session.add(m.Inspection(title="A", landlord="L"))
    first = s.clock.now()
    s.close()
    monkeypatch.setattr("time.time", lambda: 1_000_000.0)  # the laptop clock jumps back to 1970
    s2 = open_store(data_dir)
    try:
        assert s2.clock.now() > first
    finally:
        s2.close()


def test_device_id_is_stable_per_database(data_dir):
    s = open_store(data_dir)
    device = s.device_id
    s.close()
    s = open_store(data_dir)
    assert s.device_id == device and len(device) == 8
    s.close()


def test_database_from_a_newer_version_is_refused(data_dir):
    open_store(data_dir).close()
    conn = sqlite3.connect(data_dir.db_path)
    conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="newer version of tenant-inspect"):
        open_store(data_dir)


def test_backup_is_taken_before_migrating_an_existing_database(data_dir, monkeypatch):
    """Pretend a new migration exists: the old database is backed up first."""
    s = open_store(data_dir)
    with s.write() as session:
        session.add(m.Inspection(title="Precious", landlord="L"))
    s.close()
    ran = []
    monkeypatch.setattr("tenant_inspect.storage.sqlite.migrate.SCHEMA_HEAD", "next")
    monkeypatch.setattr(
        "tenant_inspect.storage.sqlite.migrate.run_migrations", lambda engine: ran.append(True)
    )
    open_store(data_dir).close()
    assert ran == [True]
    backups = list(data_dir.backup_dir.glob(f"*before-migration-{SCHEMA_HEAD}.db"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT title FROM inspection").fetchall() == [("Precious",)]
    conn.close()


def test_not_a_database_gives_a_clear_error(data_dir):
    data_dir.path.mkdir(parents=True)
    data_dir.db_path.write_text("this is not sqlite")
    with pytest.raises(UserError, match="not a tenant-inspect database"):
        open_store(data_dir)


def test_nothing_is_created_at_import_or_resolve(tmp_path):
    from tenant_inspect.locations import resolve_data_dir

    d = resolve_data_dir(tmp_path / "never")
    assert not d.path.exists()
