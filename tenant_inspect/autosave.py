"""Save-as-you-type: a single background writer that debounces and serialises saves.

Why a dedicated thread rather than one worker per keystroke: saves must reach
the database in the order they were typed (a slow older save must never
overwrite a newer one), must not block typing, and must coalesce — twenty
keystrokes in a burst are one commit, not twenty. Each save has a *key*
("the notes of answer q7 of interview X"); submitting again for the same key
replaces the pending save and restarts its delay. ``delay=0`` (leaving a
field, quitting) makes it due at once. :meth:`AutoSaver.flush` blocks until
everything pending is committed — the TUI calls it before exiting.

DESIGN.md promises nothing typed stays only in memory for more than ~0.5 s,
so the default delay is 0.4 s, a key that keeps changing is still written
0.4 s after its first unsaved change (``max_wait``), and a commit (WAL,
synchronous=FULL) takes about a millisecond.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from .edit_bases import KEPT

if TYPE_CHECKING:
    from sqlmodel import Session

    from .store import Store

DEFAULT_DELAY = 0.4
#: However fast someone types without a pause, a key's pending text is
#: written at most this long after its first unsaved keystroke.
DEFAULT_MAX_WAIT = 0.4

SaveFn = Callable[["Session"], Any]

#: A save that found the database busy past the store's busy timeout (another program held
#: the write lock: the largest accepted bundle import on a starved laptop can) is tried this
#: many more times before it is reported NOT SAVED. The text is safe in the widget meanwhile;
#: the save indicator just says "saving" for longer.
BUSY_RETRIES = 5


def _is_busy(exc: BaseException) -> bool:
    text = f"{exc} {getattr(exc, 'reason', '')}".lower()
    return "busy" in text or "database is locked" in text


@dataclass
class _Pending:
    due: float
    fn: SaveFn
    seq: int
    on_done: Callable[[Any], None] | None = None
    first: float = 0.0  # when this key's oldest unsaved change was submitted


class AutoSaver:
    """Debounced, ordered, background saves for one store.

    ``on_saved(key)`` and ``on_error(key, exc)`` are called from the writer
    thread; the TUI wraps them with ``call_from_thread``. ``on_conflicts(n)`` follows a
    commit whose saves kept ``n`` conflicts (someone else had saved a field since its
    editor loaded it: :mod:`.edit_bases`). A failed save is
    reported and dropped from the queue, and the widget keeps the text, so the
    next keystroke (or leaving the field) tries again.
    """

    def __init__(
        self,
        store: Store,
        *,
        on_saved: Callable[[str], None] | None = None,
        on_error: Callable[[str, BaseException], None] | None = None,
        on_conflicts: Callable[[int], None] | None = None,
        author_id: str | None = None,
        max_wait: float = DEFAULT_MAX_WAIT,
    ) -> None:
        self._store = store
        self.max_wait = max_wait
        self._on_saved = on_saved
        self._on_error = on_error
        self._on_conflicts = on_conflicts
        self.author_id = author_id
        self._pending: dict[str, _Pending] = {}
        self._cond = threading.Condition()
        self._seq = 0
        self._busy = False
        self._stopped = False
        self._thread = threading.Thread(
            target=self._run, name="tenant-inspect-autosave", daemon=True
        )
        self._thread.start()

    # -- public -------------------------------------------------------------

    def submit(
        self,
        key: str,
        fn: SaveFn,
        delay: float = DEFAULT_DELAY,
        on_done: Callable[[Any], None] | None = None,
    ) -> None:
        """Queue ``fn(session)`` to run in a write transaction after ``delay`` seconds.

        ``on_done(result)`` runs on the writer thread after the commit. All
        writes of the TUI go through here, so they commit in the order made.
        """
        with self._cond:
            if self._stopped:
                raise RuntimeError("autosave has been stopped")
            self._seq += 1
            now = time.monotonic()
            previous = self._pending.get(key)
            first = previous.first if previous is not None else now
            # Debounce, but never past max_wait from the first unsaved change:
            # continuous typing is still written every DEFAULT_MAX_WAIT seconds.
            due = min(now + delay, first + self.max_wait)
            self._pending[key] = _Pending(due, fn, self._seq, on_done, first)
            self._cond.notify_all()

    def run(self, fn: SaveFn, on_done: Callable[[Any], None] | None = None) -> None:
        """Queue a one-off write (an action, not typing) to run at once, in order."""
        with self._cond:
            key = f"op:{self._seq + 1}"
        self.submit(key, fn, delay=0.0, on_done=on_done)

    def save_now(self, key: str, fn: SaveFn) -> None:
        self.submit(key, fn, delay=0.0)

    def hurry(self, key: str) -> None:
        """Make a pending save of ``key`` due now (the inspector left the field)."""
        with self._cond:
            item = self._pending.get(key)
            if item is not None:
                item.due = time.monotonic()
                self._cond.notify_all()

    @property
    def pending(self) -> int:
        with self._cond:
            return len(self._pending) + (1 if self._busy else 0)

    def flush(self, timeout: float = 10.0) -> bool:
        """Make everything pending due now and wait for it; True if all was written."""
        deadline = time.monotonic() + timeout
        with self._cond:
            now = time.monotonic()
            for item in self._pending.values():
                item.due = min(item.due, now)
            self._cond.notify_all()
            while self._pending or self._busy:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    def wait_for_due(self, timeout: float = 10.0) -> bool:
        """Wait until every save due by now is written (one submitted at once or hurried, as
        on leaving a field or a screen); saves still waiting out their debounce are not
        waited for. A read that must show what was just left (a list reloading as its
        screen comes back) calls this first: otherwise it could read before that commit
        and show the old state, with nothing to reload it after. True if all were written."""
        deadline = time.monotonic() + timeout
        with self._cond:
            now = time.monotonic()
            while self._busy or any(p.due <= now for p in self._pending.values()):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    def stop(self, timeout: float = 10.0) -> bool:
        """Flush, then end the writer thread."""
        ok = self.flush(timeout)
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return ok

    # -- writer thread ------------------------------------------------------

    def _next_due(self) -> tuple[str, _Pending] | None:
        if not self._pending:
            return None
        key, item = min(self._pending.items(), key=lambda kv: (kv[1].due, kv[1].seq))
        return key, item

    def _run(self) -> None:
        while True:
            with self._cond:
                while True:
                    if self._stopped and not self._pending:
                        return
                    nxt = self._next_due()
                    if nxt is None:
                        self._cond.wait()
                        continue
                    wait = nxt[1].due - time.monotonic()
                    if wait <= 0:
                        break
                    self._cond.wait(wait)
                # Everything due now, in submission order: one transaction.
                now = time.monotonic()
                batch = sorted(
                    ((k, p) for k, p in self._pending.items() if p.due <= now),
                    key=lambda kv: kv[1].seq,
                )
                for k, _ in batch:
                    del self._pending[k]
                self._busy = True
            notices: list[Callable[[], None]] = []
            try:
                notices = self._write(batch)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
            # Callbacks run after the writer is idle again, so a UI thread that
            # is waiting in flush() can never deadlock with a callback that
            # needs the UI thread.
            for notice in notices:
                try:
                    notice()
                except Exception as exc:  # a callback failing must not stop the writer
                    if self._on_error:
                        self._on_error("callback", exc)

    def _write(self, batch: list[tuple[str, _Pending]]) -> list[Callable[[], None]]:
        """Commit a batch; return the callbacks to run once the writer is idle."""
        results: list[Any] = []
        kept = 0
        try:
            for attempt in range(BUSY_RETRIES + 1):
                try:
                    results = []
                    with self._store.write(author_id=self.author_id) as session:
                        for _, item in batch:
                            results.append(item.fn(session))
                    kept = int(session.info.get(KEPT, 0))
                    break
                except Exception as exc:
                    if attempt == BUSY_RETRIES or not _is_busy(exc):
                        raise
        except Exception as exc:  # report every failure; the text stays in the widget
            if len(batch) > 1:
                # One bad save must not sink the others: retry them one by one.
                notices: list[Callable[[], None]] = []
                for key, item in batch:
                    notices += self._write([(key, item)])
                return notices
            on_error = self._on_error
            if on_error is None:
                return []
            return [partial(on_error, batch[0][0], exc)]
        notices = []
        for (key, item), result in zip(batch, results, strict=True):
            if item.on_done is not None:
                notices.append(partial(item.on_done, result))
            if self._on_saved is not None:
                notices.append(partial(self._on_saved, key))
        if kept and self._on_conflicts is not None:
            notices.append(partial(self._on_conflicts, kept))
        return notices
