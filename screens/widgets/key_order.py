"""Keys that arrive together reach a text box in the order they were typed.

Textual's ``Input`` and ``TextArea`` take a typed character in their own key handler, as it
comes off the box's queue, but their editing keys (Backspace, Delete, the arrows, Home, End,
Ctrl+W, Ctrl+U, ...) are *bindings*, which run only once the key has bubbled up from the box
to the app, behind whatever the app has read meanwhile. When the terminal hands the app
several keys in one read (a laptop busy saving or redrawing, a fast typist, a typing aid),
the characters typed after such a key were put in before it: "Backspace, 9" at the end of
"2026" left "2026" (the 9 went in, then the Backspace took it out), and seven Backspaces then
"2/2026" left the date one character shorter and nothing of what followed. What an inspector
typed came out garbled or lost. (Textual issue 6605, open; its fix, pull request 6631, runs
the box's own bindings in its key handler and is not in a release.)

:func:`keep_keys_in_order` does what that fix does, for every ``Input`` and ``TextArea`` in the
app (their subclasses too): after the box's own handler, a key it did not take and that one
of *its own* bindings names runs that binding there and then, in turn with the keys around
it. Nothing else changes: the box's bindings are the first the app would have tried for such a
key anyway; a binding the box refuses (``check_action``) is left to bubble as before; keys the
box does not bind (Tab, Escape, the screen's keys, the question runner's PgUp/PgDn) bubble as
before; priority bindings have already run in the app before the key reached the box.

It replaces a private method of the two classes, so it is tied to the Textual version the
project pins (``pyproject.toml``; applied with the others by :mod:`.textual_fixes`);
``tests/functional/test_key_order.py`` fails if an upgrade
changes what it relies on, and this module can go once Textual's own fix is released.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea

KeyHandler = Callable[[Any, events.Key], Awaitable[None]]

#: Marks a handler this module made, so patching twice (a second app in one process, as in
#: the tests) wraps nothing twice.
_MARK = "_keys_in_order"


def keep_keys_in_order() -> None:
    """Make ``Input`` and ``TextArea`` run their own bindings in their key handlers."""
    for box in (Input, TextArea):
        handler = box.__dict__["_on_key"]
        if not getattr(handler, _MARK, False):
            box._on_key = _in_order(handler)  # type: ignore[method-assign,assignment]


def _in_order(handler: KeyHandler) -> KeyHandler:
    async def _on_key(box: Widget, event: events.Key) -> None:
        await handler(box, event)
        if event._stop_propagation:  # the box took it: a character, Enter in a text area
            return
        for binding in box._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await box.app.run_action(binding.action, box):
                event.stop()
                event.prevent_default()
                return

    setattr(_on_key, _MARK, True)
    _on_key.__doc__ = handler.__doc__
    return _on_key
