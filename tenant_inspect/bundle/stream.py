"""Reading a ``data/<table>.json`` member one row at a time, never the whole array at once.

A data member is a JSON array of row objects. Parsing it whole would turn every row into
Python objects before anything could be counted, so a small zip that expands to hundreds of
thousands of rows would cost gigabytes. Here the member is decoded in pieces and each row
is parsed on its own with the standard library's C scanner: the caller counts rows as they
come (and stops at the limit), and memory holds one piece of text and the rows not yet
handed on. A row longer than ``max_row_chars`` is refused before it is parsed, which also
bounds the piece of text held.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, NoReturn, Protocol

_WS = re.compile(r"[ \t\n\r]*")
_PIECE = 1 << 20  # bytes read from the zip decoder at a time


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


#: The C scanner behind ``json.loads``: parses one value at an index, returns it and its end.
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(  # type: ignore[attr-defined]
    parse_constant=_no_constant
).scan_once


class Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


class RowStream:
    """The values of one JSON array, parsed one by one from a binary stream.

    Iterating yields ``(value, chars)``: each element and the length of its text.
    ``refuse`` is called (and must raise) with a reason on the first problem.
    """

    def __init__(
        self,
        fh: Readable,
        name: str,
        refuse: Callable[[str], NoReturn],
        max_row_chars: int,
    ) -> None:
        self._fh = fh
        self._name = name
        self._refuse = refuse
        self._max_row = max_row_chars
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._buf = ""
        self._pos = 0
        self._eof = False
        self.rows = 0

    def _fill(self, at_least: int = 0) -> None:
        """Read more text after what is left of the buffer (at least doubling it)."""
        if self._eof:
            return
        try:
            data = self._fh.read(max(at_least, _PIECE))
            text = self._decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            self._refuse(f"{self._name} is not UTF-8 text")
        if not data:
            self._eof = True
        self._buf = self._buf[self._pos :] + text
        self._pos = 0

    def _skip_space(self) -> str:
        """The next character that is not white space ("" at the end of the member)."""
        if self._pos < len(self._buf) and self._buf[self._pos] not in " \t\n\r":
            return self._buf[self._pos]  # (files tenant-inspect writes have no spaces)
        while True:
            match = _WS.match(self._buf, self._pos)
            assert match is not None
            self._pos = match.end()
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if self._eof:
                return ""
            self._fill()

    def _invalid(self, reason: str) -> NoReturn:
        self._refuse(f"{self._name} is not valid JSON ({reason})")

    def __iter__(self) -> Iterator[tuple[Any, int]]:
        if self._skip_space() != "[":
            self._refuse(f"{self._name} must be a JSON array of rows")
        self._pos += 1
        while True:
            char = self._skip_space()
            if char == "]":
                self._pos += 1
                break
            if self.rows:
                if char != ",":
                    self._invalid("expecting ',' or ']' after a row" if char else "it ends early")
                self._pos += 1
                if self._skip_space() in ("]", ""):
                    self._invalid("expecting a row after ','")
            value, self._pos, chars = self._value()
            self.rows += 1
            yield value, chars
        if self._skip_space() != "":
            self._invalid("more text after the array")

    def _value(self) -> tuple[Any, int, int]:
        """Parse the value at the current position, reading more text until it is whole.

        Returns the value, where it ends and its length in characters.
        """
        while True:
            pending = len(self._buf) - self._pos
            near_end = len(self._buf) - 8
            try:
                value, end = _SCAN(self._buf, self._pos)
            except StopIteration as stop:  # no value where one must start
                if self._eof or stop.value < near_end:
                    self._invalid("expecting a value")
            except json.JSONDecodeError as exc:
                cut = exc.pos >= near_end or exc.msg.startswith("Unterminated")
                if self._eof or not cut:
                    self._invalid(exc.msg)
            except (ValueError, RecursionError) as exc:
                self._invalid(str(exc) or type(exc).__name__)
            else:
                # A number or word at the very end of the text read so far may go on.
                if end < len(self._buf) or self._eof or self._buf[end - 1] in '}]"':
                    if end - self._pos > self._max_row:
                        self._too_long()
                    return value, end, end - self._pos
            if pending > self._max_row:  # all that text, and the row is not whole yet
                self._too_long()
            self._fill(pending)

    def _too_long(self) -> NoReturn:
        self._refuse(
            f"{self._name}, row {self.rows + 1} is longer than {self._max_row:,} characters"
        )
