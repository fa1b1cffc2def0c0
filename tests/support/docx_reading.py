"""Reading a produced .docx back: the parts of its zip, its runs, their effective size and italics.

Shared by the tests of every Word document the app writes (the inspection report, the
progress report), which check the file itself, never the renderer's intentions.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
TRUE = {"1", "true", "on"}


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def xml_part(path: Path, name: str) -> Any:
    return etree.fromstring(parts(path)[name])


class Styles:
    """Effective run size and italics: the run, then its paragraph's style chain, then defaults."""

    def __init__(self, root: Any) -> None:
        self.by_id = {s.get(f"{W}styleId"): s for s in root.findall(f"{W}style")}
        self.default_para = next(
            s.get(f"{W}styleId")
            for s in root.findall(f"{W}style")
            if s.get(f"{W}type") == "paragraph" and s.get(f"{W}default") in TRUE
        )
        self.defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")

    def _chain(self, style_id: str | None) -> Iterator[Any]:
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style.find(f"{W}rPr")
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None

    def _lookup(self, run: Any, para: Any, tag: str) -> Any:
        sources = [run.find(f"{W}rPr")]
        rstyle = run.find(f"{W}rPr/{W}rStyle")
        if rstyle is not None:
            sources += list(self._chain(rstyle.get(f"{W}val")))
        pstyle = para.find(f"{W}pPr/{W}pStyle")
        sources += list(
            self._chain(pstyle.get(f"{W}val") if pstyle is not None else self.default_para)
        )
        sources.append(self.defaults)
        for rpr in sources:
            if rpr is not None and rpr.find(f"{W}{tag}") is not None:
                return rpr.find(f"{W}{tag}")
        return None

    def size(self, run: Any, para: Any) -> float:
        el = self._lookup(run, para, "sz")
        return int(el.get(f"{W}val")) / 2 if el is not None else 10.0

    def italic(self, run: Any, para: Any) -> bool:
        el = self._lookup(run, para, "i")
        return el is not None and (el.get(f"{W}val") or "1").lower() in TRUE


def text_runs(path: Path) -> Iterator[tuple[str, Any, Any]]:
    """(part name, run, paragraph) for every run with text in body, headers and footers."""
    for name, data in parts(path).items():
        if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
            root = etree.fromstring(data)
            for para in root.iter(f"{W}p"):
                for run in para.iter(f"{W}r"):
                    if "".join(t.text or "" for t in run.iter(f"{W}t")).strip():
                        yield name, run, para


def small_or_italic_runs(path: Path, minimum_pt: float) -> tuple[int, list[tuple[str, str]]]:
    """(runs with text, [(part, text) of each run below ``minimum_pt`` or in italics]).

    The effective size and italics of every run of text in the body, headers and footers,
    resolved as Word does: what the report's type-size rules are checked on.
    """
    styles = Styles(xml_part(path, "word/styles.xml"))
    count, bad = 0, []
    for name, run, para in text_runs(path):
        count += 1
        if styles.size(run, para) < minimum_pt or styles.italic(run, para):
            bad.append((name, "".join(t.text or "" for t in run.iter(f"{W}t"))))
    return count, bad
