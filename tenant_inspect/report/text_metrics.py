"""Text measurement for the page estimate: Arial's character widths, style looks, line wrapping.

Separate from the estimator (:mod:`.layout`) because the Word styles (:mod:`.docx_styles`)
also describe themselves as a :class:`ParaLook`, and neither needs the other's logic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Advance widths in 1/1000 em of Arial (= Liberation Sans, Helvetica), regular and bold.
_CHARS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz"
    "{|}~£€é’‘“”–—…•·×°½¼¾ÀÁÂÄÇÈÉÊËÍÎÏÑÓÔÖÚÛÜàáâäçèêëíîïñóôöúûü"
)
_REGULAR = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 "
    "556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 "
    "722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 "
    "556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 "
    "260 334 584 556 556 556 222 222 333 333 556 1000 1000 350 333 584 400 834 834 834 667 667 667 "
    "667 722 667 667 667 667 278 278 278 722 778 778 778 722 722 722 556 556 556 556 500 556 556 "
    "556 278 278 278 556 556 556 556 556 556 556"
)
_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 "
    "556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 "
    "722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 556 611 "
    "556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 556 556 500 389 "
    "280 389 584 556 556 556 278 278 500 500 556 1000 1000 350 333 584 400 834 834 834 722 722 722 "
    "722 722 667 667 667 667 278 278 278 722 778 778 778 722 722 722 556 556 556 556 556 556 556 "
    "556 278 278 278 611 611 611 611 611 611 611"
)
_WIDTHS = {
    False: dict(zip(_CHARS, map(int, _REGULAR.split()), strict=True)),
    True: dict(zip(_CHARS, map(int, _BOLD.split()), strict=True)),
}
_FALLBACK = {False: 556, True: 611}

#: Rough width of other common typefaces relative to Arial (for organisations' templates).
FONT_SCALE = {
    "arial": 1.0,
    "helvetica": 1.0,
    "liberation sans": 1.0,
    "calibri": 0.9,
    "carlito": 0.9,
    "times new roman": 0.88,
    "liberation serif": 0.88,
    "georgia": 1.02,
    "verdana": 1.15,
    "tahoma": 1.02,
    "segoe ui": 1.0,
    "century gothic": 1.12,
    "trebuchet ms": 0.98,
}

#: A font's natural line height as a multiple of its size (Arial: ascent + descent + gap).
NATURAL_LINE = 1.15


@dataclass(frozen=True)
class ParaLook:
    """How one paragraph style lays out: sizes in points."""

    size: float = 12.0
    bold: bool = False
    line: float = 0.0  # at-least line height; 0 means the font's natural height
    line_factor: float = 1.0  # for "auto" line spacing (multiple of the natural height)
    before: float = 0.0
    after: float = 0.0
    left: float = 0.0
    right: float = 0.0
    keep_next: bool = False
    scale: float = 1.0  # font width relative to Arial

    @property
    def line_height(self) -> float:
        natural = self.size * NATURAL_LINE * self.line_factor
        return max(self.line, natural)


@dataclass(frozen=True)
class PageLook:
    """The body area of a page and the looks of the styles the renderer uses."""

    width: float  # text width in points
    height: float  # text height in points
    styles: dict[str, ParaLook]
    cell_margin_x: float = 5.4  # left and right cell margins (108 twips)
    cell_margin_y: float = 2.85  # top and bottom cell margins (57 twips)
    before_table: float = 8.0  # space after the paragraph before a table
    title_before: float = 0.0
    split_rows_over: int = 400  # rows with more characters than this may split across pages


class _WordWidths:
    """Width of words in 1/1000 em, cached (reports repeat the same words a lot)."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, bool], float] = {}

    def __call__(self, word: str, bold: bool) -> float:
        key = (word, bold)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        table = _WIDTHS[bold]
        fallback = _FALLBACK[bold]
        width = float(sum(table.get(ch, 1000 if ord(ch) > 0x2E80 else fallback) for ch in word))
        self.cache[key] = width
        return width


_word_width = _WordWidths()


def count_lines(parts: Sequence[tuple[str, bool]], width: float, look: ParaLook) -> int:
    """Lines a paragraph of ``(text, bold)`` runs wraps to in ``width`` points."""
    em = look.size * look.scale / 1000.0
    space = 278 * em
    lines = 1
    x = 0.0
    fresh = True  # at the start of a line
    for text, bold in parts:
        bold = bold or look.bold
        segments = text.split("\n")
        for index, segment in enumerate(segments):
            if index:
                lines += 1
                x, fresh = 0.0, True
            words = segment.split(" ")
            for w_index, word in enumerate(words):
                if w_index:
                    x += space  # the space itself may hang past the margin
                if not word:
                    continue
                w = _word_width(word, bold) * em
                if not fresh and x + w > width:
                    lines += 1
                    x = 0.0
                if w > width:  # a very long "word" breaks anywhere
                    extra = int(w // width)
                    lines += extra
                    x = w - extra * width
                else:
                    x += w
                fresh = False
    return lines
