"""A text area drawn before its styles are ready is drawn blank, not a crash of the app.

Textual 8.2 can draw a ``TextArea`` in the moment between its mounting and its styles being
worked out (its issue 6528): its theme then asks for the ``text-area--gutter`` style, which
does not exist yet, and the ``KeyError`` ends the app. The question runner mounts a new notes
area with every question, so moving through an interview quickly could close the app in the
middle of an interview (the test suite met it about once in ten runs of the screen tests:
``test_bad_date_is_shown_not_saved_and_kept_in_the_field``, killed while it moved back a
question).

:func:`draw_blank_until_styled` makes that frame blank instead and asks for another; a frame
later the styles are there and the text area draws as usual. It wraps one method of
``TextArea`` for every text area in the app, like :mod:`.key_order`, and can go once Textual
releases its fix.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea

Render = Callable[[Any, Region], list[Strip]]

_MARK = "_blank_until_styled"


def draw_blank_until_styled() -> None:
    """Make ``TextArea`` draw a blank frame, not raise, before its styles are worked out."""
    render = TextArea.__dict__["render_lines"]
    if not getattr(render, _MARK, False):
        TextArea.render_lines = _blank_until_styled(render)  # type: ignore[method-assign,assignment]


def _blank_until_styled(render: Render) -> Render:
    def render_lines(area: TextArea, crop: Region) -> list[Strip]:
        try:
            return render(area, crop)
        except KeyError as exc:  # a component style not worked out yet (Textual issue 6528)
            if "COMPONENT_CLASSES" not in str(exc):
                raise
            area.refresh()
            return [Strip.blank(crop.width)] * crop.height

    setattr(render_lines, _MARK, True)
    render_lines.__doc__ = render.__doc__
    return render_lines
