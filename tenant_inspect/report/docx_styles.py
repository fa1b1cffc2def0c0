"""Styles of the Word report: the house look, and fitting a template's styles to the renderer.

Resolves every style role the renderer uses to a style id once (adding missing styles,
pruning unused table styles), fixes defaults and language, and makes every style accessible
(12 pt or more, never italic). The page estimate reads each style's look from here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .docx_style_xml import insert_rpr, make_accessible, make_large_print, para_look
from .docx_template import style_name
from .docx_xml import W_NS, W, replace_child, twips
from .text_metrics import ParaLook

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


#: Style roles used by the renderer -> the style's name in Word.
STYLE_NAMES = {
    "body": "Normal",
    "title": "Title",
    "subtitle": "Subtitle",
    "h1": "heading 1",
    "h2": "heading 2",
    "h3": "heading 3",
    "bullet": "List Bullet",
    "tocheading": "TOC Heading",
    "toc1": "toc 1",
    "toc2": "toc 2",
    "toc3": "toc 3",
    "table": "Table Text",
    "footer": "footer",
    "header": "header",
}
TABLE_STYLE_NAME = "Table Grid"

#: The house look of the default template (points). Template styles keep their own look.
FONT = "Arial"
INK = "1F3864"  # dark navy: 12:1 contrast on white
HEADER_FILL = "DCE6F2"
#: Spacing is "before" only: Word adds one paragraph's space after to the next one's space
#: before, LibreOffice takes the larger of the two; with no space after, both agree (and the
#: page estimate in :mod:`.layout` agrees with both). The paragraph before a table gets
#: BEFORE_TABLE after it, as tables have no space before of their own.
HOUSE: dict[str, dict[str, Any]] = {
    "body": {"size": 12, "line": 18, "before": 8},
    "title": {"size": 30, "bold": True, "line": 38, "color": INK},
    "subtitle": {"size": 18, "line": 24, "before": 12, "color": INK},
    "h1": {"size": 20, "bold": True, "line": 26, "before": 12, "color": INK},
    "h2": {"size": 16, "bold": True, "line": 21, "before": 18, "color": INK},
    "h3": {"size": 13, "bold": True, "line": 18, "before": 12, "color": INK},
    "bullet": {"size": 12, "line": 18, "before": 4, "left": 720, "hanging": 360},
    "tocheading": {"size": 20, "bold": True, "line": 26, "before": 12, "color": INK},
    "toc1": {"size": 12, "line": 18, "before": 6},
    "toc2": {"size": 12, "line": 18, "before": 4, "left": 360},
    "toc3": {"size": 12, "line": 18, "before": 4, "left": 720},
    "table": {"size": 12, "line": 16},
    "footer": {"size": 12, "line": 16},
    "header": {"size": 12, "line": 16},
}
#: Large print (``--large-print``): at least this size everywhere, as clear-print guidance asks.
LARGE_PRINT_PT = 16


def house_look(large_print: bool = False, compact: bool = False) -> dict[str, dict[str, Any]]:
    """The house look, or its large-print version: every size a third larger and at least
    16 pt, lines at least one and a half times the size, spacing grown with them. A
    ``compact`` look (the letter to residents) sets body text and bullets at 1.25 lines
    with less space between paragraphs; large print ignores it."""
    if compact and not large_print:
        tight = {role: dict(HOUSE[role]) for role in HOUSE}
        for role in ("body", "bullet"):
            tight[role]["line"] = round(tight[role]["size"] * 1.25)
            tight[role]["before"] = tight[role]["before"] * 3 // 4
        return tight
    if not large_print:
        return HOUSE
    look: dict[str, dict[str, Any]] = {}
    for role, spec in HOUSE.items():
        size = max(round(spec["size"] * 4 / 3), LARGE_PRINT_PT)
        grown = dict(spec, size=size, line=max(round(spec["line"] * 4 / 3), round(size * 1.5)))
        if "before" in spec:
            grown["before"] = round(spec["before"] * 4 / 3)
        look[role] = grown
    return look


#: Space before the title on the title page, and after the paragraph before a table (points).
TITLE_BEFORE = 120
BEFORE_TABLE = 8


def style_xml(
    role: str, style_id: str, name: str, based_on: str | None, spec: dict[str, Any]
) -> str:
    """A complete paragraph style definition for one role of the house look."""
    ppr = []
    if role in ("h1", "h2", "h3", "tocheading", "title"):
        ppr.append("<w:keepNext/><w:keepLines/>")
    if role == "bullet":
        pass  # numbering is set on each paragraph
    spacing = (
        f'<w:spacing w:before="{twips(spec.get("before", 0))}" w:after="{twips(spec.get("after", 0))}"'
        f' w:line="{twips(spec["line"])}" w:lineRule="atLeast"/>'
    )
    ppr.append(spacing)
    if spec.get("left"):
        hanging = f' w:hanging="{spec["hanging"]}"' if spec.get("hanging") else ""
        ppr.append(f'<w:ind w:left="{spec["left"]}"{hanging}/>')
    if role in ("h1", "h2", "h3"):
        ppr.append(f'<w:outlineLvl w:val="{int(role[1]) - 1}"/>')
    if role == "tocheading":
        ppr.append('<w:outlineLvl w:val="9"/>')
    rpr = [f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>']
    if spec.get("bold"):
        rpr.append("<w:b/><w:bCs/>")
    rpr.append('<w:i w:val="0"/><w:iCs w:val="0"/>')
    if spec.get("color"):
        rpr.append(f'<w:color w:val="{spec["color"]}"/>')
    half = round(spec["size"] * 2)
    rpr.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    default = ' w:default="1"' if role == "body" else ""
    next_ = '<w:next w:val="Normal"/>' if role not in ("body", "bullet", "table") else ""
    q = "<w:qFormat/>" if role in ("body", "title", "subtitle", "h1", "h2", "h3") else ""
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph"{default} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{based}{next_}{q}'
        f"<w:pPr>{''.join(ppr)}</w:pPr><w:rPr>{''.join(rpr)}</w:rPr></w:style>"
    )


def table_style_xml(style_id: str) -> str:
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="table" w:styleId="{style_id}">'
        f'<w:name w:val="{TABLE_STYLE_NAME}"/><w:uiPriority w:val="59"/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:tblPr><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar>"
        '<w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
    )


class Styles:
    """Finds, adds and fixes styles; resolves role -> style id once."""

    def __init__(
        self, doc: DocxDocument, *, house: bool, large_print: bool = False, compact: bool = False
    ) -> None:
        from docx.oxml.parser import parse_xml

        self.parse = parse_xml
        self.large_print = large_print
        self.minimum_pt = LARGE_PRINT_PT if large_print else 12
        self.spec = house_look(large_print, compact)
        self.root = doc.styles.element
        self.house = house
        self.by_name: dict[str, Any] = {}
        self.by_id: dict[str, Any] = {}
        self.ids: dict[str, str] = {}
        self._index()

    def _index(self) -> None:
        self.by_name.clear()
        self.by_id.clear()
        for style in self.root.iterchildren(f"{W}style"):
            self.by_name.setdefault(style_name(style).casefold(), style)
            self.by_id[str(style.get(f"{W}styleId"))] = style

    def _free_id(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self.by_id:
            n += 1
            candidate = f"{wanted}{n}"
        return candidate

    def _put(self, xml: str, replace: Any | None) -> None:
        element = self.parse(xml)
        if replace is not None:
            replace.addprevious(element)
            self.root.remove(replace)
        else:
            self.root.append(element)
        self._index()

    def prepare(self) -> dict[str, str]:
        """Make sure every style used exists; return role -> style id."""
        ids: dict[str, str] = {}
        normal = self.by_name["normal"]
        normal_id = str(normal.get(f"{W}styleId"))
        h1_id = (
            str(self.by_name["heading 1"].get(f"{W}styleId"))
            if "heading 1" in self.by_name
            else None
        )
        defaults = {
            "body": "Normal",
            "title": "Title",
            "subtitle": "Subtitle",
            "h1": "Heading1",
            "h2": "Heading2",
            "h3": "Heading3",
            "bullet": "ListBullet",
            "tocheading": "TOCHeading",
            "toc1": "TOC1",
            "toc2": "TOC2",
            "toc3": "TOC3",
            "table": "TableText",
            "footer": "Footer",
            "header": "Header",
        }
        for role, name in STYLE_NAMES.items():
            existing = self.by_name.get(name.casefold())
            if self.house:
                # The default template: every style we use gets the house look.
                sid = (
                    str(existing.get(f"{W}styleId"))
                    if existing is not None
                    else self._free_id(defaults[role])
                )
                based = None if role == "body" else normal_id
                self._put(style_xml(role, sid, name, based, self.spec[role]), existing)
                ids[role] = sid
            elif existing is not None:
                ids[role] = str(existing.get(f"{W}styleId"))
            else:
                # A template without this style: add one that inherits the template's look.
                sid = self._free_id(defaults[role])
                based = h1_id if role in ("title", "tocheading") and h1_id else normal_id
                spec = dict(self.spec[role])
                spec.pop("color", None)
                xml = style_xml(role, sid, name, based, spec)
                # keep the template's fonts: drop our font from styles added to it
                xml = re.sub(r"<w:rFonts [^>]*/>", "", xml)
                self._put(xml, None)
                ids[role] = sid
        table = self.by_name.get(TABLE_STYLE_NAME.casefold())
        if table is None or table.get(f"{W}type") != "table":
            sid = self._free_id("TableGrid")
            self._put(table_style_xml(sid), None)
            ids["tablestyle"] = sid
        else:
            ids["tablestyle"] = str(table.get(f"{W}styleId"))
        if self.house:
            self._prune_table_styles(keep={ids["tablestyle"]})
        self.ids = ids
        return ids

    def _prune_table_styles(self, keep: set[str]) -> None:
        """The default template carries ~140 unused table styles; they only cost time."""
        for style in list(self.root.iterchildren(f"{W}style")):
            if (
                style.get(f"{W}type") == "table"
                and style.get(f"{W}default") != "1"
                and str(style.get(f"{W}styleId")) not in keep
            ):
                self.root.remove(style)
        self._index()

    def fix_defaults(self, language: str) -> None:
        """Document defaults: at least 12 pt, the report's language, Arial for the house look."""
        defaults = self.root.find(f"{W}docDefaults")
        if defaults is None:
            defaults = self.parse(f'<w:docDefaults xmlns:w="{W_NS}"/>')
            self.root.insert(0, defaults)
        rpr_default = defaults.find(f"{W}rPrDefault")
        if rpr_default is None:
            rpr_default = self.parse(f'<w:rPrDefault xmlns:w="{W_NS}"><w:rPr/></w:rPrDefault>')
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(f"{W}rPr")
        if rpr is None:
            rpr = self.parse(f'<w:rPr xmlns:w="{W_NS}"/>')
            rpr_default.append(rpr)
        for tag in ("sz", "szCs"):
            el = rpr.find(f"{W}{tag}")
            if el is None:
                half = 2 * self.minimum_pt
                insert_rpr(rpr, self.parse(f'<w:{tag} xmlns:w="{W_NS}" w:val="{half}"/>'))
        lang = rpr.find(f"{W}lang")
        if lang is None:
            lang = self.parse(f'<w:lang xmlns:w="{W_NS}"/>')
            insert_rpr(rpr, lang)
        lang.set(f"{W}val", language)
        if self.house or self.large_print:
            fonts = (
                f'<w:rFonts xmlns:w="{W_NS}" w:ascii="{FONT}" w:hAnsi="{FONT}" '
                f'w:cs="{FONT}" w:eastAsia="{FONT}"/>'
            )
            replace_child(rpr, "rFonts", self.parse(fonts), index=0)
            spacing = (
                f'<w:pPrDefault xmlns:w="{W_NS}"><w:pPr><w:widowControl/>'
                '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
            )
            replace_child(defaults, "pPrDefault", self.parse(spacing))

    def fix_accessibility(self) -> None:
        """No style anywhere in the file is italic or smaller than 12 pt (16 in large print,
        which is also never justified and always sans serif, template styles included)."""
        make_accessible(self.root, self.minimum_pt)
        if self.large_print:
            make_large_print(self.root, FONT)

    def look(self, role: str) -> ParaLook:
        """How the style for ``role`` lays out (resolved through its basedOn chain)."""
        return para_look(self.root, self.by_id, self.ids[role])
