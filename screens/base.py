"""Base classes for the screens of one inspection: what to reload, and when.

Home and every inspection screen show data read in a worker and must redraw when that data
may have changed: when the store opens, when a write reports :class:`DataChanged`, and when
the user comes back from another screen. :class:`ReloadingScreen` decides *when*; each
subclass says *what* in :meth:`reload`; :class:`InspectionScreen` adds which inspection. :class:`AnalysisScreen` narrows "coming back" to full screens, not
the screen's own dialogs (see its docstring).

``self.services`` is the typed way to reach the app (read, write, autosave ...);
``self.open("name", ...)`` opens another screen by name without importing it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

from textual.screen import Screen

from tenant_inspect.attempts import refusable
from tenant_inspect.errors import UserError

from .markup import problem_words
from .messages import DataChanged, StoreReady
from .routes import open_screen
from .services import AppServices, services_of

if TYPE_CHECKING:
    from sqlmodel import Session


def must_define(screen: object, hook: str) -> NoReturn:
    """The base classes' hooks: a subclass that forgot one says so by name.

    (Textual's metaclass rules out ``abc.abstractmethod``; ``tests/unit/test_screen_hooks.py``
    checks that every concrete screen defines each hook, so this never reaches a user.)
    """
    raise NotImplementedError(f"{type(screen).__name__} must define {hook}()")


class ServicesMixin:
    """Typed access to the app's services and to navigation, for screens and dialogs."""

    @property
    def services(self) -> AppServices:
        return services_of(self)  # type: ignore[arg-type]

    def open(
        self, route: str, *args: Any, callback: Callable[[Any], None] | None = None, **kwargs: Any
    ) -> None:
        """Open the screen called ``route`` (see :mod:`screens.routes`)."""
        open_screen(self, route, *args, callback=callback, **kwargs)  # type: ignore[arg-type]

    def write_and_notify(
        self,
        fn: Callable[[Session], object],
        done: str,
        then: Callable[[], None],
        *,
        refused: str = "Not saved",
        bell: bool = True,
    ) -> None:
        """Write ``fn`` in order with the autosaves; say it is done, or why the core refused
        it (titled ``refused``, with a bell), then call ``then`` either way."""

        def finished(result: tuple[Any, UserError | None]) -> None:
            _, error = result
            if error is not None:
                self.notify(problem_words(error), severity="error", title=refused)  # type: ignore[attr-defined]
                if bell:
                    self.app.bell()  # type: ignore[attr-defined]
            else:
                self.notify(done, title="Saved")  # type: ignore[attr-defined]
            then()

        self.services.write(refusable(fn), finished)


class ReloadingScreen(ServicesMixin, Screen[None]):
    """A screen that reads its data again whenever it may have changed.

    That is: once mounted (if the store is open by then), when the store opens, when a
    write reports :class:`DataChanged`, and when the user comes back from another screen.
    Subclasses say what to read in :meth:`reload`, and may show something else first in
    :meth:`first_show`.
    """

    def on_mount(self) -> None:
        self.first_show()

    def first_show(self) -> None:
        """What the screen shows once mounted: its data, if the store is open already."""
        if self.services.store_ready:
            self.reload()

    def on_store_ready(self, message: StoreReady) -> None:
        self.reload()

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        # Back from set-up, a review or an interview: show what changed there.
        if self.services.store_ready:
            self.reload()

    def reload(self) -> None:
        """Each screen says what it reads; the base only decides when."""
        must_define(self, "reload")


class InspectionScreen(ReloadingScreen):
    """A screen about one inspection that reloads whenever its data may have changed."""

    def __init__(self, inspection_id: str) -> None:
        super().__init__()
        self.inspection_id = inspection_id

    def action_back(self) -> None:
        self.dismiss()


class AnalysisScreen(InspectionScreen):
    """An inspection screen that reloads on return from other screens, not from its dialogs.

    The base class reloads whenever the screen is resumed. These screens open
    dialogs (an edit form, a confirmation, help, the command palette) whose
    results they write and reload themselves; reloading again on their return
    would redraw a 1,000-row table twice, or put stale text back into a field
    being saved. Set ``reload_on_return`` before pushing a full screen that may
    change the data.
    """

    def __init__(self, inspection_id: str) -> None:
        super().__init__(inspection_id)
        self.reload_on_return = False
        self._resuming = False

    def on_screen_resume(self) -> None:
        # Runs before the base class's handler (which calls reload()).
        self._resuming = True

    def reload(self) -> None:
        if self._resuming:
            self._resuming = False
            if not self.reload_on_return:
                return
            self.reload_on_return = False
        self.load()

    def load(self) -> None:
        """Each analysis screen says what it reads; the base only decides when."""
        must_define(self, "load")
