"""The rest of the Word package: list numbering, page setup and footer, settings, properties.

Everything about the document that is not the body: done with python-docx's parts, and made
accessible and private (a template's comments, people and custom properties are dropped).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .docx_style_xml import make_accessible
from .docx_styles import FONT
from .docx_xml import W_NS, W, put_before, xml_field
from .model import Report

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


def add_bullet_numbering(doc: DocxDocument, house: bool, minimum_pt: int = 12) -> int:
    """A bullet list definition of our own (a template's may be anything); its numId."""
    from docx.oxml.parser import parse_xml

    numbering = doc.part.numbering_part.element
    abstract_ids = [
        int(a.get(f"{W}abstractNumId")) for a in numbering.iterchildren(f"{W}abstractNum")
    ]
    num_ids = [int(n.get(f"{W}numId")) for n in numbering.iterchildren(f"{W}num")]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    font = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:hint="default"/>' if house else ""
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>'
        f'<w:rPr>{font}<w:i w:val="0"/><w:sz w:val="{2 * minimum_pt}"/><w:szCs w:val="{2 * minimum_pt}"/>'
        "</w:rPr></w:lvl></w:abstractNum>"
    )
    num = parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    existing_abstracts = list(numbering.iterchildren(f"{W}abstractNum"))
    if existing_abstracts:
        existing_abstracts[-1].addnext(abstract)
    else:
        put_before(numbering, next(numbering.iterchildren(f"{W}num"), None), abstract)
    put_before(numbering, numbering.find(f"{W}numIdMacAtCleanup"), num)
    make_accessible(numbering)
    return num_id


def page_number_paragraph(style_id: str, total_pages: int) -> str:
    return (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{style_id}"/><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">Page </w:t></w:r>{xml_field("PAGE", "1")}'
        f'<w:r><w:t xml:space="preserve"> of </w:t></w:r>{xml_field("NUMPAGES", str(total_pages))}</w:p>'
    )


def has_page_field(element: Any) -> bool:
    for instr in element.iter(f"{W}instrText"):
        if re.match(r"\s*PAGE\b", instr.text or ""):
            return True
    for simple in element.iter(f"{W}fldSimple"):
        if re.match(r"\s*PAGE\b", simple.get(f"{W}instr") or ""):
            return True
    return False


def setup_section(
    doc: DocxDocument,
    ids: dict[str, str],
    house: bool,
    total_pages: int,
    *,
    minimum_pt: int = 12,
    number_every_page: bool = False,
) -> None:
    """Footer page numbers ("Page N of M"); none on the title page unless
    ``number_every_page`` (large print: clear-print guidance numbers every page)."""
    from docx.oxml.parser import parse_xml

    section = doc.sections[-1]
    if house and not number_every_page:
        section.different_first_page_header_footer = True  # no page number on the title page
        first = section.first_page_footer
        first.is_linked_to_previous = False
        replace_children(first._element, [parse_xml(empty_paragraph(ids["footer"]))])
    footer = section.footer
    if footer.is_linked_to_previous:
        footer.is_linked_to_previous = False
        replace_children(
            footer._element, [parse_xml(page_number_paragraph(ids["footer"], total_pages))]
        )
    elif not has_page_field(footer._element):
        footer._element.append(parse_xml(page_number_paragraph(ids["footer"], total_pages)))
    # Text in headers and footers is text too: 12 pt at least, never italic.
    for part in header_footer_parts(doc):
        make_accessible(part.element, minimum_pt)


def empty_paragraph(style_id: str) -> str:
    return f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr></w:p>'


def replace_children(element: Any, children: list[Any]) -> None:
    for child in list(element):
        element.remove(child)
    for child in children:
        element.append(child)


def header_footer_parts(doc: DocxDocument) -> list[Any]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return [
        rel.target_part
        for rel in doc.part.rels.values()
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external
    ]


SETTINGS_AFTER_UPDATE_FIELDS = frozenset(
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


def write_settings(doc: DocxDocument, language: str) -> None:
    """Ask Word to refresh fields on opening; the report's language for theme fonts."""
    from docx.oxml.parser import parse_xml

    settings = doc.settings.element
    for old in settings.findall(f"{W}updateFields"):
        settings.remove(old)
    update = parse_xml(f'<w:updateFields xmlns:w="{W_NS}" w:val="true"/>')
    later = next(
        (
            child
            for child in settings
            if isinstance(child.tag, str)
            and child.tag.split("}")[-1] in SETTINGS_AFTER_UPDATE_FIELDS
        ),
        None,
    )
    put_before(settings, later, update)
    lang = settings.find(f"{W}themeFontLang")
    if lang is not None:
        lang.set(f"{W}val", language)


def write_properties(doc: DocxDocument, report: Report) -> None:
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


def drop_private_parts(doc: DocxDocument, house: bool) -> None:
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


def text_width(doc: DocxDocument) -> tuple[int, int]:
    """Text width and height of the last section, in twips."""
    section = doc.sections[-1]
    width = (section.page_width or 11906) - (section.left_margin or 0) - (section.right_margin or 0)
    height = (
        (section.page_height or 16838) - (section.top_margin or 0) - (section.bottom_margin or 0)
    )
    return int(width / 635), int(height / 635)  # EMU -> twips
