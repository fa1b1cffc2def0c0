"""WordprocessingML as text: namespaces, escaping, runs and fields.

The Word renderer writes the body as XML text (see :mod:`.docx` for why); these are the
small pieces every part of it shares, kept free of python-docx so they import instantly.
"""

from __future__ import annotations

import re
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"{{{W_NS}}}"


INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
TRUE_VALUES = {"1", "true", "on"}


def twips(points: float) -> int:
    return round(points * 20)


def xml_text(text: str) -> str:
    text = INVALID_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(text: str) -> str:
    return xml_text(text).replace('"', "&quot;")


def xml_run(text: str, bold: bool) -> str:
    """One run; newlines become line breaks and tabs tabs, inside the same run."""
    if not text:
        return ""
    rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    if "\n" not in text and "\t" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'
    out = [f"<w:r>{rpr}"]
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{xml_text(piece)}</w:t>')
    out.append("</w:r>")
    return "".join(out)


def xml_field(instruction: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{result}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def put_before(parent: Any, anchor: Any | None, element: Any) -> None:
    """Insert ``element`` just before ``anchor``, or at the end of ``parent`` if there is none."""
    if anchor is not None:
        anchor.addprevious(element)
    else:
        parent.append(element)


def replace_child(parent: Any, tag: str, element: Any, index: int | None = None) -> None:
    """Put ``element`` in place of ``parent``'s child ``tag`` (if any): at ``index``, or last."""
    old = parent.find(f"{W}{tag}")
    if old is not None:
        parent.remove(old)
    if index is None:
        parent.append(element)
    else:
        parent.insert(index, element)
