"""The last sync, as ``sync`` prints it and the Team screen shows it (from laptop settings)."""

from __future__ import annotations

from datetime import UTC, datetime

from tenant_inspect import settings
from tenant_inspect.inspections import create_inspection
from tenant_inspect.sync import Counts, SyncRecord, last_sync, sync_key
from tenant_inspect.views.sync_words import last_sync_words
from tenant_inspect.views.team import load_team


def record(received: Counts, conflicts: int) -> SyncRecord:
    return SyncRecord(
        inspection_id="x",
        title="Repairs",
        at=datetime(2026, 12, 5, 14, 2, tzinfo=UTC),
        server="db.example.org/programme",
        sent=Counts(1, 2, 3, 0),
        received=received,
        open_conflicts=conflicts,
    )


def test_the_line_says_where_when_and_what_came_in():
    done = record(Counts(2, 10, 40, 1), 1)
    local = done.at.astimezone()  # shown in the laptop's own time zone
    assert last_sync_words(done) == (
        f"Last synced with db.example.org/programme on {local.day} {local:%b %H:%M}: "
        "12 changes came in, 1 conflict"
    )
    assert last_sync_words(record(Counts(0, 1, 0, 0), 2)).endswith("1 change came in, 2 conflicts")
    assert last_sync_words(record(Counts(), 0)).endswith(": no changes came in")
    assert last_sync_words(None) == ""


def test_the_team_screen_reads_it_from_this_laptops_settings(store):
    with store.write() as s:
        inspection_id = create_inspection(s, title="Repairs", landlord="L").id
    with store.read() as s:
        assert load_team(s, inspection_id).sync_line == ""
    done = record(Counts(0, 3, 5, 0), 0)
    with store.write() as s:
        settings.put(s, sync_key(inspection_id), done.encode())
    with store.read() as s:
        assert last_sync(s, inspection_id) == done
        data = load_team(s, inspection_id)
    assert data.sync_line.startswith("\nLast synced with db.example.org/programme on ")
    assert data.sync_line.endswith("3 changes came in · F5: sync again")
    with store.write() as s:
        settings.put(s, sync_key(inspection_id), "not json")
    with store.read() as s:
        assert load_team(s, inspection_id).last_sync == ""
