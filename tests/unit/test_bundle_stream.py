"""The row-by-row JSON reader behind bundle imports (:mod:`tenant_inspect.bundle.stream`).

It must read exactly what ``json.loads`` reads, wherever the pieces it reads happen to cut
the text (inside a string, a number, a multi-byte character), and refuse what is not a JSON
array with one plain reason.
"""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tenant_inspect.bundle import stream


class Refused(Exception):
    pass


def _refuse(reason: str):
    raise Refused(reason)


def _read(data: bytes, max_row: int = 1_000_000) -> list:
    return [value for value, _ in stream.RowStream(io.BytesIO(data), "x.json", _refuse, max_row)]


rows = st.lists(
    st.dictionaries(
        st.text(max_size=5),
        st.none() | st.booleans() | st.integers() | st.text(max_size=30) | st.lists(st.integers()),
        max_size=4,
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(value=rows, piece=st.integers(1, 64), spaced=st.booleans())
def test_reads_what_json_reads_whatever_the_pieces(value, piece, spaced):
    text = json.dumps(value, ensure_ascii=False, indent=1 if spaced else None)
    original = stream._PIECE
    stream._PIECE = piece
    try:
        assert _read(text.encode("utf-8")) == value
    finally:
        stream._PIECE = original


def test_lengths_are_the_rows_own():
    data = b'[{"a":1},  {"bb":"xyz"}]'
    got = list(stream.RowStream(io.BytesIO(data), "x.json", _refuse, 100))
    assert got == [({"a": 1}, 7), ({"bb": "xyz"}, 12)]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "must be a JSON array"),
        (b"{}", "must be a JSON array"),
        (b"[", "not valid JSON"),
        (b"[1,]", "not valid JSON"),
        (b"[1 2]", "not valid JSON"),
        (b"[1] x", "more text after the array"),
        (b"[NaN]", "not valid JSON"),
        (b"[Infinity]", "not valid JSON"),
        (b"[" * 50_000 + b"]" * 50_000, "not valid JSON"),
        (b"[\xff]", "not UTF-8"),
        (b'["abc', "not valid JSON"),
        (b"[}]", "not valid JSON"),
        (b"[1,,2]", "not valid JSON"),
        (b'[{"a": 1 "b": 2}]', "not valid JSON"),
    ],
)
def test_what_is_refused(data, reason):
    with pytest.raises(Refused, match=reason):
        _read(data)


def test_a_row_too_long_is_refused_without_reading_the_rest(monkeypatch):
    monkeypatch.setattr(stream, "_PIECE", 16)
    reads = []

    class Counting(io.BytesIO):
        def read(self, n=-1):
            reads.append(n)
            return super().read(n)

    data = json.dumps([{"t": "x" * 100}, {"t": "y" * 10_000_000}]).encode()
    rows_seen = []
    with pytest.raises(Refused, match="row 2 is longer than 1,000 characters"):
        for value, _ in stream.RowStream(Counting(data), "x.json", _refuse, 1000):
            rows_seen.append(value)
    assert len(rows_seen) == 1
    assert sum(reads) < 10_000  # stopped long before the end
