"""Control characters from files never reach the store, a terminal or a Markdown file."""

from __future__ import annotations

from tenant_inspect.plain_text import clean, has_controls, printable


def test_escape_sequences_lose_their_escape() -> None:
    hostile = "Repairs\x1b]0;pwned\x07\x1b[2J review"
    assert clean(hostile, multiline=False) == "Repairs]0;pwned[2J review"
    assert not has_controls(clean(hostile))


def test_newlines_survive_only_where_allowed() -> None:
    assert clean("one\r\ntwo\tthree") == "one\ntwo\tthree"
    assert clean("one\r\ntwo\tthree", multiline=False) == "one two three"


def test_bidi_overrides_are_removed() -> None:
    assert clean("abc\u202edcba") == "abcdcba"


def test_printable_shows_what_was_hidden() -> None:
    assert printable("a\x1b[2Jb\nc") == "a\\x1b[2Jb\nc"
    assert printable("plain") == "plain"
