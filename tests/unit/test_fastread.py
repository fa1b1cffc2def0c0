"""The home screen's fast sqlite3 list agrees with the service layer's list."""

from __future__ import annotations

from tenant_inspect import analysis, fieldwork, inspections, records
from tenant_inspect.migrations import SCHEMA_HEAD
from tenant_inspect.storage.sqlite.fastread import quick_summaries


def test_quick_list_matches_the_service_list(store, data_dir):
    with store.write() as session:
        a = inspections.create_inspection(session, title="A", landlord="L1")
        b = inspections.create_inspection(session, title="B", landlord="L2", status="fieldwork")
        gone = inspections.create_inspection(session, title="Deleted", landlord="L3")
        records.delete(session, gone)
        i1 = fieldwork.add_interview(session, a.id, interviewee_role="Officer")
        fieldwork.update_interview(session, i1, status="complete")
        fieldwork.add_interview(session, a.id, interviewee_role="Manager")
        doc = fieldwork.add_document_review(session, b.id, title="Charter")
        fieldwork.update_document_review(session, doc, status="complete")
        f = analysis.add_finding(session, a.id, kind="strength", text="x")
        analysis.add_finding(session, a.id, kind="weakness", text="y")
        records.delete(session, f)
        analysis.add_recommendation(session, b.id, text="Do")
    with store.read() as session:
        expected = inspections.list_inspections(session)
    quick = quick_summaries(data_dir.db_path)
    assert quick == expected
    assert [s.title for s in quick] == ["B", "A"]


def test_quick_list_declines_when_the_full_store_is_needed(data_dir, store):
    import sqlite3

    assert quick_summaries(data_dir.path / "missing.db") is None
    conn = sqlite3.connect(data_dir.db_path)
    conn.execute("UPDATE alembic_version SET version_num='0000'")
    conn.commit()
    conn.close()
    assert quick_summaries(data_dir.db_path) is None
    conn = sqlite3.connect(data_dir.db_path)
    conn.execute("UPDATE alembic_version SET version_num=?", (SCHEMA_HEAD,))
    conn.commit()
    conn.close()
    assert quick_summaries(data_dir.db_path) == []


def test_fastread_stays_light():
    import subprocess
    import sys

    code = (
        "import sys, tenant_inspect.storage.sqlite.fastread\n"
        "import tenant_inspect.store, tenant_inspect.storage.sqlite.backend\n"
        "print(sorted(m for m in ('sqlalchemy','sqlmodel','textual','alembic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def test_the_interface_answers_like_the_fast_path(store, data_dir):
    """``store.quick_summaries(data_dir)`` is the SQLite fast path, not a slower stand-in."""
    from tenant_inspect.store import quick_summaries as through_interface

    with store.write() as session:
        inspections.create_inspection(session, title="A", landlord="L1")
    assert through_interface(data_dir) == quick_summaries(data_dir.db_path)
    assert through_interface(data_dir) is not None


def test_the_quick_overview_stays_light(store, data_dir):
    """The dashboard's overview read during start-up loads no ORM (and no Textual)."""
    import subprocess
    import sys

    with store.write() as session:
        i = inspections.create_inspection(session, title="A", landlord="Vale Homes")
        inspections.add_area(session, i.id, name="Repairs")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tenant_inspect.storage.sqlite.fastread import quick_read\n"
        "from tenant_inspect.views.overview import read_overview\n"
        "import tenant_inspect.store, tenant_inspect.storage.sqlite.backend\n"
        f"o = quick_read(Path({str(data_dir.db_path)!r}), lambda run: read_overview(run, {i.id!r}))\n"
        "print(o.landlord, [a.name for a in o.areas])\n"
        "print(sorted(m for m in ('sqlalchemy','sqlmodel','textual','alembic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.splitlines() == ["Vale Homes ['Desktop review', 'Repairs']", "[]"], out.stderr
