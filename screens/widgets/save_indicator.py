"""A quiet "Saved" / "Saving…" label: words, not just a colour.

On a read-only data folder it says so from the moment it appears (the app's ``read_only``),
so nobody types believing the work is kept.

"Saving…" and "✓ Saved" take turns while an inspector types, so the label has a fixed size
(ten cells, one line) and changing between them redraws the label alone, not the screen
(:mod:`.quiet`); the longer warnings widen it to their words.
"""

from __future__ import annotations

from typing import ClassVar
from weakref import WeakSet

from textual.reactive import reactive
from textual.screen import Screen

from .quiet import QuietStatic

_TEXT = {
    "idle": "",
    "saving": "Saving…",
    "saved": "✓ Saved",
    "failed": "✗ NOT SAVED — see message",
    "readonly": "✗ READ-ONLY — cannot save",
}


class SaveIndicator(QuietStatic):
    """Shows the autosave state of the current screen."""

    DEFAULT_CSS = """
    SaveIndicator { width: 10; height: 1; padding: 0 1; color: $text-muted; }
    SaveIndicator.-failed { width: auto; min-width: 10; color: $error; text-style: bold; }
    """

    state: reactive[str] = reactive("idle")

    #: The indicators mounted now: found without searching a whole screen at every save.
    _mounted: ClassVar[WeakSet[SaveIndicator]] = WeakSet()

    @classmethod
    def on_screen(cls, screen: Screen[object]) -> list[SaveIndicator]:
        """The indicators shown on ``screen``."""
        return [i for i in cls._mounted if i.is_attached and i.screen is screen]

    def on_mount(self) -> None:
        SaveIndicator._mounted.add(self)
        if getattr(self.app, "read_only", False):
            self.state = "readonly"

    def on_unmount(self) -> None:
        SaveIndicator._mounted.discard(self)

    def watch_state(self, state: str) -> None:
        failed = state in ("failed", "readonly")
        # Into or out of a warning the width changes (the class does that): lay out then.
        resized = failed != self.has_class("-failed")
        self.set_class(failed, "-failed")
        self.update(_TEXT.get(state, ""), layout=True if resized else None)
