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
avoided, table header rows repeat, short table rows are not split. Only the
major sections start a page (see :mod:`.outline`), so the other sections flow on
and the estimate must follow them across page ends; the contents test converts
the demo with LibreOffice and compares every entry with the page it lands on.
Text measurement (character widths, line wrapping) is in :mod:`.text_metrics`.
Word refreshes the numbers exactly when the document is opened (the renderer
sets ``w:updateFields``); in LibreOffice, Tools > Update > Update All does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import model as rm
from .text_metrics import FONT_SCALE, PageLook, ParaLook, count_lines

__all__ = [
    "FONT_SCALE",
    "Estimator",
    "PageLook",
    "ParaLook",
    "count_lines",
    "estimate_pages",
    "lines_per_page",
]


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

    def first_height(self, block: rm.Block | None) -> float:
        """Height of the start of ``block`` that a heading before it must stay with."""
        if isinstance(block, rm.Paragraph | rm.Fields):
            look = self.look.styles["body"]
            runs = _runs(block) if isinstance(block, rm.Paragraph) else _field_runs(block)
            return look.before + _keep_lines(self._lines(runs, look)) * look.line_height
        if isinstance(block, rm.Bullets) and block.items:
            look = self.look.styles["bullet"]
            lead = block.leads[0] if block.leads else ""
            lines = self._lines(((lead, True), (block.items[0], False)), look)
            return self.look.styles["body"].before + _keep_lines(lines) * look.line_height
        if isinstance(block, rm.Table):
            header = self._row_height(block.header, block, bold=True)
            first = self._row_height(block.rows[0], block, bold=False) if block.rows else 0.0
            return header + first
        if isinstance(block, rm.Heading):
            look = self.look.styles[f"h{min(block.level, 3)}"]
            return look.before + self._lines(((block.text, True),), look) * look.line_height
        if isinstance(block, rm.Image):
            return self.look.styles["body"].before + block.height
        return 0.0

    # -- tables --------------------------------------------------------------

    def _col_widths(self, table: rm.Table) -> list[float]:
        n = len(table.header)
        weights = list(table.widths) if len(table.widths) == n else [1] * n
        total = sum(weights) or n
        return [self.look.width * w / total for w in weights]

    def _row_lines(self, cells: Sequence[str], table: rm.Table, *, bold: bool) -> int:
        look = self.look.styles["table"]
        lines = 1
        for text, width in zip(cells, self._col_widths(table), strict=False):
            inner = width - 2 * self.look.cell_margin_x
            lines = max(lines, count_lines(((text, bold),), max(inner, 12.0), look))
        return lines

    def _row_height(self, cells: Sequence[str], table: rm.Table, *, bold: bool) -> float:
        look = self.look.styles["table"]
        lines = self._row_lines(cells, table, bold=bold)
        return lines * look.line_height + 2 * self.look.cell_margin_y + 0.75

    def table(self, table: rm.Table) -> int:
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

    def image(self, block: rm.Image, after: float) -> int:
        """A picture is one unbreakable line as tall as the picture (renderer: keepLines)."""
        if self.break_next:
            self._break()
        self.after_table = False
        c = self.c
        gap = self._gap(self.look.styles["body"].before)
        if c.y + gap + block.height > self.look.height and not c.top:
            c.new_page()
            gap = 0.0
        page = c.page
        c.y += gap + block.height
        c.prev_after, c.top = after, False
        return page

    # -- the report ----------------------------------------------------------

    def run(self, blocks: Sequence[rm.Block], toc_entries: int) -> list[int]:
        """The page each block starts on (for a Contents block: its heading)."""
        pages: list[int] = []
        body_before = self.look.styles["body"].before
        for index, block in enumerate(blocks):
            nxt = blocks[index + 1] if index + 1 < len(blocks) else None
            after = self.look.before_table if isinstance(nxt, rm.Table) else 0.0
            if isinstance(block, rm.PageBreak):
                self.break_next = True
                pages.append(self.c.page)
            elif isinstance(block, rm.Heading):
                if block.new_page:
                    self.break_next = True
                style = f"h{min(block.level, 3)}"
                keep = self._keep_chain(blocks, index + 1)
                pages.append(
                    self.paragraph(((block.text, True),), style, keep_with=keep, after=after)
                )
            elif isinstance(block, rm.Title):
                runs = ((block.text, True),)
                pages.append(
                    self.paragraph(runs, "title", before=self.look.title_before, after=after)
                )
            elif isinstance(block, rm.Subtitle):
                pages.append(self.paragraph(((block.text, False),), "subtitle", after=after))
            elif isinstance(block, rm.Paragraph):
                pages.append(self.paragraph(_runs(block), "body", after=after))
            elif isinstance(block, rm.Fields):
                pages.append(self.paragraph(_field_runs(block), "body", after=after))
            elif isinstance(block, rm.Bullets):
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
            elif isinstance(block, rm.Table):
                pages.append(self.table(block))
            elif isinstance(block, rm.Image):
                pages.append(self.image(block, after))
            elif isinstance(block, rm.Contents):
                keep = self.look.styles["toc1"].line_height
                pages.append(self.paragraph(((block.title, True),), "tocheading", keep_with=keep))
                for _ in range(toc_entries):
                    self.paragraph((("Entry", False),), "toc1")
            else:  # pragma: no cover - every block type is handled above
                pages.append(self.c.page)
        return pages

    def _keep_chain(self, blocks: Sequence[rm.Block], start: int) -> float:
        """Height that must follow a heading on its page (following headings included)."""
        total = 0.0
        for block in blocks[start:]:
            if isinstance(block, rm.Heading):
                if block.new_page:
                    return total
                total += self.first_height(block)
                continue
            return total + self.first_height(block)
        return total


def _keep_lines(lines: int) -> int:
    """Lines of a paragraph that must stay with a heading above it (no orphan/widow)."""
    return lines if lines <= 3 else 2


def _field_runs(block: rm.Fields) -> tuple[tuple[str, bool], ...]:
    runs: list[tuple[str, bool]] = []
    for i, (label, value) in enumerate(block.items):
        runs += [(("\n" if i else "") + label, True), (value, False)]
    return tuple(runs)


def _runs(p: rm.Paragraph) -> tuple[tuple[str, bool], ...]:
    return ((p.lead, True), (p.text, p.bold)) if p.lead else ((p.text, p.bold),)


def estimate_pages(blocks: Sequence[rm.Block], look: PageLook, toc_entries: int) -> list[int]:
    """The (estimated) page each block starts on, 1-based."""
    return Estimator(look).run(blocks, toc_entries)


def lines_per_page(look: PageLook) -> int:
    return math.floor(look.height / look.styles["body"].line_height)
