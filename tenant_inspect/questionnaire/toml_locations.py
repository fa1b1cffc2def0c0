"""Line numbers in questionnaire TOML text, found by scanning it.

``tomllib`` returns plain dicts without positions, so this follows the ``[[sections]]`` and
``[[sections.questions]]`` headers in order to build the :class:`~.locations.Locations` the
checker reports lines from. Kept apart from the checker so other readers bring their own.
"""

from __future__ import annotations

import re

from .locations import Block, Locations

_HEADER_RE = re.compile(r"""^\s*(\[\[|\[)\s*([A-Za-z0-9_.\-"' ]+?)\s*(\]\]|\])\s*(?:#.*)?$""")
_KEY_RE = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]""")


class TomlLocations(Locations):
    """Line numbers for tables and keys, found by scanning the text.

    ``tomllib`` returns plain dicts without positions, so this follows the ``[[sections]]``
    and ``[[sections.questions]]`` headers in order: the n-th header is the n-th table in the
    parsed data. It is deliberately simple (no full TOML parser): when the file is written in
    an unusual style the checker falls back to searching for ``id = "..."`` lines, and failing
    that reports a problem without a line.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        current: Block | None = self.top
        open_string: str | None = None
        for n, line in enumerate(text.splitlines(), start=1):
            if open_string is not None:
                if line.count(open_string) % 2 == 1:
                    open_string = None
                continue
            header = _HEADER_RE.match(line)
            if header:
                name = re.sub(r"[\s\"']", "", header.group(2))
                current = self._header(name, header.group(1) == "[[", n)
                continue
            key = _KEY_RE.match(line)
            if key and current is not None:
                current.keys.setdefault(key.group(1).strip("\"'"), n)
            for delim in ('"""', "'''"):
                if line.count(delim) % 2 == 1:
                    open_string = delim
                    break

    def _header(self, name: str, array: bool, n: int) -> Block | None:
        """Record a table header; return the block its keys belong to (None: not tracked)."""
        if array and name == "sections":
            self.sections.append(Block(n))
            self.questions.append([])
            return self.sections[-1]
        if array and name == "sections.questions" and self.sections:
            self.questions[-1].append(Block(n))
            return self.questions[-1][-1]
        parts = name.split(".")
        if parts[:2] == ["sections", "questions"] and len(parts) > 2 and self.questions:
            if self.questions[-1]:
                self.questions[-1][-1].keys.setdefault(parts[2], n)
        elif parts[0] == "sections" and len(parts) > 1 and self.sections:
            self.sections[-1].keys.setdefault(parts[1], n)
        else:
            self.top.keys.setdefault(parts[0], n)
        return None

    def find_question(self, qid: str, occurrence: int) -> Block:
        """The question's ``id = "..."`` line, by order of appearance."""
        lines = _id_lines(self.text, qid)
        if occurrence < len(lines):
            return Block(lines[occurrence], {"id": lines[occurrence]})
        return Block()


def _id_lines(text: str, qid: str) -> list[int]:
    """Lines that set ``id = "<qid>"`` (fallback when headers could not be matched)."""
    pattern = re.compile(r"""(?<![\w-])id\s*=\s*(["'])""" + re.escape(qid) + r"\1")
    return [n for n, line in enumerate(text.splitlines(), start=1) if pattern.search(line)]
