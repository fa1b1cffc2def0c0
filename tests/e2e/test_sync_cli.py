"""``tenant-inspect sync URL [ID]``: laptops and the programme's server, through bundles.

A coordinator's laptop puts an inspection on an empty server, a second laptop fetches it
by a prefix of its id, both edit (one field on both sides), and a few syncs later every
dump is the server's, the conflict kept and listed. Then: a sync broken between push and
pull (and a real process killed part-way), or inside either side's merge, leaves each side
before or after a whole merge and is completed by the next one; errors are one line with
exit status 1; the Team screen's line is recorded.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tenant_inspect import analysis
from tenant_inspect.inspections import create_inspection
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store
from tenant_inspect.sync import last_sync, sync
from tenant_inspect.views.sync_words import last_sync_words
from tests.support.cli_run import cli_ok as ok
from tests.support.cli_run import cli_refused as refused
from tests.support.sync_summary import BEHIND_BY_ONE, ONE_EDIT, words


def without_conflicts(dump: str) -> dict[str, object]:
    """A dump less its conflict rows, whose ids are each side's own (the conflicts travel
    as siblings of their rows, which the dump still compares)."""
    data = json.loads(dump)
    data["tables"].pop("conflict")
    return dict(data)


def edit(folder: Path, inspection_id: str, texts: dict[int, str]) -> None:
    """Rewrite findings (by position) as an inspector would, through the store."""
    with open_store(resolve_data_dir(folder)) as store, store.write() as s:
        findings = analysis.findings(s, inspection_id)
        for index, text in texts.items():
            findings[index].text = text


def small(folder: Path) -> str:
    """An inspection of five findings (cheaper than the demo where size does not matter)."""
    with open_store(resolve_data_dir(folder)) as store, store.write() as s:
        inspection_id = create_inspection(s, title="Repairs", landlord="Riverside").id
        for i in range(5):
            analysis.add_finding(s, inspection_id, kind="weakness", text=f"Finding {i}")
    return inspection_id


def server_dump(tmp_path: Path, pg_url: str, inspection_id: str) -> str:
    return ok(tmp_path / "server-view", "--database", pg_url, "dump", inspection_id)


def test_two_laptops_and_the_server_end_with_the_same_inspection(tmp_path, pg_url):
    ann, bob = tmp_path / "ann", tmp_path / "bob"
    inspection_id = ok(ann, "demo").strip()
    first = ok(ann, "sync", pg_url)
    assert "sent:" in first and "Last synced with" in first and "/" in first
    pulled = ok(bob, "sync", pg_url, inspection_id[:8])  # not on Bob's laptop yet
    assert "sent:     nothing (this laptop did not have it yet)" in pulled
    assert "received: " in pulled and " 0 added" not in pulled.split("received:")[1]
    assert ok(bob, "dump", inspection_id) == server_dump(tmp_path, pg_url, inspection_id)

    edit(ann, inspection_id, {0: "Ann, offline", 1: "Ann only"})
    edit(bob, inspection_id, {0: "Bob, offline", 2: "Bob only"})
    ok(ann, "sync", pg_url, inspection_id)
    bob_out = ok(bob, "sync", pg_url)
    assert "1 conflict(s) to resolve" in bob_out and "bundle conflicts" in bob_out
    ok(ann, "sync", pg_url)
    on_server = server_dump(tmp_path, pg_url, inspection_id)
    for text in ("Ann only", "Bob only"):
        assert text in on_server
    for folder in (ann, bob):
        assert without_conflicts(ok(folder, "dump", inspection_id)) == without_conflicts(on_server)
        listed = json.loads(ok(folder, "bundle", "conflicts", inspection_id, "--json"))
        assert {listed[0]["current_value"], listed[0]["other_value"]} == {
            "Ann, offline",
            "Bob, offline",
        }
    again = ok(ann, "sync", pg_url)  # idempotent: nothing moves
    assert " 0 added, 0 updated" in again.split("received:")[1]
    with open_store(resolve_data_dir(ann)) as store, store.read() as s:
        record = last_sync(s, inspection_id)
    assert record is not None and record.open_conflicts == 1
    assert last_sync_words(record).endswith("no changes came in, 1 conflict")


def test_an_interrupted_sync_is_completed_by_the_next(tmp_path, pg_url):
    laptop = tmp_path / "laptop"
    inspection_id = small(laptop)
    ok(laptop, "sync", pg_url)
    edit(laptop, inspection_id, {0: "Pushed, never pulled"})
    with open_store(resolve_data_dir(tmp_path / "coord", pg_url)) as server, server.write() as s:
        analysis.findings(s, inspection_id)[3].text = "Written on the server"

    def drop(_: str) -> None:
        raise ConnectionError("the connection dropped")

    data_dir = resolve_data_dir(laptop)
    with open_store(data_dir) as store, pytest.raises(ConnectionError):
        sync(store, data_dir, pg_url, between=drop)
    assert "Pushed, never pulled" in server_dump(tmp_path, pg_url, inspection_id)
    assert "Written on the server" not in ok(laptop, "dump", inspection_id)
    # The push landed: nothing goes up again but the finding edited on the server (its
    # older version, kept there as "unchanged"); the server's edit comes in.
    assert words(ok(laptop, "sync", pg_url)) == {"sent": BEHIND_BY_ONE, "received": ONE_EDIT}
    assert ok(laptop, "dump", inspection_id) == server_dump(tmp_path, pg_url, inspection_id)

    # A real process killed at a random moment of a sync: the next one completes.
    edit(laptop, inspection_id, {1: "Killed mid-sync"})
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "tenant_inspect", "--data-dir", str(laptop), "sync", pg_url]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(random.uniform(0.5, 2.5))
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    ok(laptop, "sync", pg_url)
    on_server = server_dump(tmp_path, pg_url, inspection_id)
    assert "Killed mid-sync" in on_server
    assert ok(laptop, "dump", inspection_id) == on_server


def test_sync_errors_are_one_line(tmp_path, pg_url, postgres_server):
    laptop = tmp_path / "laptop"
    assert "holds no inspection yet" in refused(laptop, "sync", pg_url)
    assert "on this laptop or on the server" in refused(laptop, "sync", pg_url, "ffff")
    wrong = postgres_server.password_url("postgres", "wrong-pw")
    message = refused(laptop, "sync", wrong, "ffff")
    assert "password" in message and "wrong-pw" not in message
    down = "postgresql://postgres@/x?host=" + str(tmp_path / "no-server-here")
    assert "cannot be reached" in refused(laptop, "sync", down)
    assert "laptop's data folder" in refused(laptop, "--database", pg_url, "sync", pg_url)


@pytest.mark.parametrize("broken", ["postgresql", "sqlite"])
def test_a_sync_broken_inside_a_merge_leaves_that_side_as_it_was(
    tmp_path, pg_url, monkeypatch, broken
):
    """The push's merge (on the server) or the pull's (on the laptop) fails after writing
    some rows: its transaction is rolled back whole, and the next sync completes."""
    from tenant_inspect import merge

    laptop = tmp_path / "laptop"
    inspection_id = small(laptop)
    ok(laptop, "sync", pg_url)
    edit(laptop, inspection_id, {0: "From the laptop", 1: "Also from the laptop"})
    with open_store(resolve_data_dir(tmp_path / "coord", pg_url)) as server, server.write() as s:
        analysis.findings(s, inspection_id)[3].text = "Written on the server"
    before = {"server": server_dump(tmp_path, pg_url, inspection_id)}
    before["laptop"] = ok(laptop, "dump", inspection_id)
    real = merge.apply_plans

    def written_then_dropped(db, table, plans):  # type: ignore[no-untyped-def]
        real(db, table, plans)
        if plans and db.dialect == broken:
            raise ConnectionError("the connection dropped")

    monkeypatch.setattr(merge, "apply_plans", written_then_dropped)
    data_dir = resolve_data_dir(laptop)
    with open_store(data_dir) as store, pytest.raises(ConnectionError):
        sync(store, data_dir, pg_url)
    monkeypatch.setattr(merge, "apply_plans", real)
    after_server = server_dump(tmp_path, pg_url, inspection_id)
    if broken == "postgresql":
        assert after_server == before["server"]
    else:
        assert "From the laptop" in after_server  # the push landed whole
    assert ok(laptop, "dump", inspection_id) == before["laptop"]
    ok(laptop, "sync", pg_url)
    on_server = server_dump(tmp_path, pg_url, inspection_id)
    assert "From the laptop" in on_server and "Written on the server" in on_server
    assert ok(laptop, "dump", inspection_id) == on_server


def test_a_laptop_days_behind_edits_after_what_it_received(tmp_path, pg_url):
    """Bob's laptop clock is three days slow (or he was offline for days): what he edits
    after a sync is still stamped after everything the sync brought, so it replaces the
    version he saw instead of looking older than it."""
    ann, bob = tmp_path / "ann", tmp_path / "bob"
    inspection_id = small(ann)
    ok(ann, "sync", pg_url)
    ok(bob, "sync", pg_url, inspection_id)
    edit(ann, inspection_id, {0: "Ann, today"})
    ok(ann, "sync", pg_url)
    data_dir = resolve_data_dir(bob)
    with open_store(data_dir) as store:
        store.clock._wall = lambda: time.time() - 3 * 86400
        sync(store, data_dir, pg_url)
        with store.write() as s:
            finding = analysis.findings(s, inspection_id)[0]
            received = finding.field_clocks["text"]
            assert finding.text == "Ann, today"
            finding.text = "Bob, having read Ann's"
        with store.read() as s:
            assert analysis.findings(s, inspection_id)[0].field_clocks["text"] > received
        sync(store, data_dir, pg_url)
    on_server = server_dump(tmp_path, pg_url, inspection_id)
    assert "Bob, having read Ann's" in on_server and "Ann, today" not in on_server
    assert "No open conflicts" in ok(bob, "bundle", "conflicts", inspection_id)


def test_a_connection_lost_mid_sync_is_said_in_one_line(tmp_path, pg_url):
    import psycopg
    from sqlalchemy import exc as sa_exc

    from tenant_inspect.errors import UserError

    laptop = tmp_path / "laptop"
    small(laptop)

    def lost(_: str) -> None:
        closed = psycopg.OperationalError("server closed the connection unexpectedly")
        raise sa_exc.OperationalError("SELECT 1", {}, closed)

    data_dir = resolve_data_dir(laptop)
    with open_store(data_dir) as store, pytest.raises(UserError) as raised:
        sync(store, data_dir, pg_url, between=lost)
    message = str(raised.value)
    assert message.startswith("cannot sync with the PostgreSQL database") and "\n" not in message
    assert "sent:" in ok(laptop, "sync", pg_url)  # and the next sync completes


def test_a_whole_inspection_through_sync_three_laptops_and_the_server(tmp_path, pg_url):
    """Issue 13's "done when": a coordinator's laptop and two inspectors' laptops complete an
    inspection through sync only — set-up, interviews and findings on the inspectors'
    laptops, judgements, conclusions, recommendations and the plan on the coordinator's —
    and the inspection's dump is then the same on the server and on every laptop."""
    from tenant_inspect import action_plan, fieldwork, inspections

    coord, ann, bob = tmp_path / "coord", tmp_path / "ann", tmp_path / "bob"
    with open_store(resolve_data_dir(coord)) as store, store.write() as s:
        insp = create_inspection(s, title="Repairs 2027", landlord="Riverside")
        inspection_id = insp.id
        for name, role in (("Cora", "coordinator"), ("Ann", "inspector"), ("Bob", "inspector")):
            inspections.add_member(s, inspection_id, name=name, role=role)
        area_id = inspections.add_area(s, inspection_id, name="Repairs").id
    ok(coord, "sync", pg_url, inspection_id)
    for laptop in (ann, bob):
        ok(laptop, "sync", pg_url, inspection_id[:8])

    for laptop, person in ((ann, "Alice Example"), (bob, "Bert Example")):  # fieldwork
        with open_store(resolve_data_dir(laptop)) as store, store.write() as s:
            interview = fieldwork.add_interview(
                s, inspection_id, interviewee_role="Repairs officer",
                interviewee_name=person, area_id=area_id,
            )  # fmt: skip
            analysis.add_finding(
                s, inspection_id, kind="weakness", text=f"Slow, says {laptop.name}'s interviewee",
                area_id=area_id, interview_id=interview.id,
            )  # fmt: skip
        ok(laptop, "sync", pg_url, inspection_id)
    ok(coord, "sync", pg_url, inspection_id)

    with open_store(resolve_data_dir(coord)) as store, store.write() as s:  # analysis
        assert len(analysis.findings(s, inspection_id)) == 2
        analysis.set_judgement(
            s, inspection_id, area_id=area_id, grade="weaknesses_outweigh", is_final=True
        )
        analysis.add_conclusion(s, inspection_id, text="Repairs are slow.", area_id=area_id)
        rec = analysis.add_recommendation(s, inspection_id, text="Give every repair a date.")
        action_plan.add_item(
            s, rec, key_actions="Book repairs on the first call", by_when="ongoing"
        )
    ok(coord, "sync", pg_url, inspection_id)
    for laptop in (ann, bob):
        ok(laptop, "sync", pg_url, inspection_id)

    on_server = server_dump(tmp_path, pg_url, inspection_id)
    for text in ("Slow, says ann's interviewee", "Slow, says bob's interviewee",
                 "Repairs are slow.", "Book repairs on the first call"):  # fmt: skip
        assert text in on_server
    for laptop in (coord, ann, bob):
        assert ok(laptop, "dump", inspection_id) == on_server, laptop.name


def test_a_sync_with_a_current_server_never_loads_the_orm(tmp_path, pg_url):
    """A day's sync and a first pull run the merge and the bundles on plain connections
    (sqlite3 on the laptop, psycopg to the server), and every side ends with one dump."""
    from tests.support.orm_probe import heavy_imports

    laptop, other = tmp_path / "laptop", tmp_path / "other"
    inspection_id = small(laptop)
    ok(laptop, "sync", pg_url)  # the first sync on a new server makes its schema (Alembic)
    edit(laptop, inspection_id, {0: "Typed offline", 3: "Also typed offline"})
    assert heavy_imports(laptop, "sync", pg_url, inspection_id) == ("0 []", "")
    on_server = server_dump(tmp_path, pg_url, inspection_id)
    assert "Typed offline" in on_server and ok(laptop, "dump", inspection_id) == on_server
    assert heavy_imports(other, "sync", pg_url, inspection_id) == ("0 []", "")
    assert ok(other, "dump", inspection_id) == on_server
    assert "Last synced with" in ok(other, "sync", pg_url)
