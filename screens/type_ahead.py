"""Keys typed straight after a command go where the command leads, in the order typed.

An inspector presses ``a`` (add an item), ``e`` (edit), ``n`` (a new round) or Escape and
carries on typing at once. When the terminal hands the app those keys together (a busy
laptop, a fast typist), Textual used to route each key as it read it: the command key went
to the focused list, which passed it up to the screen, and the screen's binding ran only
once the key had climbed back to the app, behind the keys read meanwhile. Those keys had
already gone to the list, where they were lost, or were taken as commands themselves:
"aFaster replies" added the item, then took the "a" of "Faster" for another item and the
"i" of "replies" for Import; "aPublish repairs times" on the Recommendations screen opened an
empty dialog. (The same race, for Tab out of a text box, is why that Tab is a priority
binding: ``widgets/text_box.py``.)

:class:`TypeAheadApp` routes keys so that they keep their order:

* **A command key is a barrier.** A key that a priority binding has (Tab out of a text box,
  PgDn in the question runner), or that the screen (or the app) binds while neither the
  focused widget nor any container around it binds it or takes it as typing (``a`` on a
  list, Escape in a text box), is a command. It waits until the focused widget has handled
  the keys already sent to it ("second" typed just before PgUp goes into its own question
  before PgUp saves and removes that question), then runs on the app's queue, and the keys
  read after it wait until it has run and the focus it asked for has moved. Everything else
  (typing, a text box's Enter, a list's own arrows and Enter, keys nobody binds) goes to the
  focused widget at once, as in Textual. A widget's ``on_key`` handler therefore sees a key
  before the screen's binding for it only if the widget binds the key itself (no screen binds
  a key those handlers read today).
* **Keys wait while a command is under way.** Opening a screen or dialog, and a command that
  writes first and only then puts the cursor in a text box (:meth:`hold_keys`, as the Action
  plan's "add an item" and the question runner's change of question do), hold the keys that
  follow until the new screen has its focus, or the screen calls :meth:`release_keys` once
  the text box has it; the held keys are then routed, in order, before any key read later.
  A hold that nobody lets go ends by itself after :data:`HOLD_LIMIT` seconds.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Literal

from textual import events
from textual.app import App
from textual.widgets import Input, TextArea

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.dom import DOMNode
    from textual.timer import Timer

#: The longest keys are held for a command (seconds): a write on a slow disk, then a read.
HOLD_LIMIT = 3.0
#: Keys a text box acts on itself without a binding (a new line, a tab when it indents).
TEXT_BOX_KEYS = frozenset({"enter", "tab", "shift+tab"})
#: A key a priority binding has (Tab out of a text box, PgDn in the question runner ...).
PRIORITY: Literal["priority"] = "priority"
Command = Literal["priority"] | tuple["DOMNode", tuple["Binding", ...]]


class TypeAheadApp(App[int]):
    """The app's key routing (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_keys: list[events.Key] = []
        #: Commands under way that hold the keys (a command may open a screen, which holds
        #: too): the keys go on when the last one lets go, or at the time limit.
        self._holds = 0
        self._hold_until = 0.0
        self._hold_check: Timer | None = None

    # -- holding --------------------------------------------------------------------------

    def hold_keys(self) -> None:
        """Hold the keys read from now on until :meth:`release_keys` (or the time limit)."""
        self._holds += 1
        self._hold_until = time.monotonic() + HOLD_LIMIT
        if self._hold_check is None:  # one timer for the app, not one per command key
            self._hold_check = self.set_interval(HOLD_LIMIT / 4, self._hold_expired)

    def release_keys(self, *, keep: bool = True) -> None:
        """Let go of one hold; the held keys are routed once no hold is left. ``keep`` False
        drops them (the command failed, so they have nowhere to go and could be taken as
        commands).

        The letting go waits its turn on the app's queue: behind the focus the command has
        just asked for, and behind keys already read but not yet routed, which are held too.
        """
        self.call_later(self._let_go, keep)

    async def _let_go(self, keep: bool) -> None:
        if not keep:
            self._held_keys.clear()
        self._holds = max(self._holds - 1, 0)
        if not self._holds:
            await self._replay()

    def _hold_expired(self) -> None:
        if self._holds and time.monotonic() >= self._hold_until:
            self._holds = 0
            self.call_later(self._replay)

    async def _replay(self) -> None:
        # A replayed key may start a hold of its own: the rest then wait for it, in order.
        while self._held_keys and not self._holds:
            await self._route_key(self._held_keys.pop(0))

    # -- routing --------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._holds and time.monotonic() >= self._hold_until:
                self._holds = 0
                await self._replay()
            await self._route_key(event)
            return
        await super().on_event(event)

    async def _route_key(self, event: events.Key) -> None:
        if self._holds:
            self._held_keys.append(event)
            return
        command = self._command_for(event)
        focused = self.focused
        if command is None or focused is None:
            await super().on_event(event)
            return
        # The focused widget may not have handled every key sent to it yet ("ABC" typed
        # just before PgUp): the command waits for them to go through the widget's queue,
        # then runs on the app's (as bindings do; never on the widget's own, which the
        # command may remove), and the keys typed after it wait for it.
        self.hold_keys()
        if not focused.call_later(self.call_later, self._run_command, event, command):
            self.call_later(self._run_command, event, command)  # the widget is closing

    async def _run_command(self, event: events.Key, command: Command) -> None:
        try:
            if isinstance(command, tuple):
                namespace, bindings = command
                for binding in bindings:
                    if await self.run_action(binding.action, namespace):
                        return
            # A priority binding, or a command refused where it stands: Textual's own way.
            await super().on_event(event)
        finally:
            self.release_keys()

    def _command_for(self, event: events.Key) -> Command | None:
        """How ``event`` is a command: :data:`PRIORITY` (a priority binding has it), the
        screen's (or the app's) bindings for it, or None (typing, or the widget's own key)."""
        focused = self.focused
        if focused is None or focused.check_consume_key(event.key, event.character):
            return None  # typing, or an open list's search
        if isinstance(focused, Input | TextArea) and (
            event.is_printable or event.key in TEXT_BOX_KEYS
        ):
            return None
        try:
            chain = self.screen._modal_binding_chain
        except Exception:  # no screen yet (start-up): Textual's own routing
            return None
        if any(
            b.priority for _, bindings in chain for b in bindings.key_to_bindings.get(event.key, ())
        ):
            return PRIORITY
        for namespace, bindings in chain:
            found = bindings.key_to_bindings.get(event.key, ())
            if not found:
                continue
            if namespace is not self.screen and namespace is not self:
                return None  # the widget's own key (a list's arrows, Enter): as before
            return namespace, tuple(found)
        return None

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        """Open a screen; the keys typed meanwhile wait until it has put its focus."""
        result = super().push_screen(*args, **kwargs)
        self.hold_keys()
        # After the screen's own start (compose, mount, resume: where it puts its focus),
        # not after its first paint: nothing waits a frame.
        self.screen.call_later(self.release_keys)
        return result
