"""The words of a text as :mod:`.name_matching` sees them: positioned, folded tokens.

Kept apart from the matcher so that what counts as "the same word" (:func:`fold`) and
where a word starts and ends (:data:`TOKEN`) are defined once, and can be read on their
own. Folding results are cached, because the same few thousand words make up most of a
report.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

TITLES = frozenset(("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "cllr"))
APOS = "'’‘`ʼ"
_INVISIBLE = "\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u180e"
_WORD = rf"[\w\u0300-\u036f{_INVISIBLE}]"
# A word: letters (with combining marks and invisible characters inside), joined by
# apostrophes or by a hyphen at a line break.
TOKEN = re.compile(rf"(?:{_WORD})+(?:(?:[{APOS}]|-[ \t]*\r?\n[ \t]*)(?:{_WORD})+)*[{APOS}]?")
# Between two tokens of one name: spaces or a line break, at most one dot or hyphen.
_GAP = re.compile(r"\s*[.\-‐‑]?\s*")
_POSSESSIVE = re.compile(rf"[{APOS}][sS]?$")
_SENTENCE_END = ".!?:\n•–—*#>|"
_SPELT_OUT = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"}
)
_DROP = frozenset(APOS + "-‐‑")


def fold(text: str) -> str:
    """The comparison key of a word or name: no case, accents, apostrophes, hyphens or spaces."""
    if text.isascii() and text.isalpha():
        return text.lower()
    key = _FOLDED.get(text)
    if key is None:
        if len(_FOLDED) > 100_000:  # a bound, for long-lived processes such as the TUI
            _FOLDED.clear()
        key = _FOLDED[text] = _fold(text)
    return key


_FOLDED: dict[str, str] = {}


def _fold(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if ch in _DROP or ch.isspace() or unicodedata.combining(ch):
            continue
        if unicodedata.category(ch) == "Cf":
            continue
        out.append(ch)
    return "".join(out).casefold().translate(_SPELT_OUT)


def name_parts(name: str) -> list[str]:
    """The whitespace-separated parts of a name, without commas."""
    return [p for p in re.split(r"[\s,]+", name.strip()) if p]


class Token(NamedTuple):
    """One word: where it starts, where the name in it ends (before a possessive) and
    where the word ends; as written, and folded."""

    start: int
    end: int  # end of the name itself, before any possessive
    after: int  # end including the possessive
    raw: str
    key: str


def base(raw: str) -> str:
    """A word without its possessive ending ("Sutton's" -> "Sutton")."""
    possessive = _POSSESSIVE.search(raw)
    return raw[: possessive.start()] if possessive and possessive.start() else raw


def key_of(raw: str) -> str:
    """The folded key of a word as written, possessive removed (cached: words repeat)."""
    key = _KEYS.get(raw)
    if key is None:
        if len(_KEYS) > 100_000:
            _KEYS.clear()
        key = _KEYS[raw] = fold(base(raw))
    return key


_KEYS: dict[str, str] = {}


def make_token(match: re.Match[str]) -> Token:
    raw = match.group(0)
    name = base(raw)
    return Token(match.start(), match.start() + len(name), match.end(), name, fold(name))


def joined(tokens: list[Token], i: int, text: str) -> bool:
    """Whether token ``i`` and the next may be parts of one name (only a space or a dot apart)."""
    left, right = tokens[i], tokens[i + 1]
    if left.after != left.end:  # a possessive ends the name
        return False
    gap = text[left.end : right.start]
    return bool(gap) and len(gap) <= 4 and _GAP.fullmatch(gap) is not None


def starts_sentence(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and (text[j] in " \t\"'“‘([" or text[j] in APOS):
        j -= 1
    return j < 0 or text[j] in _SENTENCE_END


def capital_follows(tokens: list[Token], i: int, text: str) -> bool:
    if i + 1 >= len(tokens):
        return False
    gap = text[tokens[i].after : tokens[i + 1].start]
    return bool(gap) and gap.strip(" \t") == "" and tokens[i + 1].raw[0].isupper()


def deletions(key: str) -> set[str]:
    """``key`` and every string one letter shorter: two words within one edit share one."""
    return {key} | {key[:k] + key[k + 1 :] for k in range(len(key))}
