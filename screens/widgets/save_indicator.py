"""A quiet "Saved" / "Saving…" label: words, not just a colour.

On a read-only data folder it says so from the moment it appears (the app's ``read_only``),
so nobody types believing the work is kept.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

_TEXT = {
    "idle": "",
    "saving": "Saving…",
    "saved": "✓ Saved",
    "failed": "✗ NOT SAVED — see message",
    "readonly": "✗ READ-ONLY — cannot save",
}


class SaveIndicator(Static):
    """Shows the autosave state of the current screen."""

    DEFAULT_CSS = """
    SaveIndicator { width: auto; min-width: 10; padding: 0 1; color: $text-muted; }
    SaveIndicator.-failed { color: $error; text-style: bold; }
    """

    state: reactive[str] = reactive("idle")

    def on_mount(self) -> None:
        if getattr(self.app, "read_only", False):
            self.state = "readonly"

    def watch_state(self, state: str) -> None:
        self.update(_TEXT.get(state, ""))
        self.set_class(state in ("failed", "readonly"), "-failed")
