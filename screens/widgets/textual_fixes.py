"""Stand-ins for fixes Textual has not released, applied once when the app is made.

Each replaces one method of a Textual class for the whole app, so each is tied to the
Textual version ``pyproject.toml`` pins, has a test that fails without it, and goes when
Textual releases its own fix:

* :mod:`.key_order`: keys typed together reach a text box in their order (Textual issue 6605);
* :mod:`.text_area_first_frame`: a text area drawn before its styles are ready is drawn blank
  instead of ending the app (Textual issue 6528).
"""

from __future__ import annotations

from .key_order import keep_keys_in_order
from .text_area_first_frame import draw_blank_until_styled


def apply_textual_fixes() -> None:
    """Apply every stand-in (a second call changes nothing)."""
    keep_keys_in_order()
    draw_blank_until_styled()
