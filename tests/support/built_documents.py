"""Word and PDF documents built for check-document's tests, with the texts they hold.

Shared by the unit tests of the figures and the end-to-end tests of the command.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

PLAIN = "Tenants can ask for a repair by phone, online or at the office in the town centre."
ITALIC = "Our promise is that we will always listen to you and act on what you tell us."
SHARED = (
    "Every tenant has the right to be consulted before we change the way a service is "
    "delivered, and we will write to you at least four weeks before any change happens."
)
ACCESSIBLE = (
    "Published 14 June 2021. This leaflet is available in large print, Braille and other "
    "languages. Reviewed 01/03/2020 and due again in 2019-05-02 terms."
)


def build_a(path: Path) -> Path:
    """Undated, no headings, 10 pt italic passages in an ornate font."""
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(12)
    for _ in range(3):
        d.add_paragraph(PLAIN)
        run = d.add_paragraph().add_run(ITALIC)
        run.italic = True
        run.font.size = Pt(10)
        run.font.name = "Brush Script MT"
    d.save(str(path))
    return path


def build_b(path: Path, extra: str = "") -> Path:
    """Dated, 12 pt throughout, headings, other formats offered."""
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(12)
    for style in ("Heading 1", "Heading 2"):
        d.styles[style].font.size = Pt(16)
    d.add_heading("Getting a repair", 1)
    d.add_paragraph(ACCESSIBLE)
    d.add_heading("How to ask", 2)
    d.add_paragraph(PLAIN)
    if extra:
        d.add_paragraph(extra)
    d.save(str(path))
    return path


def locked_pdf(path: Path) -> Path:
    """A PDF locked with a password (standard security handler; the empty password fails)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    ids = b"<" + b"33" * 16 + b">"
    out += b"trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [" + ids + b" " + ids + b"] >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path
