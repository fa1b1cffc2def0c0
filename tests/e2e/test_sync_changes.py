"""``sync`` moves only the rows one side holds differently from the other (``sync_rows``).

What the inspector sees in the summary: after a small edit a sync says "1 updated", not
hundreds of unchanged rows, both ways. And because the rows are chosen by comparing what
both sides hold now (not by a "since my last sync" mark), nothing is skipped when an edit
stamped days ago reaches the server after our last sync (a laptop offline for days, a
return file merged on another laptop), when the laptop was put back to an older copy, or
when it syncs with a second server. (A sync broken half-way: ``test_sync_cli.py``.)
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from tenant_inspect import analysis
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store
from tests.support.cli_run import cli_ok as ok
from tests.support.sync_summary import BEHIND_BY_ONE, NOTHING, ONE_EDIT, words


def edit(folder: Path, inspection_id: str, texts: dict[int, str]) -> None:
    """Rewrite findings (by position) as an inspector would, through the store."""
    with open_store(resolve_data_dir(folder)) as store, store.write() as s:
        findings = analysis.findings(s, inspection_id)
        for index, text in texts.items():
            findings[index].text = text


def three_laptops(tmp_path: Path, url: str) -> tuple[Path, Path, Path, str]:
    """Ann's demo on the server and on Bob's and Carol's laptops: the three folders, the id."""
    ann, bob, carol = tmp_path / "ann", tmp_path / "bob", tmp_path / "carol"
    inspection_id = ok(ann, "demo").strip()
    ok(ann, "sync", url)
    for laptop in (bob, carol):
        ok(laptop, "sync", url, inspection_id)
    return ann, bob, carol, inspection_id


def server_dump(tmp_path: Path, url: str, inspection_id: str) -> str:
    return ok(tmp_path / "server-view", "--database", url, "dump", inspection_id)


def test_after_a_small_edit_a_sync_moves_only_that_row(tmp_path, pg_url):
    ann, bob = tmp_path / "ann", tmp_path / "bob"
    inspection_id = ok(ann, "demo").strip()
    first = words(ok(ann, "sync", pg_url))  # never synced: everything goes
    assert first["sent"].startswith(f"{first['sent'].split()[0]} added, 0 updated")
    assert int(first["sent"].split()[0]) > 100
    ok(bob, "sync", pg_url, inspection_id)
    assert words(ok(ann, "sync", pg_url)) == {"sent": NOTHING, "received": NOTHING}

    edit(ann, inspection_id, {0: "Ann's second thoughts"})
    assert words(ok(ann, "sync", pg_url)) == {"sent": ONE_EDIT, "received": NOTHING}
    assert words(ok(bob, "sync", pg_url)) == {"sent": BEHIND_BY_ONE, "received": ONE_EDIT}
    assert words(ok(bob, "sync", pg_url)) == {"sent": NOTHING, "received": NOTHING}
    on_server = server_dump(tmp_path, pg_url, inspection_id)
    assert "Ann's second thoughts" in on_server
    for laptop in (ann, bob):
        assert ok(laptop, "dump", inspection_id) == on_server


def test_an_edit_stamped_before_our_last_sync_still_comes_in(tmp_path, pg_url):
    """Carol edits offline, Ann edits and syncs later; then Carol's edit reaches the server
    two ways — her return file merged on Bob's laptop, and her own late sync — and Ann's
    next sync brings both, though they are stamped before her last sync."""
    ann, bob, carol, inspection_id = three_laptops(tmp_path, pg_url)
    edit(carol, inspection_id, {1: "Carol, written offline on Monday"})
    returned = tmp_path / "carol-return.zip"
    ok(carol, "bundle", "export", inspection_id, "-o", str(returned))
    edit(carol, inspection_id, {2: "Carol, also Monday, kept for her own sync"})
    time.sleep(0.01)  # Ann's edit and sync are later than both of Carol's stamps
    edit(ann, inspection_id, {0: "Ann, Wednesday"})
    ok(ann, "sync", pg_url)

    ok(bob, "bundle", "import", str(returned))  # arrived on Bob's laptop by USB stick
    assert words(ok(bob, "sync", pg_url))["sent"] == "0 added, 1 updated, 2 unchanged, 0 conflicts"
    assert words(ok(ann, "sync", pg_url))["received"] == ONE_EDIT
    assert "Carol, written offline on Monday" in ok(ann, "dump", inspection_id)

    ok(carol, "sync", pg_url)
    assert words(ok(ann, "sync", pg_url))["received"] == ONE_EDIT
    on_server = server_dump(tmp_path, pg_url, inspection_id)
    assert "Carol, also Monday, kept for her own sync" in on_server
    for laptop in (ann, bob, carol):
        ok(laptop, "sync", pg_url)
        assert ok(laptop, "dump", inspection_id) == on_server, laptop.name


def test_a_laptop_put_back_to_an_older_copy_gets_everything_again(tmp_path, pg_url):
    laptop = tmp_path / "laptop"
    inspection_id = ok(laptop, "demo").strip()
    ok(laptop, "sync", pg_url)
    saved = tmp_path / "copy-of-monday"
    shutil.copytree(laptop, saved)
    edit(laptop, inspection_id, {0: "Tuesday's finding", 1: "Tuesday's other finding"})
    ok(laptop, "sync", pg_url)
    shutil.rmtree(laptop)
    shutil.copytree(saved, laptop)  # the laptop's disk was replaced from Monday's copy

    assert words(ok(laptop, "sync", pg_url))["received"] == (
        "0 added, 2 updated, 1 unchanged, 0 conflicts"
    )
    assert "Tuesday's other finding" in ok(laptop, "dump", inspection_id)
    assert ok(laptop, "dump", inspection_id) == server_dump(tmp_path, pg_url, inspection_id)


def test_a_second_server_gets_the_whole_inspection(tmp_path, pg_url, postgres_server):
    laptop = tmp_path / "laptop"
    inspection_id = ok(laptop, "demo").strip()
    first = words(ok(laptop, "sync", pg_url))["sent"]
    edit(laptop, inspection_id, {0: "After the first server"})
    ok(laptop, "sync", pg_url)
    name = postgres_server.new_database()
    other = postgres_server.url(name)
    try:
        assert words(ok(laptop, "sync", other, inspection_id))["sent"] == first
        assert ok(laptop, "dump", inspection_id) == server_dump(tmp_path, other, inspection_id)
    finally:
        postgres_server.drop_database(name)


def test_a_conflict_found_on_a_laptop_goes_up_though_the_row_kept_its_value(tmp_path, pg_url):
    """Ann merges Carol's return file after her own newer edit of the same finding: her row
    keeps its text and stamps, only a conflict is new. Her next sync still sends it, and
    Bob's brings it down."""
    ann, bob, carol, inspection_id = three_laptops(tmp_path, pg_url)
    edit(carol, inspection_id, {0: "Carol's version"})
    returned = tmp_path / "carol-return.zip"
    ok(carol, "bundle", "export", inspection_id, "-o", str(returned))
    time.sleep(0.01)
    edit(ann, inspection_id, {0: "Ann's version"})
    ok(ann, "sync", pg_url)
    ok(ann, "bundle", "import", str(returned))

    out = ok(ann, "sync", pg_url)
    assert words(out)["sent"] == "0 added, 1 updated, 1 unchanged, 1 conflict"
    assert "1 conflict(s) to resolve" in ok(bob, "sync", pg_url)
    listed = json.loads(ok(bob, "bundle", "conflicts", inspection_id, "--json"))
    assert {listed[0]["current_value"], listed[0]["other_value"]} == {
        "Ann's version",
        "Carol's version",
    }
