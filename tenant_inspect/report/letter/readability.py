"""Checking our own writing before it is exported: reading ease, long sentences, long words,
the passive voice and jargon, per section, and the hardest sentences with where they are.

Works on any report outline (the letter, the report, the progress report), section by
section (headings of levels 1 and 2: a report's parts and areas, the letter's parts), on prose only: tables and labelled facts are not sentences.
Reading ease is textstat's Flesch score (100 very easy … 0 very hard; 60 and over is the
usual plain-English mark); its syllable counts decide the long words. The passive voice is
found the way style checkers do: a form of "to be" followed by a past participle. It is a
pointer to look, not a verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...document_check.figures import reading_ease, split_sentences
from ..model import Bullets, Heading, Paragraph, Report, Title

#: Over this many words a sentence is hard work for many readers (plain-English guidance).
LONG_SENTENCE = 25
#: A word of this many syllables or more counts as long.
LONG_WORD_SYLLABLES = 4
#: Shorter sentences are not listed as hard (a signature, a heading-like line).
SHORTEST_LISTED = 10
#: The hardest sentences listed.
HARDEST = 8

_IRREGULAR = (
    "made done seen given taken shown known told found held kept paid sent set put built "
    "left brought bought met heard written chosen led run spent thought understood"
)
_PASSIVE_RE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:\w+ed|"
    + "|".join(_IRREGULAR.split())
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class HardSentence:
    """A sentence worth rewriting: where it is, its reading ease and why it is hard."""

    section: str
    text: str
    ease: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class SectionWriting:
    section: str
    ease: float | None
    sentences: int
    long_sentences: int
    long_words: int
    passive: int
    jargon: tuple[tuple[str, str], ...]  # (word as written, plain alternative)


@dataclass(frozen=True)
class WritingCheck:
    ease: float | None
    sections: tuple[SectionWriting, ...]
    hardest: tuple[HardSentence, ...]
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        """'Reading ease 64 (plain English) · 3 long sentences · 1 jargon word'"""
        long_sentences = sum(s.long_sentences for s in self.sections)
        jargon = sum(len(s.jargon) for s in self.sections)
        passive = sum(s.passive for s in self.sections)
        parts = [f"Reading ease {ease_words(self.ease)}"]
        parts.append(f"{long_sentences} long sentence{'s' * (long_sentences != 1)}")
        parts.append(f"{passive} passive")
        parts.append(f"{jargon} jargon word{'s' * (jargon != 1)}")
        return " · ".join(parts)


def ease_words(ease: float | None) -> str:
    if ease is None:
        return "not measured (no sentences)"
    verdict = "plain English" if ease >= 60 else "fairly hard" if ease >= 50 else "hard"
    return f"{min(ease, 100):.0f} ({verdict})"  # Flesch passes 100 for very short words


def _prose(report: Report) -> list[tuple[str, str]]:
    """(section, paragraph) for every paragraph and bullet of the report, in order."""
    section = "Opening"
    out: list[tuple[str, str]] = []
    for block in report.blocks:
        if isinstance(block, Heading) and block.level <= 2:
            section = block.text
        elif isinstance(block, Title):
            section = "Opening"
        elif isinstance(block, Paragraph):
            out.append((section, block.lead + block.text))
        elif isinstance(block, Bullets):
            out.extend((section, item) for item in block.items)
    return out


def _jargon_in(text: str, jargon: dict[str, str]) -> list[tuple[str, str]]:
    found = []
    for word, plain in jargon.items():
        for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
            found.append((m.group(0), plain))
    return found


def _long_words(text: str) -> list[str]:
    import textstat  # lazily: it loads a hyphenation dictionary

    words = re.findall(r"[A-Za-z][A-Za-z'-]+", text)
    return [w for w in words if textstat.syllable_count(w) >= LONG_WORD_SYLLABLES]


def check_writing(
    report: Report, jargon: dict[str, str], notes: tuple[str, ...] = ()
) -> WritingCheck:
    """Measure every section of ``report``; ``jargon`` maps words to plain alternatives."""
    by_section: dict[str, list[str]] = {}
    for section, paragraph in _prose(report):
        by_section.setdefault(section, []).append(paragraph)
    sections: list[SectionWriting] = []
    hard: list[HardSentence] = []
    for section, paragraphs in by_section.items():
        sentences = split_sentences(tuple(paragraphs))
        long_words = passive = long_sentences = 0
        section_jargon: list[tuple[str, str]] = []
        for sentence in sentences:
            words = _long_words(sentence.text)
            is_passive = bool(_PASSIVE_RE.search(sentence.text))
            found = _jargon_in(sentence.text, jargon)
            long_words += len(words)
            passive += is_passive
            long_sentences += sentence.words > LONG_SENTENCE
            section_jargon.extend(found)
            if sentence.words < SHORTEST_LISTED and not found:
                continue
            reasons = []
            if sentence.words > LONG_SENTENCE:
                reasons.append(f"{sentence.words} words")
            if words:
                reasons.append("long words: " + ", ".join(dict.fromkeys(words)))
            if is_passive:
                reasons.append("passive")
            reasons.extend(f"'{w}': say '{p}'" for w, p in found)
            ease = reading_ease(sentence.text)
            if ease is not None and (reasons or ease < 50):
                hard.append(HardSentence(section, sentence.text, ease, tuple(reasons)))
        sections.append(
            SectionWriting(
                section,
                reading_ease(" ".join(paragraphs)),
                len(sentences),
                long_sentences,
                long_words,
                passive,
                tuple(section_jargon),
            )
        )
    whole = " ".join(p for ps in by_section.values() for p in ps)
    hard.sort(key=lambda h: (h.ease, -len(h.reasons)))
    return WritingCheck(reading_ease(whole), tuple(sections), tuple(hard[:HARDEST]), notes)
