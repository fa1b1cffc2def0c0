"""A quiet "Saved" / "Saving…" label: words, not just a colour."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

_TEXT = {
    "idle": "",
    "saving": "Saving…",
    "saved": "✓ Saved",
    "failed": "✗ NOT SAVED — see message",
}


class SaveIndicator(Static):
    """Shows the autosave state of the current screen."""

    DEFAULT_CSS = """
    SaveIndicator { width: auto; min-width: 10; padding: 0 1; color: $text-muted; }
    SaveIndicator.-failed { color: $error; text-style: bold; }
    """

    state: reactive[str] = reactive("idle")

    def watch_state(self, state: str) -> None:
        self.update(_TEXT.get(state, ""))
        self.set_class(state == "failed", "-failed")
