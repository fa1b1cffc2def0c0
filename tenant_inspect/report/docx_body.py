"""The body of the Word report: paragraphs, lists, tables and the contents page.

Written as WordprocessingML text with style ids resolved once, then parsed in one go (see
:mod:`.docx` for why). The spacing rules here are mirrored by :mod:`.layout`.
"""

from __future__ import annotations

from . import model as rm
from .docx_styles import BEFORE_TABLE, HEADER_FILL, TITLE_BEFORE
from .docx_xml import twips, xml_attr, xml_run
from .model import ProgressCallback

PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
#: The closing paragraph after a table that ends the document: one point (20 twentieths)
#: high, exactly, with no space before or after.
CLOSING_SPACING = '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
#: Namespaces a picture needs, declared on the fragment the body is parsed from.
DRAWING_NS = (
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    f' xmlns:pic="{PIC_NS}"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def bookmark(number: int) -> str:
    """A hidden bookmark name (Word hides names starting with an underscore)."""
    return f"_Toc{number:08d}"


class BodyWriter:
    """Writes the blocks of a report as WordprocessingML text.

    The spacing rules here are mirrored by :class:`.layout.Estimator`: a list's first
    item has a paragraph's space before it, the last paragraph before a table gets
    :data:`BEFORE_TABLE` after it, and a table that follows a table or a page break
    gets an empty paragraph before it.
    """

    def __init__(
        self,
        ids: dict[str, str],
        text_width: int,
        bullet_num: int,
        pages: list[int],
        progress: ProgressCallback | None,
        list_before: int,
    ) -> None:
        self.ids = ids
        self.text_width = text_width  # twips
        self.bullet_num = bullet_num
        self.pages = pages
        self.progress = progress
        self.list_before = list_before  # twips before the first item of a list
        self.out: list[str] = []
        self.break_next = False
        self.after_table = False
        #: block index of a listed heading -> its bookmark number (in heading order)
        self.bookmarks: dict[int, int] = {}
        #: block index of a picture -> the relationship id of its image part
        self.images: dict[int, str] = {}

    def paragraph(
        self, role: str, runs: str, *, extra: str = "", before: int | None = None, after: int = 0
    ) -> None:
        parts = [f'<w:pStyle w:val="{self.ids[role]}"/>']
        if self.break_next:
            parts.append("<w:pageBreakBefore/>")
            self.break_next = False
        if extra:
            parts.append(extra)
        if before is not None or after:
            b = f' w:before="{before}"' if before is not None else ""
            a = f' w:after="{after}"' if after else ""
            parts.append(f"<w:spacing{b}{a}/>")
        self.after_table = False
        self.out.append(f"<w:p><w:pPr>{''.join(parts)}</w:pPr>{runs}</w:p>")

    def render(self, blocks: tuple[rm.Block, ...], toc: list[tuple[int, rm.Heading]]) -> None:
        self.bookmarks = {index: n + 1 for n, (index, _) in enumerate(toc)}
        total = len(blocks)
        table_gap = twips(BEFORE_TABLE)
        for index, block in enumerate(blocks):
            if self.progress is not None and index % 500 == 0:
                self.progress(0.4 + 0.45 * index / max(total, 1), "Writing the Word document")
            nxt = blocks[index + 1] if index + 1 < total else None
            after = table_gap if isinstance(nxt, rm.Table) else 0
            if isinstance(block, rm.Paragraph):
                runs = xml_run(block.lead, True) + xml_run(block.text, block.bold)
                self.paragraph("body", runs, after=after)
            elif isinstance(block, rm.Heading):
                if block.new_page:
                    self.break_next = True
                role = f"h{min(max(block.level, 1), 3)}"
                number = self.bookmarks.get(index)
                if number is not None:
                    runs = (
                        f'<w:bookmarkStart w:id="{number}" w:name="{bookmark(number)}"/>'
                        f'{xml_run(block.text, False)}<w:bookmarkEnd w:id="{number}"/>'
                    )
                else:
                    runs = xml_run(block.text, False)
                self.paragraph(role, runs, after=after)
            elif isinstance(block, rm.Bullets):
                numpr = (
                    f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{self.bullet_num}"/></w:numPr>'
                )
                leads = block.leads
                last = len(block.items) - 1
                for i, item in enumerate(block.items):
                    lead = leads[i] if i < len(leads) else ""
                    self.paragraph(
                        "bullet",
                        xml_run(lead, True) + xml_run(item, False),
                        extra=numpr,
                        before=self.list_before if i == 0 else None,
                        after=after if i == last else 0,
                    )
            elif isinstance(block, rm.Fields):
                runs = "".join(
                    xml_run(("\n" if i else "") + label, True) + xml_run(value, False)
                    for i, (label, value) in enumerate(block.items)
                )
                self.paragraph("body", runs, after=after)
            elif isinstance(block, rm.Table):
                self.table(block)
            elif isinstance(block, rm.Title):
                self.paragraph(
                    "title", xml_run(block.text, False), before=twips(TITLE_BEFORE), after=after
                )
            elif isinstance(block, rm.Subtitle):
                self.paragraph("subtitle", xml_run(block.text, False), after=after)
            elif isinstance(block, rm.PageBreak):
                self.break_next = True
            elif isinstance(block, rm.Contents):
                self.contents(block, toc)
            elif isinstance(block, rm.Image):
                self.image(block, self.images[index], list(self.images).index(index), after)
        if self.break_next or not self.out:
            self.paragraph("body", "")
        elif self.after_table:
            # Word needs a paragraph after a closing table. At the body text's height it
            # is pushed onto a page of its own when the table ends near the foot of a page
            # (the progress report ended with a blank page); one point high, with no space
            # around it, it fits. It holds no text, so the 12-point rule is untouched.
            self.paragraph("body", "", extra=CLOSING_SPACING)

    def table(self, table: rm.Table) -> None:
        if self.break_next or self.after_table:
            # Word needs a paragraph between two tables; a page break needs one to sit on.
            self.paragraph("body", "", after=twips(BEFORE_TABLE))
        n = len(table.header)
        weights = list(table.widths) if len(table.widths) == n else [1] * n
        total = sum(weights) or n
        widths = [self.text_width * w // total for w in weights]
        widths[-1] += self.text_width - sum(widths)
        style = self.ids["tablestyle"]
        caption = f'<w:tblCaption w:val="{xml_attr(table.caption)}"/>' if table.caption else ""
        borders = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        out = self.out
        out.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/>'
            f'<w:tblW w:w="{self.text_width}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="57" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            f'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>{caption}</w:tblPr><w:tblGrid>'
        )
        out.append("".join(f'<w:gridCol w:w="{w}"/>' for w in widths))
        out.append("</w:tblGrid>")
        text_style = self.ids["table"]
        cell_ppr = f'<w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>'
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        for text, w in zip(table.header, widths, strict=True):
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{shade}</w:tcPr>'
                f"<w:p>{cell_ppr}{xml_run(text, True)}</w:p></w:tc>"
            )
        out.append("</w:tr>")
        short = "<w:trPr><w:cantSplit/></w:trPr>"
        for row in table.rows:
            cells = list(row) + [""] * (n - len(row))
            long_row = sum(len(c) for c in cells) > 400
            out.append(f"<w:tr>{'' if long_row else short}")
            for text, w in zip(cells, widths, strict=False):
                out.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
                    f"<w:p>{cell_ppr}{xml_run(text, False)}</w:p></w:tc>"
                )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.after_table = True

    def image(self, block: rm.Image, rel_id: str, shape_id: int, after: int) -> None:
        """A picture inline in a paragraph of its own, with its alt text (``descr``).

        Word reads ``descr`` aloud and shows it as the picture's alt text; ``title`` is its
        short name. The picture is placed at its drawn size, so its text stays at 12 pt.
        """
        cx, cy = round(block.width * 12700), round(block.height * 12700)  # points -> EMU
        alt, title = xml_attr(block.alt), xml_attr(block.title)
        name = f"Picture {shape_id + 1}"
        drawing = (
            f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{1000 + shape_id}" name="{name}" descr="{alt}" title="{title}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
            "</wp:cNvGraphicFramePr>"
            f'<a:graphic><a:graphicData uri="{PIC_NS}"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="0" name="{name}.png" descr="{alt}"/>'
            "<pic:cNvPicPr/></pic:nvPicPr>"
            f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch>'
            "</pic:blipFill>"
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
            "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )
        self.paragraph("body", drawing, extra="<w:keepLines/>", after=after)

    def contents(self, block: rm.Contents, toc: list[tuple[int, rm.Heading]]) -> None:
        self.paragraph("tocheading", xml_run(block.title, False))
        instruction = f' TOC \\o "1-{block.levels}" \\h \\z \\u '
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        tab = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{self.text_width}"/></w:tabs>'
        if not toc:
            self.paragraph("toc1", begin + xml_run("No headings", False) + end)
            return
        for n, (index, heading) in enumerate(toc):
            name = bookmark(n + 1)
            page = self.pages[index] if index < len(self.pages) else 1
            entry = (
                f'<w:hyperlink w:anchor="{name}" w:history="1">{xml_run(heading.text, False)}'
                '<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> PAGEREF {name} \\h </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                f'<w:r><w:t>{page}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
                "</w:hyperlink>"
            )
            level = min(max(heading.level, 1), 3)
            runs = (begin if n == 0 else "") + entry + (end if n == len(toc) - 1 else "")
            self.paragraph(f"toc{level}", runs, extra=tab)
