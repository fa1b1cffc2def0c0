"""Home never draws a stored title's control codes: they are shown as ``\\xNN``.

Textual and Rich pass ESC, C1 controls and bidi overrides in a cell's text straight to the
terminal, where an OSC sequence sets the window title and ``ESC [2J`` clears the screen.
The title is put into the database directly, as an older version could have stored it from
a bundle, and checked both in the quick list drawn before the store opens and after it.
"""

from __future__ import annotations

import re
import sqlite3

from textual.widgets import DataTable

from tenant_inspect import inspections
from tenant_inspect.store import open_store
from tests.support.empty_db import empty_data_dir

HOSTILE = "Evil\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eeltit"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def store_hostile_title(data_dir) -> None:
    store = open_store(empty_data_dir(data_dir))
    with store.write() as session:
        inspection_id = inspections.create_inspection(session, title="Plain", landlord="Vale HA").id
    db = store.db_path
    store.close()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE inspection SET title = ?, landlord = ? WHERE id = ?",
            (HOSTILE, "Vale\x1b[31m HA", inspection_id),
        )
    conn.close()


def drawn(app) -> str:
    """The whole screen as the terminal would get it (text of every cell)."""
    return app.export_screenshot()


async def test_home_shows_control_codes_instead_of_sending_them(make_app, data_dir, settle):
    store_hostile_title(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        quick = drawn(app)  # the quick list, before the store has opened
        await settle(pilot)
        table = app.screen.query_one("#inspections", DataTable)
        assert table.row_count == 1
        cell = table.get_row_at(0)[0].plain
        after = drawn(app)
    for screen in (quick, after):
        assert not RAW.search(screen), sorted({hex(ord(c)) for c in RAW.findall(screen)})
    assert not RAW.search(cell)
    assert cell.startswith("Evil\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m")
    assert "Vale\\x1b[31m HA" in cell
