"""Near-duplicate findings: the same point written down by two inspectors.

After fieldwork, two inspectors who sat in the same interview often record the
same weakness in their own words. The findings board offers those pairs for
merging; the coordinator decides. A suggestion costs a glance, a missed
duplicate makes the report say the same thing twice, so the rule leans towards
suggesting.

**The rule.** Two findings are compared only when they are about the same area
and of the same kind (a strength and a weakness with similar words — "is in
plain English" / "is not in plain English" — are opposites, not duplicates).
Each text is reduced to its *content words*: lower-cased, split on anything
that is not a letter or digit, common English function words removed (but not
negations such as "no", "not", "never", which change the meaning), and a light
stemming (``booklets`` → ``booklet``, ``tenant's`` → ``tenant``). Then

* ``jaccard`` = shared content words / all content words of the two (token-set
  Jaccard), and
* ``ratio`` = :class:`difflib.SequenceMatcher` ratio of the two sequences of
  content words (the same words in nearly the same order score higher than the
  same words shuffled into a different point),

and the pair's **score** is ``(jaccard + ratio) / 2``. A pair is suggested when
the score is at least :data:`THRESHOLD` (0.5) — or ``jaccard`` alone is at least
0.6. Identical texts score 1.

**Speed.** Findings are bucketed by (area, kind); within a bucket an inverted
index of content words proposes only pairs that share at least two words (one,
for very short texts), skipping words used by more than half of a large bucket,
so the large demo's 1,000 findings take a few tens of milliseconds. A budget on
comparisons (:data:`MAX_COMPARISONS`) bounds the worst case; :class:`Result`
says when it was reached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Protocol

#: Suggest a pair at or above this score.
THRESHOLD = 0.5
#: ... or at or above this token-set Jaccard, whatever the word order.
JACCARD_ALONE = 0.6
#: At most this many pairs are scored in one run.
MAX_COMPARISONS = 200_000
#: Words used by more than this share of a bucket (of at least 20 findings) do not propose pairs.
COMMON_SHARE = 0.5

_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves us one two three
    said says say told tell tells there's it's that's
"""
#: Common English function words, left out before comparing.
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

#: Words that reverse a meaning: never dropped.
NEGATIONS = frozenset({"no", "not", "never", "none", "nothing", "nobody", "without", "cannot"})

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


class FindingLike(Protocol):
    """What similarity needs of a finding (a model row or any plain copy of one)."""

    @property
    def id(self) -> str: ...
    @property
    def area_id(self) -> str | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...


def _stem(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word:
        head, _, tail = word.partition("'")
        if tail == "t":  # don't, isn't, can't
            return "not"
        word = head
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """The text's content words in order (see the module docstring)."""
    words = []
    for raw in _WORD.findall(text.lower().replace("’", "'")):
        if raw in NEGATIONS:
            words.append(raw)
            continue
        word = _stem(raw)
        keep = word not in STOPWORDS and raw not in STOPWORDS and len(word) > 1
        if keep or word in NEGATIONS:
            words.append(word)
    return words


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Suggestion:
    """Two findings that look like the same point; ``first_id`` was recorded first."""

    first_id: str
    second_id: str
    score: float
    jaccard: float
    ratio: float


@dataclass(frozen=True)
class Result:
    suggestions: list[Suggestion]
    compared: int
    #: True when the comparison budget ran out (the rest of the pairs were not looked at).
    truncated: bool = False


@dataclass
class _Prepared:
    index: int
    id: str
    words: frozenset[str]
    sequence: tuple[str, ...]


def score_texts(a: str, b: str) -> tuple[float, float, float]:
    """(score, jaccard, ratio) of two texts, by the module's rule."""
    wa, wb = content_words(a), content_words(b)
    return _score(frozenset(wa), frozenset(wb), tuple(wa), tuple(wb))


def _score(
    a: frozenset[str], b: frozenset[str], sa: tuple[str, ...], sb: tuple[str, ...]
) -> tuple[float, float, float]:
    j = jaccard(a, b)
    if sa == sb:
        return (1.0 if sa else 0.0), j, 1.0 if sa else 0.0
    r = SequenceMatcher(None, sa, sb, autojunk=False).ratio() if sa and sb else 0.0
    return (j + r) / 2, j, r


def is_suggested(score: float, jaccard_value: float, threshold: float = THRESHOLD) -> bool:
    return score >= threshold or jaccard_value >= JACCARD_ALONE


def suggest_duplicates(
    findings: Iterable[FindingLike],
    *,
    threshold: float = THRESHOLD,
    limit: int | None = 500,
    max_comparisons: int = MAX_COMPARISONS,
    exclude: Iterable[tuple[str, str]] = (),
) -> Result:
    """Pairs of findings that look like duplicates, best first.

    ``exclude`` holds pairs the coordinator has already said are not
    duplicates (either order). ``limit`` caps how many are returned.
    """
    skip = {frozenset(pair) for pair in exclude}
    buckets: dict[tuple[str | None, str], list[_Prepared]] = {}
    for index, f in enumerate(findings):
        words = content_words(f.text)
        prepared = _Prepared(index, f.id, frozenset(words), tuple(words))
        buckets.setdefault((f.area_id, f.kind), []).append(prepared)

    found: list[tuple[float, int, int, Suggestion]] = []
    compared = 0
    truncated = False
    for rows in buckets.values():
        if len(rows) < 2:
            continue
        postings: dict[str, list[int]] = {}
        for pos, row in enumerate(rows):
            for word in row.words:
                postings.setdefault(word, []).append(pos)
        too_common = len(rows) * COMMON_SHARE if len(rows) >= 20 else len(rows) + 1
        for pos, row in enumerate(rows):
            shared: dict[int, int] = {}
            for word in row.words:
                posting = postings[word]
                if len(posting) > too_common:
                    continue
                for other in posting:
                    if other > pos:
                        shared[other] = shared.get(other, 0) + 1
            for other, common in shared.items():
                peer = rows[other]
                need = 1 if min(len(row.words), len(peer.words)) <= 3 else 2
                if common < need:
                    continue
                if frozenset((row.id, peer.id)) in skip:
                    continue
                if compared >= max_comparisons:
                    truncated = True
                    break
                compared += 1
                score, j, r = _score(row.words, peer.words, row.sequence, peer.sequence)
                if is_suggested(score, j, threshold):
                    first, second = (row, peer) if row.index < peer.index else (peer, row)
                    found.append(
                        (
                            -score,
                            first.index,
                            second.index,
                            Suggestion(first.id, second.id, score, j, r),
                        )
                    )
            if truncated:
                break
        if truncated:
            break
    found.sort(key=lambda item: item[:3])
    suggestions = [item[3] for item in found]
    if limit is not None:
        suggestions = suggestions[:limit]
    return Result(suggestions, compared, truncated)
