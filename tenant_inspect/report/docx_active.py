"""Active content in a report template: macros refused, the rest left out of the report.

An organisation's .docx is untrusted: it may come from anyone, and the report made from it
goes to landlords and tenants. Word runs or fetches some things by itself when a document is
opened, so none of them may travel from a template into a report:

* **Macros** (``vbaProject.bin``, ``vbaData.xml``, macro content types, ``.docm`` / ``.dotm``
  parts) are *refused* by :func:`find_macros`: a document saved as a plain .docx never holds
  them, so one that does was made to look like something it is not, and "save it as a Word
  Document" is the fix a coordinator can make.
* **ActiveX controls, embedded (OLE) objects and links to outside files** are *left out*
  by :func:`strip_active_content`, with a note: a letterhead can carry them innocently (a
  document made from a company template points at that template, often on a server), and
  the report needs none of them. Every relationship with ``TargetMode="External"`` goes,
  except ordinary hyperlinks (a click, never a fetch): an attached template on a web
  server is the known remote-template-injection and tracking trick, and a linked picture
  or frame is fetched whenever the report is opened.

Whatever refers to a relationship that is removed (the ``w:object`` holding an OLE
object, the ``w:attachedTemplate`` setting) is removed with it, so no reference is left
dangling. Parts no relationship reaches any more are not saved (python-docx writes the
parts it can reach), and the content-types list is rebuilt from the parts that remain.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..errors import UserError
from .docx_xml import R_NS, W

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

#: Words in part names, content types and relationship types that mean macros.
_MACRO_WORDS = ("vbaproject", "vbadata", "macroenabled", "keymapcustomizations", "attachedtoolbars")
_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")

_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_O_RELID = "{urn:schemas-microsoft-com:office:office}relid"
#: What holds a reference and goes with it (else the referring element itself goes).
_HOLDERS = {f"{W}{t}" for t in ("object", "pict", "drawing", "altChunk", "subDoc", "mailMerge")}
_CLICKS = {"hyperlink", "hlinkClick", "hlinkHover", "hlinkMouseOver"}


def _xml(data: bytes) -> Any:
    """Parse a part without entities, DTDs or network access (hostile input)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def _macro_word(text: str) -> bool:
    low = text.lower()
    return any(word in low for word in _MACRO_WORDS)


def find_macros(zf: zipfile.ZipFile, name: str) -> str | None:
    """Where the template holds macros (a part, content type or relationship), or None.

    Looks at every part name, ``[Content_Types].xml`` and every ``*.rels`` part, whether or
    not anything refers to them. A part that cannot be read as XML is refused as damaged.
    """
    from lxml import etree

    names = [i.filename for i in zf.infolist()]
    for part in names:
        if part.replace("\\", "/").rsplit("/", 1)[-1].lower() in _MACRO_PARTS:
            return part
    for part in names:
        low = part.lower()
        if low != "[content_types].xml" and not low.endswith(".rels"):
            continue
        try:
            root = _xml(zf.read(part))
        except etree.XMLSyntaxError as exc:
            reason = " ".join(str(exc).split())
            raise UserError(
                f"template {name} is damaged: {part} is not readable ({reason})"
            ) from exc
        for item in root.iter():
            for key in ("ContentType", "Type"):
                value = str(item.get(key) or "")
                if _macro_word(value):
                    return f"{part}: {value}"
    return None


def strip_active_content(doc: DocxDocument) -> list[str]:
    """Remove ActiveX, embedded objects and external links (but hyperlinks) from ``doc``.

    Returns what was left out, in words (empty when nothing was), for a note to the user.
    """
    package = doc.part.package
    left_out: Counter[str] = Counter()
    remote: list[str] = []
    gone: list[Any] = []  # parts only a removed relationship reached: not looked into
    for owner in [package, *package.iter_parts()]:
        if any(owner is part for part in gone):
            continue
        root = _root(owner)
        changed = False
        for rid, rel in list(owner.rels.items()):
            kind = _unsafe(rel, root, rid)
            if kind is None:
                continue
            del owner.rels[rid]
            owner.rels.related_parts.pop(rid, None)
            if root is not None:
                changed = _drop_references(root, rid) or changed
            left_out[kind] += 1
            if not rel.is_external:
                gone.append(rel.target_part)
            if kind == "remote link":
                remote.append(str(rel.target_ref))
        if changed and not hasattr(owner, "element"):
            # A part python-docx keeps as bytes (a chart, footnotes): write the edit back.
            owner._blob = _serialise(root)
    if not left_out:
        return []
    words = [f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in sorted(left_out.items())]
    shown = ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]
    if remote:
        first = remote[0] if len(remote[0]) <= 60 else remote[0][:59] + "…"
        shown += f" (such as {first})"
    return [f"left out {shown}; a report never carries them"]


def _unsafe(rel: Any, root: Any, rid: str) -> str | None:
    """What kind of active content a relationship is, or None when it is harmless."""
    reltype = str(rel.reltype)
    if rel.is_external:
        if reltype == _HYPERLINK and _only_clicked(root, rid):
            return None
        return "remote link"
    target = rel.target_part
    partname = str(target.partname).lower()
    content_type = str(target.content_type).lower()
    low = reltype.lower()
    if (
        partname.startswith("/word/activex/")
        or "activex" in content_type
        or low.endswith(("/control", "/activexcontrolbinary"))
    ):
        return "ActiveX control"
    if (
        partname.startswith("/word/embeddings/")
        or "oleobject" in content_type
        or low.endswith(("/oleobject", "/package", "/afchunk"))
    ):
        return "embedded object"
    if _macro_word(partname) or _macro_word(content_type) or _macro_word(low):
        return "macro part"  # refused by find_macros already; never carried all the same
    return None


def _root(owner: Any) -> Any:
    """The XML of a part, to remove references from (None: the package, or not XML)."""
    element = getattr(owner, "element", None)
    if element is not None:
        return element
    content_type = str(getattr(owner, "content_type", ""))
    if not content_type.endswith("xml") or not owner.rels:
        return None
    try:
        return _xml(owner.blob)
    except Exception:  # a damaged part: its references cannot dangle any worse
        return None


def _serialise(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _references(root: Any, rid: str) -> list[Any]:
    found = []
    for element in root.iter():
        for key, value in element.attrib.items():
            if value == rid and (key.startswith(f"{{{R_NS}}}") or key == _O_RELID):
                found.append(element)
                break
    return found


def _only_clicked(root: Any, rid: str) -> bool:
    """A hyperlink relationship used only by links (never by a picture or an object)."""
    if root is None:
        return True
    return all(str(el.tag).rsplit("}", 1)[-1] in _CLICKS for el in _references(root, rid))


def _drop_references(root: Any, rid: str) -> bool:
    """Remove what refers to ``rid`` (with the object or picture holding it); True if any."""
    found = _references(root, rid)
    for element in found:
        holder = element
        for ancestor in element.iterancestors():
            if ancestor.tag in _HOLDERS:
                holder = ancestor
                break
        parent = holder.getparent()
        if parent is not None and parent.tag in (f"{_MC}Choice", f"{_MC}Fallback"):
            holder = parent.getparent()  # the whole mc:AlternateContent goes
            parent = holder.getparent() if holder is not None else None
        if holder is not None and parent is not None:
            parent.remove(holder)
    return bool(found)
