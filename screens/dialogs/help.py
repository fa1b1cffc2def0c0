"""F1: the keys of the screen underneath, and where the data lives."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..markup import escape


def _key_name(key: str) -> str:
    """A key as keyboards print it: Ctrl+A, Shift+Tab, F1, PgDn."""
    named = {"enter": "Enter", "escape": "Esc", "tab": "Tab", "pagedown": "PgDn", "pageup": "PgUp"}
    parts = key.split("+")
    last = parts[-1]
    # A letter after a modifier is printed in capitals (Ctrl+A); on its own it stays as typed.
    capital = (len(last) == 1 and len(parts) > 1) or (last[:1] == "f" and last[1:].isdigit())
    last = named.get(last, last.upper() if capital else last)
    return "+".join([*(p.capitalize() for p in parts[:-1]), last])


class HelpScreen(ModalScreen[None]):
    """Lists every key of the screen it was opened from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close", id="close"),
        Binding("f1", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        rows = []
        seen = set()
        for key, active in self.target.active_bindings.items():
            b = active.binding
            if not b.description or b.description in seen or b.system:
                continue
            if not b.show and active.node not in (self.target, self.app):
                # widget internals (cursor keys of a table ...) are not worth listing
                continue
            seen.add(b.description)
            extra = f" — {b.tooltip}" if b.tooltip else ""
            # Escaped: "[" (move up) would otherwise open a markup tag and eat the line.
            shown_key = f"{b.key_display or _key_name(key):<10}".replace("[", "\\[")
            rows.append(f"  [b]{shown_key}[/b] {escape(b.description + extra)}")
        title = getattr(self.target, "HELP_TITLE", None) or type(self.target).__name__.removesuffix(
            "Screen"
        )
        intro = getattr(self.target, "HELP_TEXT", "")
        data_dir = getattr(self.app, "data_dir", None)
        lines = [f"[b]Keys on this screen ({title})[/b]", "", *rows]
        if intro:
            lines += ["", intro]
        lines += [
            "",
            "Everything you type is saved as you go — there is no save command.",
        ]
        if data_dir is not None and data_dir.database:
            from tenant_inspect.store import storage_backend

            lines.append(f"Your data is kept in the {escape(storage_backend(data_dir).location)}")
        elif data_dir is not None:
            lines.append(f"Your data is kept in: {data_dir.path}")
        with VerticalScroll(classes="dialog help-dialog"):
            yield Static("\n".join(lines), id="help-text")
            yield Static("Esc closes this help.", classes="dialog-hint")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
