"""The Textual application: start-up, the database connection and the writer.

Start-up is budgeted (DESIGN.md): home lists inspections through the store's cheap path
(:func:`tenant_inspect.store.quick_summaries`) while the real store (SQLModel alone costs
more than a bare Textual app) opens in a worker after the first paint (:mod:`.startup_order`).
The app knows only the :class:`~tenant_inspect.store.Store` interface. Screens reach the
database only through :meth:`TenantInspectApp.read` (a thread worker) and
:meth:`TenantInspectApp.write` (the one ordered writer, :class:`~tenant_inspect.autosave.AutoSaver`),
so typing never waits for disk.

A data folder nothing can be saved to (a write-protected stick, a rescue copy) opens
read-only (:attr:`Store.read_only <tenant_inspect.store.Store.read_only>`): the title bar
and every save indicator say so from the start, typing is never sent to the writer (each
field says NOT SAVED, once, and :func:`run_app` says so on exit), and no backup is tried.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tenant_inspect.errors import UserError
from tenant_inspect.locations import DataDir

from .app_keys import AppKeys
from .messages import Deferred
from .startup_order import once_drawn, ui_thread_first
from .themes import CURSOR_STYLES, HIGH_CONTRAST

if TYPE_CHECKING:
    from sqlmodel import Session
    from textual.screen import Screen

    from tenant_inspect.autosave import AutoSaver
    from tenant_inspect.store import ChangeWatch, Store
    from tenant_inspect.summaries import InspectionSummary
    from tenant_inspect.views.overview import Overview


class TenantInspectApp(AppKeys):
    """tenant-inspect's TUI."""

    CSS_PATH = "app.tcss"
    TITLE = "Tenant Inspect"

    def __init__(self, data_dir: DataDir, *, author_id: str | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.author_id = author_id
        self._store: Store | None = None
        self._change_watch: ChangeWatch | None = None
        self._saver: AutoSaver | None = None
        self._store_ready = threading.Event()
        #: Set when opening the store *and* the start-up backup are over (or never began).
        self._startup_over = threading.Event()
        self._startup_over.set()
        self._store_error: BaseException | None = None
        self._read_seq = 0
        self._latest_read: dict[tuple[str, int, object], int] = {}
        #: Typing that could not be saved, by autosave key (see ``_open_store``).
        self._unsaved: dict[str, BaseException] = {}

    def get_css_variables(self) -> dict[str, str]:
        """Any theme's, with cursor rows underlined (bold if focused): colour alone can be lost."""
        return {**super().get_css_variables(), **CURSOR_STYLES}

    # -- start-up -----------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """Home is the first screen: pushed over Textual's blank one, it cost a second
        screen's layout before the first paint, and no key ever leaves home downwards."""
        from .home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        once_drawn(self, self._open_store_in_background)  # never while a screen is drawn

    def _open_store_in_background(self) -> None:
        self._startup_over.clear()
        self.run_worker(self._open_startup, thread=True, group="store", exit_on_error=False)

    def _open_startup(self) -> None:
        try:
            with ui_thread_first():
                self._open_store()
        finally:
            self._startup_over.set()
            if not gc.isenabled():  # off since the command began (cli._dispatch); start-up
                gc.freeze()  # is over: what is loaded for good is never walked again
                gc.enable()

    def wait_startup(self, timeout: float = 30) -> None:
        """Wait (after the app stopped) until the store has opened and its start-up backup is
        made: without it, quitting a second after starting could end the process mid-copy."""
        self._startup_over.wait(timeout)

    def _open_store(self) -> None:
        """Open the store (worker thread), start the writer, then take the start-up backup.

        Save failures are tracked per key: once a field's text failed to save, the indicator
        never says "Saved" again until that field *has* been saved (a later save of another
        field must not hide it), and :func:`run_app` says so on exit if it never was.
        """
        from tenant_inspect.autosave import AutoSaver
        from tenant_inspect.store import ON_START, open_store

        try:
            store = open_store(self.data_dir)
        except BaseException as exc:  # shown to the user; the app stays up to say so
            self._store_error = exc
            self._store_ready.set()
            message = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
            self.call_from_thread(
                self.notify,
                f"Cannot open your data: {message}. Nothing was changed; 'tenant-inspect doctor' "
                "says what is wrong and how to recover.",
                severity="error",
                timeout=30,
            )
            return
        self._store = store
        # Watch for commits from here on: no exit backup when nothing changed.
        self._change_watch = store.watch_changes()
        # key -> why; touched by the writer thread only (a read-only store's typing never
        # reaches the writer), read by run_app once the writer has stopped.
        unsaved = self._unsaved

        def saved(key: str) -> None:
            unsaved.pop(key, None)
            if unsaved:  # an earlier failure still stands: back to "NOT SAVED", not "Saved"
                self.post_message(Deferred(self._set_save_state, "failed"))
            else:
                self.post_message(Deferred(self._saved, key))

        def failed(key: str, exc: BaseException) -> None:
            problem = store.explain(exc)
            if problem is not None:  # full disk, read-only folder ...: say what to do
                exc = UserError(
                    f"{problem.reason}. What you typed is still on screen and everything "
                    f"saved before is safe. {problem.advice[:1].upper()}{problem.advice[1:]}; "
                    "then type in the field again to save it."
                )
            if key != "callback" and not key.startswith("op:"):
                unsaved[key] = exc  # typing: it stays "NOT SAVED" until this key is written
            self.post_message(Deferred(self._save_failed, key, exc))

        # Writer callbacks are posted, never awaited: the writer must not wait
        # for the UI thread (which may itself be waiting for the writer on quit).
        def kept(count: int) -> None:
            self.post_message(Deferred(self._conflicts_kept, count))

        self._saver = AutoSaver(
            store,
            on_saved=saved,
            on_error=failed,
            on_conflicts=kept,
            author_id=self.author_id,
        )
        self._store_ready.set()
        with contextlib.suppress(RuntimeError):  # the app may already have stopped: back up anyway
            self.call_from_thread(self._store_opened)
        # The rolling start-up backup: after the screens have their data, so
        # nobody waits for it (the copy reads a snapshot; saves carry on).
        if store.is_new or store.read_only or not store.keeps_backups:
            # A brand-new database has nothing to keep yet, a read-only one no room; a
            # server is backed up by its administrator.
            return
        try:
            store.rolling_backup(ON_START)
        except (UserError, OSError) as exc:
            self._notify_from_thread(
                f"The automatic backup on start failed: {exc}. Your work is still saved as you "
                "type; 'tenant-inspect doctor' says more.",
                severity="warning",
                title="Backup",
                timeout=15,
            )

    def _notify_from_thread(self, message: str, **kwargs: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the app has stopped: nobody left to tell
            self.call_from_thread(self.notify, message, **kwargs)

    def _store_opened(self) -> None:
        from .messages import StoreReady

        if self.read_only:
            self.title = f"{self.TITLE} (READ-ONLY: nothing can be saved)"
            self._set_save_state("readonly")
            self.notify(
                f"The data folder {self.data_dir.path} is read-only: you can look and export, "
                "but nothing can be saved there.",
                severity="warning",
                title="Read-only",
                timeout=30,
            )
        for screen in self.screen_stack:
            screen.post_message(StoreReady())

    @property
    def store_ready(self) -> bool:
        return self._store is not None

    @property
    def read_only(self) -> bool:
        """True when the data folder is read-only: everything can be seen, nothing saved."""
        return self._store is not None and self._store.read_only

    def wait_store(self, timeout: float = 60) -> Store:
        """Block (in a worker thread) until the store is open."""
        self._store_ready.wait(timeout)
        if self._store is None:
            raise UserError(f"your data could not be opened: {self._store_error}")
        return self._store

    def quick_summaries(self) -> list[InspectionSummary] | None:
        """The inspections list without waiting for the store (None: wait for it)."""
        from tenant_inspect.store import quick_summaries

        return quick_summaries(self.data_dir)

    def quick_overview(self, inspection_id: str) -> Overview | None:
        """An inspection's overview without waiting for the store (None: wait for it)."""
        from tenant_inspect.store import quick_read
        from tenant_inspect.views.overview import read_overview

        return quick_read(self.data_dir, lambda run: read_overview(run, inspection_id))

    # -- database access for screens -----------------------------------------

    def read(
        self, fn: Callable[[Session], Any], on_done: Callable[[Any], None], *, group: str = "read"
    ) -> None:
        """Run ``fn(session)`` in a worker thread and hand the result to ``on_done`` on the UI thread."""

        # Reads may finish out of order: a screen reloading twice (a dialog closes, then its
        # save commits) must show the newer, so an older result for the same callback (its
        # code: a lambda made afresh at each reload is a new object) is dropped.
        func = getattr(on_done, "__func__", on_done)
        key = (group, id(getattr(on_done, "__self__", None)), getattr(func, "__code__", func))
        self._read_seq += 1
        seq = self._latest_read[key] = self._read_seq

        def deliver(result: Any) -> None:
            if self._latest_read.get(key) == seq:
                del self._latest_read[key]
                on_done(result)

        def work() -> None:
            try:
                store = self.wait_store()
                if self._saver is not None:  # what was just left is saved before it is read
                    self._saver.wait_for_due()
                with store.read() as session:
                    result = fn(session)
            except UserError as exc:
                self.call_from_thread(self.notify, str(exc), severity="error", title="Problem")
                return
            self.call_from_thread(deliver, result)

        self.run_worker(work, thread=True, group=group, exit_on_error=False)

    def write(
        self, fn: Callable[[Session], Any], on_done: Callable[[Any], None] | None = None
    ) -> None:
        """Queue a one-off write; it commits in order with autosaves, then ``on_done(result)``."""

        def done(result: Any) -> None:
            if on_done is not None:
                self.post_message(Deferred(on_done, result))

        if self._saver is None:
            # Still opening: wait in a worker, then queue.
            def later() -> None:
                self.wait_store()
                assert self._saver is not None
                self._saver.run(fn, done)

            self.run_worker(later, thread=True, group="write-wait", exit_on_error=False)
            return
        self._saver.run(fn, done)

    def autosave(self, key: str, fn: Callable[[Session], Any], *, now: bool = False) -> None:
        """Save typing: debounced per key (~0.4 s), or at once when ``now`` (leaving a field)."""
        if self._saver is None:
            self.write(fn)
            return
        if self.read_only:
            self._refuse_typing(key)
            return
        from tenant_inspect.autosave import DEFAULT_DELAY

        self._saver.submit(key, fn, delay=0.0 if now else DEFAULT_DELAY)
        self._set_save_state("saving")

    def hurry_save(self, key: str) -> None:
        if self._saver is not None:
            self._saver.hurry(key)

    def _saved(self, key: str) -> None:
        if self._saver is not None and self._saver.pending == 0:
            self._set_save_state("saved")

    def _save_failed(self, key: str, exc: BaseException) -> None:
        self._set_save_state("failed")
        message = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
        self.notify(f"Not saved: {message}", severity="error", title="Not saved", timeout=15)

    def _conflicts_kept(self, count: int) -> None:
        """A save kept someone else's words as a conflict (``tenant_inspect.edit_bases``)."""
        from tenant_inspect.views.conflict_words import kept_while_typing

        self.notify(kept_while_typing(count), severity="warning", title="Conflict", timeout=30)

    def _refuse_typing(self, key: str) -> None:
        """Typing in a read-only folder: NOT SAVED at once, said once per field, never tried."""
        first = key not in self._unsaved
        self._unsaved[key] = UserError(f"the data folder {self.data_dir.path} is read-only")
        self._set_save_state("failed")
        if first:
            words = f"Not saved: the data folder {self.data_dir.path} is read-only. What you "
            words += "typed is only on screen; to work on this data, copy the whole folder "
            words += "to your own disk and open the copy with --data-dir."
            self.notify(words, severity="error", title="Not saved", timeout=15)

    def _set_save_state(self, state: str) -> None:
        from .widgets.save_indicator import SaveIndicator

        for indicator in SaveIndicator.on_screen(self.screen):
            indicator.state = state

    def on_deferred(self, message: Deferred) -> None:
        message.fn(*message.args)

    # -- actions -------------------------------------------------------------

    async def action_quit(self) -> None:
        self.finish_saving()
        self.exit(0)

    def finish_saving(self) -> bool:
        """Write everything pending (called on quit and after the app stops)."""
        if self._saver is None:
            return True
        return self._saver.flush()

    def shutdown_store(self) -> None:
        if self._saver is not None:
            self._saver.stop()
            self._saver = None
        if self._store is not None:
            self._store.close()
            self._store = None
