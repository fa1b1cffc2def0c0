"""What a screen may ask of the app: read, write, autosave, navigate — typed, without the app.

Screens never import :mod:`screens.app` (that would tie every screen to the whole app and
close an import cycle). They reach the app through :class:`AppServices`, a Protocol the app
satisfies, via :func:`services_of`. Everything here is a request: the app decides which
thread runs it and in what order writes commit.

The callables passed to :meth:`AppServices.read` and :meth:`AppServices.write` receive an open
session and should call a core function with it (``tenant_inspect.views.*`` to read,
``tenant_inspect.analysis`` and friends to write); a screen never queries a session itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from sqlmodel import Session
    from textual.dom import DOMNode

    from tenant_inspect.locations import DataDir
    from tenant_inspect.store import Store
    from tenant_inspect.summaries import InspectionSummary
    from tenant_inspect.views.overview import Overview


class AppServices(Protocol):
    """The services :class:`screens.app.TenantInspectApp` offers its screens."""

    data_dir: DataDir

    @property
    def store_ready(self) -> bool:
        """True once the store has opened (reads before then wait in their worker)."""
        ...

    def read(
        self, fn: Callable[[Session], Any], on_done: Callable[[Any], None], *, group: str = "read"
    ) -> None:
        """Run ``fn(session)`` in a worker; hand the newest result to ``on_done`` on the UI thread."""
        ...

    def write(
        self, fn: Callable[[Session], Any], on_done: Callable[[Any], None] | None = None
    ) -> None:
        """Queue a one-off write; it commits in order with autosaves, then ``on_done(result)``."""
        ...

    def autosave(self, key: str, fn: Callable[[Session], Any], *, now: bool = False) -> None:
        """Save typing: debounced per key, or at once when ``now`` (leaving a field)."""
        ...

    def hurry_save(self, key: str) -> None: ...

    def finish_saving(self) -> bool:
        """Write everything pending now (blocks; call from a worker or on quit)."""
        ...

    def wait_store(self, timeout: float = 60) -> Store:
        """Block (in a worker thread) until the store is open."""
        ...

    def quick_summaries(self) -> list[InspectionSummary] | None:
        """The inspections list read cheaply before the store opens (start-up budget).

        None when the cheap path cannot answer (no database yet, or it needs migrating); the
        screen then reads the list through :meth:`read` once the store is open.
        """
        ...

    def hold_keys(self) -> None:
        """Hold the keys typed from now on: a command is under way that ends in a text box
        (:mod:`screens.type_ahead`); :meth:`release_keys` once the box has the focus."""
        ...

    def release_keys(self, *, keep: bool = True) -> None:
        """Let the held keys go, in order, to what now has the focus (``keep`` False: drop
        them, when the command failed)."""
        ...

    def quick_overview(self, inspection_id: str) -> Overview | None:
        """An inspection's dashboard overview read cheaply before the store opens (same rules
        as :meth:`quick_summaries`: None means read it through :meth:`read` once open)."""
        ...


def services_of(node: DOMNode) -> AppServices:
    """The app's services, seen from any widget or screen."""
    return cast("AppServices", node.app)
