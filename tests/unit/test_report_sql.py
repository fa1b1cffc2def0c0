"""The report's plain-SQL snapshot is the same on the store's session and on plain sqlite3.

:func:`read_report_data` replaced an ORM read of every part of an inspection. The report
written from the command line reads it on a read-only sqlite3 connection (no SQLAlchemy);
the app reads it on its store's session. Both must give the very same frozen snapshot, for
both demos and for the rows the services filtered (deleted, merged, unlinked), and the
report built from either must be the same. The ORM reference is the services themselves.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tenant_inspect import analysis, fieldwork, inspections, records
from tenant_inspect.demo import build_demo
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.report.export import build_from
from tenant_inspect.report.snapshot import load_report_data, read_report_data
from tenant_inspect.storage.sqlite.fastread import quick_read
from tenant_inspect.store import Store, open_store
from tenant_inspect.views.shared import read_conclusions, read_recommendations, read_team
from tests.support.demo_copy import demo_data_dir


def _light(store: Store, inspection_id: str):
    return quick_read(
        store.data_dir.db_path, lambda run: read_report_data(run, inspection_id, date.today())
    )


@pytest.fixture(scope="module", params=["small", "large"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    data = resolve_data_dir(tmp_path_factory.mktemp(request.param) / "data")
    iid = demo_data_dir(data, request.param)
    store = open_store(data)
    with store.write() as s:  # rows the services filter out
        findings = analysis.findings(s, iid)
        analysis.merge_findings(s, findings[0], findings[1])
        records.delete(s, findings[2])
        records.delete(s, fieldwork.interviews(s, iid)[0])
        records.delete(s, analysis.conclusions(s, iid)[0])
    yield store, iid
    store.close()


def test_sqlite3_and_the_store_read_the_same_snapshot(demo: tuple[Store, str]) -> None:
    store, iid = demo
    with store.read() as s:
        through_store = load_report_data(s, iid[:8])
    light = _light(store, iid[:8])
    assert light is not None
    assert light == through_store
    report_a, _ = build_from(light)
    report_b, _ = build_from(through_store)
    assert report_a == report_b


def test_the_snapshot_matches_the_services(demo: tuple[Store, str]) -> None:
    """Spot checks against the ORM services the SQL copies (order and filters)."""
    store, iid = demo
    data = _light(store, iid)
    assert data is not None
    with store.read() as s:
        live = [f.id for f in analysis.findings(s, iid)]
        assert [f.id for f in data.findings] == live
        assert [a.id for a in data.areas] == [a.id for a in inspections.areas(s, iid)]
        assert data.conclusions == read_conclusions(s, iid)
        assert data.recommendations == read_recommendations(s, iid, live)
        assert data.team == tuple(t for t in read_team(s, iid) if t.in_report)
        everyone = {i.id for i in fieldwork.interviews(s, iid)}
    # Deleted interviews are read too: their names may still be in notes (redaction).
    assert {i.id for i in data.interviews if not i.deleted} == everyone
    assert any(i.deleted for i in data.interviews)
    finals = {j.area_id for j in data.judgements}
    assert finals and finals <= {a.id for a in data.areas}


def test_an_unknown_id_leaves_the_light_path_to_the_store(tmp_path: Path) -> None:
    store = open_store(resolve_data_dir(tmp_path / "data"))
    try:
        assert _light(store, "ffffffff") is None  # the store's read then refuses in words
    finally:
        store.close()


def test_the_report_command_never_loads_the_orm(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = open_store(resolve_data_dir(data))
    iid = build_demo(store)
    store.close()
    probe = (
        "import sys\n"
        "from tenant_inspect.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'sqlmodel', 'alembic') or m == 'tenant_inspect.models')\n"
        "print(code, heavy)\n"
    )
    for extra in ([], ["--progress"]):
        out = subprocess.run(
            [sys.executable, "-c", probe, "--data-dir", str(data), "report", iid[:8], "-o",
             str(tmp_path / "r.docx"), *extra],
            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert out.stdout.strip().splitlines()[-1] == "0 []", out.stdout + out.stderr
