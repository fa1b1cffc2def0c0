"""Reading a Word (.docx) file: each run's effective size, italics and font, and its headings.

A run's look is rarely written on the run itself: it comes from its character style, its
paragraph's style and the styles that one is based on, then the document's defaults. Word
resolves it in that order, and so does :class:`Styles`, so "10 pt italic" here means what
a reader sees, not what one run happens to say. python-docx opens the file (and refuses
what is not one); the resolution is on its XML.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .model import DocumentProblem, ReadDocument, Span

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TRUE = {"1", "true", "on"}
#: Word's size when nothing says otherwise (ECMA-376: 10 pt).
_DEFAULT_SIZE = 10.0


class Styles:
    """A run's effective size, italics and font: the run, its styles' chains, then defaults."""

    def __init__(self, root: Any) -> None:
        styles = root.findall(f"{W}style") if root is not None else []
        self.by_id = {s.get(f"{W}styleId"): s for s in styles}
        self.default_para = next(
            (
                s.get(f"{W}styleId")
                for s in styles
                if s.get(f"{W}type") == "paragraph" and s.get(f"{W}default") in _TRUE
            ),
            None,
        )
        self.defaults = (
            root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr") if root is not None else None
        )

    def chain(self, style_id: str | None) -> Iterator[Any]:
        """A style and those it is based on, nearest first (a loop is stopped)."""
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None

    def _para_style(self, para: Any) -> str | None:
        pstyle = para.find(f"{W}pPr/{W}pStyle")
        return pstyle.get(f"{W}val") if pstyle is not None else self.default_para

    def _lookup(self, run: Any, para: Any, tag: str) -> Any:
        sources = [run.find(f"{W}rPr")]
        rstyle = run.find(f"{W}rPr/{W}rStyle")
        if rstyle is not None:
            sources += [s.find(f"{W}rPr") for s in self.chain(rstyle.get(f"{W}val"))]
        sources += [s.find(f"{W}rPr") for s in self.chain(self._para_style(para))]
        sources.append(self.defaults)
        for rpr in sources:
            if rpr is not None and (el := rpr.find(f"{W}{tag}")) is not None:
                return el
        return None

    def size(self, run: Any, para: Any) -> float:
        el = self._lookup(run, para, "sz")
        try:
            return int(el.get(f"{W}val")) / 2 if el is not None else _DEFAULT_SIZE
        except (TypeError, ValueError):
            return _DEFAULT_SIZE

    def italic(self, run: Any, para: Any) -> bool:
        el = self._lookup(run, para, "i")
        return el is not None and (el.get(f"{W}val") or "1").lower() in _TRUE

    def font(self, run: Any, para: Any) -> str:
        el = self._lookup(run, para, "rFonts")
        if el is None:
            return ""
        return str(el.get(f"{W}ascii") or el.get(f"{W}hAnsi") or "")

    def is_heading(self, para: Any) -> bool:
        """A Heading or Title style (or one based on it), or an outline level."""
        if para.find(f"{W}pPr/{W}outlineLvl") is not None:
            return True
        for style in self.chain(self._para_style(para)):
            name = style.find(f"{W}name")
            words = (name.get(f"{W}val") or "").casefold() if name is not None else ""
            if words.startswith(("heading", "title")):
                return True
            if style.find(f"{W}pPr/{W}outlineLvl") is not None:
                return True
        return False


def read_docx(path: Path) -> ReadDocument:
    """The runs and paragraphs of the body (tables included); refuses a file Word could not open."""
    import docx  # lazily: about 0.1 s

    try:
        document = docx.Document(str(path))
        styles_root = document.styles.element
    except Exception:  # python-docx raises many kinds for a damaged package
        raise DocumentProblem(
            f"{path}: cannot be opened as a Word document (damaged, protected with a "
            "password, or not really .docx)"
        ) from None
    styles = Styles(styles_root)
    spans: list[Span] = []
    paragraphs: list[str] = []
    headings = False
    for para in document.element.body.iter(f"{W}p"):
        texts = []
        for run in para.iter(f"{W}r"):
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            if not text:
                continue
            texts.append(text)
            size, italic = styles.size(run, para), styles.italic(run, para)
            spans.append(Span(text, size, italic, styles.font(run, para)))
        joined = "".join(texts).strip()
        if joined:
            paragraphs.append(joined)
            headings = headings or styles.is_heading(para)
    return ReadDocument(path.name, tuple(spans), tuple(paragraphs), headings)
