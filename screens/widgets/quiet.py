"""Labels and one-line inputs that redraw only themselves when their text changes.

Textual's ``Static.update()`` lays the whole screen out again on every call (a widget's size
may depend on its text). Labels updated on every keystroke (a title echo, the line under a
field, the save indicator, a word count) made each key press in a form cost a layout and a
redraw of the whole screen. :class:`QuietStatic` skips an update that changes nothing, and
asks for a layout only when its size may really change: when its width follows its text
(``width: auto``), or when its height does (``height: auto``) and the new text takes a
different number of lines. Give such labels a fixed size in CSS (``height: 1``, a width in
cells or ``1fr``) and typing redraws them alone.

Textual's ``Input`` does the same on every keystroke: its text's width is its virtual size,
a layout-triggering reactive, although only the input's own horizontal scrolling reads it.
:class:`QuietInput` sets it without a layout when the input's size is fixed (not ``auto``).
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Input, Static


def _same(old: VisualType, new: VisualType) -> bool:
    """Whether two contents would draw the same (markup and styles included)."""
    if isinstance(old, str) and isinstance(new, str):
        return old == new
    if isinstance(old, Content) and isinstance(new, Content):
        return old.plain == new.plain and old.spans == new.spans
    return old is new


class QuietStatic(Static):
    """A :class:`~textual.widgets.Static` whose updates lay out only when its size changes."""

    def update(self, content: VisualType = "", *, layout: bool | None = None) -> None:
        """Show ``content``; with ``layout`` None, lay out only if the size may change."""
        if layout is not None:
            super().update(content, layout=layout)
            return
        if _same(self.content, content):
            return
        super().update(content, layout=False)
        self.clear_cached_dimensions()
        styles = self.styles
        if styles.width is not None and styles.width.is_auto:
            self.refresh(layout=True)
        elif styles.height is not None and styles.height.is_auto:
            region = self.content_region
            height = self.get_content_height(self.container_size, self.app.size, region.width)
            if not region.width or height != region.height:
                self.refresh(layout=True)


class QuietInput(Input):
    """An :class:`~textual.widgets.Input` whose typing lays out only if its size is ``auto``."""

    def _watch_value(self, value: str) -> None:
        if not self.styles.auto_dimensions:
            # Only this input's scrolling reads the width of its text: no layout for it.
            self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
