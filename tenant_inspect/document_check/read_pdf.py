"""Reading a PDF: every character's size, font and slant, its lines, paragraphs and headings.

pdfplumber gives each character with its ``fontname`` and ``size``; a PDF has no styles,
so italics are read from the font's name ("Italic" or "Oblique", as font makers name
them), paragraphs from the gaps between lines, and headings from lines clearly larger
than the body text (the size most characters have). A PDF that is locked with a password
or holds only pictures (a scan) is refused with one line: nothing in it can be measured.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from .model import DocumentProblem, ReadDocument, Span

#: How much larger than the body text a short line must be to count as a heading.
HEADING_RATIO = 1.2
#: A heading is short: a line of more words is emphasised text, not a heading.
HEADING_MAX_WORDS = 15
_SLANTED = ("italic", "oblique")


def _italic(fontname: str) -> bool:
    folded = fontname.casefold()
    return any(word in folded for word in _SLANTED)


def _font(fontname: str) -> str:
    """The font's name without a subset tag (``ABCDEF+Arial-ItalicMT`` → ``Arial-ItalicMT``)."""
    return fontname.split("+", 1)[1] if "+" in fontname[:7] else fontname


def _spans(chars: list[dict[str, Any]]) -> list[Span]:
    """Neighbouring characters of the same size, font and slant, as one span each."""
    spans: list[Span] = []
    text: list[str] = []
    key: tuple[float, str] | None = None
    for ch in chars:
        this = (round(float(ch.get("size", 0.0)), 1), str(ch.get("fontname", "")))
        if key is not None and this != key:
            spans.append(Span("".join(text), key[0], _italic(key[1]), _font(key[1])))
            text = []
        key = this
        text.append(str(ch.get("text", "")))
    if key is not None:
        spans.append(Span("".join(text), key[0], _italic(key[1]), _font(key[1])))
    return spans


def _open_problem(path: Path, exc: Exception) -> DocumentProblem:
    from pdfminer.pdfdocument import PDFEncryptionError

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(inner, PDFEncryptionError) or isinstance(exc, PDFEncryptionError):
        return DocumentProblem(
            f"{path}: this PDF is locked with a password; ask for an unlocked copy"
        )
    return DocumentProblem(f"{path}: cannot be read as a PDF (damaged, or not really a PDF)")


def read_pdf(path: Path) -> ReadDocument:
    """The text of every page, line by line; refuses a locked PDF or one with no text."""
    import pdfplumber  # lazily: pdfminer is large

    lines: list[tuple[int, dict[str, Any]]] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for number, page in enumerate(pdf.pages):
                for line in page.extract_text_lines(return_chars=True, strip=True):
                    lines.append((number, line))
    except Exception as exc:  # pdfminer raises many kinds for a damaged or locked file
        raise _open_problem(path, exc) from None
    spans_by_line = [
        _spans([c for c in line["chars"] if c.get("text", "").strip()]) for _, line in lines
    ]
    if not any(s.text.strip() for spans in spans_by_line for s in spans):
        raise DocumentProblem(
            f"{path}: this PDF has no text in it (only pictures, such as a scan), so it "
            "cannot be checked; ask for a copy with text"
        )
    sizes: Counter[float] = Counter()
    for spans in spans_by_line:
        for span in spans:
            sizes[span.size] += len(span.text)
    body = sizes.most_common(1)[0][0]
    paragraphs: list[str] = []
    current: list[str] = []
    headings = False
    previous: tuple[int, dict[str, Any], float] | None = None
    for (page_no, line), spans in zip(lines, spans_by_line, strict=True):
        size = max((s.size for s in spans), default=body)
        text = str(line["text"]).strip()
        heading = size >= body * HEADING_RATIO and len(text.split()) <= HEADING_MAX_WORDS
        headings = headings or heading
        if previous is not None:
            p_page, p_line, p_size = previous
            gap = float(line["top"]) - float(p_line["bottom"])
            if page_no != p_page or abs(size - p_size) > 1 or gap > 0.5 * p_size or heading:
                paragraphs.append(" ".join(current))
                current = []
        current.append(text)
        previous = (page_no, line, size)
        if heading:
            paragraphs.append(" ".join(current))
            current = []
            previous = None
    if current:
        paragraphs.append(" ".join(current))
    spans_all = tuple(s for spans in spans_by_line for s in spans)
    return ReadDocument(path.name, spans_all, tuple(p for p in paragraphs if p), headings)
