"""Templates for the Word report: checking an organisation's .docx and opening it.

A template is untrusted input (a zip could be a "zip bomb", or not a Word file at all), so
it is checked before a report is built, with a message a coordinator can act on. Macros
are refused and other active content is left out (:mod:`.docx_active`).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserError
from .docx_active import find_macros, strip_active_content
from .docx_xml import W

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


#: Styles an organisation's template must define (the others are added if missing).
REQUIRED_STYLES = ("Normal", "heading 1", "heading 2", "heading 3")


#: Limits for a template file (it is untrusted input: a zip could be a "zip bomb").
MAX_TEMPLATE_ENTRIES = 2000
MAX_TEMPLATE_BYTES = 200 * 1024 * 1024
MAX_TEMPLATE_RATIO = 200


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
            macros = find_macros(zf, name)
    except zipfile.BadZipFile as exc:
        raise UserError(f"template {name} is a damaged zip file ({exc})") from exc
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError) as exc:
        # A part that does not unpack (bad deflate data, unsupported or encrypted entry).
        raise UserError(f"template {name} is a damaged zip file ({exc})") from exc
    if macros is not None:
        raise UserError(
            f"template {name} holds macros ({macros}); open it in Word and save it as a "
            "Word Document (.docx), which leaves them out, then use that"
        )
    if "wordprocessingml.template.main+xml" in types:
        raise UserError(
            f"template {name} is a Word template (.dotx); open it in Word and save it as a "
            "Word document (.docx), then use that"
        )
    if "wordprocessingml.document.main+xml" not in types:
        raise UserError(f"template {name} is not a Word document (.docx)")


def open_docx(template: Path | None, notes: list[str] | None = None) -> DocxDocument:
    """The house document, or a checked template with its active content left out.

    What was left out (ActiveX controls, embedded objects, remote links; see
    :mod:`.docx_active`) is added to ``notes`` as one line naming the template.
    """
    import docx

    if template is None:
        return docx.Document()
    check_template(template)
    try:
        doc = docx.Document(str(template))
        styles = doc.styles.element  # a damaged document can open without usable styles
        _check_part_kinds(doc)
        left_out = strip_active_content(doc)
    except Exception as exc:  # python-docx raises many kinds on a damaged file
        reason = " ".join(str(exc).split())  # lxml's messages run over several lines
        raise UserError(
            f"template {template} cannot be read as a Word document ({reason})"
        ) from exc
    if notes is not None:
        notes.extend(f"template {template}: {note}" for note in left_out)
    names = {style_name(s).casefold() for s in styles.iterchildren(f"{W}style")}
    missing = [n for n in REQUIRED_STYLES if n.casefold() not in names]
    if missing:
        pretty = ", ".join(f"'{n[0].upper() + n[1:]}'" for n in missing)
        raise UserError(
            f"template {template} has no {pretty} style; in Word, apply "
            f"{'that style' if len(missing) == 1 else 'those styles'} once (you may delete the "
            "text again), save the document and try again"
        )
    return doc


def _check_part_kinds(doc: DocxDocument) -> None:
    """Headers, footers, settings and numbering must be parts python-docx can edit.

    A damaged content-types list can leave, say, the header as an untyped part: python-docx
    opens it, and the report would then fail half-way through writing.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    edited = (RT.HEADER, RT.FOOTER, RT.SETTINGS, RT.NUMBERING, RT.STYLES)
    for rel in doc.part.rels.values():
        if rel.reltype in edited and not rel.is_external:
            part = rel.target_part
            if getattr(part, "element", None) is None:
                raise ValueError(
                    f"{part.partname} is not a usable {rel.reltype.rsplit('/', 1)[-1]} part"
                )


def style_name(style: Any) -> str:
    name = style.find(f"{W}name")
    return str(name.get(f"{W}val")) if name is not None else ""
