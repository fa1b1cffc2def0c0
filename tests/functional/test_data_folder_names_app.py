"""The app on folders whose names SQLite URIs would misread (``?``, ``#``, ``%``), with spaces
or non-ASCII letters: it lists what is there, saves into the database inside the folder,
and makes its backups there — nothing appears beside the folder.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import DataTable

from screens.app import TenantInspectApp
from tenant_inspect import inspections
from tenant_inspect.locations import resolve_data_dir
from tenant_inspect.store import open_store

# The app takes the same path to the database as the commands, which test every name
# (tests/e2e/test_data_folder_names.py); here, one of each kind of trouble.
NAMES = ["a?b", "a#b", "50%41", "Siân Ō"]


@pytest.mark.parametrize("name", NAMES)
async def test_the_app_opens_lists_and_saves_inside_the_folder(tmp_path, name, settle):
    folder = tmp_path / "parent" / name
    data_dir = resolve_data_dir(folder)
    with open_store(data_dir) as store, store.write() as s:
        inspections.create_inspection(s, title="Already here", landlord="Vale HA")

    app = TenantInspectApp(data_dir)
    try:
        async with app.run_test() as pilot:
            await settle(pilot)
            table = app.screen.query_one("#inspections", DataTable)
            assert table.row_count == 1
            assert table.get_row_at(0)[0].plain == "Already here\nVale HA"
            await pilot.press("n")
            await settle(pilot)
            await pilot.press(*"Typed in the app", "enter", *"L", "enter", "enter")
            await settle(pilot)
    finally:
        app.shutdown_store()

    conn = sqlite3.connect(data_dir.db_path)
    try:
        titles = sorted(r[0] for r in conn.execute("SELECT title FROM inspection"))
    finally:
        conn.close()
    assert titles == ["Already here", "Typed in the app"]
    assert [p.name for p in data_dir.backup_dir.glob("*-on-start.db")]  # backed up, in there
    assert [p.name for p in Path(tmp_path / "parent").iterdir()] == [name]
