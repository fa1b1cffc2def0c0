"""The Markdown renderer: the same :class:`~.model.Report` as plain text.

Same headings, same order, same words as the Word document (a test compares the
two). The title, author and language go in a YAML header, where pandoc and most
Markdown tools look for them; the contents is a plain list of the top-level
headings (Markdown has no page numbers). Text is escaped so that nothing an
inspector typed can turn into Markdown markup.

Control characters are left out (:func:`~tenant_inspect.plain_text.clean`), as the
Word renderer leaves them out: stored text may hold ESC sequences or bidi overrides
(older versions stored what a bundle carried), and a Markdown file is often read in a
terminal, where they would clear the screen or make a line read differently.
"""

from __future__ import annotations

import base64
import re

from ..plain_text import clean
from . import model as rm

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])", re.MULTILINE)
_INVALID = re.compile("[\ufffe\uffff\ud800-\udfff]")


def escape(text: str) -> str:
    """Escape Markdown markup; newlines become hard line breaks."""
    text = clean(_INVALID.sub("", text).replace("\r\n", "\n").replace("\r", "\n"))
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return text.replace("\n", "\\\n")


def _inline(text: str) -> str:
    """Escaped text on one line (table cells, list items, headings)."""
    return escape(" ".join(text.split()))


def _strong(text: str) -> str:
    text = text.strip()
    return f"**{escape(text)}**" if text else ""


def _yaml(text: str) -> str:
    text = clean(_INVALID.sub("", text), multiline=False)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_markdown(report: rm.Report) -> str:
    out: list[str] = [
        "---",
        f"title: {_yaml(report.title)}",
        f"subtitle: {_yaml(report.subtitle)}",
        f"author: {_yaml(report.author)}",
        f"lang: {report.language}",
        "---",
        "",
    ]
    headings = report.headings()
    for block in report.blocks:
        if isinstance(block, rm.Heading):
            out += ["#" * min(max(block.level, 1), 6) + " " + _inline(block.text), ""]
        elif isinstance(block, rm.Paragraph):
            lead = _strong(block.lead)
            text = _strong(block.text) if block.bold else escape(block.text.strip())
            out += [(lead + " " + text).strip() if lead else text, ""]
        elif isinstance(block, rm.Fields):
            lines = [f"{_strong(label)} {_inline(value)}".strip() for label, value in block.items]
            out += ["\\\n".join(lines), ""]
        elif isinstance(block, rm.Bullets):
            for i, item in enumerate(block.items):
                lead = _strong(block.leads[i]) if i < len(block.leads) else ""
                out.append("- " + (f"{lead} {_inline(item)}" if lead else _inline(item)).strip())
            out.append("")
        elif isinstance(block, rm.Table):
            out.append("| " + " | ".join(_inline(h) for h in block.header) + " |")
            out.append("|" + "|".join("---" for _ in block.header) + "|")
            for row in block.rows:
                cells = list(row) + [""] * (len(block.header) - len(row))
                out.append("| " + " | ".join(_inline(c) for c in cells) + " |")
            out.append("")
        elif isinstance(block, rm.Title | rm.Subtitle):
            pass  # in the YAML header
        elif isinstance(block, rm.Contents):
            out += [_strong(block.title), ""]
            out += [f"- {_inline(h.text)}" for h in headings if h.level <= block.levels]
            out.append("")
        elif isinstance(block, rm.Image):
            # The picture travels inside the file (a data URI), so the Markdown stays one
            # file; pandoc and most viewers show it, and the alt text stands in elsewhere.
            data = base64.b64encode(block.png).decode("ascii")
            out += [f"![{_inline(block.alt)}](data:image/png;base64,{data})", ""]
        elif isinstance(block, rm.PageBreak):
            pass
    return "\n".join(out).rstrip("\n") + "\n"
