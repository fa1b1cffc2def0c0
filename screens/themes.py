"""The app's two looks: Textual's dark theme and a high-contrast one (F2).

Focus and the selected row must survive a monochrome terminal and a colour-blind reader, so
both looks also underline the cursor row (bold when its table has focus): colour alone can
be lost. :data:`CURSOR_STYLES` is merged into every theme's CSS variables by the app.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="tenant-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFA500",
    error="#FF5555",
    success="#55FF55",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
)

DEFAULT_THEME = "textual-dark"

#: Cursor rows underlined, and bold where focused, in any theme.
CURSOR_STYLES = {
    "block-cursor-text-style": "bold underline",
    "block-cursor-blurred-text-style": "underline",
}
