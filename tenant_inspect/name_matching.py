"""Finding interviewees' names in free text, however they were typed.

Inspectors type names as people speak and as keyboards allow: "Gary" alone, "SUTTON SAID",
"R. Sutton", "Zoe Bronte" for a stored "Zoë Brontë", text pasted from a Mac in decomposed
Unicode, a soft hyphen or zero-width space inside a name, "Sut-" and "ton" split across a
line, "ONeill" for "O'Neill". Matching the literal stored name misses all of these, so
this module compares *normalised tokens* instead:

* the text is cut into word tokens once (:data:`.name_tokens.TOKEN`); apostrophes, invisible format
  characters and a hyphen at a line break stay inside a token, and a possessive "'s" is
  kept apart so it survives the replacement;
* each token is folded (:func:`.name_tokens.fold`): NFKD, accents and invisible characters removed,
  apostrophes and hyphens dropped, case-folded, a few letters without a decomposition
  (ø, ł, æ …) spelt out;
* every name is folded the same way into parts, initials and its run-together forms
  ("richardsutton"), held in dictionaries, so a scan is one pass over the tokens with a
  dictionary look-up each: linear in the text, whatever the number of names.

What counts as a mention (see :meth:`NameMatcher.scan`):

* a run of adjacent tokens that are all parts or initials of one person's name, with at
  least one whole part ("Richard Sutton", "R. Sutton", "Sutton Richard", "Mr Sutton");
* one token that is a whole name run together ("RichardSutton", "ONeill");
* one part on its own ("Gary", "SUTTON", "Sutton's").

A part on its own is *not* replaced, only reported for review (:class:`Hit` with
``replace=False``), when it could as well be something else:

* it is an ordinary English word (:data:`~.common_words.COMMON_WORDS`: "Young", "Hope",
  "Little", "Marsh") or has two letters or fewer, and it is written in lower case, or is
  followed by another capitalised word ("Marsh Lane Estate"), or starts a sentence while
  the same texts also use it as a word (:meth:`NameMatcher.learn`). Written with a capital
  in mid-sentence ("we asked Hope about it") it is taken for the name;
* it is also part of a team member's name (team members are named in reports), unless a
  title or the rest of the interviewee's name says whose it is.

A team member's whole name is never touched. Capitalised words one letter away from a
part of a name ("Suton", "Devreux") are reported too, as likely misspellings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .common_words import COMMON_WORDS
from .name_tokens import (
    TITLES,
    TOKEN,
    Token,
    capital_follows,
    deletions,
    fold,
    joined,
    key_of,
    make_token,
    name_parts,
    starts_sentence,
)


@dataclass(frozen=True)
class Hit:
    """One mention found in a text: ``text[start:end]`` is the name (possessive excluded).

    ``people`` are the indices of the people it may be; ``replace`` is False when it is only
    worth a look (an ordinary word, a team member's name too, or a likely misspelling), and
    ``reason`` then says why in a few words.
    """

    start: int
    end: int
    people: frozenset[int]
    replace: bool
    reason: str = ""


class NameMatcher:
    """Every interviewee's name as dictionaries of folded tokens; see the module docstring.

    ``names`` are the interviewees' names, in order (a :class:`Hit` refers to them by index);
    ``others`` are names that may appear as written (team members).
    """

    def __init__(self, names: Iterable[str], others: Iterable[str] = ()) -> None:
        self._parts: dict[str, set[int]] = {}  # folded part -> people
        self._initials: dict[str, set[int]] = {}  # folded initial letter -> people
        self._fuzzy: dict[str, set[int]] = {}  # part and its one-letter deletions -> people
        self.count = 0
        for index, name in enumerate(names):
            parts = name_parts(name)
            if not parts:
                continue
            folded_parts = [fold(p) for p in parts]
            for raw, key in zip(parts, folded_parts, strict=True):
                pieces = [fold(x) for x in re.split(r"[-‐‑]", raw) if fold(x)]
                for piece in {key, *pieces}:
                    if piece:
                        self._parts.setdefault(piece, set()).add(index)
                if key:
                    self._initials.setdefault(key[0], set()).add(index)
            for key in folded_parts:
                if len(key) >= 5 and key not in COMMON_WORDS:
                    for variant in deletions(key):
                        self._fuzzy.setdefault(variant, set()).add(index)
        self._team_parts: set[str] = set()
        self._team: dict[str, list[tuple[str, ...]]] = {}
        for other in others:
            keys = tuple(k for k in (fold(p) for p in name_parts(other)) if k)
            if not keys:
                continue
            self._team_parts.update(keys)
            self._team.setdefault(keys[0], []).append(keys)
        self.active = bool(self._parts)
        self._interesting = set(self._parts)
        self._part_lengths = sorted({len(k) for k in self._parts}, reverse=True)
        self._joined_cache: dict[str, frozenset[int] | None] = {}
        self._near: dict[str, frozenset[int] | None] = {}
        self._primed = False
        self._used_as_word: set[str] = set()

    def learn(self, texts: Iterable[str]) -> set[str]:
        """Note which ordinary-word parts of names the texts use as words (in lower case).

        After this, such a part written with a capital at the start of a sentence is taken
        for the name ("Kettle said so") unless the same texts also use it as a word
        ("young people … Young people"), when it is only reported. Without it, every
        sentence-initial one is reported, never replaced.

        Returns the texts that mention nobody at all, so a caller can skip them later: the
        same one look at each word serves both purposes.
        """
        self._primed = True
        wordlike = {k for k in self._parts if k in COMMON_WORDS or len(k) <= 2}
        quiet: set[str] = set()
        for text in texts:
            if not text:
                continue
            mentions = False
            for raw in TOKEN.findall(text):
                key = key_of(raw)
                if key in self._interesting:
                    mentions = True
                    if key in wordlike and raw.islower():
                        self._used_as_word.add(key)
                elif not mentions and self._other_mention(raw, key):
                    mentions = True
            if not mentions:
                quiet.add(text)
        return quiet

    # -- scanning -----------------------------------------------------------------------

    def scan(self, text: str) -> Iterator[Hit]:
        """Every mention in ``text``, left to right, non-overlapping."""
        if not self.active or not text or not self._worth_scanning(text):
            return
        tokens = [make_token(m) for m in TOKEN.finditer(text)]
        i, n = 0, len(tokens)
        while i < n:
            skip = self._team_name_at(tokens, i, text)
            if skip:
                i += skip
                continue
            hit, used = self._mention_at(tokens, i, text)
            if hit is not None:
                yield hit
                i += used
                continue
            near = self._near_miss(tokens[i])
            if near is not None:
                yield near
            i += 1

    def _worth_scanning(self, text: str) -> bool:
        """A quick first look: does any word of ``text`` touch a name at all?

        Most strings of a report mention nobody; this look costs a dictionary look-up per
        word, and only the strings that pass it are cut into positioned tokens.
        """
        interesting = self._interesting
        for raw in TOKEN.findall(text):
            key = key_of(raw)
            if key in interesting or self._other_mention(raw, key):
                return True
        return False

    def _other_mention(self, raw: str, key: str) -> bool:
        """A word that is no part itself but parts run together, or a likely misspelling."""
        if self._joined_people(key) is not None:
            return True
        return raw[0].isupper() and self._near_people(key) is not None

    def _joined_people(self, key: str) -> frozenset[int] | None:
        """Whose name ``key`` is, when it is two or more parts of one name run together
        ("richardsutton", "suttonrichard"); cached per word, so each distinct word of a
        report is cut at most once, trying only the lengths the parts have."""
        if key in self._joined_cache:
            return self._joined_cache[key]
        found: frozenset[int] | None = None
        if len(key) >= 4 and key not in self._parts:
            found = self._segment(key, 0, None, 0)
        self._joined_cache[key] = found
        return found

    def _segment(
        self, key: str, at: int, people: frozenset[int] | None, pieces: int
    ) -> frozenset[int] | None:
        if at == len(key):
            return people if pieces >= 2 else None
        for length in self._part_lengths:
            piece = key[at : at + length]
            if length < 3 or len(piece) != length or piece not in self._parts:
                continue
            shared = (
                frozenset(self._parts[piece]) if people is None else people & self._parts[piece]
            )
            if shared:
                found = self._segment(key, at + length, shared, pieces + 1)
                if found:
                    return found
        return None

    def _near_people(self, key: str) -> frozenset[int] | None:
        """Whose name ``key`` is one letter away from, if anyone's (cached per word)."""
        if key in self._near:
            return self._near[key]
        found: frozenset[int] | None = None
        if len(key) >= 4 and key not in COMMON_WORDS and key not in self._parts and self._fuzzy:
            for variant in deletions(key):
                people = self._fuzzy.get(variant)
                if people:
                    found = frozenset(people)
                    break
        self._near[key] = found
        return found

    def _team_name_at(self, tokens: list[Token], i: int, text: str) -> int:
        for keys in sorted(self._team.get(tokens[i].key, ()), key=len, reverse=True):
            end = i + len(keys)
            if end <= len(tokens) and all(
                tokens[i + k].key == key and (k == 0 or joined(tokens, i + k - 1, text))
                for k, key in enumerate(keys)
            ):
                return len(keys)
        return 0

    def _candidates(self, token: Token, text: str) -> tuple[set[int], bool]:
        """Who a token may belong to, and whether it is a whole part (not an initial)."""
        people = self._parts.get(token.key)
        if people:
            return people, True
        if len(token.raw) == 1 and token.raw.isupper():
            return self._initials.get(token.key, set()), False
        return set(), False

    def _mention_at(self, tokens: list[Token], i: int, text: str) -> tuple[Hit | None, int]:
        first = i
        titled = tokens[i].key in TITLES
        if titled:
            if i + 1 >= len(tokens) or not joined(tokens, i, text):
                return None, 0
            i += 1
        token = tokens[i]
        whole = self._joined_people(token.key)
        if whole:
            return self._hit(tokens[first].start, token.end, whole, True), i - first + 1
        people, is_part = self._candidates(token, text)
        if not people:
            return None, 0
        parts = [token] if is_part else []
        end = i
        while end + 1 < len(tokens) and joined(tokens, end, text):
            more, more_is_part = self._candidates(tokens[end + 1], text)
            shared = people & more
            if not shared:
                break
            people, end = shared, end + 1
            if more_is_part:
                parts.append(tokens[end])
        if not parts:
            return None, 0
        used = end - first + 1
        start, stop = tokens[first].start, tokens[end].end
        if end > i:  # several parts or initials of one name together
            if all(p.key in COMMON_WORDS for p in parts) and not any(
                p.raw[0].isupper() for p in parts
            ):
                return self._hit(start, stop, people, False, "an ordinary word"), used
            return self._hit(start, stop, people, True), used
        key = token.key
        if key in self._team_parts:
            return self._hit(start, stop, people, False, "a team member's name too"), used
        if titled:
            return self._hit(start, stop, people, True), used
        if key in COMMON_WORDS or len(key) <= 2:
            if not token.raw[0].isupper() or capital_follows(tokens, i, text):
                return self._hit(start, stop, people, False, "an ordinary word"), used
            if starts_sentence(text, token.start) and (
                not self._primed or key in self._used_as_word
            ):
                return self._hit(start, stop, people, False, "an ordinary word"), used
        return self._hit(start, stop, people, True), used

    def _near_miss(self, token: Token) -> Hit | None:
        if not token.raw[0].isupper():
            return None
        people = self._near_people(token.key)
        if people is None:
            return None
        return Hit(token.start, token.end, people, False, "a likely misspelling")

    def _hit(
        self,
        start: int,
        end: int,
        people: set[int] | frozenset[int],
        replace: bool,
        reason: str = "",
    ) -> Hit:
        return Hit(start, end, frozenset(people), replace, reason)
