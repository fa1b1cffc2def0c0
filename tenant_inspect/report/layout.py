"""A page-layout estimate, so the contents page can show page numbers straight away.

A Word table-of-contents field is only a placeholder until a word processor
updates it, and LibreOffice never does so by itself (not on opening, not when
converting to PDF). So the docx renderer fills the field's result in at export
time: each entry links to its heading, and its page number comes from here.

This is an *estimate* of where each block lands, made with the same numbers the
renderer writes into the styles (font size, line height, spacing, indents, page
size and margins), Arial's character widths (Arial, Helvetica and Liberation
Sans share them) for line wrapping, and the rules both Word and LibreOffice
follow: headings are kept with the next paragraph, widows and orphans are
avoided, table header rows repeat, short table rows are not split. Every
level-1 heading starts a page, so an error cannot accumulate past one section.
Word refreshes the numbers exactly when the document is opened (the renderer
sets ``w:updateFields``); in LibreOffice, Tools > Update > Update All does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .model import (
    Block,
    Bullets,
    Contents,
    Fields,
    Heading,
    PageBreak,
    Paragraph,
    Subtitle,
    Table,
    Title,
)

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


@dataclass
class _Cursor:
    page: int = 1
    y: float = 0.0
    prev_after: float = 0.0
    top: bool = True  # nothing placed on this page yet
    broke: bool = True  # the page was started by a page break (or is the first)

    def new_page(self, *, broke: bool = False) -> None:
        self.page += 1
        self.y = 0.0
        self.prev_after = 0.0
        self.top = True
        self.broke = broke


class Estimator:
    """Walks the blocks of a report and notes the page each one starts on.

    It follows the renderer's rules (see :class:`.docx._Body`) and the word
    processors': space before a paragraph is dropped at the top of a page that
    began by itself, but kept after a page break; headings keep with what
    follows; no widows or orphans; a table's header row repeats.
    """

    def __init__(self, look: PageLook) -> None:
        self.look = look
        self.c = _Cursor()
        self.break_next = False
        self.after_table = False

    # -- paragraphs ----------------------------------------------------------

    def _lines(self, parts: Sequence[tuple[str, bool]], look: ParaLook) -> int:
        width = self.look.width - look.left - look.right
        return count_lines(parts, max(width, 36.0), look)

    def _gap(self, before: float) -> float:
        c = self.c
        if c.top and not c.broke:
            return 0.0
        return c.prev_after + before

    def _break(self) -> None:
        self.break_next = False
        if not self.c.top:
            self.c.new_page(broke=True)

    def paragraph(
        self,
        parts: Sequence[tuple[str, bool]],
        style: str,
        *,
        keep_with: float = 0.0,
        before: float | None = None,
        after: float = 0.0,
    ) -> int:
        """Place a paragraph; ``keep_with`` is height that must follow on the same page."""
        look = self.look.styles[style]
        if self.break_next:
            self._break()
        self.after_table = False
        space_before = look.before if before is None else before
        lines = self._lines(parts, look)
        h = look.line_height
        height = self.look.height
        c = self.c
        gap = self._gap(space_before)
        need = gap + lines * h
        if look.keep_next or keep_with:
            # Keep the whole paragraph (a heading) and what must follow it on one page.
            if c.y + need + keep_with > height and not c.top:
                c.new_page()
                need = lines * h
        elif c.y + need > height and not (c.top and lines * h > height):
            fit = int((height - c.y - gap) // h)
            fit = min(fit, lines - 2)  # at least two lines go over (no widow)
            if lines >= 4 and fit >= 2:  # at least two lines stay (no orphan)
                page = c.page
                c.new_page()
                rest = lines - fit
                while rest * h > height:  # longer than a page
                    rest -= int(height // h)
                    c.page += 1
                c.y, c.prev_after, c.top = rest * h, after, False
                return page
            c.new_page()
            need = lines * h
        page = c.page
        c.y += need
        c.prev_after, c.top = after, False
        return page

    def first_height(self, block: Block | None) -> float:
        """Height of the start of ``block`` that a heading before it must stay with."""
        if isinstance(block, Paragraph | Fields):
            look = self.look.styles["body"]
            runs = _runs(block) if isinstance(block, Paragraph) else _field_runs(block)
            return look.before + _keep_lines(self._lines(runs, look)) * look.line_height
        if isinstance(block, Bullets) and block.items:
            look = self.look.styles["bullet"]
            lead = block.leads[0] if block.leads else ""
            lines = self._lines(((lead, True), (block.items[0], False)), look)
            return self.look.styles["body"].before + _keep_lines(lines) * look.line_height
        if isinstance(block, Table):
            header = self._row_height(block.header, block, bold=True)
            first = self._row_height(block.rows[0], block, bold=False) if block.rows else 0.0
            return header + first
        if isinstance(block, Heading):
            look = self.look.styles[f"h{min(block.level, 3)}"]
            return look.before + self._lines(((block.text, True),), look) * look.line_height
        return 0.0

    # -- tables --------------------------------------------------------------

    def _col_widths(self, table: Table) -> list[float]:
        n = len(table.header)
        weights = list(table.widths) if len(table.widths) == n else [1] * n
        total = sum(weights) or n
        return [self.look.width * w / total for w in weights]

    def _row_lines(self, cells: Sequence[str], table: Table, *, bold: bool) -> int:
        look = self.look.styles["table"]
        lines = 1
        for text, width in zip(cells, self._col_widths(table), strict=False):
            inner = width - 2 * self.look.cell_margin_x
            lines = max(lines, count_lines(((text, bold),), max(inner, 12.0), look))
        return lines

    def _row_height(self, cells: Sequence[str], table: Table, *, bold: bool) -> float:
        look = self.look.styles["table"]
        lines = self._row_lines(cells, table, bold=bold)
        return lines * look.line_height + 2 * self.look.cell_margin_y + 0.75

    def table(self, table: Table) -> int:
        if self.break_next or self.after_table:
            # the renderer puts an empty paragraph here
            self.paragraph((("", False),), "body", after=self.look.before_table)
        c = self.c
        look = self.look.styles["table"]
        height = self.look.height
        header = self._row_height(table.header, table, bold=True)
        gap = 0.0 if c.top else c.prev_after
        first = self._row_height(table.rows[0], table, bold=False) if table.rows else 0.0
        if not c.top and c.y + gap + header + first > height:
            c.new_page()
            gap = 0.0
        page = c.page
        c.y += gap + header
        c.top = False
        for row in table.rows:
            lines = self._row_lines(row, table, bold=False)
            row_h = lines * look.line_height + 2 * self.look.cell_margin_y + 0.75
            if c.y + row_h <= height:
                c.y += row_h
                continue
            if sum(len(x) for x in row) > self.look.split_rows_over:
                # a long row splits: fill this page, go on under a repeated header
                room = int((height - c.y - 2 * self.look.cell_margin_y) // look.line_height)
                rest = lines - max(room, 0)
                c.new_page()
                c.y = header + rest * look.line_height + 2 * self.look.cell_margin_y
            else:
                c.new_page()
                c.y = header + row_h
            c.top = False
        c.prev_after = 0.0
        self.after_table = True
        return page

    # -- the report ----------------------------------------------------------

    def run(self, blocks: Sequence[Block], toc_entries: int) -> list[int]:
        """The page each block starts on (for a Contents block: its heading)."""
        pages: list[int] = []
        body_before = self.look.styles["body"].before
        for index, block in enumerate(blocks):
            nxt = blocks[index + 1] if index + 1 < len(blocks) else None
            after = self.look.before_table if isinstance(nxt, Table) else 0.0
            if isinstance(block, PageBreak):
                self.break_next = True
                pages.append(self.c.page)
            elif isinstance(block, Heading):
                if block.new_page:
                    self.break_next = True
                style = f"h{min(block.level, 3)}"
                keep = self._keep_chain(blocks, index + 1)
                pages.append(
                    self.paragraph(((block.text, True),), style, keep_with=keep, after=after)
                )
            elif isinstance(block, Title):
                runs = ((block.text, True),)
                pages.append(
                    self.paragraph(runs, "title", before=self.look.title_before, after=after)
                )
            elif isinstance(block, Subtitle):
                pages.append(self.paragraph(((block.text, False),), "subtitle", after=after))
            elif isinstance(block, Paragraph):
                pages.append(self.paragraph(_runs(block), "body", after=after))
            elif isinstance(block, Fields):
                pages.append(self.paragraph(_field_runs(block), "body", after=after))
            elif isinstance(block, Bullets):
                first = None
                last = len(block.items) - 1
                for i, item in enumerate(block.items):
                    lead = block.leads[i] if i < len(block.leads) else ""
                    page = self.paragraph(
                        ((lead, True), (item, False)),
                        "bullet",
                        before=body_before if i == 0 else None,
                        after=after if i == last else 0.0,
                    )
                    first = page if first is None else first
                pages.append(first if first is not None else self.c.page)
            elif isinstance(block, Table):
                pages.append(self.table(block))
            elif isinstance(block, Contents):
                keep = self.look.styles["toc1"].line_height
                pages.append(self.paragraph(((block.title, True),), "tocheading", keep_with=keep))
                for _ in range(toc_entries):
                    self.paragraph((("Entry", False),), "toc1")
            else:  # pragma: no cover - every block type is handled above
                pages.append(self.c.page)
        return pages

    def _keep_chain(self, blocks: Sequence[Block], start: int) -> float:
        """Height that must follow a heading on its page (following headings included)."""
        total = 0.0
        for block in blocks[start:]:
            if isinstance(block, Heading):
                if block.new_page:
                    return total
                total += self.first_height(block)
                continue
            return total + self.first_height(block)
        return total


def _keep_lines(lines: int) -> int:
    """Lines of a paragraph that must stay with a heading above it (no orphan/widow)."""
    return lines if lines <= 3 else 2


def _field_runs(block: Fields) -> tuple[tuple[str, bool], ...]:
    runs: list[tuple[str, bool]] = []
    for i, (label, value) in enumerate(block.items):
        runs += [(("\n" if i else "") + label, True), (value, False)]
    return tuple(runs)


def _runs(p: Paragraph) -> tuple[tuple[str, bool], ...]:
    return ((p.lead, True), (p.text, p.bold)) if p.lead else ((p.text, p.bold),)


def estimate_pages(blocks: Sequence[Block], look: PageLook, toc_entries: int) -> list[int]:
    """The (estimated) page each block starts on, 1-based."""
    return Estimator(look).run(blocks, toc_entries)


def lines_per_page(look: PageLook) -> int:
    return math.floor(look.height / look.styles["body"].line_height)
