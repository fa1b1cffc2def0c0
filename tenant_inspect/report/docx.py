"""The Word renderer: a :class:`~.model.Report` as an accessible .docx.

Speed. python-docx's friendly API looks a style up by name for every paragraph
(a scan of all styles each time) and ``table.cell(i, j)`` rebuilds the cell grid
on every call; a report of the large demo written that way is several times
slower than pandoc. Here python-docx is used for what it is good at — the
package, the parts, the styles, sections, headers and footers, properties — and
the body is written as WordprocessingML text with style *ids* resolved once,
parsed in one go and moved into the document. That is linear in the size of the
report and a fraction of pandoc's time.

Accessibility, as the landlord's own standards ask of its documents:

* every style's text is at least 12 pt and no style is italic (the defaults, the
  styles used and every other style in the file, template ones included), and
  headers and footers are brought up to 12 pt too;
* real Heading 1-3 styles, never skipping a level; the title is a Title paragraph;
* tables have a header row that repeats on every page (``w:tblHeader``), an
  accessible caption (``w:tblCaption``) and rows that do not split when short;
* the title, author, subject and language (en-GB) are set in the document
  properties and the styles;
* page numbers ("Page N of M") are real PAGE / NUMPAGES fields in the footer;
* the contents is a real TOC field whose result is filled in at export time with
  an entry per heading, each a hyperlink to a bookmark on its heading, with page
  numbers from :mod:`.layout`; ``w:updateFields`` makes Word offer to refresh it.

Recommendation numbers are plain text ("R1"), never list numbering, so they
cannot restart or run on in another word processor.

Templates (``--template``): the organisation's .docx supplies the styles,
headers and footers; its body is cleared. It must define Normal and Heading 1-3
(see :data:`REQUIRED_STYLES`); the other styles used are added when missing.

The work is split by part: :mod:`.docx_template` (checking and opening templates),
:mod:`.docx_styles` and :mod:`.docx_style_xml` (styles), :mod:`.docx_body` (paragraphs,
tables, contents), :mod:`.docx_parts` (numbering, footer, settings, properties) and
:mod:`.docx_xml` (XML text helpers). This module puts them together.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import IO, Any

from .docx_body import DRAWING_NS, BodyWriter
from .docx_parts import (
    add_bullet_numbering,
    drop_private_parts,
    setup_section,
    text_width,
    write_properties,
    write_settings,
)
from .docx_styles import BEFORE_TABLE, TITLE_BEFORE, Styles
from .docx_template import REQUIRED_STYLES, check_template, open_docx
from .docx_xml import W_NS, W, put_before, twips
from .layout import PageLook, estimate_pages
from .model import Contents, Heading, Image, ProgressCallback, Report

__all__ = [
    "REQUIRED_STYLES",
    "ProgressCallback",
    "check_template",
    "save_docx",
    "toc_entries",
    "write_docx",
]


def toc_entries(report: Report) -> list[tuple[int, Heading]]:
    """(block index, heading) of every heading the contents lists."""
    levels = next((b.levels for b in report.blocks if isinstance(b, Contents)), 0)
    return [
        (i, b) for i, b in enumerate(report.blocks) if isinstance(b, Heading) and b.level <= levels
    ]


def write_docx(
    report: Report,
    out: IO[bytes],
    *,
    template: Path | None = None,
    progress: ProgressCallback | None = None,
    large_print: bool = False,
) -> list[str]:
    """Write ``report`` as a .docx to a binary stream; return any warnings.

    ``large_print``: at least 16 pt everywhere, generous line spacing, never justified,
    sans serif, a page number on every page (:func:`.docx_styles.house_look`).
    """
    warnings: list[str] = []
    house = template is None
    doc = open_docx(template, warnings)
    # An organisation's document: keep its styles, headers and footers; clear its body.
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    drop_private_parts(doc, house)
    styles = Styles(doc, house=house, large_print=large_print, compact=report.compact)
    styles.fix_defaults(report.language)
    ids = styles.prepare()
    styles.fix_accessibility()
    if house:
        from docx.shared import Twips

        section = doc.sections[-1]
        section.page_width, section.page_height = Twips(11906), Twips(16838)  # A4
        section.left_margin = section.right_margin = Twips(1440)
        section.top_margin = section.bottom_margin = Twips(1440)
        section.header_distance = section.footer_distance = Twips(708)
    width, height = text_width(doc)
    look = PageLook(
        width=width / 20,
        height=height / 20,
        styles={
            role: styles.look(role)
            for role in (
                "body",
                "title",
                "subtitle",
                "h1",
                "h2",
                "h3",
                "bullet",
                "tocheading",
                "toc1",
                "table",
            )
        },
        title_before=TITLE_BEFORE,
        before_table=BEFORE_TABLE,
    )
    toc = toc_entries(report)
    if progress is not None:
        progress(0.35, "Working out page numbers for the contents")
    pages = estimate_pages(report.blocks, look, len(toc))
    total_pages = max(pages, default=1)
    bullet_num = add_bullet_numbering(doc, house, styles.minimum_pt)
    writer = BodyWriter(ids, width, bullet_num, pages, progress, twips(look.styles["body"].before))
    for index, block in enumerate(report.blocks):
        if isinstance(block, Image):
            writer.images[index] = doc.part.get_or_add_image(io.BytesIO(block.png))[0]
    writer.render(report.blocks, toc)
    from docx.oxml.parser import parse_xml

    fragment = parse_xml(f'<w:body xmlns:w="{W_NS}"{DRAWING_NS}>{"".join(writer.out)}</w:body>')
    sect_pr = body.find(f"{W}sectPr")
    for child in list(fragment):
        put_before(body, sect_pr, child)
    setup_section(
        doc,
        ids,
        house,
        total_pages,
        minimum_pt=styles.minimum_pt,
        number_every_page=large_print,
    )
    write_settings(doc, report.language)
    write_properties(doc, report)
    if progress is not None:
        progress(0.9, "Saving")
    doc.save(out)
    return warnings


def save_docx(report: Report, path: Path, **kwargs: Any) -> list[str]:
    """Convenience for tests: write straight to ``path`` (not atomic; see export)."""
    with open(path, "wb") as fh:
        result = write_docx(report, fh, **kwargs)
        fh.flush()
        os.fsync(fh.fileno())
    return result
