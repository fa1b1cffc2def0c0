"""Waiting for a Pilot-driven app to be quiet, without betting on a number of pauses.

A keypress may start a chain: a write on the autosave writer, its callback posted to the UI,
a reload in a thread worker, the screen redrawn, perhaps another read. On an idle machine
three rounds of "wait for workers, flush the writer, let messages run" cover it; on a loaded
one they may not. :func:`settle` keeps going round until three rounds in a row found nothing
running and nothing pending, so a test waits exactly as long as the app is busy.
"""

from __future__ import annotations

from time import monotonic
from typing import Any

#: Seconds before giving up (a test's own assert then says what is missing). A time, not a
#: number of rounds: a round is as short as Pilot's idle check (2 ms, tests/conftest.py).
MAX_WAIT_S = 30


def _tables_pending(app: Any) -> bool:
    """A DataTable measures new rows and column widths only when its queue is idle."""
    from textual.widgets import DataTable

    return any(
        getattr(table, "_require_update_dimensions", False) or getattr(table, "_updated_cells", ())
        for table in app.screen.query(DataTable)
    )


def _busy(app: Any) -> bool:
    # The store opens in a worker started once the first screen is drawn: until then no
    # worker shows it, but the app is not settled (its event is set on failure too).
    opened = getattr(app, "_store_ready", None)
    if opened is not None and not opened.is_set():
        return True
    # Pending counts too: a worker just created has not started running yet.
    if any(not worker.is_finished for worker in app.workers):
        return True
    saver = getattr(app, "_saver", None)
    return bool(saver is not None and saver.pending) or _tables_pending(app)


async def settle(pilot: Any) -> None:
    """Let reads, writes and their callbacks finish (no sleeps)."""
    app = pilot.app
    quiet = 0
    deadline = monotonic() + MAX_WAIT_S
    while monotonic() < deadline:
        was_busy = _busy(app)
        await app.workers.wait_for_complete()
        app.finish_saving()
        await pilot.pause()
        if was_busy or _busy(app):
            quiet = 0
            continue
        quiet += 1
        if quiet >= 3:
            return


def still(app: Any) -> None:
    """Stop every text cursor on the screen blinking, leaving it shown where it has focus.

    A blink is a 0.5 s timer: a snapshot taken after a slow ``settle`` (a loaded machine)
    would catch a focused field with its cursor hidden. Call this just before the picture.
    """
    from textual.widgets import Input, TextArea

    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    for widget in app.screen.query(TextArea):
        widget.cursor_blink = False
