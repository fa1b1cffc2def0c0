"""The Word renderer: a :class:`~.outline.Report` as an accessible .docx.

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
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import UserError
from .layout import FONT_SCALE, PageLook, ParaLook, estimate_pages
from .outline import (
    Block,
    Bullets,
    Contents,
    Fields,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    Subtitle,
    Table,
    Title,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W_NS}}}"

#: Styles an organisation's template must define (the others are added if missing).
REQUIRED_STYLES = ("Normal", "heading 1", "heading 2", "heading 3")

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
#: Space before the title on the title page, and after the paragraph before a table (points).
TITLE_BEFORE = 120
BEFORE_TABLE = 8

#: Limits for a template file (it is untrusted input: a zip could be a "zip bomb").
MAX_TEMPLATE_ENTRIES = 2000
MAX_TEMPLATE_BYTES = 200 * 1024 * 1024
MAX_TEMPLATE_RATIO = 200

ProgressCallback = Callable[[float, str], None]

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TRUE = {"1", "true", "on"}


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------


def check_template(path: Path) -> None:
    """Refuse a template that cannot work, with one plain line saying why.

    Checked before anything is written, so a bad template never leaves an output file.
    """
    name = str(path)
    if not path.exists():
        raise UserError(f"template {name} does not exist")
    if path.is_dir():
        raise UserError(f"template {name} is a folder, not a Word document")
    suffix = path.suffix.lower()
    if suffix in (".dotx", ".dotm"):
        raise UserError(
            f"template {name} is a Word template ({suffix}); open it in Word and save it as "
            "a Word document (.docx), then use that"
        )
    if not zipfile.is_zipfile(path):
        raise UserError(f"template {name} is not a Word document (.docx): it is not a zip file")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_TEMPLATE_ENTRIES:
                raise UserError(f"template {name} has too many parts ({len(infos)})")
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_TEMPLATE_BYTES or total / packed > MAX_TEMPLATE_RATIO:
                raise UserError(f"template {name} is too large once unpacked")
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names:
                raise UserError(f"template {name} is not a Word document (.docx)")
            # Read every part once, with a running limit (declared sizes can lie), so a
            # damaged part is found here rather than half-way through writing the report.
            unpacked = 0
            for info in infos:
                with zf.open(info) as fh:
                    while chunk := fh.read(1 << 16):
                        unpacked += len(chunk)
                        if unpacked > MAX_TEMPLATE_BYTES:
                            raise UserError(f"template {name} is too large once unpacked")
            types = zf.read("[Content_Types].xml").decode("utf-8", "replace")
    except zipfile.BadZipFile as exc:
        raise UserError(f"template {name} is a damaged zip file ({exc})") from exc
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError) as exc:
        # A part that does not unpack (bad deflate data, unsupported or encrypted entry).
        raise UserError(f"template {name} is a damaged zip file ({exc})") from exc
    if "wordprocessingml.template.main+xml" in types or "macroEnabledTemplate" in types:
        raise UserError(
            f"template {name} is a Word template (.dotx); open it in Word and save it as a "
            "Word document (.docx), then use that"
        )
    if "ms-word.document.macroEnabled" in types:
        raise UserError(
            f"template {name} is a macro-enabled document (.docm); save it as a Word "
            "document (.docx), then use that"
        )
    if "wordprocessingml.document.main+xml" not in types:
        raise UserError(f"template {name} is not a Word document (.docx)")


def _open(template: Path | None) -> DocxDocument:
    import docx

    if template is None:
        return docx.Document()
    check_template(template)
    try:
        doc = docx.Document(str(template))
        styles = doc.styles.element  # a damaged document can open without usable styles
    except Exception as exc:  # python-docx raises many kinds on a damaged file
        raise UserError(f"template {template} cannot be read as a Word document ({exc})") from exc
    names = {_style_name(s).casefold() for s in styles.iterchildren(f"{_W}style")}
    missing = [n for n in REQUIRED_STYLES if n.casefold() not in names]
    if missing:
        pretty = ", ".join(f"'{n[0].upper() + n[1:]}'" for n in missing)
        raise UserError(
            f"template {template} has no {pretty} style; in Word, apply "
            f"{'that style' if len(missing) == 1 else 'those styles'} once (you may delete the "
            "text again), save the document and try again"
        )
    return doc


def _style_name(style: Any) -> str:
    name = style.find(f"{_W}name")
    return str(name.get(f"{_W}val")) if name is not None else ""


# ---------------------------------------------------------------------------
# Styles
# ---------------------------------------------------------------------------


def _tw(points: float) -> int:
    return round(points * 20)


def _style_xml(
    role: str, style_id: str, name: str, based_on: str | None, spec: dict[str, Any]
) -> str:
    """A complete paragraph style definition for one role of the house look."""
    ppr = []
    if role in ("h1", "h2", "h3", "tocheading", "title"):
        ppr.append("<w:keepNext/><w:keepLines/>")
    if role == "bullet":
        pass  # numbering is set on each paragraph
    spacing = (
        f'<w:spacing w:before="{_tw(spec.get("before", 0))}" w:after="{_tw(spec.get("after", 0))}"'
        f' w:line="{_tw(spec["line"])}" w:lineRule="atLeast"/>'
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


def _table_style_xml(style_id: str) -> str:
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


class _Styles:
    """Finds, adds and fixes styles; resolves role -> style id once."""

    def __init__(self, doc: DocxDocument, *, house: bool) -> None:
        from docx.oxml.parser import parse_xml

        self.parse = parse_xml
        self.root = doc.styles.element
        self.house = house
        self.by_name: dict[str, Any] = {}
        self.by_id: dict[str, Any] = {}
        self.ids: dict[str, str] = {}
        self._index()

    def _index(self) -> None:
        self.by_name.clear()
        self.by_id.clear()
        for style in self.root.iterchildren(f"{_W}style"):
            self.by_name.setdefault(_style_name(style).casefold(), style)
            self.by_id[str(style.get(f"{_W}styleId"))] = style

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
        normal_id = str(normal.get(f"{_W}styleId"))
        h1_id = (
            str(self.by_name["heading 1"].get(f"{_W}styleId"))
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
                    str(existing.get(f"{_W}styleId"))
                    if existing is not None
                    else self._free_id(defaults[role])
                )
                based = None if role == "body" else normal_id
                self._put(_style_xml(role, sid, name, based, HOUSE[role]), existing)
                ids[role] = sid
            elif existing is not None:
                ids[role] = str(existing.get(f"{_W}styleId"))
            else:
                # A template without this style: add one that inherits the template's look.
                sid = self._free_id(defaults[role])
                based = h1_id if role in ("title", "tocheading") and h1_id else normal_id
                spec = dict(HOUSE[role])
                spec.pop("color", None)
                xml = _style_xml(role, sid, name, based, spec)
                # keep the template's fonts: drop our font from styles added to it
                xml = re.sub(r"<w:rFonts [^>]*/>", "", xml)
                self._put(xml, None)
                ids[role] = sid
        table = self.by_name.get(TABLE_STYLE_NAME.casefold())
        if table is None or table.get(f"{_W}type") != "table":
            sid = self._free_id("TableGrid")
            self._put(_table_style_xml(sid), None)
            ids["tablestyle"] = sid
        else:
            ids["tablestyle"] = str(table.get(f"{_W}styleId"))
        if self.house:
            self._prune_table_styles(keep={ids["tablestyle"]})
        self.ids = ids
        return ids

    def _prune_table_styles(self, keep: set[str]) -> None:
        """The default template carries ~140 unused table styles; they only cost time."""
        for style in list(self.root.iterchildren(f"{_W}style")):
            if (
                style.get(f"{_W}type") == "table"
                and style.get(f"{_W}default") != "1"
                and str(style.get(f"{_W}styleId")) not in keep
            ):
                self.root.remove(style)
        self._index()

    def fix_defaults(self, language: str) -> None:
        """Document defaults: at least 12 pt, the report's language, Arial for the house look."""
        defaults = self.root.find(f"{_W}docDefaults")
        if defaults is None:
            defaults = self.parse(f'<w:docDefaults xmlns:w="{W_NS}"/>')
            self.root.insert(0, defaults)
        rpr_default = defaults.find(f"{_W}rPrDefault")
        if rpr_default is None:
            rpr_default = self.parse(f'<w:rPrDefault xmlns:w="{W_NS}"><w:rPr/></w:rPrDefault>')
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(f"{_W}rPr")
        if rpr is None:
            rpr = self.parse(f'<w:rPr xmlns:w="{W_NS}"/>')
            rpr_default.append(rpr)
        for tag in ("sz", "szCs"):
            el = rpr.find(f"{_W}{tag}")
            if el is None:
                _insert_rpr(rpr, self.parse(f'<w:{tag} xmlns:w="{W_NS}" w:val="24"/>'))
        lang = rpr.find(f"{_W}lang")
        if lang is None:
            lang = self.parse(f'<w:lang xmlns:w="{W_NS}"/>')
            _insert_rpr(rpr, lang)
        lang.set(f"{_W}val", language)
        if self.house:
            fonts = rpr.find(f"{_W}rFonts")
            if fonts is not None:
                rpr.remove(fonts)
            rpr.insert(
                0,
                self.parse(
                    f'<w:rFonts xmlns:w="{W_NS}" w:ascii="{FONT}" w:hAnsi="{FONT}" '
                    f'w:cs="{FONT}" w:eastAsia="{FONT}"/>'
                ),
            )
            ppr_default = defaults.find(f"{_W}pPrDefault")
            if ppr_default is not None:
                defaults.remove(ppr_default)
            defaults.append(
                self.parse(
                    f'<w:pPrDefault xmlns:w="{W_NS}"><w:pPr><w:widowControl/>'
                    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
                )
            )

    def fix_accessibility(self) -> None:
        """No style anywhere in the file is italic or smaller than 12 pt."""
        make_accessible(self.root)

    def look(self, role: str) -> ParaLook:
        """How the style for ``role`` lays out (resolved through its basedOn chain)."""
        return _para_look(self.root, self.by_id, self.ids[role])


def make_accessible(root: Any) -> None:
    """Turn off italics and raise every size below 12 pt in an XML tree (styles, headers)."""
    for tag in ("i", "iCs"):
        for el in root.iter(f"{_W}{tag}"):
            if (el.get(f"{_W}val") or "1").lower() in _TRUE:
                el.set(f"{_W}val", "0")
    for tag in ("sz", "szCs"):
        for el in root.iter(f"{_W}{tag}"):
            try:
                if int(el.get(f"{_W}val") or "0") < 24:
                    el.set(f"{_W}val", "24")
            except ValueError:
                el.set(f"{_W}val", "24")


_RPR_ORDER = tuple(
    [
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    ]
)


def _insert_rpr(rpr: Any, child: Any) -> None:
    """Insert a run property in schema order (Word refuses files with it out of order)."""
    name = child.tag.split("}")[1]
    rank = _RPR_ORDER.index(name)
    for index, existing in enumerate(rpr):
        other = existing.tag.split("}")[1] if "}" in existing.tag else ""
        if other in _RPR_ORDER and _RPR_ORDER.index(other) > rank:
            rpr.insert(index, child)
            return
    rpr.append(child)


def _para_look(root: Any, by_id: dict[str, Any], style_id: str) -> ParaLook:
    found: dict[str, Any] = {}
    chain: list[Any] = []
    sid: str | None = style_id
    while sid and sid in by_id and sid not in [c.get(f"{_W}styleId") for c in chain]:
        style = by_id[sid]
        chain.append(style)
        based = style.find(f"{_W}basedOn")
        sid = based.get(f"{_W}val") if based is not None else None
    defaults = root.find(f"{_W}docDefaults")
    sources = [(s.find(f"{_W}pPr"), s.find(f"{_W}rPr")) for s in chain]
    if defaults is not None:
        sources.append(
            (defaults.find(f"{_W}pPrDefault/{_W}pPr"), defaults.find(f"{_W}rPrDefault/{_W}rPr"))
        )
    for ppr, rpr in sources:
        if rpr is not None:
            for key, tag in (("sz", "sz"), ("b", "b"), ("fonts", "rFonts")):
                el = rpr.find(f"{_W}{tag}")
                if el is not None and key not in found:
                    found[key] = el
        if ppr is not None:
            spacing = ppr.find(f"{_W}spacing")
            if spacing is not None:
                for attr in ("before", "after", "line", "lineRule"):
                    value = spacing.get(f"{_W}{attr}")
                    if value is not None and attr not in found:
                        found[attr] = value
            ind = ppr.find(f"{_W}ind")
            if ind is not None:
                for attr, alias in (("left", "start"), ("right", "end")):
                    value = ind.get(f"{_W}{attr}") or ind.get(f"{_W}{alias}")
                    if value is not None and attr not in found:
                        found[attr] = value
            if ppr.find(f"{_W}keepNext") is not None and "keepNext" not in found:
                found["keepNext"] = True
    size = int(found["sz"].get(f"{_W}val")) / 2 if "sz" in found else 10.0
    bold = "b" in found and (found["b"].get(f"{_W}val") or "1").lower() in _TRUE
    line_raw = int(found.get("line", 240))
    rule = found.get("lineRule", "auto")
    line, factor = (line_raw / 20, 1.0) if rule in ("atLeast", "exact") else (0.0, line_raw / 240)
    font = ""
    if "fonts" in found:
        font = (found["fonts"].get(f"{_W}ascii") or "").casefold()
    return ParaLook(
        size=size,
        bold=bold,
        line=line,
        line_factor=factor,
        before=int(found.get("before", 0)) / 20,
        after=int(found.get("after", 0)) / 20,
        left=int(found.get("left", 0)) / 20,
        right=int(found.get("right", 0)) / 20,
        keep_next=bool(found.get("keepNext")),
        scale=FONT_SCALE.get(font, 1.0),
    )


# ---------------------------------------------------------------------------
# The body
# ---------------------------------------------------------------------------


def _esc(text: str) -> str:
    text = _INVALID_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _esc(text).replace('"', "&quot;")


def _run(text: str, bold: bool) -> str:
    """One run; newlines become line breaks and tabs tabs, inside the same run."""
    if not text:
        return ""
    rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    if "\n" not in text and "\t" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'
    out = [f"<w:r>{rpr}"]
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{_esc(piece)}</w:t>')
    out.append("</w:r>")
    return "".join(out)


def _bookmark(number: int) -> str:
    """A hidden bookmark name (Word hides names starting with an underscore)."""
    return f"_Toc{number:08d}"


class _Body:
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

    def render(self, blocks: tuple[Block, ...], toc: list[tuple[int, Heading]]) -> None:
        self.bookmarks = {index: n + 1 for n, (index, _) in enumerate(toc)}
        total = len(blocks)
        table_gap = _tw(BEFORE_TABLE)
        for index, block in enumerate(blocks):
            if self.progress is not None and index % 500 == 0:
                self.progress(0.4 + 0.45 * index / max(total, 1), "Writing the Word document")
            nxt = blocks[index + 1] if index + 1 < total else None
            after = table_gap if isinstance(nxt, Table) else 0
            if isinstance(block, Paragraph):
                runs = _run(block.lead, True) + _run(block.text, block.bold)
                self.paragraph("body", runs, after=after)
            elif isinstance(block, Heading):
                if block.new_page:
                    self.break_next = True
                role = f"h{min(max(block.level, 1), 3)}"
                number = self.bookmarks.get(index)
                if number is not None:
                    runs = (
                        f'<w:bookmarkStart w:id="{number}" w:name="{_bookmark(number)}"/>'
                        f'{_run(block.text, False)}<w:bookmarkEnd w:id="{number}"/>'
                    )
                else:
                    runs = _run(block.text, False)
                self.paragraph(role, runs, after=after)
            elif isinstance(block, Bullets):
                numpr = (
                    f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{self.bullet_num}"/></w:numPr>'
                )
                leads = block.leads
                last = len(block.items) - 1
                for i, item in enumerate(block.items):
                    lead = leads[i] if i < len(leads) else ""
                    self.paragraph(
                        "bullet",
                        _run(lead, True) + _run(item, False),
                        extra=numpr,
                        before=self.list_before if i == 0 else None,
                        after=after if i == last else 0,
                    )
            elif isinstance(block, Fields):
                runs = "".join(
                    _run(("\n" if i else "") + label, True) + _run(value, False)
                    for i, (label, value) in enumerate(block.items)
                )
                self.paragraph("body", runs, after=after)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Title):
                self.paragraph(
                    "title", _run(block.text, False), before=_tw(TITLE_BEFORE), after=after
                )
            elif isinstance(block, Subtitle):
                self.paragraph("subtitle", _run(block.text, False), after=after)
            elif isinstance(block, PageBreak):
                self.break_next = True
            elif isinstance(block, Contents):
                self.contents(block, toc)
        if self.break_next or self.after_table or not self.out:
            self.paragraph("body", "")

    def table(self, table: Table) -> None:
        if self.break_next or self.after_table:
            # Word needs a paragraph between two tables; a page break needs one to sit on.
            self.paragraph("body", "", after=_tw(BEFORE_TABLE))
        n = len(table.header)
        weights = list(table.widths) if len(table.widths) == n else [1] * n
        total = sum(weights) or n
        widths = [self.text_width * w // total for w in weights]
        widths[-1] += self.text_width - sum(widths)
        style = self.ids["tablestyle"]
        caption = f'<w:tblCaption w:val="{_attr(table.caption)}"/>' if table.caption else ""
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
                f"<w:p>{cell_ppr}{_run(text, True)}</w:p></w:tc>"
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
                    f"<w:p>{cell_ppr}{_run(text, False)}</w:p></w:tc>"
                )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.after_table = True

    def contents(self, block: Contents, toc: list[tuple[int, Heading]]) -> None:
        self.paragraph("tocheading", _run(block.title, False))
        instruction = f' TOC \\o "1-{block.levels}" \\h \\z \\u '
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        tab = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{self.text_width}"/></w:tabs>'
        if not toc:
            self.paragraph("toc1", begin + _run("No headings", False) + end)
            return
        for n, (index, heading) in enumerate(toc):
            name = _bookmark(n + 1)
            page = self.pages[index] if index < len(self.pages) else 1
            entry = (
                f'<w:hyperlink w:anchor="{name}" w:history="1">{_run(heading.text, False)}'
                '<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> PAGEREF {name} \\h </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                f'<w:r><w:t>{page}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
                "</w:hyperlink>"
            )
            level = min(max(heading.level, 1), 3)
            runs = (begin if n == 0 else "") + entry + (end if n == len(toc) - 1 else "")
            self.paragraph(f"toc{level}", runs, extra=tab)


# ---------------------------------------------------------------------------
# Numbering, sections, footer, settings, properties
# ---------------------------------------------------------------------------


def _add_bullet_numbering(doc: DocxDocument, house: bool) -> int:
    """A bullet list definition of our own (a template's may be anything); its numId."""
    from docx.oxml.parser import parse_xml

    numbering = doc.part.numbering_part.element
    abstract_ids = [
        int(a.get(f"{_W}abstractNumId")) for a in numbering.iterchildren(f"{_W}abstractNum")
    ]
    num_ids = [int(n.get(f"{_W}numId")) for n in numbering.iterchildren(f"{_W}num")]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    font = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:hint="default"/>' if house else ""
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>'
        f'<w:rPr>{font}<w:i w:val="0"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:lvl></w:abstractNum>'
    )
    num = parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    existing_abstracts = list(numbering.iterchildren(f"{_W}abstractNum"))
    if existing_abstracts:
        existing_abstracts[-1].addnext(abstract)
    else:
        first_num = next(numbering.iterchildren(f"{_W}num"), None)
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    cleanup = numbering.find(f"{_W}numIdMacAtCleanup")
    if cleanup is not None:
        cleanup.addprevious(num)
    else:
        numbering.append(num)
    make_accessible(numbering)
    return num_id


def _field(instruction: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{result}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _page_number_paragraph(style_id: str, total_pages: int) -> str:
    return (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{style_id}"/><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">Page </w:t></w:r>{_field("PAGE", "1")}'
        f'<w:r><w:t xml:space="preserve"> of </w:t></w:r>{_field("NUMPAGES", str(total_pages))}</w:p>'
    )


def _has_page_field(element: Any) -> bool:
    for instr in element.iter(f"{_W}instrText"):
        if re.match(r"\s*PAGE\b", instr.text or ""):
            return True
    for simple in element.iter(f"{_W}fldSimple"):
        if re.match(r"\s*PAGE\b", simple.get(f"{_W}instr") or ""):
            return True
    return False


def _setup_section(doc: DocxDocument, ids: dict[str, str], house: bool, total_pages: int) -> None:
    from docx.oxml.parser import parse_xml

    section = doc.sections[-1]
    if house:
        section.different_first_page_header_footer = True  # no page number on the title page
        first = section.first_page_footer
        first.is_linked_to_previous = False
        _replace_children(first._element, [parse_xml(_empty_paragraph(ids["footer"]))])
    footer = section.footer
    if footer.is_linked_to_previous:
        footer.is_linked_to_previous = False
        _replace_children(
            footer._element, [parse_xml(_page_number_paragraph(ids["footer"], total_pages))]
        )
    elif not _has_page_field(footer._element):
        footer._element.append(parse_xml(_page_number_paragraph(ids["footer"], total_pages)))
    # Text in headers and footers is text too: 12 pt at least, never italic.
    for part in _header_footer_parts(doc):
        make_accessible(part.element)


def _empty_paragraph(style_id: str) -> str:
    return f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr></w:p>'


def _replace_children(element: Any, children: list[Any]) -> None:
    for child in list(element):
        element.remove(child)
    for child in children:
        element.append(child)


def _header_footer_parts(doc: DocxDocument) -> list[Any]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return [
        rel.target_part
        for rel in doc.part.rels.values()
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external
    ]


_SETTINGS_AFTER_UPDATE_FIELDS = frozenset(
    [
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
)


def _settings(doc: DocxDocument, language: str) -> None:
    """Ask Word to refresh fields on opening; the report's language for theme fonts."""
    from docx.oxml.parser import parse_xml

    settings = doc.settings.element
    for old in settings.findall(f"{_W}updateFields"):
        settings.remove(old)
    update = parse_xml(f'<w:updateFields xmlns:w="{W_NS}" w:val="true"/>')
    later = next(
        (
            child
            for child in settings
            if isinstance(child.tag, str)
            and child.tag.split("}")[-1] in _SETTINGS_AFTER_UPDATE_FIELDS
        ),
        None,
    )
    if later is not None:
        later.addprevious(update)
    else:
        settings.append(update)
    lang = settings.find(f"{_W}themeFontLang")
    if lang is not None:
        lang.set(f"{_W}val", language)


def _properties(doc: DocxDocument, report: Report) -> None:
    props = doc.core_properties
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.title = report.title
    props.subject = report.subject
    props.author = report.author
    props.last_modified_by = report.author
    props.keywords = report.keywords
    props.language = report.language
    props.category = "Tenant inspection report" + ("" if report.public else " (internal)")
    props.comments = ""
    props.content_status = "Public" if report.public else "Internal"
    props.identifier = ""
    props.version = ""
    props.revision = 1
    props.created = now
    props.modified = now
    element = props._element
    for child in list(element):
        if child.tag.endswith("}lastPrinted"):
            element.remove(child)


def _drop_private_parts(doc: DocxDocument, house: bool) -> None:
    """Leave out parts of the template that could carry someone else's details or content."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    droppable = {
        RT.COMMENTS,
        "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
        "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
        "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
        "http://schemas.microsoft.com/office/2011/relationships/people",
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    }
    body_only = {RT.IMAGE, RT.HYPERLINK, RT.OLE_OBJECT, RT.PACKAGE, RT.CHART, RT.DIAGRAM_DATA}
    xml = doc.element.xml
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in droppable or (rel.reltype in body_only and f'"{rid}"' not in xml):
            del doc.part.rels[rid]
    if not house:
        package_rels = doc.part.package.rels
        for rid, rel in list(package_rels.items()):
            if rel.reltype in (RT.EXTENDED_PROPERTIES, RT.CUSTOM_PROPERTIES, RT.THUMBNAIL):
                del package_rels[rid]


def _text_width(doc: DocxDocument) -> tuple[int, int]:
    """Text width and height of the last section, in twips."""
    section = doc.sections[-1]
    width = (section.page_width or 11906) - (section.left_margin or 0) - (section.right_margin or 0)
    height = (
        (section.page_height or 16838) - (section.top_margin or 0) - (section.bottom_margin or 0)
    )
    return int(width / 635), int(height / 635)  # EMU -> twips


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


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
) -> list[str]:
    """Write ``report`` as a .docx to a binary stream; return any warnings."""
    warnings: list[str] = []
    house = template is None
    doc = _open(template)
    # An organisation's document: keep its styles, headers and footers; clear its body.
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    _drop_private_parts(doc, house)
    styles = _Styles(doc, house=house)
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
    width, height = _text_width(doc)
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
    bullet_num = _add_bullet_numbering(doc, house)
    writer = _Body(ids, width, bullet_num, pages, progress, _tw(look.styles["body"].before))
    writer.render(report.blocks, toc)
    from docx.oxml.parser import parse_xml

    fragment = parse_xml(f'<w:body xmlns:w="{W_NS}">{"".join(writer.out)}</w:body>')
    sect_pr = body.find(f"{_W}sectPr")
    if sect_pr is not None:
        for child in list(fragment):
            sect_pr.addprevious(child)
    else:
        for child in list(fragment):
            body.append(child)
    _setup_section(doc, ids, house, total_pages)
    _settings(doc, report.language)
    _properties(doc, report)
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
