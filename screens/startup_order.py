"""When the app's store starts opening, and how it shares the interpreter meanwhile.

Opening the store imports SQLAlchemy, SQLModel and the models: about half a second of pure
Python in a worker thread. Python runs one thread at a time (the GIL), so whatever the UI
does meanwhile runs at about half speed, and the store is no sooner ready for it: the two
share one interpreter either way. So the store starts opening only once the screen on top
has been drawn (:func:`once_drawn`): home with its list, or, when Enter was pressed the
moment home appeared, the dashboard with the overview read over plain sqlite3. And while it
opens, the UI thread gets the GIL back quickly whenever it needs it (:func:`ui_thread_first`).
See docs/performance.md.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

#: The GIL's switch interval while the store opens (Python's default is 5 ms). The worker
#: never waits for anything, so each time the UI thread gave the GIL up (every sqlite3 call,
#: every write to the terminal) it waited up to the whole interval to get it back: the quick
#: overview's queries took 50 ms instead of 5 while an inspection opened during start-up.
SWITCH_INTERVAL = 0.0005

#: Seconds after start-up by which ``start`` runs even if no screen reported being drawn: a
#: screen's after-refresh callbacks go with it if it is closed before it is drawn (Enter,
#: then Esc at once), and the store must open all the same.
AT_THE_LATEST = 1.0


def once_drawn(app: App[Any], start: Callable[[], None]) -> Callable[[Screen[Any] | None], None]:
    """Call ``start`` once, after the screen on top has been drawn.

    If another screen is pushed before that (the dashboard, opened with Enter), ``start``
    waits for that one's first paint instead, and so on; at the latest it runs
    :data:`AT_THE_LATEST` seconds from now. Returns what a screen's paint calls (with that
    screen): a screen pushed away before its callback came still calls it, late.
    """
    started = False

    def drawn(screen: Screen[Any] | None) -> None:
        nonlocal started
        if started:
            return
        if screen is not None and app.screen is not screen:  # pushed since: let it draw
            app.call_after_refresh(drawn, app.screen)
            return
        started = True
        start()

    app.call_after_refresh(drawn, app.screen)
    app.set_timer(AT_THE_LATEST, lambda: drawn(None))
    return drawn


@contextmanager
def ui_thread_first() -> Iterator[None]:
    """Run the block (a worker's) with a short GIL switch interval; restore it after."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(before)
