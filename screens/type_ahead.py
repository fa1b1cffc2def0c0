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

:class:`TypeAheadApp` routes keys in two steps that keep them in order:

* **A screen's command runs as its key is read.** When the focused widget is not a text box
  and neither it nor any container around it binds the key, the screen's (or the app's) own
  binding is run at once, before the next key is read, exactly as a priority binding would
  be. Everything else (typing in a box, a list's own arrows and Enter, keys nobody binds)
  goes to the focused widget as before.
* **Keys wait while a command is under way.** Opening a screen or dialog, and a command that
  writes first and then puts the cursor in a text box (:meth:`hold_keys`), hold the keys that
  follow until the new screen has its focus, or the screen calls :meth:`release_keys` with
  the text box focused; the held keys are then routed, in order, before any key read later.
  A hold that nobody releases ends by itself after :data:`HOLD_LIMIT` seconds.
"""

from __future__ import annotations

import time
from typing import Any

from textual import events
from textual.app import App
from textual.widgets import Input, TextArea

#: The longest keys are held for a command (seconds): a write on a slow disk, then a read.
HOLD_LIMIT = 3.0


class TypeAheadApp(App[int]):
    """The app's key routing (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_keys: list[events.Key] = []
        self._hold_until: float | None = None

    # -- holding --------------------------------------------------------------------------

    def hold_keys(self) -> None:
        """Hold the keys read from now on until :meth:`release_keys` (or the time limit)."""
        self._hold_until = time.monotonic() + HOLD_LIMIT
        self.set_timer(HOLD_LIMIT, self._hold_expired)

    def release_keys(self, *, keep: bool = True) -> None:
        """Route the held keys (after the keys already read); ``keep`` False drops them
        (the command failed, so they have nowhere to go and could be taken as commands)."""
        if not keep:
            self._held_keys.clear()
        self.call_later(self._replay)

    def _hold_expired(self) -> None:
        if self._hold_until is not None and time.monotonic() >= self._hold_until:
            self.call_later(self._replay)

    async def _replay(self) -> None:
        self._hold_until = None
        # A replayed key may start a hold of its own: the rest then wait for it, in order.
        while self._held_keys and self._hold_until is None:
            await self._route_key(self._held_keys.pop(0))

    # -- routing --------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._hold_until is not None and time.monotonic() >= self._hold_until:
                await self._replay()
            await self._route_key(event)
            return
        await super().on_event(event)

    async def _route_key(self, event: events.Key) -> None:
        if self._hold_until is not None:
            self._held_keys.append(event)
        elif not await self._run_screen_command(event):
            await super().on_event(event)

    async def _run_screen_command(self, event: events.Key) -> bool:
        """Run the screen's or the app's binding for ``event`` now, if it is theirs."""
        focused = self.focused
        if (
            focused is None
            or isinstance(focused, Input | TextArea)
            or focused.check_consume_key(event.key, event.character)  # an open list's search
        ):
            return False
        try:
            chain = self.screen._modal_binding_chain
        except Exception:  # no screen yet (start-up): Textual's own routing
            return False
        if any(
            b.priority for _, bindings in chain for b in bindings.key_to_bindings.get(event.key, ())
        ):
            return False  # a priority binding goes first, in Textual's own routing
        for namespace, bindings in chain:
            found = bindings.key_to_bindings.get(event.key, ())
            if not found:
                continue
            if namespace is not self.screen and namespace is not self:
                return False  # the widget's own key (a list's arrows, Enter): as before
            for binding in found:
                if not binding.priority and await self.run_action(binding.action, namespace):
                    return True
        return False

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        """Open a screen; the keys typed meanwhile wait until it has put its focus."""
        result = super().push_screen(*args, **kwargs)
        self.hold_keys()
        self.screen.call_after_refresh(self.release_keys)
        return result
