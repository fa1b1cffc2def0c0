"""Guards for questionnaire text that came from outside: how deep it nests, what it holds.

Questionnaire files arrive on USB sticks and inside kits and return files, so they are
untrusted. Two things a checker of *settings* cannot see are handled here:

* **Nesting.** ``tomllib`` parses nested lists and inline tables recursively, so a file of a
  thousand ``[`` crashes it with a ``RecursionError`` (and anything walking the result
  recursively would crash the same way). A questionnaire nests three or four deep, so
  :func:`nesting_problem` scans the text for brackets and braces outside strings and
  comments *before* it is parsed, and :func:`clean_data` refuses parsed data nested deeper
  than :data:`MAX_NESTING` (dotted keys such as ``a.b.c = 1`` nest tables without
  brackets) without ever recursing further than that.
* **Control characters.** ESC/OSC sequences and bidi overrides in a title or a question
  would reach the terminal (and reports) when shown. They are *removed* from every text
  value, not refused: kits and inspections keep a questionnaire's exact text (its sha256
  identifies it), and older versions of tenant-inspect may have stored such a text, so a
  refusal would make those inspections' questionnaires unreadable, whereas removing
  characters nobody can see changes nothing an inspector reads. Ids are the exception:
  answers are stored against them, so they are never altered, and an id holding a control
  character is refused by the id rule.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..plain_text import clean

#: Deeper than any questionnaire needs (they nest 3-4 deep), far below Python's
#: recursion limit.
MAX_NESTING = 50

TOO_DEEP = (
    f"The file nests lists or tables more than {MAX_NESTING} deep; a questionnaire never "
    "needs that. Check you chose the right file."
)

#: Settings whose text may run over several lines (tabs and newlines kept).
MULTILINE_KEYS = frozenset({"description", "intro", "hint", "text"})

#: Settings never altered: ids (and show_if's reference to one) must be exact.
EXACT_KEYS = frozenset({"id", "question"})

_TOKEN = re.compile(r"\"\"\"|'''|[\"'#\[\]{}]")
_BASIC = re.compile(r'(?:[^"\\\n]|\\.)*"')
_MULTILINE_BASIC = re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL)


def nesting_problem(text: str) -> int | None:
    """The line where brackets and braces nest deeper than :data:`MAX_NESTING`, or None.

    A cheap scan that knows just enough TOML to skip strings (all four kinds, with escapes)
    and comments; anything it cannot make sense of (a string never closed) is left for
    ``tomllib`` to report. Table headers count too (``[[sections]]`` is two deep).
    """
    depth = 0
    pos = 0
    while (token := _TOKEN.search(text, pos)) is not None:
        kind = token.group()
        pos = token.end()
        if kind in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return text.count("\n", 0, token.start()) + 1
        elif kind in "]}":
            depth = max(0, depth - 1)
        elif kind == "#":
            end = text.find("\n", pos)
            pos = len(text) if end < 0 else end
        else:
            after = _string_end(text, kind, pos)
            if after is None:
                return None
            pos = after
    return None


def _string_end(text: str, opening: str, pos: int) -> int | None:
    """Where the string opened by ``opening`` just before ``pos`` ends (None: never)."""
    if opening == '"':
        m = _BASIC.match(text, pos)
        return m.end() if m else None
    if opening == "'":
        end = text.find("'", pos)
        return None if end < 0 or "\n" in text[pos:end] else end + 1
    if opening == '"""':
        m = _MULTILINE_BASIC.match(text, pos)
        if m is None:
            return None
        end = m.end()
    else:
        found = text.find("'''", pos)
        if found < 0:
            return None
        end = found + 3
    # Up to two quotes right before the closing three belong to the string (""""" ends it).
    extra = 0
    while extra < 2 and end < len(text) and text[end] == opening[0]:
        end += 1
        extra += 1
    return end


class TooDeep(ValueError):
    """Parsed data nests deeper than :data:`MAX_NESTING`; ``key`` is the top-level setting."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def clean_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of parsed questionnaire data with control characters removed from its texts.

    One-line settings (titles, options, labels ...) also lose newlines and tabs; the texts
    in :data:`MULTILINE_KEYS` keep them; :data:`EXACT_KEYS` are copied unchanged. Raises
    :class:`TooDeep` for data nested deeper than :data:`MAX_NESTING`: the walk never goes
    further, so it cannot run out of stack whatever a reader produced.
    """
    out: dict[str, Any] = {}
    for key, value in data.items():
        try:
            out[key] = _clean(value, key, 1)
        except TooDeep:
            raise TooDeep(key) from None
    return out


def _clean(value: Any, key: str, depth: int) -> Any:
    if isinstance(value, str):
        return value if key in EXACT_KEYS else clean(value, multiline=key in MULTILINE_KEYS)
    if isinstance(value, list | dict) and depth >= MAX_NESTING:
        raise TooDeep(key)
    if isinstance(value, list):
        return [_clean(item, key, depth + 1) for item in value]
    if isinstance(value, dict):
        return {k: _clean(v, k, depth + 1) for k, v in value.items()}
    return value
